using System.Text.RegularExpressions;
using SharedHotline.Domain.Invitations;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Server.Administration;
using SharedHotline.Server.Hosting;

namespace SharedHotline.Server.Invitations;

/// <summary>Checks sent invitation rules field by field (errors named by the field's JSON path, e.g. <c>pages[1].pattern</c>).</summary>
public static partial class InvitationSettingsValidation
{
    public const int MaxPages = 30;
    public const int MaxWaitSeconds = 600;

    public static KommuneSettings? Apply(KommuneSettings current, InvitationSettingsDocument doc, Dictionary<string, string[]> errors)
    {
        var pages = new List<InvitationPage>();
        if (doc.Pages is null)
        {
            errors["pages"] = ["Give the list of pages (it may be empty)."];
        }
        else if (doc.Pages.Count > MaxPages)
        {
            errors["pages"] = [$"At most {MaxPages}."];
        }
        else
        {
            for (var i = 0; i < doc.Pages.Count; i++)
            {
                var field = $"pages[{i}]";
                var page = doc.Pages[i];
                var pattern = page?.Pattern?.Trim() ?? "";
                if (!PatternRule().IsMatch(pattern))
                {
                    errors[field + ".pattern"] = ["Give the page's path from the first /, with * for any characters, e.g. /borger/pas*."];
                }

                var topic = current.FindTopic(page?.Topic ?? "");
                if (topic is null)
                {
                    errors[field + ".topic"] = [$"Choose one of: {string.Join(", ", current.Topics.Select(t => t.Code))}."];
                }

                if (page is null || page.DelaySeconds is < 0 or > InvitationPage.MaxDelaySeconds)
                {
                    errors[field + ".delaySeconds"] = [$"Invite after 0 to {InvitationPage.MaxDelaySeconds} seconds on the page (0: only when a self-service step fails)."];
                }

                if (!errors.Keys.Any(k => k.StartsWith(field + ".", StringComparison.Ordinal)))
                {
                    pages.Add(new InvitationPage(pattern, topic!.Code, page!.DelaySeconds));
                }
            }
        }

        var text = Text(errors, "text", doc.Text);
        var textEn = Text(errors, "textEn", doc.TextEn);
        if (doc.MaxWaitSeconds is < 0 or > MaxWaitSeconds)
        {
            errors["maxWaitSeconds"] = [$"Allow an expected wait of 0 to {MaxWaitSeconds} seconds."];
        }

        // The time-of-day rule is read as own hours are: weekday windows, ending after they begin, not overlapping.
        var hours = KommuneSettingsValidation.Hours(doc.Hours, errors, "hours");
        if (errors.Count > 0)
        {
            return null;
        }

        return current with
        {
            Invitations = new InvitationRules
            {
                Enabled = doc.Enabled,
                Pages = pages,
                OnFailedStep = doc.OnFailedStep,
                Text = text!,
                TextEn = textEn!,
                Hours = hours!,
                MaxWaitSeconds = doc.MaxWaitSeconds,
            },
        };
    }

    private static string? Text(Dictionary<string, string[]> errors, string field, string? value)
    {
        TextFields.Check(errors, field, value, 200);
        var text = errors.ContainsKey(field) ? null : TextFields.Neutral(value);
        if (text is null && !errors.ContainsKey(field))
        {
            errors[field] = ["Write the invitation's text."];
        }

        return text;
    }

    [GeneratedRegex(@"^/[A-Za-z0-9\-._~/*%æøåÆØÅ]{0,199}$")]
    private static partial Regex PatternRule();
}
