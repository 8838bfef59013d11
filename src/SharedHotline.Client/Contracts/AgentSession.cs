namespace SharedHotline.Client.Contracts;

/// <summary>The signed-in agent, their presence and the chats assigned to them.</summary>
public sealed record AgentSession(
    Guid AgentId,
    string DisplayName,
    string HomeKommune,
    Presence Presence,
    int Capacity,
    IReadOnlyList<string> ServingKommuner,
    IReadOnlyList<AgentChat> Chats);
