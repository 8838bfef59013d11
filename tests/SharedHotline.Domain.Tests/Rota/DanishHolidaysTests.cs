using SharedHotline.Domain.Rota;

namespace SharedHotline.Domain.Tests.Rota;

public class DanishHolidaysTests
{
    [Theory]
    [InlineData(2023, 4, 9)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    public void Easter_Sunday_follows_the_Gregorian_computus(int year, int month, int day) =>
        DanishHolidays.EasterSunday(year).Should().Be(new DateOnly(year, month, day));

    [Fact]
    public void Easter_2026_gives_the_holy_week_holidays_around_5_April()
    {
        var days = DanishHolidays.For(2026);

        days[new DateOnly(2026, 4, 2)].Should().Be("Skærtorsdag");
        days[new DateOnly(2026, 4, 3)].Should().Be("Langfredag");
        days[new DateOnly(2026, 4, 5)].Should().Be("Påskedag");
        days[new DateOnly(2026, 4, 6)].Should().Be("2. påskedag");
    }

    [Theory]
    [InlineData(3, 25, "Skærtorsdag")]
    [InlineData(3, 26, "Langfredag")]
    [InlineData(3, 28, "Påskedag")]
    [InlineData(3, 29, "2. påskedag")]
    [InlineData(5, 6, "Kristi himmelfartsdag")]
    [InlineData(5, 16, "Pinsedag")]
    [InlineData(5, 17, "2. pinsedag")]
    public void The_movable_holidays_of_2027_hang_off_Easter_on_28_March(int month, int day, string name) =>
        DanishHolidays.NameOf(new DateOnly(2027, month, day)).Should().Be(name);

    [Fact]
    public void A_year_since_2024_has_exactly_ten_holidays_without_store_bededag()
    {
        foreach (var year in new[] { 2024, 2026, 2027, 2030 })
        {
            var days = DanishHolidays.For(year);
            days.Should().HaveCount(10, "in {0}", year);
            days.Values.Should().NotContain("Store bededag");
        }
    }

    [Fact]
    public void Store_bededag_is_a_holiday_on_5_May_2023_the_fourth_Friday_after_Easter()
    {
        var days = DanishHolidays.For(2023);

        days.Should().HaveCount(11);
        days[new DateOnly(2023, 5, 5)].Should().Be("Store bededag");
        new DateOnly(2023, 5, 5).DayOfWeek.Should().Be(DayOfWeek.Friday);
    }

    [Fact]
    public void The_fourth_Friday_after_Easter_2024_is_an_ordinary_working_day() =>
        DanishHolidays.NameOf(new DateOnly(2024, 4, 26)).Should().BeNull();

    [Theory]
    [InlineData(1, 1, "Nytårsdag")]
    [InlineData(12, 25, "Juledag")]
    [InlineData(12, 26, "2. juledag")]
    public void Fixed_holidays_fall_on_their_calendar_date(int month, int day, string name) =>
        DanishHolidays.NameOf(new DateOnly(2026, month, day)).Should().Be(name);

    [Theory]
    [InlineData(12, 24)]
    [InlineData(12, 31)]
    [InlineData(6, 5)]
    public void Juleaften_nytårsaften_and_grundlovsdag_are_not_public_holidays(int month, int day) =>
        DanishHolidays.NameOf(new DateOnly(2026, month, day)).Should().BeNull();

    [Fact]
    public void Every_movable_holiday_falls_on_its_weekday()
    {
        for (var year = 2020; year <= 2040; year++)
        {
            var easter = DanishHolidays.EasterSunday(year);
            easter.DayOfWeek.Should().Be(DayOfWeek.Sunday);
            DanishHolidays.NameOf(easter.AddDays(39)).Should().Be("Kristi himmelfartsdag");
            easter.AddDays(39).DayOfWeek.Should().Be(DayOfWeek.Thursday);
        }
    }

    [Fact]
    public void The_rota_calendar_sees_the_same_holidays() =>
        RotaCalendar.HolidayName(new DateOnly(2027, 3, 26)).Should().Be("Langfredag");
}
