using System.Globalization;
using SharedHotline.Domain.Statistics;

namespace SharedHotline.Server.Statistics;

/// <summary>The statistics as CSV for Danish Excel (<see cref="DanishCsv"/>): Danish headings, shares as percentages, times in seconds.</summary>
public static class StatisticsCsv
{
    public static string Settlement(SettlementView settlement)
    {
        ArgumentNullException.ThrowIfNull(settlement);
        var header = new object?[] { "Besvaret af" }
            .Concat(settlement.Citizens.SelectMany(c => new object?[] { $"{c.Name}: chats", $"{c.Name}: minutter" }))
            .Concat(["I alt: chats", "I alt: minutter"]);
        var rows = settlement.Rows.Select(r => new object?[] { r.AnsweredBy.Name }
            .Concat(r.Cells.SelectMany(c => new object?[] { c.Chats, c.HandledMinutes }))
            .Concat([r.Chats, r.HandledMinutes]));
        var totals = new object?[] { "I alt" }
            .Concat(settlement.ColumnTotals.SelectMany(c => new object?[] { c.Chats, c.HandledMinutes }))
            .Concat([settlement.Chats, settlement.HandledMinutes]);
        return DanishCsv.Write(rows.Prepend(header).Append(totals));
    }

    public static string Days(KommuneStatistics kommune, int thresholdSeconds)
    {
        ArgumentNullException.ThrowIfNull(kommune);
        var header = new object?[]
        {
            "Dato", "Tilbudt", "Besvaret", "Opgivet", $"Servicegrad (% inden for {thresholdSeconds} s)", "Ventetid p50 (s)", "Ventetid p90 (s)",
            "Behandlingstid p50 (s)", "Behandlingstid p90 (s)", "Egen åbningstid (%)", "Fælles vagt (%)", "Overløb (%)", "Telefonmøder booket", "Telefonmøder holdt", "Beskeder",
            "Invitationer vist", "Invitationer accepteret", "Invitationer afvist", "Invitationer udløbet",
        };
        var rows = kommune.Days.Select(d => Row(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Figures, d.Invitations));
        return DanishCsv.Write(rows.Prepend(header).Append(Row("I alt", kommune.Total, kommune.Invitations)));
    }

    private static object?[] Row(string label, FiguresView f, InvitationFiguresView i) =>
    [
        label, f.Offered, f.Answered, f.Abandoned, Percent(f.ServiceLevel), Seconds(f.WaitP50Seconds), Seconds(f.WaitP90Seconds),
        Seconds(f.HandleP50Seconds), Seconds(f.HandleP90Seconds), Percent(f.ShareOwn), Percent(f.ShareShared), Percent(f.ShareOverflow),
        f.MeetingsBooked, f.MeetingsHeld, f.MessagesLeft, i.Shown, i.Accepted, i.Declined, i.Expired,
    ];

    private static double? Percent(double? share) => share is { } s ? Math.Round(s * 100, 1) : null;

    private static double? Seconds(double? seconds) => seconds is { } s ? Math.Round(s, 0) : null;
}
