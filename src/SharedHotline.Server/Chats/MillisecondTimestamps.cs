using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SharedHotline.Server.Chats;

/// <summary>
/// Every time a hub sends is written with exactly three decimals (whole milliseconds, what the store keeps) and its
/// UTC offset, so one instant is one string in an acknowledgement, a live event and the history. The default writer
/// prints up to seven decimals and drops trailing zeros.
/// </summary>
public sealed class MillisecondTimestamps : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffzzz";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
    }
}
