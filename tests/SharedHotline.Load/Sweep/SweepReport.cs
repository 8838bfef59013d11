using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SharedHotline.Load.Sweep;

/// <summary>A knee: the last step that held, what it offered and how many chats it had open.</summary>
public sealed record Knee(double Offered, int Chats, int Step);

/// <summary>A capacity sweep's steps and knees, as Markdown, JSON and an SVG plot of p50/p99 against the offered rate.</summary>
public sealed record SweepReport(string Label, DateTimeOffset At, string Machine, SweepSettings Settings, IReadOnlyList<StepResult> Steps)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private static readonly string[] SeriesNames = ["relay p50", "relay p99", "hotline p50", "hotline p99"];

    public Knee? RelayKnee => KneeOf(s => s.Relay);

    public Knee? HotlineKnee => KneeOf(s => s.Hotline);

    /// <summary>The hotline's knee over the relay's, both measured in this run.</summary>
    public double? KneeRatio => RelayKnee is { } r && HotlineKnee is { } h ? h.Offered / r.Offered : null;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private Knee? KneeOf(Func<StepResult, StepFigures?> of)
    {
        Knee? knee = null;
        foreach (var step in Steps)
        {
            if (of(step) is not { Held: true })
            {
                break;
            }

            knee = new Knee(step.Step.Offered, step.Step.Chats, step.Step.Index);
        }

        return knee;
    }

    public string ToMarkdown(string? svgFile = null)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Capacity sweep: {Label} ({At:yyyy-MM-dd HH:mm} UTC)");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Each step {Settings.StepDuration.TotalSeconds:F0} s measured, relay then hotline against the same server; a step holds while delivery p99 ≤ {Settings.LimitMs:F0} ms, no errors and ≥ 90 % of the offered messages delivered. Machine: {Machine}.");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- relay knee: {Describe(RelayKnee)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- hotline knee: {Describe(HotlineKnee)}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- hotline / relay: {(KneeRatio is { } ratio ? ratio.ToString("F2", CultureInfo.InvariantCulture) : "n/a")}");
        if (svgFile is not null)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"![p50 and p99 against the offered rate]({svgFile})");
        }

        md.AppendLine();
        md.AppendLine("| step | chats | msg/s per side | offered msg/s | relay p50 | relay p99 | relay delivered | hotline p50 | hotline p99 | hotline delivered |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in Steps)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Step.Index} | {s.Step.Chats} | {s.Step.RatePerSide:0.###} | {s.Step.Offered:F0} | {Cell(s.Relay)} | {Cell(s.Hotline)} |");
        }

        return md.ToString();

        static string Describe(Knee? k) => k is null ? "no step held" : string.Create(CultureInfo.InvariantCulture, $"{k.Offered:F0} messages/s offered with {k.Chats} active chats (step {k.Step})");

        static string Cell(StepFigures? f) => f is null
            ? " | | "
            : string.Create(CultureInfo.InvariantCulture, $"{f.P50:F1} | {f.P99:F1}{(f.Held ? "" : " ✗")} | {f.Delivered}/{f.Expected}{(f.Errors > 0 ? $", {f.Errors} errors" : "")}");
    }

    /// <summary>Log-log plot: x the offered messages per second, y milliseconds; p50 solid, p99 dashed; the limit as a line.</summary>
    public string ToSvg()
    {
        const int width = 640, height = 400, left = 60, right = 20, top = 30, bottom = 50;
        var offered = Steps.Select(s => s.Step.Offered).DefaultIfEmpty(1).ToList();
        double xMin = Math.Log10(offered.Min()), xMax = Math.Log10(Math.Max(offered.Max(), offered.Min() * 2));
        double yMin = -1, yMax = Math.Log10(Math.Max(Settings.LimitMs * 4, Steps.SelectMany(s => new[] { s.Relay?.P99 ?? 0, s.Hotline?.P99 ?? 0 }).DefaultIfEmpty(1).Max()));
        double X(double v) => left + (Math.Log10(v) - xMin) / (xMax - xMin) * (width - left - right);
        double Y(double ms) => top + (yMax - Math.Log10(Math.Max(ms, 0.1))) / (yMax - yMin) * (height - top - bottom);
        var svg = new StringBuilder();
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">""");
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<title>Capacity sweep: {Escape(Label)}</title><rect width="{width}" height="{height}" fill="white"/>""");
        for (var decade = (int)Math.Ceiling(yMin); decade <= (int)Math.Floor(yMax); decade++)
        {
            var y = Y(Math.Pow(10, decade));
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{left}" x2="{width - right}" y1="{y:F1}" y2="{y:F1}" stroke="#ddd"/><text x="{left - 6}" y="{y + 4:F1}" text-anchor="end">{Math.Pow(10, decade).ToString("0.#", CultureInfo.InvariantCulture)} ms</text>""");
        }

        foreach (var step in Steps)
        {
            var x = X(step.Step.Offered);
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{x:F1}" x2="{x:F1}" y1="{height - bottom}" y2="{height - bottom + 4}" stroke="#333"/><text x="{x:F1}" y="{height - bottom + 16}" text-anchor="middle" font-size="10">{step.Step.Offered:F0}</text>""");
        }

        var limit = Y(Settings.LimitMs);
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{left}" x2="{width - right}" y1="{limit:F1}" y2="{limit:F1}" stroke="#b00" stroke-dasharray="2 4"/><text x="{width - right}" y="{limit - 4:F1}" text-anchor="end" fill="#b00">{Settings.LimitMs:F0} ms</text>""");
        Series("relay p50", "#1f5fa8", "", s => s.Relay?.P50);
        Series("relay p99", "#1f5fa8", "6 4", s => s.Relay?.P99);
        Series("hotline p50", "#c05a00", "", s => s.Hotline?.P50);
        Series("hotline p99", "#c05a00", "6 4", s => s.Hotline?.P99);
        svg.AppendLine(CultureInfo.InvariantCulture, $"""<text x="{(left + width - right) / 2}" y="{height - 10}" text-anchor="middle">messages per second offered (both sides; log scale)</text>""");
        svg.AppendLine("</svg>");
        return svg.ToString();

        void Series(string name, string colour, string dash, Func<StepResult, double?> value)
        {
            var points = Steps.Where(s => value(s) is not null).Select(s => $"{X(s.Step.Offered).ToString("F1", CultureInfo.InvariantCulture)},{Y(value(s)!.Value).ToString("F1", CultureInfo.InvariantCulture)}").ToList();
            if (points.Count == 0)
            {
                return;
            }

            var index = Array.IndexOf(SeriesNames, name);
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}" points="{string.Join(' ', points)}"><title>{name}</title></polyline>""");
            svg.AppendLine(CultureInfo.InvariantCulture, $"""<line x1="{left + 10 + index * 130}" x2="{left + 40 + index * 130}" y1="14" y2="14" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/><text x="{left + 45 + index * 130}" y="18">{name}</text>""");
        }
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);
}
