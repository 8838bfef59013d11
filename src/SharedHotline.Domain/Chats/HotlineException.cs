namespace SharedHotline.Domain.Chats;

/// <summary>A refusal the caller can act on; mapped to ProblemDetails over HTTP and a typed hub error over SignalR.</summary>
public sealed class HotlineException : Exception
{
    public HotlineException(HotlineErrorCode code, string message)
        : base(message) => Code = code;

    public HotlineException()
        : this(HotlineErrorCode.InvalidArgument, "Invalid request.")
    {
    }

    public HotlineException(string message)
        : this(HotlineErrorCode.InvalidArgument, message)
    {
    }

    public HotlineException(string message, Exception innerException)
        : base(message, innerException) => Code = HotlineErrorCode.InvalidArgument;

    public HotlineErrorCode Code { get; }

    public string WireCode => ToWire(Code);

    public static string ToWire(HotlineErrorCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
