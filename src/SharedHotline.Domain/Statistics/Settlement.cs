namespace SharedHotline.Domain.Statistics;

/// <summary>
/// Who answered whom in a period: rows are the kommuner whose staff answered, columns the citizens' kommuner, cells the
/// chats and handled minutes, with row, column and grand totals. Unanswered chats are not settled.
/// </summary>
public sealed class Settlement
{
    private readonly Dictionary<(int AnsweredBy, int Citizen), SettlementAmount> _cells;

    private Settlement(Dictionary<(int AnsweredBy, int Citizen), SettlementAmount> cells)
    {
        _cells = cells;
        AnsweringKommuner = [.. cells.Keys.Select(k => k.AnsweredBy).Distinct().Order()];
        CitizenKommuner = [.. cells.Keys.Select(k => k.Citizen).Distinct().Order()];
        Total = cells.Values.Aggregate(SettlementAmount.Zero, (sum, a) => sum.Add(a));
    }

    /// <summary>The rows: kommuner whose staff answered at least one chat, by kode.</summary>
    public IReadOnlyList<int> AnsweringKommuner { get; }

    /// <summary>The columns: kommuner at least one of whose citizens was answered, by kode.</summary>
    public IReadOnlyList<int> CitizenKommuner { get; }

    /// <summary>Everything answered in the period.</summary>
    public SettlementAmount Total { get; }

    /// <summary>What staff of <paramref name="answeredBy"/> did for citizens of <paramref name="citizen"/>; zero when nothing.</summary>
    public SettlementAmount Cell(int answeredBy, int citizen) => _cells.GetValueOrDefault((answeredBy, citizen)) ?? SettlementAmount.Zero;

    /// <summary>All that staff of <paramref name="answeredBy"/> answered.</summary>
    public SettlementAmount RowTotal(int answeredBy) => Sum(_cells.Where(c => c.Key.AnsweredBy == answeredBy));

    /// <summary>All that was answered for citizens of <paramref name="citizen"/>.</summary>
    public SettlementAmount ColumnTotal(int citizen) => Sum(_cells.Where(c => c.Key.Citizen == citizen));

    public static Settlement From(IEnumerable<SettlementCell> cells)
    {
        var matrix = new Dictionary<(int AnsweredBy, int Citizen), SettlementAmount>();
        foreach (var cell in cells)
        {
            var key = (cell.AnsweredByKommune, cell.CitizenKommune);
            matrix[key] = (matrix.GetValueOrDefault(key) ?? SettlementAmount.Zero).Add(new SettlementAmount(cell.Chats, cell.HandledMs));
        }

        return new Settlement(matrix);
    }

    public static Settlement From(IEnumerable<ChatOutcome> chats) => From(chats.Select(SettlementCell.From).OfType<SettlementCell>());

    private static SettlementAmount Sum(IEnumerable<KeyValuePair<(int AnsweredBy, int Citizen), SettlementAmount>> cells) =>
        cells.Aggregate(SettlementAmount.Zero, (sum, c) => sum.Add(c.Value));
}
