using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Reads hub strings as sent, an escaped unpaired surrogate (<c>"\ud800"</c>) included, where System.Text.Json
/// refuses the whole call while binding it: the hub method then answers with its typed error (<c>message_invalid</c>
/// for a message) instead of SignalR's generic "error on the server".
/// </summary>
public sealed class HubStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException) when (reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped)
        {
            return Unescape(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    /// <summary>A JSON string's raw bytes (already checked by the reader) with its escapes resolved code unit by code unit.</summary>
    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder(raw.Length);
        var run = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                continue;
            }

            text.Append(Encoding.UTF8.GetString(raw[run..i]));
            var escape = (char)raw[++i];
            if (escape == 'u')
            {
                text.Append((char)Convert.ToUInt16(Encoding.ASCII.GetString(raw.Slice(i + 1, 4)), 16));
                i += 4;
            }
            else
            {
                text.Append(escape switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escape });
            }

            run = i + 1;
        }

        return text.Append(Encoding.UTF8.GetString(raw[run..])).ToString();
    }
}
