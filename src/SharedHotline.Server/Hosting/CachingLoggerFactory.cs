using System.Collections.Concurrent;

namespace SharedHotline.Server.Hosting;

/// <summary>
/// Serilog's logger factory makes a new logger (with its own event-id cache) on every <c>CreateLogger</c>
/// call, and Kestrel and SignalR ask for several loggers per connection: about 2 KiB of heap for as long as
/// an idle citizen stays connected (measured with a heap snapshot at 10,000 connections, docs/benchmarks.md).
/// This keeps one logger per category, as Microsoft's own factory does.
/// </summary>
public sealed class CachingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, inner.CreateLogger);

    public void AddProvider(ILoggerProvider provider)
    {
        inner.AddProvider(provider);
        _loggers.Clear();
    }

    public void Dispose() => inner.Dispose();

    /// <summary>Wraps the logger factory registered last (Serilog's) in the cache.</summary>
    public static IServiceCollection Decorate(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory))
            ?? throw new InvalidOperationException("No logger factory is registered.");
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(sp => new CachingLoggerFactory(registered switch
        {
            { ImplementationInstance: ILoggerFactory instance } => instance,
            { ImplementationFactory: { } factory } => (ILoggerFactory)factory(sp),
            { ImplementationType: { } type } => (ILoggerFactory)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException("The logger factory registration cannot be wrapped."),
        }));
        return services;
    }
}
