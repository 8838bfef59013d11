using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Chats;

public sealed class BadInputTests
{
    [Theory]
    [InlineData("atlantis", "pas", HubErrorCodes.KommuneNotFound)]
    [InlineData("soroe", "astrologi", HubErrorCodes.TopicNotFound)]
    [InlineData("", "pas", HubErrorCodes.KommuneNotFound)]
    public async Task Starting_a_chat_with_an_unknown_kommune_or_topic_gets_a_typed_error(string kommune, string topic, string code)
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var citizen = await server.ConnectCitizenAsync();

        var act = () => citizen.StartChatAsync(new StartChatRequest(kommune, topic));

        var error = (await act.Should().ThrowAsync<HotlineHubException>()).Which;
        error.Code.Should().Be(code);
        error.Message.Should().NotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("", HubErrorCodes.MessageEmpty)]
    [InlineData("   \n ", HubErrorCodes.MessageEmpty)]
    [InlineData("bell\u0007", HubErrorCodes.MessageInvalid)]
    [InlineData("\u001b[31mred", HubErrorCodes.MessageInvalid)]
    public async Task Invalid_messages_are_refused_and_nothing_stored_is_lost(string text, string code)
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var citizen = await server.ConnectCitizenAsync();
        await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));
        await citizen.SendAsync("Første besked");
        var before = await citizen.GetHistoryAsync();

        var act = () => citizen.SendAsync(text);

        (await act.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(code);
        (await citizen.GetHistoryAsync()).Should().BeEquivalentTo(before);
        (await citizen.SendAsync("Anden besked")).Seq.Should().Be(before[^1].Seq + 1, "the chat still works after a refusal");
    }

    [Fact]
    public async Task A_message_over_4000_characters_is_refused_and_exactly_4000_is_accepted()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var citizen = await server.ConnectCitizenAsync();
        await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));

        var tooLong = () => citizen.SendAsync(new string('æ', 4001));

        (await tooLong.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.MessageTooLong);
        (await citizen.SendAsync(new string('ø', 4000))).Duplicate.Should().BeFalse();
        (await citizen.GetHistoryAsync()).Should().ContainSingle(m => m.Text.Length == 4000);
    }

    [Fact]
    public async Task A_forged_or_foreign_session_token_gives_nothing()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var victim = await server.ConnectCitizenAsync();
        var victimChat = (await victim.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await victim.SendAsync("Privat besked");
        var intruder = await server.ConnectCitizenAsync();
        var received = new Inbox<ChatMessage>();
        intruder.MessageReceived += received.Add;

        var tampered = victimChat.SessionToken[..^4] + (victimChat.SessionToken[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var forged = () => intruder.ResumeAsync(tampered);
        var guessed = () => intruder.ResumeAsync(victimChat.ChatId.ToString());

        (await forged.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.SessionInvalid);
        (await guessed.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.SessionInvalid);
        received.Items.Should().BeEmpty();
        (await victim.GetHistoryAsync()).Should().Contain(m => m.Text == "Privat besked");
    }

    [Fact]
    public async Task Writing_to_an_ended_chat_is_refused_with_chat_ended()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var citizen = await server.ConnectCitizenAsync();
        await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));
        await citizen.EndChatAsync();

        var act = () => citizen.SendAsync("Hallo?");

        (await act.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.ChatEnded);
    }
}
