using Microsoft.AspNetCore.SignalR;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Client;

/// <summary>A typed refusal from a hub: <see cref="Code"/> is one of <see cref="HubErrorCodes"/>.</summary>
public sealed class HotlineHubException : Exception
{
    public HotlineHubException(string code, string message)
        : base(message) => Code = code;

    public HotlineHubException()
        : this(HubErrorCodes.Internal, "Hub error.")
    {
    }

    public HotlineHubException(string message)
        : this(HubErrorCodes.Internal, message)
    {
    }

    public HotlineHubException(string message, Exception innerException)
        : base(message, innerException) => Code = HubErrorCodes.Internal;

    public string Code { get; }

    /// <summary>
    /// Hub errors travel as "code: message"; the SignalR client prefixes that with
    /// "An unexpected error occurred invoking 'X' on the server. HubException: ".
    /// </summary>
    public static HotlineHubException From(HubException ex)
    {
        const string marker = "HubException: ";
        var text = ex.Message;
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at >= 0)
        {
            text = text[(at + marker.Length)..];
        }

        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && text[..colon].All(c => char.IsLower(c) || c == '_')
            ? new HotlineHubException(text[..colon], text[(colon + 2)..])
            : new HotlineHubException(HubErrorCodes.Internal, text);
    }
}
