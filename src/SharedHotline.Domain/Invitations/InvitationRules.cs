using NodaTime;
using SharedHotline.Domain.Rota;

namespace SharedHotline.Domain.Invitations;

/// <summary>
/// When the widget on the kommune's own website may invite a citizen who seems stuck to chat: on which pages (path
/// patterns), after how long on the page or when the page reports a failed self-service step, with which words, at
/// which times of day. Whether someone is free to answer is decided from the live state, never by these rules alone.
/// </summary>
public sealed record InvitationRules
{
    public const string DefaultText = "Sidder du fast? Vi har tid til at hjælpe dig i chatten lige nu.";
    public const string DefaultTextEn = "Stuck? We have time to help you in the chat right now.";

    public bool Enabled { get; init; }

    /// <summary>The pages that may invite, first match wins.</summary>
    public IReadOnlyList<InvitationPage> Pages { get; init; } = [];

    /// <summary>Whether a page's report of a failed self-service step (on a page of <see cref="Pages"/>) invites at once.</summary>
    public bool OnFailedStep { get; init; } = true;

    public string Text { get; init; } = DefaultText;
    public string TextEn { get; init; } = DefaultTextEn;

    /// <summary>When invitations are on (Copenhagen wall clock); none: whenever the hotline is open.</summary>
    public WeeklyHours Hours { get; init; } = WeeklyHours.None;

    /// <summary>No invitation when the expected wait of the pool that would answer is longer.</summary>
    public int MaxWaitSeconds { get; init; } = 60;

    /// <summary>The first page rule whose pattern matches the page's path, or null.</summary>
    public InvitationPage? PageFor(string path) => Pages.FirstOrDefault(p => p.Matches(path));

    /// <summary>Whether invitations are on at <paramref name="at"/> by the time-of-day rule.</summary>
    public bool IsOnAt(Instant at, DateTimeZone zone)
    {
        if (Hours.Windows.Count == 0)
        {
            return true;
        }

        var local = at.InZone(zone).LocalDateTime;
        var time = local.TimeOfDay.ToTimeOnly();
        var day = (DayOfWeek)((int)local.DayOfWeek % 7);
        return Hours.On(day).Any(w => w.Start <= time && time < w.End);
    }
}
