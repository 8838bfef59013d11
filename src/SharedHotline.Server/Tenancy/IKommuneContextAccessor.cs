namespace SharedHotline.Server.Tenancy;

public interface IKommuneContextAccessor
{
    KommuneContext? Current { get; set; }
}

/// <summary>Flows the current kommune with the async call, like Finbuckle's AsyncLocal accessor.</summary>
public sealed class KommuneContextAccessor : IKommuneContextAccessor
{
    private static readonly AsyncLocal<KommuneContext?> Holder = new();

    public KommuneContext? Current
    {
        get => Holder.Value;
        set => Holder.Value = value;
    }
}
