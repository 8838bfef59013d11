using System.Security.Cryptography;
using NodaTime;
using SharedHotline.Domain.Cases;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Seeding;

/// <summary>
/// A few telefonmøder and messages for the demo, so that the agents' Opgaver are not empty: Holbæk sygedagpenge,
/// Furesø kontanthjælp and a message to Sorø. Their status links are not known to anyone.
/// </summary>
public static class DemoCases
{
    public static IEnumerable<(CaseRecord Case, MeetingPlaceRecord? Place)> Create(IReadOnlyDictionary<int, KommuneSettings> kommuner, DateTimeOffset now)
    {
        var zone = DateTimeZoneProviders.Tzdb["Europe/Copenhagen"];
        foreach (var (kode, prefix, topic, index, name, phone, note) in new[]
        {
            (316, "HOL", "sygedagpenge", 2, "Jonas Holm", "20304050", "Spørgsmål om min sygemelding"),
            (190, "FUR", "kontanthjaelp", 1, "Sara Nielsen", "+4530405060", (string?)null),
        })
        {
            if (!kommuner.TryGetValue(kode, out var settings) || settings.FindMeetingTopic(topic) is not { } meeting)
            {
                continue;
            }

            var offered = MeetingTimes.Offered(meeting, settings.OwnHours, [], zone, Instant.FromDateTimeOffset(now));
            if (offered.Count <= index)
            {
                continue;
            }

            var start = offered[index].Start.ToDateTimeOffset();
            var record = New(kode, prefix, CaseKind.Meeting, topic, start, meeting.Minutes, name, phone, note, now);
            yield return (record, new MeetingPlaceRecord { KommuneKode = kode, Topic = topic, Start = start, Place = 1, CaseId = record.Id });
        }

        yield return (New(340, "SOR", CaseKind.Message, "folkeregister", null, 0, "Ole Berg", null, "Jeg er flyttet, men min post kommer stadig til den gamle adresse.", now), null);
    }

    private static CaseRecord New(int kode, string prefix, CaseKind kind, string topic, DateTimeOffset? start, int minutes, string name, string? phone, string? note, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var received = Case.Receive(id, $"{prefix}-DEMO{RandomNumberGenerator.GetInt32(10, 99)}", kode, kind, topic, start, now);
        var record = new CaseRecord
        {
            Id = id,
            Reference = received.Reference,
            KommuneKode = kode,
            Kind = kind,
            Topic = topic,
            Name = name,
            Phone = phone,
            Message = note,
            CreatedAt = now,
            MeetingMinutes = minutes,
            StatusTokenHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
        };
        record.Apply(received);
        record.Version = 0;
        return record;
    }
}
