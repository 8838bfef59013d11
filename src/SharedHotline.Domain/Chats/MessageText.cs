namespace SharedHotline.Domain.Chats;

/// <summary>
/// Validates chat text: not empty, at most <see cref="MaxLength"/> characters, only characters that are text
/// (<see cref="TypedText"/>). Invisible characters that could hide or reorder it on the other side are removed.
/// </summary>
public static class MessageText
{
    public const int MaxLength = 4000;

    public static string Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new HotlineException(HotlineErrorCode.MessageEmpty, "The message is empty.");
        }

        if (text.Length > MaxLength)
        {
            throw new HotlineException(HotlineErrorCode.MessageTooLong, $"The message is {text.Length} characters; at most {MaxLength} are allowed.");
        }

        if (TypedText.Problem(text, multiline: true) is { } problem)
        {
            throw new HotlineException(HotlineErrorCode.MessageInvalid, $"The message contains {problem}.");
        }

        var neutral = TypedText.Neutralise(text).Trim();
        return neutral.Length > 0 ? neutral : throw new HotlineException(HotlineErrorCode.MessageEmpty, "The message is empty.");
    }
}
