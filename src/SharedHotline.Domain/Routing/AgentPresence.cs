namespace SharedHotline.Domain.Routing;

public enum PresenceStatus
{
    Offline,
    Away,
    Available,
}

/// <summary>A signed-in agent's live state as the router sees it.</summary>
public sealed record AgentPresence(
    Guid AgentId,
    int HomeKommune,
    PresenceStatus Status,
    int Capacity,
    IReadOnlyList<string> Skills,
    int ActiveChats,
    DateTimeOffset LastFreedAt)
{
    public bool CanTakeChat => Status == PresenceStatus.Available && ActiveChats < Capacity;
}
