using System.Net;

namespace SharedHotline.Server.Security;

/// <summary>The partition key of a client: its IP address (after the forwarded-headers middleware when behind a proxy).</summary>
public static class ClientAddress
{
    public static string Of(HttpContext? http) => Of(http?.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address) =>
        address is null ? "unknown" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
