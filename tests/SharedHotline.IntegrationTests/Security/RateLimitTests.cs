using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SharedHotline.Client;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Security;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Starting_too_many_chats_from_one_address_is_refused_with_rate_limited_and_when_to_retry()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, Limit("StartChatsPerIp", 2, 600));
        for (var i = 0; i < 2; i++)
        {
            var ok = await server.ConnectCitizenAsync();
            (await ok.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat.Should().NotBeNull();
        }

        var third = await server.ConnectCitizenAsync();
        var act = () => third.StartChatAsync(new StartChatRequest("soroe", "pas"));

        var error = (await act.Should().ThrowAsync<HotlineHubException>()).Which;
        error.Code.Should().Be(HubErrorCodes.RateLimited);
        error.Message.Should().MatchRegex(@"retry after \d+ s");
        third.State.Should().Be(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected, "a refusal does not drop the connection");
    }

    [Fact]
    public async Task Sending_too_many_messages_in_one_chat_is_refused_and_the_refused_message_is_not_stored()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, Limit("MessagesPerSession", 3, 600));
        var citizen = await server.ConnectCitizenAsync();
        await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));
        for (var i = 0; i < 3; i++)
        {
            await citizen.SendAsync("Besked " + i);
        }

        var act = () => citizen.SendAsync("En for meget");

        (await act.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.RateLimited);
        (await citizen.GetHistoryAsync()).Should().NotContain(m => m.Text == "En for meget");
        var other = await server.ConnectCitizenAsync();
        await other.StartChatAsync(new StartChatRequest("soroe", "pas"));
        (await other.SendAsync("Anden chat")).Seq.Should().BeGreaterThan(0, "the limit is per chat session");
    }

    [Fact]
    public async Task Mistyped_start_requests_and_empty_messages_do_not_use_up_the_allowance_for_accepted_ones()
    {
        var settings = Limit("StartChatsPerConnection", 1, 600);
        foreach (var (key, value) in Limit("MessagesPerSession", 2, 600))
        {
            settings[key] = value;
        }

        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, settings);
        var citizen = await server.ConnectCitizenAsync();
        for (var i = 0; i < 3; i++)
        {
            var mistyped = () => citizen.StartChatAsync(new StartChatRequest("soroe", "pass"));
            (await mistyped.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.TopicNotFound);
        }

        (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat.Should().NotBeNull("refused attempts do not count against new chats");
        for (var i = 0; i < 3; i++)
        {
            var empty = () => citizen.SendAsync("   ");
            (await empty.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.MessageEmpty);
        }

        (await citizen.SendAsync("Første")).Seq.Should().BeGreaterThan(0);
        (await citizen.SendAsync("Anden")).Seq.Should().BeGreaterThan(0, "empty messages did not count against the chat's two");
        var third = () => citizen.SendAsync("Tredje");
        (await third.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.RateLimited);
    }

    [Fact]
    public async Task A_connection_that_keeps_sending_refused_calls_is_limited_on_its_own_allowance()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, Limit("RefusedCallsPerConnection", 3, 600));
        var citizen = await server.ConnectCitizenAsync();
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            try
            {
                await citizen.StartChatAsync(new StartChatRequest("nowhere", "pas"));
            }
            catch (HotlineHubException ex)
            {
                codes.Add(ex.Code);
            }
        }

        codes.Should().Equal(HubErrorCodes.KommuneNotFound, HubErrorCodes.KommuneNotFound, HubErrorCodes.KommuneNotFound, HubErrorCodes.RateLimited, HubErrorCodes.RateLimited);
        var other = await server.ConnectCitizenAsync();
        (await other.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat.Should().NotBeNull("another window is not limited by it");
    }

    [Theory]
    [InlineData("HistoryPerConnection")]
    [InlineData("TypingPerConnection")]
    [InlineData("ResumesPerConnection")]
    public async Task History_typing_and_resume_calls_are_rate_limited_per_connection(string limit)
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, Limit(limit, 2, 600));
        var citizen = await server.ConnectCitizenAsync();
        await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));
        Func<Task> call = limit switch
        {
            "HistoryPerConnection" => () => citizen.GetHistoryAsync(),
            "TypingPerConnection" => () => citizen.SetTypingAsync(true),
            _ => () => citizen.ResumeAsync(citizen.SessionToken!),
        };

        await call();
        await call();

        (await call.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.RateLimited);
        (await citizen.SendAsync("Stadig her")).Seq.Should().BeGreaterThan(0, "the other calls of the connection are not limited by it");
    }

    [Fact]
    public async Task No_more_chats_than_the_cap_may_wait_in_the_queue_from_one_address()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?> { ["Hotline:Limits:QueuedChatsPerIp"] = "2" });
        var first = await server.ConnectCitizenAsync();
        await first.StartChatAsync(new StartChatRequest("soroe", "pas"));
        var second = await server.ConnectCitizenAsync();
        await second.StartChatAsync(new StartChatRequest("soroe", "pas"));
        var third = await server.ConnectCitizenAsync();

        var refused = () => third.StartChatAsync(new StartChatRequest("soroe", "pas"));
        (await refused.Should().ThrowAsync<HotlineHubException>()).Which.Code.Should().Be(HubErrorCodes.RateLimited);

        await first.EndChatAsync();
        (await third.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat.Should().NotBeNull("one waiting chat left the queue");
    }

    [Fact]
    public async Task Too_many_call_back_requests_get_429_problem_details_with_retry_after()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening, Limit("CallbacksPerIp", 1, 600));
        using var first = await server.Http.PostAsJsonAsync("/api/kommuner/soroe/callbacks", new { topic = "pas", phone = "12345678" });
        using var second = await server.Http.PostAsJsonAsync("/api/kommuner/soroe/callbacks", new { topic = "pas", phone = "12345678" });

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        second.Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeInRange(1, 600);
        second.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().Should().Be(HubErrorCodes.RateLimited);
        problem.GetProperty("status").GetInt32().Should().Be(429);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address_on_top_of_the_account_lockout()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening, Limit("SignInsPerIp", 3, 600));
        var statuses = new List<HttpStatusCode>();
        foreach (var user in new[] { "a", "b", "c", "d" })
        {
            using var response = await server.Http.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "x" });
            statuses.Add(response.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_request_body_over_the_limit_is_refused_with_413_and_the_server_keeps_serving()
    {
        await using var server = await HotlineServer.StartAsync(Demo.SundayLateEvening, new Dictionary<string, string?> { ["Hotline:Limits:MaxRequestBodyBytes"] = "10000" });
        using var content = new StringContent("{\"topic\":\"pas\",\"message\":\"" + new string('a', 20_000) + "\"}", System.Text.Encoding.UTF8, "application/json");

        using var response = await server.Http.PostAsync("/api/kommuner/soroe/callbacks", content);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await server.Http.GetAsync("/api/kommuner")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static Dictionary<string, string?> Limit(string name, int permits, int windowSeconds) => new()
    {
        [$"Hotline:Limits:{name}:Permits"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Hotline:Limits:{name}:WindowSeconds"] = windowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
