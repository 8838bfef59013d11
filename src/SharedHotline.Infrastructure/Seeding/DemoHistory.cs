using NodaTime;
using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Routing;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Seeding;

/// <summary>
/// Eight weeks of finished chats for the demo, so a new user sees real statistics on first start: each kommune's
/// citizens arrive at random in the hours the hotline was open for them (its own hours, the shared evening slots),
/// more in the evening peak, Fredensborg about three times as often as Sorø or Frederikssund. Answered by the
/// kommune's own staff in its own hours and by the slot's responsible kommune in shared hours, a few by overflow;
/// some citizens give up. The chats carry no messages and no names: only what the statistics count.
/// </summary>
public static class DemoHistory
{
    public const int Weeks = 8;

    /// <summary>Chats per open hour for each kommune, before the hour-of-day profile.</summary>
    private static readonly Dictionary<int, double> Rates = new()
    {
        [210] = 1.5, // Fredensborg
        [250] = 0.5, // Frederikssund
        [340] = 0.5, // Sorø
        [190] = 0.8, // Furesø
        [316] = 0.9, // Holbæk
        [101] = 2.0, // København
    };

    private static readonly string[] Topics = ["pas", "koerekort", "mitid", "digital-post", "folkeregister", "sygedagpenge", "kontanthjaelp", "boliganvisning"];

    public static IReadOnlyList<ChatRecord> Create(RotaSnapshot rota, DateTimeOffset now, int seed = 2026)
    {
        ArgumentNullException.ThrowIfNull(rota);
        var random = new Random(seed);
        var zone = rota.Zone;
        var end = StartOfHour(Instant.FromDateTimeOffset(now));
        var chats = new List<ChatRecord>();
        var number = 0;
        foreach (var kommune in rota.Kommuner.Where(k => Rates.ContainsKey(k.Kode)))
        {
            for (var hour = end - Duration.FromDays(7 * Weeks); hour < end; hour += Duration.FromHours(1))
            {
                var duty = rota.DutyAt(kommune.Kode, hour + Duration.FromMinutes(30));
                if (!duty.IsOpen)
                {
                    continue;
                }

                var rate = Rates[kommune.Kode] * Profile(hour.InZone(zone).Hour);
                for (var i = Poisson(random, rate); i > 0; i--)
                {
                    var started = hour + Duration.FromSeconds(random.Next(3600));
                    if (started >= Instant.FromDateTimeOffset(now) - Duration.FromMinutes(30))
                    {
                        continue;
                    }

                    chats.Add(Chat(rota, kommune, duty, started, random, ++number));
                }
            }
        }

        return chats;
    }

    private static ChatRecord Chat(RotaSnapshot rota, Kommune kommune, DutyStatus duty, Instant started, Random random, int number)
    {
        var evening = started.InZone(rota.Zone).Hour >= 17;
        var wait = Duration.FromSeconds(Exponential(random, evening ? 75 : 35));
        var gaveUp = random.NextDouble() < (evening ? 0.08 : 0.04);
        var created = started.ToDateTimeOffset();
        var chat = new ChatRecord
        {
            Id = Guid.CreateVersion7(created),
            Reference = $"{kommune.ReferencePrefix}-H{number:D5}",
            KommuneKode = kommune.Kode,
            Topic = Topics[random.Next(Topics.Length)],
            CreatedAt = created,
        };
        if (gaveUp)
        {
            chat.State = ChatState.Abandoned;
            chat.EndedAt = (started + wait).ToDateTimeOffset();
            chat.EndedBy = "citizen";
            return chat;
        }

        var answeredBy = duty.Mode == OpeningMode.Own ? kommune.Kode : duty.ResponsibleKommune ?? kommune.Kode;
        if (duty.Mode == OpeningMode.Shared && duty.Overflow.Count > 0 && random.NextDouble() < 0.05)
        {
            answeredBy = duty.Overflow[0].KommuneKode;
        }

        var accepted = started + wait;
        var handle = Duration.FromSeconds(Math.Clamp(Exponential(random, 420), 45, 3600));
        chat.State = ChatState.Ended;
        chat.AgentId = null;
        chat.AssignedAt = accepted.ToDateTimeOffset();
        chat.AcceptedAt = chat.AssignedAt;
        chat.FirstAcceptedAt = chat.AssignedAt;
        chat.AnsweredByKommune = answeredBy;
        chat.ServedIn = ServedInRule.Of(rota, kommune.Kode, answeredBy, created);
        chat.EndedAt = (accepted + handle).ToDateTimeOffset();
        chat.EndedBy = random.NextDouble() < 0.7 ? "agent" : "citizen";
        return chat;
    }

    /// <summary>How busy an hour of the day is relative to the kommune's rate: quiet mornings, an evening peak at 19-20.</summary>
    private static double Profile(int hour) => hour switch
    {
        < 10 => 0.6,
        < 13 => 1.0,
        < 16 => 0.8,
        < 18 => 0.9,
        < 19 => 1.2,
        < 21 => 1.6,
        _ => 0.9,
    };

    private static Instant StartOfHour(Instant t) => Instant.FromUnixTimeSeconds(t.ToUnixTimeSeconds() / 3600 * 3600);

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }
}
