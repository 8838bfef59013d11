using SharedHotline.Domain.Chats;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// The stored row and the domain's <see cref="Chat"/>: a change is made on the aggregate, whose transitions check it,
/// and copied back onto the row for the guarded writes of <see cref="OpenChatWrites"/>.
/// </summary>
public static class ChatRecordAggregate
{
    public static Chat ToChat(this ChatRecord row) => Chat.Restore(new StoredChat(
        row.Id, row.KommuneKode, row.Topic, row.CreatedAt, row.State, row.AgentId, row.AssignedAt, row.AcceptedAt,
        row.EndedAt, row.EndedBy, row.FirstAcceptedAt, row.AnsweredByKommune, row.ServedIn));

    /// <summary>Makes the change on the aggregate and copies its facts onto the row; the transition's event is returned.</summary>
    public static T Change<T>(this ChatRecord row, Func<Chat, T> transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var chat = row.ToChat();
        var result = transition(chat);
        row.CopyFrom(chat.Facts);
        return result;
    }

    private static void CopyFrom(this ChatRecord row, StoredChat facts)
    {
        row.State = facts.State;
        row.AgentId = facts.AgentId;
        row.AssignedAt = facts.AssignedAt;
        row.AcceptedAt = facts.AcceptedAt;
        row.EndedAt = facts.EndedAt;
        row.EndedBy = facts.EndedBy;
        row.FirstAcceptedAt = facts.FirstAcceptedAt;
        row.AnsweredByKommune = facts.AnsweredByKommune;
        row.ServedIn = facts.ServedIn;
    }
}
