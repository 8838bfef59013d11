using BenchmarkDotNet.Attributes;
using NodaTime;
using SharedHotline.Domain.Rota;

namespace SharedHotline.Benchmarks;

/// <summary>
/// The rota queries routing makes: who is on duty for a kommune now (every dispatch, per queued kommune)
/// and when a closed kommune opens next (every closed start and status call). Each operation is one
/// kommune; the figures are per lookup, averaged over all 98 kommuner and 52 instants through 2026.
/// </summary>
[MemoryDiagnoser]
public class RotaSnapshotBenchmarks
{
    private const int Weeks = 52;
    private RotaSnapshot _snapshot = null!;
    private Instant[] _eveningShift = null!;
    private Instant[] _fridayNight = null!;

    [GlobalSetup]
    public void Setup()
    {
        _snapshot = LargeRota.Create();
        var zone = RotaSnapshot.Copenhagen;
        _eveningShift = Enumerable.Range(0, Weeks).Select(w => new LocalDateTime(2026, 1, 6, 20, 30).PlusWeeks(w).InZoneLeniently(zone).ToInstant()).ToArray();
        _fridayNight = Enumerable.Range(0, Weeks).Select(w => new LocalDateTime(2026, 1, 2, 19, 0).PlusWeeks(w).InZoneLeniently(zone).ToInstant()).ToArray();
    }

    [Benchmark(OperationsPerInvoke = LargeRota.KommuneCount * Weeks)]
    public int DutyAt_Tuesday_evening()
    {
        var rostered = 0;
        foreach (var t in _eveningShift)
        {
            for (var k = 0; k < LargeRota.KommuneCount; k++)
            {
                rostered += _snapshot.DutyAt(LargeRota.KodeOf(k), t).Slots.Count;
            }
        }

        return rostered;
    }

    [Benchmark(OperationsPerInvoke = LargeRota.KommuneCount * 4)]
    public int NextOpening_Friday_night()
    {
        var found = 0;
        for (var w = 0; w < 4; w++)
        {
            for (var k = 0; k < LargeRota.KommuneCount; k++)
            {
                found += _snapshot.NextOpening(LargeRota.KodeOf(k), _fridayNight[w * 13]) is null ? 0 : 1;
            }
        }

        return found;
    }
}
