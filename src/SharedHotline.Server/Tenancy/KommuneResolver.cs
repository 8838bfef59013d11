namespace SharedHotline.Server.Tenancy;

public sealed record KommuneResolution(KommuneContext? Context, string? Identifier);

/// <summary>Tries the strategies by priority; the first identifier found is looked up in the store.</summary>
public sealed class KommuneResolver(IEnumerable<IKommuneResolutionStrategy> strategies, IKommuneStore store, ILogger<KommuneResolver> logger)
{
    private readonly IKommuneResolutionStrategy[] _strategies = strategies.OrderBy(s => s.Priority).ToArray();

    public async ValueTask<KommuneResolution> ResolveAsync(object context, CancellationToken ct = default)
    {
        foreach (var strategy in _strategies)
        {
            var identifier = await strategy.GetIdentifierAsync(context);
            if (string.IsNullOrWhiteSpace(identifier))
            {
                continue;
            }

            var kommune = await store.TryGetBySlugAsync(identifier, ct);
            if (kommune is null)
            {
                // What the caller sent is not logged: a citizen may have typed anything into it.
                logger.LogInformation("No kommune found for the identifier from the {Strategy} strategy", strategy.Name);
                return new KommuneResolution(null, identifier);
            }

            return new KommuneResolution(new KommuneContext(kommune, identifier, strategy.Name), identifier);
        }

        return new KommuneResolution(null, null);
    }
}
