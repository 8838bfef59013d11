namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// One change a kommune's admin (or a platform admin) made to the kommune: its settings or its staff accounts, who and
/// when, with the changed part as JSON before and after (null before a creation). Never holds citizens' data or passwords.
/// </summary>
public sealed class KommuneAuditRecord
{
    public Guid Id { get; set; }
    public int KommuneKode { get; set; }

    /// <summary>The settings version the change produced (staff changes leave it as it was).</summary>
    public int Version { get; set; }

    public Guid ChangedBy { get; set; }
    public required string ChangedByName { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>E.g. <c>settings.websiteOrigins</c>, <c>staff.created</c>, <c>staff.password-reset</c>, <c>kommune.onboarded</c>.</summary>
    public required string Action { get; set; }

    /// <summary>What was changed: the setting's name or the staff member's user name.</summary>
    public required string Target { get; set; }

    public string? Before { get; set; }
    public string? After { get; set; }
}
