using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SharedHotline.Server.Security;

/// <summary>
/// Which senders may tell us the client's address and scheme (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>):
/// only the proxies named in <c>Hotline:ForwardedHeaders:KnownNetworks</c> (CIDR) and <c>:KnownProxies</c> (addresses).
/// None by default, not even loopback: with an empty list ASP.NET Core would trust every sender, and a forged
/// <c>X-Forwarded-For</c> would void every per-address limit.
/// </summary>
public static class ForwardedHeadersTrust
{
    public const string Section = "Hotline:ForwardedHeaders";

    public static bool AnyConfigured(IConfiguration configuration) => Networks(configuration).Length + Proxies(configuration).Length > 0;

    public static void Configure(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var network in Networks(configuration))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        foreach (var proxy in Proxies(configuration))
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        if (options.KnownIPNetworks.Count + options.KnownProxies.Count == 0)
        {
            options.ForwardedHeaders = ForwardedHeaders.None;
        }
    }

    private static string[] Networks(IConfiguration configuration) =>
        configuration.GetSection(Section + ":KnownNetworks").Get<string[]>()?.Where(n => n.Length > 0).ToArray() ?? [];

    private static string[] Proxies(IConfiguration configuration) =>
        configuration.GetSection(Section + ":KnownProxies").Get<string[]>()?.Where(n => n.Length > 0).ToArray() ?? [];
}
