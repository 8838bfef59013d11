namespace SharedHotline.Server.Hosting;

/// <summary>
/// Logs refused calls (a refusal is not a server error) at Information, at most <see cref="LinesPerMinute"/> lines a
/// minute per node, so a flood of bad calls cannot fill the disk; what was left out is counted in the next line.
/// Only the method and the error code are logged, never what the caller sent.
/// </summary>
public sealed partial class RefusalLog(TimeProvider time, ILogger<RefusalLog> logger)
{
    public const int LinesPerMinute = 60;

    private readonly Lock _gate = new();
    private DateTimeOffset _windowStart = DateTimeOffset.MinValue;
    private int _logged;
    private int _skipped;

    public void Refused(string hub, string method, string code)
    {
        int skipped;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            if (now - _windowStart >= TimeSpan.FromMinutes(1))
            {
                _windowStart = now;
                _logged = 0;
            }

            if (_logged >= LinesPerMinute)
            {
                _skipped++;
                return;
            }

            _logged++;
            skipped = _skipped;
            _skipped = 0;
        }

        if (skipped == 0)
        {
            LogRefused(hub, method, code);
        }
        else
        {
            LogRefusedAfterSkipping(hub, method, code, skipped);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Hub}.{HubMethod} refused with {ErrorCode}")]
    private partial void LogRefused(string hub, string hubMethod, string errorCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Hub}.{HubMethod} refused with {ErrorCode}; {SkippedRefusals} refusals before it were not logged")]
    private partial void LogRefusedAfterSkipping(string hub, string hubMethod, string errorCode, int skippedRefusals);
}
