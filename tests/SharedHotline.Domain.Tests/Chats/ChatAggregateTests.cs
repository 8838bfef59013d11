using SharedHotline.Domain.Chats;
using SharedHotline.Domain.Events;
using SharedHotline.Domain.Statistics;

namespace SharedHotline.Domain.Tests.Chats;

public class ChatAggregateTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 19, 30, 0, TimeSpan.Zero);
    private static readonly Guid Mia = Guid.NewGuid();
    private static readonly Guid Peter = Guid.NewGuid();
    private const int Sorø = 340;
    private const int Furesø = 190;

    private static Chat Waiting() => Chat.Start(Guid.NewGuid(), Sorø, "pas", T0);

    [Fact]
    public void Offered_accepted_and_ended_the_chat_raises_each_step_and_only_the_accepting_agent_may_write()
    {
        var chat = Waiting();
        chat.MayWrite(ChatWriter.Citizen).Should().BeTrue("a waiting citizen may write her question");

        var offered = chat.Offer(Mia, Furesø, T0.AddSeconds(5));
        offered.Should().Be(new ChatAssigned(chat.Id, Sorø, Mia, Furesø, T0.AddSeconds(5)) { EventId = offered.EventId });
        chat.MayWrite(ChatWriter.Agent, Mia).Should().BeFalse("she must accept before she writes");

        chat.Accept(Mia, Furesø, () => ServedIn.Shared, T0.AddSeconds(9), takenFromQueue: false).Should().BeNull("the offer raised the assignment already");
        chat.State.Should().Be(ChatState.Active);
        chat.MayWrite(ChatWriter.Agent, Mia).Should().BeTrue();
        chat.MayWrite(ChatWriter.Agent, Peter).Should().BeFalse();
        (chat.FirstAcceptedAt, chat.AnsweredByKommune, chat.ServedIn).Should().Be((T0.AddSeconds(9), Furesø, ServedIn.Shared));

        var ended = chat.End("agent", T0.AddMinutes(6)).Should().BeOfType<ChatEnded>().Subject;
        (ended.AgentId, ended.EndedBy).Should().Be((Mia, "agent"));
        chat.IsOpen.Should().BeFalse();
        chat.MayWrite(ChatWriter.Citizen).Should().BeFalse();
    }

    [Fact]
    public void A_chat_nobody_took_is_abandoned_not_ended()
    {
        var chat = Waiting();

        chat.End("citizen_gone", T0.AddMinutes(4)).Should().BeOfType<ChatAbandoned>();

        (chat.State, chat.EndedBy, chat.EndedAt).Should().Be((ChatState.Abandoned, "citizen_gone", T0.AddMinutes(4)));
    }

    [Fact]
    public void Every_transition_of_a_closed_chat_is_refused_so_the_first_ending_is_the_one_that_counts()
    {
        var chat = Waiting();
        chat.End("citizen", T0.AddMinutes(1));

        foreach (var transition in new Action[]
        {
            () => chat.Offer(Mia, Furesø, T0.AddMinutes(2)),
            () => chat.Accept(Mia, Furesø, () => ServedIn.Shared, T0.AddMinutes(2), takenFromQueue: true),
            () => chat.Transfer(Mia, Peter, T0.AddMinutes(2)),
            () => chat.ReturnToQueue(Mia, T0.AddMinutes(2)),
            () => chat.End("agent", T0.AddMinutes(2)),
        })
        {
            transition.Should().Throw<HotlineException>().Which.Code.Should().Be(HotlineErrorCode.ChatEnded);
        }

        chat.WaitAgain().Should().BeFalse();
        (chat.State, chat.EndedBy).Should().Be((ChatState.Abandoned, "citizen"));
    }

    [Fact]
    public void Who_first_answered_is_kept_through_a_transfer_and_a_return_to_the_queue()
    {
        var chat = Waiting();
        chat.Accept(Mia, Furesø, () => ServedIn.Shared, T0.AddSeconds(30), takenFromQueue: true).Should().NotBeNull();

        chat.Transfer(Mia, Peter, T0.AddMinutes(2)).ToAgentId.Should().Be(Peter);
        (chat.State, chat.AgentId, chat.AcceptedAt).Should().Be((ChatState.Assigned, Peter, (DateTimeOffset?)null));
        chat.Accept(Peter, Sorø, () => throw new InvalidOperationException("asked again"), T0.AddMinutes(3), takenFromQueue: false);
        chat.ReturnToQueue(Peter, T0.AddMinutes(4)).ToAgentId.Should().BeNull();

        (chat.State, chat.AgentId).Should().Be((ChatState.Queued, (Guid?)null));
        (chat.FirstAcceptedAt, chat.AnsweredByKommune, chat.ServedIn).Should().Be((T0.AddSeconds(30), Furesø, ServedIn.Shared));
    }

    [Fact]
    public void A_transfer_to_oneself_is_refused_and_changes_nothing()
    {
        var chat = Waiting();
        chat.Accept(Mia, Furesø, () => ServedIn.Shared, T0, takenFromQueue: true);

        chat.Invoking(c => c.Transfer(Mia, Mia, T0.AddMinutes(1))).Should().Throw<HotlineException>().Which.Code.Should().Be(HotlineErrorCode.TransferToSelf);
        (chat.State, chat.AgentId).Should().Be((ChatState.Active, Mia));
    }

    [Fact]
    public void Restored_from_what_was_stored_the_chat_is_the_same()
    {
        var chat = Waiting();
        chat.Accept(Mia, Furesø, () => ServedIn.Own, T0.AddSeconds(3), takenFromQueue: true);

        Chat.Restore(chat.Facts).Facts.Should().Be(chat.Facts);
    }
}
