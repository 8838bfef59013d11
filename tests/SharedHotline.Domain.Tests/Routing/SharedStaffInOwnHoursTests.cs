using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Routing;
using SharedHotline.Domain.Statistics;
using SharedHotline.Domain.Tenancy;
using static SharedHotline.Domain.Tests.DemoRota;

namespace SharedHotline.Domain.Tests.Routing;

/// <summary>
/// On Thursday at 16:00 Sorø's own hours and the shared slot overlap: whether the rostered partner staff answer Sorø's
/// citizens then is Sorø's choice (<see cref="KommuneSettings.SharedStaffInOwnHours"/>), not an accident of routing.
/// </summary>
public class SharedStaffInOwnHoursTests
{
    private static readonly DateTimeOffset Now = LocalOffset(2026, 11, 26, 16, 0);

    private static RotaSnapshot SorøChooses(TimeSpan? after) =>
        new(Kommuner().Select(k => k.Kode == Sorø ? k with { Settings = k.Settings.WithSharedStaffInOwnHoursAfter(after) } : k).ToList(), [Partnership()]);

    private static DutyStatus Duty(RotaSnapshot rota) => rota.DutyAt(Sorø, Local(2026, 11, 26, 16, 0));

    [Fact]
    public void A_kommune_that_keeps_its_own_hours_to_itself_is_answered_only_by_its_own_staff_however_long_the_wait()
    {
        var duty = Duty(SorøChooses(null));
        var chat = Chat(Sorø, Now.AddHours(-1));

        Router.Tier(Agent(Sorø, 1), Sorø, chat, duty, Now).Should().Be(0);
        Router.Tier(Agent(Furesø, 1), Furesø, chat, duty, Now).Should().BeNull("Sorø promised its citizens its own borgerservice in its own hours");
        duty.SharedStaffAfter.Should().BeNull();
    }

    [Fact]
    public void A_kommune_that_lets_the_partnership_answer_after_two_minutes_gets_its_rostered_staff_then_and_not_before()
    {
        var duty = Duty(SorøChooses(TimeSpan.FromMinutes(2)));

        Router.Tier(Agent(Furesø, 1), Furesø, Chat(Sorø, Now.AddSeconds(-119)), duty, Now).Should().BeNull();
        Router.Tier(Agent(Furesø, 1), Furesø, Chat(Sorø, Now.AddMinutes(-2)), duty, Now).Should().Be(1);
    }

    [Fact]
    public void Outside_its_own_hours_the_shared_slot_answers_whatever_the_kommune_chose_for_its_own_hours()
    {
        var evening = LocalOffset(2026, 11, 24, 20, 30);
        var duty = SorøChooses(null).DutyAt(Sorø, Local(2026, 11, 24, 20, 30));

        Router.Tier(Agent(Furesø, 1), Furesø, Chat(Sorø, evening), duty, evening).Should().Be(1);
    }

    [Fact]
    public void A_routing_pass_leaves_the_chat_to_its_own_staff_until_the_partnership_may_take_it()
    {
        var rota = SorøChooses(TimeSpan.FromMinutes(2));
        var furesø = Presence(Agent(Furesø, 1), Furesø);

        Router.Plan([Chat(Sorø, Now.AddMinutes(-1))], [furesø], rota, Now).Should().BeEmpty();
        Router.Plan([Chat(Sorø, Now.AddMinutes(-3))], [furesø], rota, Now).Should().ContainSingle().Which.AgentId.Should().Be(furesø.AgentId);
        Router.Plan([Chat(Sorø, Now.AddHours(-3))], [furesø], SorøChooses(null), Now).Should().BeEmpty();
    }

    [Fact]
    public void A_partner_answering_in_the_kommunes_own_hours_is_settled_as_the_shared_rota_and_its_own_staff_as_own_hours()
    {
        var rota = SorøChooses(TimeSpan.Zero);

        ServedInRule.Of(rota, Sorø, Furesø, Now).Should().Be(ServedIn.Shared);
        ServedInRule.Of(rota, Sorø, Sorø, Now).Should().Be(ServedIn.Own);
        ServedInRule.Of(rota, Sorø, København, Now).Should().Be(ServedIn.Overflow);
    }
}
