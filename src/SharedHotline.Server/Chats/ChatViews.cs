using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Chats;

/// <summary>Maps stored chats to what citizens and agents see.</summary>
public static class ChatViews
{
    public static ChatMessage ToContract(this ChatMessageRecord m) =>
        new(m.Id, m.ChatId, m.Seq, m.ClientMessageId, (Sender)(int)m.Sender, m.SenderName, m.Text, m.SentAt, m.ContainsCpr);

    public static ChatStatus ToContract(this ChatState state) => (ChatStatus)(int)state;

    public static AgentChat ToAgentChat(this ChatRecord chat, Kommune kommune, IEnumerable<ChatMessageRecord> messages) => new(
        chat.Id,
        chat.Reference,
        kommune.Slug,
        kommune.Name,
        chat.Topic,
        chat.CitizenName,
        chat.State.ToContract(),
        chat.CreatedAt,
        messages.OrderBy(m => m.Seq).Select(ToContract).ToList(),
        kommune.Settings.CannedAnswers.Select(c => new CannedAnswerDto(c.Title, c.Text)).ToList(),
        kommune.Settings.SelfServiceLinks.Select(l => new LinkDto(l.Title, l.Url)).ToList(),
        chat.InvitedFromUrl is { } url ? new InvitedFrom(url, chat.InvitedFromTitle) : null);

    public static string FirstName(string displayName) => displayName.Split(' ', 2)[0];
}
