using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Tenancy;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Tenancy;

public class KommuneSettingsTests
{
    [Fact]
    public void The_demo_kommuner_are_open_09_to_15_on_weekdays_and_to_17_on_Thursday()
    {
        var hours = Kommuner().Single(k => k.Kode == Sorø).Settings.OwnHours;

        hours.Windows.Should().HaveCount(5);
        hours.On(DayOfWeek.Monday).Should().Equal(new DayWindow(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(15, 0)));
        hours.On(DayOfWeek.Thursday).Should().Equal(new DayWindow(DayOfWeek.Thursday, new TimeOnly(9, 0), new TimeOnly(17, 0)));
        hours.On(DayOfWeek.Saturday).Should().BeEmpty();
    }

    [Fact]
    public void WeeklyHours_With_replaces_a_days_window_and_keeps_the_days_in_order()
    {
        var hours = WeeklyHours.Create([DayOfWeek.Friday, DayOfWeek.Monday], new TimeOnly(9, 0), new TimeOnly(15, 0))
            .With(DayOfWeek.Monday, new TimeOnly(10, 0), new TimeOnly(12, 0));

        hours.Windows.Select(w => w.Day).Should().Equal(DayOfWeek.Monday, DayOfWeek.Friday);
        hours.On(DayOfWeek.Monday).Single().Start.Should().Be(new TimeOnly(10, 0));
    }

    [Fact]
    public void Default_settings_have_no_hours_the_standard_topics_and_90_days_retention()
    {
        var settings = new KommuneSettings();

        settings.OwnHours.Windows.Should().BeEmpty();
        settings.OwnHoursOnPublicHolidays.Should().BeFalse();
        settings.Topics.Should().BeSameAs(Topic.Standard);
        settings.RetentionDays.Should().Be(90);
    }

    [Theory]
    [InlineData("pas")]
    [InlineData("PAS")]
    [InlineData("Koerekort")]
    public void A_topic_is_found_by_code_ignoring_case(string code) =>
        new KommuneSettings().FindTopic(code).Should().NotBeNull();

    [Fact]
    public void An_unknown_topic_is_not_found() =>
        new KommuneSettings().FindTopic("skat").Should().BeNull();
}
