using NodaTime;
using SharedHotline.Domain.Rota;

namespace SharedHotline.Domain.Cases;

/// <summary>One bookable time: its wall-clock start in Copenhagen and the instant it is.</summary>
public sealed record MeetingTime(LocalDateTime LocalStart, Instant Start, Instant End);

/// <summary>
/// The times a topic's telefonmøder can be booked: back-to-back meetings through the topic's hours on each open day,
/// from the next whole time after <c>now</c> for <see cref="Days"/> days. Public holidays and the kommune's closed
/// days (from a given time, such as juleaften afternoon) offer nothing. A local time that does not exist on a DST
/// day is skipped; an ambiguous one takes its first occurrence. A time is free while fewer meetings are booked at
/// it than there are staff who take the topic.
/// </summary>
public static class MeetingTimes
{
    public const int Days = 14;

    public static IReadOnlyList<MeetingTime> Offered(MeetingTopic topic, WeeklyHours ownHours, IReadOnlyList<ClosedDay> closedDays, DateTimeZone zone, Instant now, int days = Days)
    {
        var hours = topic.Hours ?? ownHours;
        var length = Period.FromMinutes(topic.Minutes);
        var today = now.InZone(zone).Date;
        var times = new List<MeetingTime>();
        for (var date = today; date < today.PlusDays(days); date = date.PlusDays(1))
        {
            var day = date.ToDateOnly();
            if (RotaCalendar.HolidayName(day) is not null)
            {
                continue;
            }

            var closed = closedDays.FirstOrDefault(c => c.Matches(day));
            foreach (var window in hours.On(day.DayOfWeek))
            {
                var end = closed?.ClosedFrom is { } from && from < window.End ? from : window.End;
                if (closed is { ClosedFrom: null })
                {
                    continue;
                }

                for (var start = date.At(LocalTime.FromTimeOnly(window.Start)); start.Plus(length).TimeOfDay <= LocalTime.FromTimeOnly(end) && start.Plus(length).Date == date; start = start.Plus(length))
                {
                    if (zone.MapLocal(start) is { Count: > 0 } mapping && mapping.First().ToInstant() is var at && at > now)
                    {
                        times.Add(new MeetingTime(start, at, at.Plus(Duration.FromMinutes(topic.Minutes))));
                    }
                }
            }
        }

        return times;
    }

    /// <summary>The offered times with a place left: fewer than <paramref name="places"/> meetings booked at them.</summary>
    public static IReadOnlyList<MeetingTime> Free(IReadOnlyList<MeetingTime> offered, int places, IReadOnlyDictionary<Instant, int> booked) =>
        offered.Where(t => (booked.TryGetValue(t.Start, out var n) ? n : 0) < places).ToList();
}
