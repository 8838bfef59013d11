using BenchmarkDotNet.Attributes;
using NodaTime;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Routing;

namespace SharedHotline.Benchmarks;

/// <summary>
/// Routing decisions at regional scale: 98 kommuner, 2,000 agents, 10,000 queued chats, at 20:30 on a
/// Tuesday (shared slots) and at 10:00 (own hours). <c>ChooseAgent</c> is one decision for one chat;
/// <c>Plan</c> is a whole dispatch pass when one agent frees up with the full queue waiting.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private const int AgentCount = 2000;
    private const int QueuedCount = 10_000;
    private RotaSnapshot _rota = null!;
    private AgentPresence[] _agents = null!;
    private AgentPresence[] _allBusyButOne = null!;
    private QueuedChat[] _queue = null!;
    private DutyStatus _eveningDuty = null!;
    private DutyStatus _morningDuty = null!;
    private DateTimeOffset _evening;
    private DateTimeOffset _morning;

    [GlobalSetup]
    public void Setup()
    {
        _rota = LargeRota.Create();
        var zone = RotaSnapshot.Copenhagen;
        _evening = new LocalDateTime(2026, 3, 10, 20, 30).InZoneLeniently(zone).ToDateTimeOffset();
        _morning = new LocalDateTime(2026, 3, 10, 10, 0).InZoneLeniently(zone).ToDateTimeOffset();
        var topics = new[] { "pas", "koerekort", "folkeregister", "mitid", "sygedagpenge" };
        var random = new Random(7);
        _agents = Enumerable.Range(0, AgentCount).Select(i =>
        {
            var kode = LargeRota.KodeOf(i % LargeRota.KommuneCount);
            var number = (i / LargeRota.KommuneCount) + 1;
            return new AgentPresence(LargeRota.AgentOf(kode, number), kode, PresenceStatus.Available, 3, [topics[i % topics.Length]], random.Next(0, 3), _evening.AddMinutes(-random.Next(60)));
        }).ToArray();
        _allBusyButOne = _agents.Select((a, i) => a with { ActiveChats = i == AgentCount / 2 ? 2 : 3 }).ToArray();
        _queue = Enumerable.Range(0, QueuedCount)
            .Select(i => new QueuedChat(Guid.NewGuid(), LargeRota.KodeOf(random.Next(LargeRota.KommuneCount)), topics[random.Next(topics.Length)], _evening.AddSeconds(-i)) { Arrival = i })
            .Order(Router.ServiceOrder.Instance) // as the live stores hand it over
            .ToArray();
        var kommune = _queue[0].KommuneKode;
        _eveningDuty = _rota.DutyAt(kommune, Instant.FromDateTimeOffset(_evening));
        _morningDuty = _rota.DutyAt(kommune, Instant.FromDateTimeOffset(_morning));
    }

    [Benchmark]
    public AgentPresence? ChooseAgent_evening_shared_slot() => Router.ChooseAgent(_queue[0], _agents, _eveningDuty, _evening);

    [Benchmark]
    public AgentPresence? ChooseAgent_morning_own_hours() => Router.ChooseAgent(_queue[0], _agents, _morningDuty, _morning);

    [Benchmark]
    public int Plan_one_agent_frees_up_with_10000_queued() => Router.Plan(_queue, _allBusyButOne, _rota, _evening).Count;

    [Benchmark]
    public int Plan_all_agents_free_with_10000_queued() => Router.Plan(_queue, _agents, _rota, _morning).Count;
}
