namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// One published rota edit: who changed what in which partnership and when, with the edited item as
/// JSON before and after (null before a creation and after a deletion). Never holds citizens' data.
/// </summary>
public sealed class RotaAuditRecord
{
    public Guid Id { get; set; }
    public required string PartnershipId { get; set; }

    /// <summary>The rota version the edit produced.</summary>
    public int Version { get; set; }

    public Guid ChangedBy { get; set; }
    public required string ChangedByName { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>E.g. <c>pattern.created</c>, <c>turn.updated</c>, <c>exception.deleted</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The edited item: a pattern or exception id, or <c>{patternId}/turns/{index}</c>.</summary>
    public required string Target { get; set; }

    public string? Before { get; set; }
    public string? After { get; set; }
}
