namespace SharedHotline.Server.Tenancy;

/// <summary>
/// Finds the kommune identifier (slug) a context carries. The context is an object so that the same
/// strategies serve HTTP requests and hub calls. Lower <see cref="Priority"/> is tried first.
/// </summary>
public interface IKommuneResolutionStrategy
{
    int Priority { get; }

    string Name { get; }

    ValueTask<string?> GetIdentifierAsync(object context);
}
