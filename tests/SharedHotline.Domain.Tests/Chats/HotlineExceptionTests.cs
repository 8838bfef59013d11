using SharedHotline.Domain.Chats;

namespace SharedHotline.Domain.Tests.Chats;

public class HotlineExceptionTests
{
    [Theory]
    [InlineData(HotlineErrorCode.KommuneNotFound, "kommune_not_found")]
    [InlineData(HotlineErrorCode.TopicNotFound, "topic_not_found")]
    [InlineData(HotlineErrorCode.HotlineClosed, "hotline_closed")]
    [InlineData(HotlineErrorCode.MessageEmpty, "message_empty")]
    [InlineData(HotlineErrorCode.MessageTooLong, "message_too_long")]
    [InlineData(HotlineErrorCode.MessageInvalid, "message_invalid")]
    [InlineData(HotlineErrorCode.InvalidArgument, "invalid_argument")]
    [InlineData(HotlineErrorCode.SessionInvalid, "session_invalid")]
    [InlineData(HotlineErrorCode.ChatNotFound, "chat_not_found")]
    [InlineData(HotlineErrorCode.ChatNotAccessible, "chat_not_accessible")]
    [InlineData(HotlineErrorCode.ChatEnded, "chat_ended")]
    [InlineData(HotlineErrorCode.AgentUnavailable, "agent_unavailable")]
    [InlineData(HotlineErrorCode.AgentAtCapacity, "agent_at_capacity")]
    [InlineData(HotlineErrorCode.NotAuthorized, "not_authorized")]
    [InlineData(HotlineErrorCode.AgentUnknown, "agent_unknown")]
    [InlineData(HotlineErrorCode.TransferToSelf, "transfer_to_self")]
    [InlineData(HotlineErrorCode.AgentHasChats, "agent_has_chats")]
    [InlineData(HotlineErrorCode.ChatNotAccepted, "chat_not_accepted")]
    [InlineData(HotlineErrorCode.CaseNotFound, "case_not_found")]
    [InlineData(HotlineErrorCode.CaseConflict, "case_conflict")]
    [InlineData(HotlineErrorCode.MeetingTimeTaken, "meeting_time_taken")]
    public void ToWire_gives_the_snake_case_name(HotlineErrorCode code, string wire) =>
        HotlineException.ToWire(code).Should().Be(wire);

    [Fact]
    public void Every_error_code_has_a_distinct_lower_case_wire_form()
    {
        var wires = Enum.GetValues<HotlineErrorCode>().Select(HotlineException.ToWire).ToList();

        wires.Should().OnlyHaveUniqueItems();
        wires.Should().OnlyContain(w => w.All(c => char.IsLower(c) || c == '_'));
    }

    [Fact]
    public void The_exception_carries_its_code_message_and_wire_code()
    {
        var refusal = new HotlineException(HotlineErrorCode.HotlineClosed, "Hotlinen er lukket.");

        refusal.Code.Should().Be(HotlineErrorCode.HotlineClosed);
        refusal.Message.Should().Be("Hotlinen er lukket.");
        refusal.WireCode.Should().Be("hotline_closed");
    }

    [Fact]
    public void The_standard_constructors_default_to_invalid_argument()
    {
        var inner = new InvalidOperationException("inner");

        new HotlineException().Code.Should().Be(HotlineErrorCode.InvalidArgument);
        new HotlineException("Forkert.").Code.Should().Be(HotlineErrorCode.InvalidArgument);
        var wrapped = new HotlineException("Forkert.", inner);
        wrapped.Code.Should().Be(HotlineErrorCode.InvalidArgument);
        wrapped.InnerException.Should().BeSameAs(inner);
    }
}
