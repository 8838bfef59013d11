using SharedHotline.Domain.Rota;

namespace SharedHotline.Domain.Tenancy;

/// <summary>Per-kommune options: what differs between tenants.</summary>
public sealed record KommuneSettings
{
    public WeeklyHours OwnHours { get; init; } = WeeklyHours.None;

    /// <summary>True for a hotline that stays open on public holidays (København's 8-22 line).</summary>
    public bool OwnHoursOnPublicHolidays { get; init; }

    public IReadOnlyList<Topic> Topics { get; init; } = Topic.Standard;

    /// <summary>The topics citizens book telefonmøder for, with their length; staff with the topic's skill take them.</summary>
    public IReadOnlyList<Cases.MeetingTopic> MeetingTopics { get; init; } = StandardMeetingTopics;
    public IReadOnlyList<CannedAnswer> CannedAnswers { get; init; } = [];
    public IReadOnlyList<SelfServiceLink> SelfServiceLinks { get; init; } = [];
    public int RetentionDays { get; init; } = 90;

    /// <summary>The letters before a chat's or case's reference (e.g. "FRB" for Fredensborg); null: the slug's first three.</summary>
    public string? ReferencePrefix { get; init; }

    /// <summary>
    /// The name as it stands before "Kommune" in the kommune's official name: "Københavns" (Københavns Kommune);
    /// null for the many that use the plain name (Sorø Kommune, Fredensborg Kommune).
    /// </summary>
    public string? NameGenitive { get; init; }

    /// <summary>Whether the partnership's rostered evening staff may handle this kommune's messages too (off by default).</summary>
    public bool PartnershipHandlesMessages { get; init; }
    /// <summary>
    /// Whether, in the kommune's own hours, staff rostered on a shared slot of its partnership may answer its citizens
    /// too (the default), after <see cref="SharedStaffInOwnHoursWait"/>; false: its own borgerservice only, as
    /// København promises its citizens. Outside its own hours the shared slot answers as always.
    /// </summary>
    public bool SharedStaffInOwnHours { get; init; } = true;

    /// <summary>How long a chat waits in the kommune's own hours before the shared staff may answer it (zero: at once).</summary>
    public TimeSpan SharedStaffInOwnHoursWait { get; init; }

    /// <summary>In own hours, how long a chat waits before the partnership's rostered staff may answer it; null: never.</summary>
    public TimeSpan? SharedStaffInOwnHoursAfter() => SharedStaffInOwnHours ? SharedStaffInOwnHoursWait : null;

    /// <summary>The settings with the rule read as one value: a wait (zero: at once), or null for never.</summary>
    public KommuneSettings WithSharedStaffInOwnHoursAfter(TimeSpan? after) =>
        this with { SharedStaffInOwnHours = after is not null, SharedStaffInOwnHoursWait = after ?? TimeSpan.Zero };

    /// <summary>What happens to citizens still waiting when the hotline closes for the kommune.</summary>
    public QueueAtClosing QueueAtClosing { get; init; } = QueueAtClosing.End;

    /// <summary>When the widget on the kommune's website may invite a citizen who seems stuck (off by default).</summary>
    public Invitations.InvitationRules Invitations { get; init; } = new();

    public string Colour { get; init; } = "#1f5f8b";
    public IReadOnlyList<string> WebsiteOrigins { get; init; } = [];

    public static IReadOnlyList<Cases.MeetingTopic> StandardMeetingTopics { get; } =
    [
        new("folkeregister", 15),
        new("boliganvisning", 20),
        new("pladsanvisning", 20),
        new("sygedagpenge", 30),
        new("kontanthjaelp", 30),
        new("pas", 15),
    ];

    public Cases.MeetingTopic? FindMeetingTopic(string code) =>
        MeetingTopics.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));

    public Topic? FindTopic(string code) =>
        Topics.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));
}
