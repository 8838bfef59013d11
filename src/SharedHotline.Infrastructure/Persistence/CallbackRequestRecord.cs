namespace SharedHotline.Infrastructure.Persistence;

/// <summary>A message or call-back booking left while the hotline was closed; lands in the kommune's own queue.</summary>
public sealed class CallbackRequestRecord
{
    public Guid Id { get; set; }
    public required string Reference { get; set; }
    public int KommuneKode { get; set; }
    public required string Topic { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? PreferredTime { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
