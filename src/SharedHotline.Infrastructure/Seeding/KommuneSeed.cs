namespace SharedHotline.Infrastructure.Seeding;

/// <summary>One kommune as configured under <c>Hotline:Kommuner</c>; inserted into the tenant store when missing.</summary>
public sealed class KommuneSeed
{
    public int Kode { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>E.g. "Mon-Wed 09:00-15:00, Thu 09:00-17:00, Fri 09:00-15:00".</summary>
    public string OwnHours { get; set; } = "";

    public bool OwnHoursOnPublicHolidays { get; set; }
    public string Colour { get; set; } = "#1f5f8b";
    public int RetentionDays { get; set; } = 90;

    /// <summary>Three letters that begin the kommune's references; must differ from every other kommune's.</summary>
    public string? ReferencePrefix { get; set; }

    /// <summary>The form before "Kommune" in the official name when it is not the plain name ("Københavns").</summary>
    public string? NameGenitive { get; set; }

    /// <summary>Whether the partnership's rostered evening staff may handle this kommune's messages (off by default).</summary>
    public bool PartnershipHandlesMessages { get; set; }
    /// <summary>
    /// In the kommune's own hours, when the partnership's rostered staff may answer its citizens too: "at-once" (the
    /// default), "never" (its own borgerservice only), or a wait such as "00:02:00".
    /// </summary>
    public string? SharedStaffInOwnHours { get; set; }

    /// <summary>The setting above as the domain reads it; a value that is neither word nor wait stops the start.</summary>
    public TimeSpan? SharedStaffInOwnHoursAfter() => SharedStaffInOwnHours?.Trim().ToLowerInvariant() switch
    {
        null or "" or "at-once" => TimeSpan.Zero,
        "never" => null,
        var wait when TimeSpan.TryParse(wait, System.Globalization.CultureInfo.InvariantCulture, out var after) && after >= TimeSpan.Zero => after,
        var other => throw new InvalidOperationException(
            $"Hotline:Kommuner ({Slug}): SharedStaffInOwnHours '{other}' is not 'at-once', 'never' or a wait such as 00:02:00."),
    };

    public List<string> WebsiteOrigins { get; set; } = [];
    public string? SelfServiceUrl { get; set; }
}
