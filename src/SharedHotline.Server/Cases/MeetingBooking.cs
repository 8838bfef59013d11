using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Domain.Cases;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Cases;

/// <summary>
/// Free telefonmøde times and the booking of one: a time has one place per staff member of the kommune who takes
/// the topic (an active agent with the topic as a skill), and taking a place is an insert the database's unique key
/// decides, so two nodes booking the last place concurrently give one booking and one <c>meeting_time_taken</c>.
/// </summary>
public sealed class MeetingBooking(HotlineDbContext db, RotaProvider rota, TimeProvider time)
{
    public async Task<int> PlacesAsync(Kommune kommune, string topic, CancellationToken ct)
    {
        var staff = await db.Staff.AsNoTracking().Where(s => s.HomeKommune == kommune.Kode && !s.Disabled).ToListAsync(ct);
        return staff.Count(s => s.Roles.Contains(StaffRoles.Agent) && s.Skills.Contains(topic, StringComparer.OrdinalIgnoreCase));
    }

    public async Task<IReadOnlyList<MeetingTime>> FreeAsync(Kommune kommune, MeetingTopic topic, Guid? exceptCase, CancellationToken ct) =>
        (await TimesAsync(kommune, topic, exceptCase, ct)).Free;

    /// <summary>The topic's offered times and, of those, the ones with a place left.</summary>
    private async Task<(IReadOnlyList<MeetingTime> Offered, IReadOnlyList<MeetingTime> Free)> TimesAsync(Kommune kommune, MeetingTopic topic, Guid? exceptCase, CancellationToken ct)
    {
        var snapshot = await rota.GetAsync(ct);
        var closedDays = snapshot.PartnershipsOf(kommune.Kode).SelectMany(p => p.ClosedDays).ToList();
        var now = time.GetUtcNow();
        var offered = MeetingTimes.Offered(topic, kommune.Settings.OwnHours, closedDays, RotaSnapshot.Copenhagen, Instant.FromDateTimeOffset(now));
        var places = await PlacesAsync(kommune, topic.Code, ct);
        var booked = await db.MeetingPlaces.AsNoTracking()
            .Where(p => p.KommuneKode == kommune.Kode && p.Topic == topic.Code && p.Start >= now && p.CaseId != exceptCase)
            .Select(p => p.Start)
            .ToListAsync(ct);
        var counts = booked.GroupBy(s => Instant.FromDateTimeOffset(s)).ToDictionary(g => g.Key, g => g.Count());
        return (offered, MeetingTimes.Free(offered, places, counts));
    }

    /// <summary>
    /// Refuses a <paramref name="start"/> that is not one of the topic's offered times (in the past, outside its hours,
    /// on a closed day) with <c>invalid_argument</c>, and an offered one with no place left with <c>meeting_time_taken</c>
    /// and the next free times.
    /// </summary>
    public async Task RequireFreeAsync(Kommune kommune, MeetingTopic topic, DateTimeOffset start, Guid? exceptCase, CancellationToken ct)
    {
        var at = Instant.FromDateTimeOffset(start);
        var (offered, free) = await TimesAsync(kommune, topic, exceptCase, ct);
        if (offered.All(t => t.Start != at))
        {
            throw new HotlineException(HotlineErrorCode.InvalidArgument, "start: that is not one of the offered times; choose a free time from the list.");
        }

        if (free.All(t => t.Start != at))
        {
            throw Taken(free);
        }
    }

    /// <summary>
    /// Saves the case (new or changed) together with a place at its meeting time, in one transaction; the previous
    /// place of a moved meeting is given up in the same step. Refuses with <c>meeting_time_taken</c> when every
    /// place went to others first, and with <c>case_conflict</c> when the case changed meanwhile.
    /// </summary>
    public async Task SaveWithPlaceAsync(CaseRecord record, Kommune kommune, MeetingTopic topic, bool isNew, CancellationToken ct)
    {
        var places = await PlacesAsync(kommune, topic.Code, ct);
        var start = record.MeetingStart!.Value;
        var strategy = db.Database.CreateExecutionStrategy();
        for (var place = 1; place <= places; place++)
        {
            var claim = new MeetingPlaceRecord { KommuneKode = kommune.Kode, Topic = topic.Code, Start = start, Place = place, CaseId = record.Id };
            try
            {
                await strategy.ExecuteAsync(async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    if (!isNew)
                    {
                        await db.MeetingPlaces.Where(p => p.CaseId == record.Id).ExecuteDeleteAsync(ct);
                    }

                    db.MeetingPlaces.Add(claim);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                });
                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new HotlineException(HotlineErrorCode.CaseConflict, "The case was changed meanwhile; reload it and decide again.");
            }
            catch (DbUpdateException)
            {
                db.Entry(claim).State = EntityState.Detached;
            }
        }

        throw Taken(await FreeAsync(kommune, topic, record.Id, ct));
    }

    private static HotlineException Taken(IReadOnlyList<MeetingTime> free)
    {
        var next = string.Join(", ", free.Take(3).Select(t => t.LocalStart.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
        return new HotlineException(HotlineErrorCode.MeetingTimeTaken, free.Count == 0
            ? "That time is no longer free, and no other time is free in the next 14 days."
            : $"That time is no longer free. The next free times are {next}.");
    }
}
