using Serilog.Core;
using Serilog.Events;
using Serilog.Parsing;
using SharedHotline.Domain.Privacy;

namespace SharedHotline.Server.Privacy;

/// <summary>
/// Sits in front of every log sink and masks CPR numbers and phone numbers wherever they could appear in a log line: property values
/// (also inside structures, lists and dictionaries), the literal text of the message template, and exceptions.
/// </summary>
public sealed class CprMaskingSink(ILogEventSink inner) : ILogEventSink, IDisposable
{
    private static readonly MessageTemplateParser Parser = new();

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        inner.Emit(Mask(logEvent));
    }

    public static LogEvent Mask(LogEvent e)
    {
        var template = Contains(e.MessageTemplate.Text) ? Parser.Parse(MaskIn(e.MessageTemplate.Text)) : e.MessageTemplate;
        var exception = e.Exception is { } ex && Contains(ex.ToString()) ? new MaskedException(ex) : e.Exception;
        var properties = e.Properties.Select(p => new LogEventProperty(p.Key, Mask(p.Value)));
        return new LogEvent(e.Timestamp, e.Level, exception, template, properties, e.TraceId ?? default, e.SpanId ?? default);
    }

    public static LogEventPropertyValue Mask(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } when Contains(s) => new ScalarValue(MaskIn(s)),
        ScalarValue { Value: not null and not string } scalar when Contains(Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture)) =>
            new ScalarValue(MaskIn(Convert.ToString(scalar.Value, System.Globalization.CultureInfo.InvariantCulture)!)),
        SequenceValue sequence => new SequenceValue(sequence.Elements.Select(Mask)),
        StructureValue structure => new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Mask(p.Value))), structure.TypeTag),
        DictionaryValue dictionary => new DictionaryValue(dictionary.Elements.Select(kv => new KeyValuePair<ScalarValue, LogEventPropertyValue>((ScalarValue)Mask(kv.Key), Mask(kv.Value)))),
        _ => value,
    };

    public void Dispose() => (inner as IDisposable)?.Dispose();

    public static bool Contains(string? text) => CprNumbers.Contains(text) || PhoneNumbers.Contains(text);

    public static string MaskIn(string text) => PhoneNumbers.MaskIn(CprNumbers.MaskIn(text));

    /// <summary>An exception whose message and stack text are shown with CPR numbers masked.</summary>
    private sealed class MaskedException(Exception original) : Exception(MaskIn(original.Message))
    {
        private readonly string _text = MaskIn(original.ToString());

        public override string? StackTrace => null;

        public override string ToString() => _text;
    }
}
