using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>
/// What follows once a citizen's or an agent's message is stored: its domain event and the push to the other side and
/// to the writer's other connections (both once, never for a resend), and the writer's acknowledgement.
/// </summary>
public sealed class StoredMessages(ChatNotifier notify, Events.DomainEventPublisher events, ILogger<StoredMessages> logger)
{
    public async Task<MessageAck> AcknowledgeAsync(ChatMessageLog.Appended appended, int kommuneKode, Guid? agentId, string? writerConnectionId)
    {
        var m = appended.Message;
        var ack = new MessageAck(m.Id, m.ChatId, m.Seq, m.ClientMessageId, m.SentAt, appended.Duplicate);
        if (appended.Duplicate)
        {
            // A resend gets the first acknowledgement only. The first send pushed the message once it was stored;
            // a reader who missed that push (a lost socket, a resync) replays it from the store by its number.
            return ack;
        }

        var sender = m.Sender == MessageSender.Agent ? "agent" : "citizen";
        logger.LogDebug("Chat {ChatId} {Sender} message {Seq} stored", m.ChatId, sender, m.Seq);
        events.Enqueue(new Domain.Events.ChatMessageStored(m.ChatId, kommuneKode, m.Seq, sender, m.SentAt));
        await notify.MessageAsync(m.ToContract(), agentId, writerConnectionId);
        return ack;
    }
}
