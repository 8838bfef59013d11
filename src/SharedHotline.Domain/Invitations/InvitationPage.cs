using System.Text.RegularExpressions;

namespace SharedHotline.Domain.Invitations;

/// <summary>
/// Pages of the kommune's website that may invite: <see cref="Pattern"/> is a path beginning with "/" in which
/// <c>*</c> stands for any characters ("/borger/pas*", "/selvbetjening/*/kvittering"); the query is never looked at.
/// <see cref="Topic"/> is what the chat is about when accepted; <see cref="DelaySeconds"/> how long the citizen has been
/// on the page before the widget asks (0: only on a failed self-service step).
/// </summary>
public sealed record InvitationPage(string Pattern, string Topic, int DelaySeconds)
{
    public const int MaxDelaySeconds = 3600;

    public bool Matches(string path)
    {
        var regex = "^" + string.Join(".*", Pattern.Split('*').Select(Regex.Escape)) + "$";
        return Regex.IsMatch(path, regex, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
    }
}
