namespace SharedHotline.Server.Tenancy;

/// <summary>The <c>X-Kommune</c> header the embeddable widget sends.</summary>
public sealed class HeaderStrategy(string header = "X-Kommune") : IKommuneResolutionStrategy
{
    public int Priority => 10;

    public string Name => "header";

    public ValueTask<string?> GetIdentifierAsync(object context) =>
        ValueTask.FromResult(context is HttpContext http && http.Request.Headers.TryGetValue(header, out var value) ? (string?)value.ToString() : null);
}
