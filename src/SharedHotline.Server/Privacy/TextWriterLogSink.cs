using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace SharedHotline.Server.Privacy;

/// <summary>Writes log events with a formatter to a <see cref="TextWriter"/> (a file, or a test's StringWriter).</summary>
public sealed class TextWriterLogSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}

/// <summary>An extra log sink registered in the container; it is written to behind the CPR masking like the console.</summary>
public sealed record HotlineLogSink(ILogEventSink Sink);
