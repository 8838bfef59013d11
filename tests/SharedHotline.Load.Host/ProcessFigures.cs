using System.Diagnostics;

namespace SharedHotline.Load.Host;

/// <summary>What the load generator reads from the server: memory after a full collection, and connections.</summary>
public sealed record ProcessFigures(long ManagedHeapBytes, long WorkingSetBytes, int Connections, int ThreadPoolThreads, double CpuSeconds, long PinnedHeapBytes, long LargeObjectHeapBytes)
{
    public static ProcessFigures Read(ConnectionCounter connections, bool collect)
    {
        if (collect)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        using var process = Process.GetCurrentProcess();
        var generations = GC.GetGCMemoryInfo(GCKind.Any).GenerationInfo;
        return new ProcessFigures(
            GC.GetTotalMemory(false),
            process.WorkingSet64,
            connections.Current,
            ThreadPool.ThreadCount,
            process.TotalProcessorTime.TotalSeconds,
            PinnedHeapBytes: generations.Length > 4 ? generations[4].SizeAfterBytes : 0,
            LargeObjectHeapBytes: generations.Length > 3 ? generations[3].SizeAfterBytes : 0);
    }
}
