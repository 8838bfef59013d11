using SharedHotline.Domain.Cases;
using SharedHotline.Domain.Chats;

namespace SharedHotline.Domain.Tests.Cases;

public sealed class CaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 20, 0, 0, TimeSpan.FromHours(1));
    private static readonly Guid Hanne = Guid.NewGuid();
    private static readonly Guid Soeren = Guid.NewGuid();

    [Fact]
    public void A_meeting_goes_from_received_through_taken_and_not_reached_to_reached_and_closed_with_a_step_and_an_event_each()
    {
        var meeting = Case.Receive(Guid.NewGuid(), "HOL-2345AB", 316, CaseKind.Meeting, "pas", Now.AddDays(1), Now);

        meeting.Take(Hanne, "Hanne Holm", Now.AddHours(13));
        meeting.RecordCall(Hanne, reached: false, Now.AddHours(14));
        meeting.RecordCall(Hanne, reached: true, Now.AddHours(15));
        meeting.Close(Hanne, Now.AddHours(15));

        meeting.State.Should().Be(CaseState.Closed);
        meeting.IsOpen.Should().BeFalse();
        meeting.Steps.Select(s => s.Kind).Should().Equal(CaseStepKind.Received, CaseStepKind.Taken, CaseStepKind.NotReached, CaseStepKind.Reached, CaseStepKind.Closed);
        meeting.Events.Select(e => e.GetType()).Should().Equal(typeof(CaseReceived), typeof(CaseTaken), typeof(CaseCallRecorded), typeof(CaseCallRecorded), typeof(CaseClosed));
    }

    [Fact]
    public void The_holder_reschedules_a_meeting_she_could_not_reach_and_it_is_hers_again_at_the_new_time()
    {
        var meeting = Case.Receive(Guid.NewGuid(), "HOL-2345AB", 316, CaseKind.Meeting, "pas", Now.AddHours(1), Now);
        var later = Now.AddDays(2);
        var reschedule = () => meeting.Reschedule(Hanne, later, Now.AddMinutes(70));
        reschedule.Should().Throw<HotlineException>("nobody holds it yet").Which.Code.Should().Be(HotlineErrorCode.CaseConflict);
        meeting.Take(Hanne, "Hanne Holm", Now.AddMinutes(55));
        meeting.RecordCall(Hanne, reached: false, Now.AddMinutes(62));

        meeting.Invoking(m => m.Reschedule(Soeren, later, Now.AddMinutes(70))).Should().Throw<HotlineException>("a colleague does not hold it");
        meeting.Invoking(m => m.Reschedule(Hanne, Now, Now.AddMinutes(70))).Should().Throw<HotlineException>("the time has passed");
        reschedule();

        meeting.MeetingStart.Should().Be(later, "no two-hour deadline binds the staff member, who agreed it with the citizen");
        meeting.State.Should().Be(CaseState.Assigned);
        meeting.Events[^1].Should().BeOfType<CaseMoved>().Which.MeetingStart.Should().Be(later);
        meeting.Close(Hanne, Now.AddDays(2));
        meeting.Invoking(m => m.Reschedule(Hanne, later.AddDays(1), Now.AddDays(2))).Should().Throw<HotlineException>("a closed case has no time to move");
        var message = Case.Receive(Guid.NewGuid(), "HOL-2345AC", 316, CaseKind.Message, "pas", null, Now);
        message.Take(Hanne, "Hanne Holm", Now);
        message.Invoking(m => m.Reschedule(Hanne, later, Now)).Should().Throw<HotlineException>("a message has no time");
    }

    [Fact]
    public void A_case_taken_by_a_colleague_cannot_be_taken_called_or_closed_by_another()
    {
        var meeting = Case.Receive(Guid.NewGuid(), "HOL-2345AB", 316, CaseKind.Meeting, "pas", Now.AddDays(1), Now);
        meeting.Take(Hanne, "Hanne Holm", Now);

        foreach (var act in new Action[] { () => meeting.Take(Soeren, "Søren", Now), () => meeting.RecordCall(Soeren, true, Now), () => meeting.Close(Soeren, Now) })
        {
            act.Should().Throw<HotlineException>().Which.Code.Should().Be(HotlineErrorCode.CaseConflict);
        }

        meeting.TakenBy.Should().Be(Hanne);
    }

    [Fact]
    public void The_citizen_moves_or_cancels_until_two_hours_before_and_not_after_a_call()
    {
        var meeting = Case.Receive(Guid.NewGuid(), "HOL-2345AB", 316, CaseKind.Meeting, "pas", Now.AddHours(3), Now);
        meeting.Move(Now.AddHours(4), Now);
        meeting.MeetingStart.Should().Be(Now.AddHours(4));

        var tooLate = () => meeting.Cancel(Now.AddHours(2).AddMinutes(1));
        tooLate.Should().Throw<HotlineException>().Which.Code.Should().Be(HotlineErrorCode.CaseConflict);

        meeting.Take(Hanne, "Hanne", Now);
        meeting.RecordCall(Hanne, reached: false, Now);
        var afterCall = () => meeting.Cancel(Now);
        afterCall.Should().Throw<HotlineException>();
        meeting.IsChangeable(Now).Should().BeFalse();
    }

    [Fact]
    public void A_message_is_cancelled_at_any_time_and_a_meeting_needs_a_time()
    {
        var message = Case.Receive(Guid.NewGuid(), "SOR-2345AB", 340, CaseKind.Message, "pas", null, Now);
        message.Cancel(Now.AddDays(3));
        message.State.Should().Be(CaseState.Cancelled);

        var noTime = () => Case.Receive(Guid.NewGuid(), "SOR-2345AC", 340, CaseKind.Meeting, "pas", null, Now);
        noTime.Should().Throw<HotlineException>().Which.Code.Should().Be(HotlineErrorCode.InvalidArgument);
    }
}
