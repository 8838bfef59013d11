using NodaTime;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Statistics;
using SharedHotline.Infrastructure.Statistics;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Statistics;

/// <summary>A period of whole Copenhagen days, <see cref="From"/> to <see cref="To"/> inclusive.</summary>
public sealed record StatPeriod(DateOnly From, DateOnly To)
{
    public Instant Start => LocalDate.FromDateOnly(From).AtStartOfDayInZone(RotaSnapshot.Copenhagen).ToInstant();

    public Instant End => LocalDate.FromDateOnly(To).PlusDays(1).AtStartOfDayInZone(RotaSnapshot.Copenhagen).ToInstant();
}

/// <summary>Builds the statistics of kommuner and the settlement of a partnership from the hourly buckets.</summary>
public sealed class StatisticsReports(StatisticsReads reads, RotaProvider rota)
{
    public async Task<StatisticsReport> KommunerAsync(IReadOnlyList<int> kommuner, StatPeriod period, int threshold, CancellationToken ct)
    {
        var snapshot = await rota.GetAsync(ct);
        var (from, to) = (period.From.DayNumber, period.To.DayNumber);
        var totals = (await reads.TotalsAsync(kommuner, from, to, ct)).ToDictionary(g => g.KommuneKode);
        var days = (await reads.ByDayAsync(kommuner, from, to, ct)).ToLookup(g => g.KommuneKode);
        var weeks = (await reads.ByHourOfWeekAsync(kommuner, from, to, ct)).ToLookup(g => g.KommuneKode);
        var topics = (await reads.TopicsAsync(kommuner, from, to, ct)).ToLookup(t => t.KommuneKode);
        var invited = (await reads.InvitationsAsync(kommuner, from, to, byDay: false, ct)).ToDictionary(i => i.KommuneKode);
        var invitedByDay = (await reads.InvitationsAsync(kommuner, from, to, byDay: true, ct)).ToDictionary(i => (i.KommuneKode, i.LocalDay));
        var report = kommuner.Select(kode =>
        {
            var kommune = snapshot.FindKommune(kode);
            var total = totals.GetValueOrDefault(kode);
            // A day with invitations and no chat is a day of the report too.
            var dayNumbers = days[kode].Select(d => d.Part).Concat(invitedByDay.Keys.Where(k => k.KommuneKode == kode).Select(k => k.LocalDay)).Distinct().Order();
            var dayGroups = days[kode].ToDictionary(d => d.Part);
            return new KommuneStatistics(
                snapshot.RefOf(kode),
                FiguresView.Of(total, threshold),
                dayNumbers.Select(d => new DayFigures(DateOnly.FromDayNumber(d), FiguresView.Of(dayGroups.GetValueOrDefault(d), threshold), InvitationFiguresView.Of(invitedByDay.GetValueOrDefault((kode, d))))).ToList(),
                weeks[kode].Select(w => HourOfWeekOf(w, threshold)).ToList(),
                topics[kode].Select(t => new TopicCount(t.Topic, kommune?.Settings.FindTopic(t.Topic)?.Name ?? t.Topic, t.Chats)).ToList(),
                WaitBins.Of(total?.Figures ?? StatFigures.Empty),
                InvitationFiguresView.Of(invited.GetValueOrDefault(kode)));
        }).ToList();
        return new StatisticsReport(period.From, period.To, threshold, report);
    }

    private static HourOfWeekFigures HourOfWeekOf(StatGroup group, int threshold)
    {
        var slot = HourOfWeek.FromIndex(group.Part);
        return new HourOfWeekFigures((int)slot.Day, slot.Hour, FiguresView.Of(group, threshold));
    }

    /// <summary>Who answered the citizens of the partnership's members: its members and whoever took overflow.</summary>
    public async Task<SettlementView> SettlementAsync(Partnership partnership, StatPeriod period, CancellationToken ct)
    {
        var snapshot = await rota.GetAsync(ct);
        var cells = await reads.SettlementAsync(partnership.Members, period.From.DayNumber, period.To.DayNumber, ct);
        var settlement = Settlement.From(cells);
        var citizens = partnership.Members.ToList();
        var answering = partnership.Members.Concat(settlement.AnsweringKommuner).Distinct().ToList();
        SettlementEntry Entry(int citizen, SettlementAmount amount) => new(snapshot.SlugOf(citizen), amount.Chats, Math.Round(amount.HandledMinutes, 1));
        return new SettlementView(
            period.From,
            period.To,
            citizens.Select(snapshot.RefOf).ToList(),
            answering.Select(a => new SettlementRow(
                snapshot.RefOf(a),
                citizens.Select(c => Entry(c, settlement.Cell(a, c))).ToList(),
                settlement.RowTotal(a).Chats,
                Math.Round(settlement.RowTotal(a).HandledMinutes, 1))).ToList(),
            citizens.Select(c => Entry(c, settlement.ColumnTotal(c))).ToList(),
            settlement.Total.Chats,
            Math.Round(settlement.Total.HandledMinutes, 1));
    }
}
