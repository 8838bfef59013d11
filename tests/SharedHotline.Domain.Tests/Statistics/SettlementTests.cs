using SharedHotline.Domain.Statistics;
using static SharedHotline.Domain.Tests.Statistics.TenChats;

namespace SharedHotline.Domain.Tests.Statistics;

public class SettlementTests
{
    private static readonly Settlement Evening = Settlement.From(All);

    [Fact]
    public void Rows_are_the_answering_kommuner_and_columns_the_citizens()
    {
        Evening.AnsweringKommuner.Should().Equal(Koebenhavn, Fredensborg, Frederikssund, Soroe);
        Evening.CitizenKommuner.Should().Equal(Fredensborg, Soroe);
    }

    [Fact]
    public void Cells_hold_the_chats_and_handled_minutes()
    {
        // Fredensborg's staff answered Sorø's chats 1, 2 and 5: 300 + 420 + 240 s.
        Evening.Cell(Fredensborg, Soroe).Should().Be(new SettlementAmount(3, 960_000));
        Evening.Cell(Fredensborg, Soroe).HandledMinutes.Should().Be(16);
        Evening.Cell(Koebenhavn, Fredensborg).Should().Be(new SettlementAmount(2, 1_400_000));
        Evening.Cell(Soroe, Soroe).Should().Be(new SettlementAmount(1, 600_000));
        Evening.Cell(Koebenhavn, Soroe).Should().Be(SettlementAmount.Zero);
    }

    [Fact]
    public void Row_column_and_grand_totals_add_up()
    {
        Evening.RowTotal(Frederikssund).Should().Be(new SettlementAmount(2, 380_000));
        Evening.RowTotal(Koebenhavn).Should().Be(new SettlementAmount(2, 1_400_000));
        Evening.ColumnTotal(Soroe).Should().Be(new SettlementAmount(5, 1_760_000));
        Evening.ColumnTotal(Fredensborg).Should().Be(new SettlementAmount(3, 1_580_000));
        Evening.Total.Should().Be(new SettlementAmount(8, 3_340_000));
        Evening.AnsweringKommuner.Sum(k => Evening.RowTotal(k).Chats).Should().Be(Evening.Total.Chats);
    }

    [Fact]
    public void Stored_hourly_cells_give_the_same_matrix_as_the_chats()
    {
        var cells = All.Select(SettlementCell.From).OfType<SettlementCell>()
            .GroupBy(c => (c.HourStart, c.AnsweredByKommune, c.CitizenKommune))
            .Select(g => new SettlementCell(g.Key.HourStart, g.Key.AnsweredByKommune, g.Key.CitizenKommune, g.Sum(c => c.Chats), g.Sum(c => c.HandledMs)))
            .ToList();

        var fromCells = Settlement.From(cells);

        cells.Should().HaveCountLessThan(8, "chats of the same hour and kommuner share a cell");
        foreach (var row in Evening.AnsweringKommuner)
        {
            foreach (var column in Evening.CitizenKommuner)
            {
                fromCells.Cell(row, column).Should().Be(Evening.Cell(row, column));
            }
        }
    }

    [Fact]
    public void Unanswered_chats_are_not_settled()
    {
        SettlementCell.From(All[8]).Should().BeNull();
        Settlement.From([All[8], All[9]]).Total.Should().Be(SettlementAmount.Zero);
        Settlement.From([All[8]]).AnsweringKommuner.Should().BeEmpty();
    }
}
