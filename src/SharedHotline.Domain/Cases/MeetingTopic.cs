using SharedHotline.Domain.Rota;

namespace SharedHotline.Domain.Cases;

/// <summary>
/// A topic a kommune books telefonmøder for: how long a meeting is and in which of its own hours they are held
/// (null: the kommune's own hours). Staff whose skills include <see cref="Code"/> take them; each of them is one
/// place per time.
/// </summary>
public sealed record MeetingTopic(string Code, int Minutes, WeeklyHours? Hours = null)
{
    public const int MinMinutes = 5;
    public const int MaxMinutes = 120;
}
