using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Tests.Persistence;

/// <summary>Messages a citizen writes, as the message path hands them to the store, and the states they may be written in.</summary>
internal static class CitizenMessages
{
    public static readonly ChatState[] Writable = [ChatState.Queued, ChatState.Assigned, ChatState.Active];

    public static ChatMessageRecord New(Guid chatId, string clientMessageId, string? senderName = null) => new()
    {
        Id = Guid.NewGuid(),
        ChatId = chatId,
        ClientMessageId = clientMessageId,
        Sender = MessageSender.Citizen,
        SenderName = senderName,
        Text = "Hvornår kan jeg hente mit pas?",
        SentAt = DateTimeOffset.UtcNow,
    };
}
