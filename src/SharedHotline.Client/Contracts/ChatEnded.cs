namespace SharedHotline.Client.Contracts;

/// <summary>
/// A chat left an agent's desk: <paramref name="Reason"/> is one of <see cref="ChatRemovedReasons"/>; for
/// <see cref="ChatRemovedReasons.Ended"/>, <paramref name="EndedBy"/> says who ended it.
/// </summary>
public sealed record ChatRemoved(Guid ChatId, string Reason, string? EndedBy = null);
