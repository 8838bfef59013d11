using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SharedHotline.Infrastructure.Telemetry;

/// <summary>Times every EF Core database command into <c>hotline.store.duration</c> (the statement text is never recorded).</summary>
public sealed class StoreTimingInterceptor(HotlineMetrics metrics) : DbCommandInterceptor
{
    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        metrics.StoreCommand("query", eventData.Duration);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        metrics.StoreCommand("query", eventData.Duration);
        return base.ReaderExecuted(command, eventData, result);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        metrics.StoreCommand("write", eventData.Duration);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        metrics.StoreCommand("write", eventData.Duration);
        return base.NonQueryExecuted(command, eventData, result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        metrics.StoreCommand("scalar", eventData.Duration);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        metrics.StoreCommand("scalar", eventData.Duration);
        return base.ScalarExecuted(command, eventData, result);
    }

    /// <summary>For a statement run on the raw connection (the message insert), which bypasses the interceptors.</summary>
    public void Record(string kind, long startTimestamp) => metrics.StoreCommand(kind, Stopwatch.GetElapsedTime(startTimestamp));

    /// <summary>The interceptor registered on this context's options, if any.</summary>
    public static StoreTimingInterceptor? Of(Microsoft.EntityFrameworkCore.DbContext db) =>
        Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>(db)
            .FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.Interceptors?.OfType<StoreTimingInterceptor>().FirstOrDefault();
}
