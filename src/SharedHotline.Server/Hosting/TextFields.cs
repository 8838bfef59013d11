using SharedHotline.Domain.Chats;

namespace SharedHotline.Server.Hosting;

/// <summary>The length and character checks of a free-text field in an HTTP body, as a validation problem names them.</summary>
public static class TextFields
{
    public static void Check(Dictionary<string, string[]> errors, string field, string? value, int max, bool multiline = false)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > max)
        {
            errors[field] = [$"This is {value.Length} characters; at most {max} are allowed."];
        }
        else if (TypedText.Problem(value, multiline) is { } problem)
        {
            errors[field] = [$"This contains {problem}."];
        }
    }

    /// <summary>The text as stored: hiding and reordering characters removed, trimmed; null for nothing.</summary>
    public static string? Neutral(string? value) => string.IsNullOrWhiteSpace(value) ? null : TypedText.Neutralise(value).Trim();
}
