namespace SharedHotline.Domain.Chats;

/// <summary>Validates chat text: not empty, at most <see cref="MaxLength"/> characters, no control characters, well-formed UTF-16.</summary>
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

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                throw new HotlineException(HotlineErrorCode.MessageInvalid, "The message contains a broken character (an unpaired UTF-16 surrogate).");
            }

            if (char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            {
                throw new HotlineException(HotlineErrorCode.MessageInvalid, $"The message contains a control character (U+{(int)c:X4}).");
            }
        }

        return text.Trim();
    }
}
