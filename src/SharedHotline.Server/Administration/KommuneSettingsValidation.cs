using System.Globalization;
using System.Text.RegularExpressions;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Server.Hosting;

namespace SharedHotline.Server.Administration;

/// <summary>
/// Checks a sent settings document field by field (each error named as the field's JSON path, e.g.
/// <c>websiteOrigins[1]</c>) and turns it into the kommune's new settings, keeping what the document does not carry.
/// </summary>
public static partial class KommuneSettingsValidation
{
    public const int MaxOrigins = 20;
    public const int MaxTopics = 40;
    public const int MaxCannedAnswers = 60;
    public const int MaxLinks = 30;
    public const int MaxRetentionDays = 3650;
    public const int MaxSharedStaffWaitSeconds = 2 * 60 * 60;

    public static KommuneSettings? Apply(KommuneSettings current, KommuneSettingsDocument doc, Dictionary<string, string[]> errors)
    {
        var hours = Hours(doc.OwnHours, errors);
        var origins = Origins(doc.WebsiteOrigins, errors);
        var topics = Topics(doc.Topics, errors);
        var canned = List(doc.CannedAnswers, "cannedAnswers", MaxCannedAnswers, errors, (c, field) =>
        {
            var title = Required(errors, field + ".title", c.Title, 80);
            var text = Required(errors, field + ".text", c.Text, 2000, multiline: true);
            return title is null || text is null ? null : new CannedAnswer(title, text);
        });
        var links = List(doc.SelfServiceLinks, "selfServiceLinks", MaxLinks, errors, (l, field) =>
        {
            var title = Required(errors, field + ".title", l.Title, 80);
            var url = Uri.TryCreate(l.Url?.Trim(), UriKind.Absolute, out var u) && u.Scheme is "https" or "http" && u.UserInfo.Length == 0 ? l.Url!.Trim() : null;
            if (url is null)
            {
                errors[field + ".url"] = ["Give the full address of the page, e.g. https://www.borger.dk/pas."];
            }

            return title is null || url is null ? null : new SelfServiceLink(title, url);
        });
        var colour = doc.Colour?.Trim() ?? "";
        if (!ColourPattern().IsMatch(colour))
        {
            errors["colour"] = ["Give the colour as #rrggbb, e.g. #7a3b69."];
        }
        else if (ContrastWithWhite(colour) < 4.5)
        {
            errors["colour"] = [$"White text on {colour} has a contrast of {ContrastWithWhite(colour):0.0}:1; choose a darker colour (at least 4.5:1)."];
        }

        if (doc.RetentionDays is < 1 or > MaxRetentionDays)
        {
            errors["retentionDays"] = [$"Keep transcripts 1 to {MaxRetentionDays} days."];
        }

        if (doc.SharedStaffInOwnHoursWaitSeconds is < 0 or > MaxSharedStaffWaitSeconds)
        {
            errors["sharedStaffInOwnHoursWaitSeconds"] = [$"Let a chat wait 0 to {MaxSharedStaffWaitSeconds / 60} minutes before the shared staff may answer it."];
        }

        if (!Enum.IsDefined(doc.QueueAtClosing))
        {
            errors["queueAtClosing"] = ["Choose End or WaitForOpening."];
        }

        if (topics is not null)
        {
            var dropped = current.MeetingTopics.Where(m => !topics.Any(t => string.Equals(t.Code, m.Code, StringComparison.OrdinalIgnoreCase))).Select(m => m.Code).ToList();
            if (dropped.Count > 0)
            {
                errors["topics"] = [$"Citizens book telefonmøder about {string.Join(", ", dropped)}; stop booking them under Telefonmøder before removing the topic."];
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return current with
        {
            OwnHours = hours!,
            OwnHoursOnPublicHolidays = doc.OpenOnPublicHolidays,
            WebsiteOrigins = origins!,
            Colour = colour.ToLowerInvariant(),
            Topics = topics!,
            CannedAnswers = canned!,
            SelfServiceLinks = links!,
            RetentionDays = doc.RetentionDays,
            QueueAtClosing = doc.QueueAtClosing,
            SharedStaffInOwnHours = doc.SharedStaffInOwnHours,
            SharedStaffInOwnHoursWait = TimeSpan.FromSeconds(doc.SharedStaffInOwnHoursWaitSeconds),
        };
    }

    /// <summary>The WCAG contrast ratio of white text on the colour (#rrggbb).</summary>
    public static double ContrastWithWhite(string colour)
    {
        double Channel(int offset)
        {
            var c = int.Parse(colour.AsSpan(1 + offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        var luminance = 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
        return 1.05 / (luminance + 0.05);
    }

    /// <summary>An origin as browsers send it (scheme, host, port; no path), or null.</summary>
    public static string? Origin(string? value)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.UserInfo.Length > 0 || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
    }

    /// <summary>Weekday windows (own hours, or the hours invitations are on) under the field <paramref name="name"/>.</summary>
    public static WeeklyHours? Hours(IReadOnlyList<OwnHoursWindow>? windows, Dictionary<string, string[]> errors, string name = "ownHours")
    {
        var parsed = List(windows, name, 21, errors, (w, field) =>
        {
            var from = Time(w.From);
            var to = Time(w.To);
            if (w.Day is not { } day || !Enum.IsDefined(day))
            {
                errors[field + ".day"] = ["Choose a weekday."];
                return null;
            }

            if (from is null || to is null)
            {
                errors[field + (from is null ? ".from" : ".to")] = ["Give the time as HH:mm, e.g. 09:00."];
                return null;
            }

            if (to <= from)
            {
                errors[field + ".to"] = ["The hours must end after they begin."];
                return null;
            }

            return new DayWindow(day, from.Value, to.Value);
        });
        if (parsed is null)
        {
            return null;
        }

        for (var i = 0; i < parsed.Count; i++)
        {
            if (parsed.Take(i).Any(o => o.Day == parsed[i].Day && o.Start < parsed[i].End && parsed[i].Start < o.End))
            {
                errors[$"{name}[{i}]"] = ["These hours overlap other hours on the same day."];
            }
        }

        return new WeeklyHours(parsed.OrderBy(w => w.Day).ThenBy(w => w.Start).ToList());
    }

    private static List<string>? Origins(IReadOnlyList<string>? origins, Dictionary<string, string[]> errors)
    {
        var parsed = List(origins, "websiteOrigins", MaxOrigins, errors, (o, field) =>
        {
            var origin = Origin(o);
            if (origin is null)
            {
                errors[field] = ["Give the website's origin only: scheme and host (and port), e.g. https://www.furesoe.dk."];
            }

            return origin;
        });
        if (parsed is not null)
        {
            for (var i = 0; i < parsed.Count; i++)
            {
                if (parsed.Take(i).Contains(parsed[i]))
                {
                    errors[$"websiteOrigins[{i}]"] = ["Each website once."];
                }
            }
        }

        return parsed;
    }

    private static List<Topic>? Topics(IReadOnlyList<TopicSetting>? topics, Dictionary<string, string[]> errors)
    {
        var parsed = List(topics, "topics", MaxTopics, errors, (t, field) =>
        {
            var code = t.Code?.Trim().ToLowerInvariant() ?? "";
            if (!TopicCodePattern().IsMatch(code))
            {
                errors[field + ".code"] = ["Give a short code of small letters, digits and hyphens, e.g. digital-post."];
            }

            var name = Required(errors, field + ".name", t.Name, 60);
            TextFields.Check(errors, field + ".nameEn", t.NameEn, 60);
            if (errors.ContainsKey(field + ".code") || name is null)
            {
                return null;
            }

            // The standard topics' English names are not stored, so that a later better translation reaches them.
            var english = TextFields.Neutral(t.NameEn);
            return new Topic(code, name, english == new Topic(code, name).NameInEnglish ? null : english);
        });
        if (parsed is null)
        {
            return null;
        }

        if (parsed.Count == 0)
        {
            errors["topics"] = ["Citizens choose a topic when they start a chat: keep at least one."];
        }

        for (var i = 0; i < parsed.Count; i++)
        {
            if (parsed.Take(i).Any(t => t.Code == parsed[i].Code))
            {
                errors[$"topics[{i}].code"] = ["Each topic once."];
            }
        }

        return parsed;
    }

    private static List<T>? List<TIn, T>(IReadOnlyList<TIn?>? items, string name, int max, Dictionary<string, string[]> errors, Func<TIn, string, T?> parse)
        where T : class
    {
        if (items is null)
        {
            errors[name] = ["Give the list (it may be empty)."];
            return null;
        }

        if (items.Count > max)
        {
            errors[name] = [$"At most {max}."];
            return null;
        }

        var parsed = new List<T>();
        var failed = false;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not { } item)
            {
                errors[$"{name}[{i}]"] = ["This entry is missing."];
                failed = true;
            }
            else if (parse(item, $"{name}[{i}]") is not { } value)
            {
                failed = true;
            }
            else
            {
                parsed.Add(value);
            }
        }

        return failed ? null : parsed;
    }

    private static string? Required(Dictionary<string, string[]> errors, string field, string? value, int max, bool multiline = false)
    {
        TextFields.Check(errors, field, value, max, multiline);
        if (errors.ContainsKey(field))
        {
            return null;
        }

        var text = TextFields.Neutral(value);
        if (text is null)
        {
            errors[field] = ["This must not be empty."];
        }

        return text;
    }

    private static TimeOnly? Time(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColourPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex TopicCodePattern();
}
