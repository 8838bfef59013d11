namespace SharedHotline.Domain.Statistics;

/// <summary>Which arrangement answered a chat: the citizen's kommune in its own hours, the partnership in a shared slot,
/// or the overflow partner after the partnership's wait limit.</summary>
public enum ServedIn
{
    Own,
    Shared,
    Overflow,
}
