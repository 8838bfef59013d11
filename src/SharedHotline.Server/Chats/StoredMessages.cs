using SharedHotline.Client.Contracts;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>
/// What follows once a citizen's or an agent's message is stored: its domain event (once), the push to the other
/// side and to the writer's other connections, and the writer's acknowledgement.
/// </summary>
public sealed class StoredMessages(ChatNotifier notify, Events.DomainEventPublisher events, ILogger<StoredMessages> logger)
{
    public async Task<MessageAck> AcknowledgeAsync(ChatMessageLog.Appended appended, int kommuneKode, Guid? agentId, string? writerConnectionId)
    {
        var m = appended.Message;
        if (!appended.Duplicate)
        {
            var sender = m.Sender == MessageSender.Agent ? "agent" : "citizen";
            logger.LogDebug("Chat {ChatId} {Sender} message {Seq} stored", m.ChatId, sender, m.Seq);
            events.Enqueue(new Domain.Events.ChatMessageStored(m.ChatId, kommuneKode, m.Seq, sender, m.SentAt));
        }

        // A resend usually means the first answer was lost, perhaps before the message was pushed: push it again
        // (clients drop a number they have seen).
        await notify.MessageAsync(m.ToContract(), agentId, writerConnectionId);
        return new MessageAck(m.Id, m.ChatId, m.Seq, m.ClientMessageId, m.SentAt, appended.Duplicate);
    }
}
