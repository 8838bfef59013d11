using System.Net.WebSockets;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Chats;

namespace SharedHotline.IntegrationTests.Security;

/// <summary>
/// Every hub method called with missing and extra arguments, wrong types, nulls, huge strings, control characters,
/// lone surrogates and unknown enum values, through <see cref="HubConnection.InvokeCoreAsync"/>; and raw frames that are
/// not JSON. Each call gets an error, the connection (or, for a broken frame, the server) stays up, and the stored chat
/// does not change.
/// </summary>
public sealed class HubBadInputSuiteTests
{
    private static readonly string Big = new('x', 20_000);

    /// <summary>
/// Bad argument lists per hub method; "{token}" and "{chat}" are replaced by the test's session token and chat id. Lone
/// surrogates cannot be sent through the .NET client (its JSON writer replaces them), so they go in raw frames below.
/// </summary>
    public static IReadOnlyDictionary<string, object?[][]> BadArguments { get; } = new Dictionary<string, object?[][]>
    {
        ["CitizenHub.StartChat"] = [[], [null], ["soroe"], [42], [new { kommune = 7, topic = true }], [new { kommune = "soroe", topic = "pas", firstName = "a\u0007" }], [new { kommune = Big, topic = Big }], [new { kommune = "soroe", topic = "pas" }, "extra"]],
        ["CitizenHub.ResumeChat"] = [[], ["{token}"], ["{token}", "zero"], ["{token}", 1e300], [null, 0], [Big, 0], ["{token}", 0, "extra"]],
        ["CitizenHub.SendMessage"] = [[], ["{token}", "id"], ["{token}", "id", 42], ["{token}", "id", "bell\u0007"], ["{token}", "id", Big], ["{token}", Big, "hej"], ["{token}", "ctl\u0001", "hej"], ["{token}", null, "hej"], [42, "id", "hej"]],
        ["CitizenHub.SetTyping"] = [[], ["{token}"], ["{token}", "yes"], ["{token}", new { }], [null, true]],
        ["CitizenHub.EndChat"] = [[], [42], [null], [Big], ["{token}", "extra"]],
        ["CitizenHub.FollowCase"] = [[], ["soroe"], ["soroe", "SOR-X"], [42, "SOR-X", "t"], [null, null, null], [Big, Big, Big], ["soroe", "SOR-X", "t", "extra"], ["soroe", new[] { 1 }, "t"]],
        ["CitizenHub.GetHistory"] = [[], [new[] { 1 }], [null], ["{token}", "extra"]],
        ["AgentHub.SetPresence"] = [[], ["Sleeping"], [99], [true], [null], ["Available", "extra"]],
        ["AgentHub.GetSession"] = [["extra"]],
        ["AgentHub.GetQueue"] = [["extra"]],
        ["AgentHub.AcceptChat"] = [[], ["not-a-guid"], [42], [null], [Guid.NewGuid()], ["{chat}", "extra"]],
        ["AgentHub.GetChat"] = [[], ["not-a-guid"], [null], [Guid.NewGuid()]],
        ["AgentHub.SendMessage"] = [[], ["{chat}", "id"], ["{chat}", "id", 42], ["{chat}", "id", "bell\u0007"], ["{chat}", "id", Big], ["not-a-guid", "id", "hej"], ["{chat}", null, "hej"]],
        ["AgentHub.SetTyping"] = [[], ["{chat}"], ["{chat}", "maybe"], [Guid.NewGuid(), true]],
        ["AgentHub.EndChat"] = [[], ["nope"], [Guid.NewGuid()]],
        ["AgentHub.AddNote"] = [[], ["{chat}"], ["{chat}", 42], ["{chat}", ""], ["{chat}", "bell\u0007"], ["{chat}", Big], ["not-a-guid", "hej"], [Guid.NewGuid(), "hej"]],
        ["AgentHub.GetNotes"] = [[], ["nope"], [null], [Guid.NewGuid()], ["{chat}", "extra"]],
        ["AgentHub.TransferChat"] = [[], ["{chat}"], ["{chat}", "nobody"], ["{chat}", Guid.NewGuid()], ["nope", null]],
        ["AgentHub.TransferChatWithNote"] = [[], ["{chat}", null], ["{chat}", "nobody", "hej"], ["{chat}", Guid.NewGuid(), "hej"], ["{chat}", null, 42], ["{chat}", null, "bell\u0007"], ["{chat}", null, Big], ["nope", null, "hej"]],
        ["AgentHub.GetTransferTargets"] = [[], ["nope"], [null], [Guid.NewGuid()], ["{chat}", "extra"]],
    };

    [Fact]
    public void Every_hub_method_has_bad_inputs_in_the_suite()
    {
        var methods = new[] { typeof(CitizenHub), typeof(AgentHub) }
            .SelectMany(h => h.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.Name is not "OnConnectedAsync" and not "OnDisconnectedAsync")
                .Select(m => h.Name + "." + m.Name));

        string.Join("; ", methods.Except(BadArguments.Keys)).Should().BeEmpty();
    }

    [Fact]
    public async Task Every_hub_method_refuses_bad_arguments_keeps_the_connection_and_changes_nothing_stored()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var mia = await server.ConnectAgentAsync(Demo.FuresoAgent);
        await mia.SetPresenceAsync(Presence.Available);
        var citizenClient = await server.ConnectCitizenAsync();
        var chat = (await citizenClient.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await mia.AcceptChatAsync(chat.ChatId);
        await citizenClient.SendAsync("Første besked");
        await mia.SendAsync(chat.ChatId, "Svar");
        var citizenHub = Connect(server, "/hubs/citizen", null);
        var agentHub = Connect(server, "/hubs/agent", await server.SignInAsync(Demo.FuresoAgent));
        await citizenHub.StartAsync();
        await agentHub.StartAsync();
        var before = await StoredAsync(server);

        var failures = new StringBuilder();
        foreach (var (method, argumentLists) in BadArguments)
        {
            var (hub, name) = method.StartsWith("CitizenHub.", StringComparison.Ordinal) ? (citizenHub, method[11..]) : (agentHub, method[9..]);
            foreach (var arguments in argumentLists)
            {
                var args = arguments.Select(a => a is "{token}" ? chat.SessionToken : a is "{chat}" ? chat.ChatId : a).ToArray();
                try
                {
                    await hub.InvokeCoreAsync(name, typeof(object), args);
                    failures.AppendLine($"{method}({Describe(arguments)}) was accepted");
                }
                catch (HubException ex) when (ex.Message.Length > 0)
                {
                    // A refusal with a message: what the suite wants.
                }

                if (hub.State != HubConnectionState.Connected)
                {
                    failures.AppendLine($"{method}({Describe(arguments)}) dropped the connection");
                    await hub.StartAsync();
                }
            }
        }

        failures.ToString().Should().BeEmpty();
        (await StoredAsync(server)).Should().Be(before, "no bad call stored or changed anything");
        (await citizenClient.SendAsync("Stadig her")).Duplicate.Should().BeFalse("the chat still works");
    }

    [Fact]
    public async Task Unparseable_frames_and_an_oversized_message_close_only_that_connection_and_the_server_keeps_serving()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var citizen = await server.ConnectCitizenAsync();
        await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));
        await citizen.SendAsync("Gemt før");
        var before = await citizen.GetHistoryAsync();

        foreach (var frame in new[] { "{\"type\":1,\"target\":\"SendMessage\",\"arguments\":[", "not json at all", "{\"type\":\"one\"}", "{\"type\":1,\"invocationId\":\"1\",\"target\":\"SendMessage\",\"arguments\":\"x\"}" })
        {
            (await SendRawFrameAsync(server, frame)).Should().BeTrue($"the server closes a connection that sent '{frame}'");
        }

        var oversized = Connect(server, "/hubs/citizen", null);
        await oversized.StartAsync();
        var closed = new TaskCompletionSource<Exception?>();
        oversized.Closed += e =>
        {
            closed.TrySetResult(e);
            return Task.CompletedTask;
        };
        var huge = () => oversized.InvokeAsync<MessageAck>("SendMessage", citizen.SessionToken, "big", new string('x', 100_000));
        await huge.Should().ThrowAsync<Exception>();
        (await closed.Task.WaitAsync(TimeSpan.FromSeconds(10))).Should().NotBeNull("the server closed the connection with an error");

        (await citizen.GetHistoryAsync()).Should().BeEquivalentTo(before);
        (await citizen.SendAsync("Stadig her")).Seq.Should().Be(before[^1].Seq + 1);
    }

    [Fact]
    public async Task Lone_surrogates_in_raw_frames_get_a_typed_error_on_a_connection_that_stays_open_and_nothing_is_stored()
    {
        await using var server = await HotlineServer.StartAsync(Demo.TuesdayEvening);
        var citizen = await server.ConnectCitizenAsync();
        await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));
        var before = await citizen.GetHistoryAsync();
        using var socket = await OpenRawAsync(server);

        foreach (var (arguments, code) in new[]
        {
            ($"[\"{citizen.SessionToken}\",\"s1\",\"broken \\ud800 text\"]", HubErrorCodes.MessageInvalid),
            ($"[\"{citizen.SessionToken}\",\"s2\",\"\\udc00\"]", HubErrorCodes.MessageInvalid),
            ($"[\"{citizen.SessionToken}\",\"\\ud800\",\"hej\"]", HubErrorCodes.InvalidArgument),
        })
        {
            var completion = await InvokeRawAsync(socket, "SendMessage", arguments);

            completion.GetProperty("type").GetInt32().Should().Be(3);
            completion.GetProperty("error").GetString().Should().Contain($"HubException: {code}: ");
            socket.State.Should().Be(WebSocketState.Open);
        }

        (await citizen.GetHistoryAsync()).Should().BeEquivalentTo(before);
    }

    private static async Task<ClientWebSocket> OpenRawAsync(HotlineServer server)
    {
        using var negotiate = await server.Http.PostAsync("/hubs/citizen/negotiate?negotiateVersion=1", null);
        var token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = "/hubs/citizen", Query = "id=" + token }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        await socket.ReceiveAsync(new byte[4096], CancellationToken.None);
        return socket;
    }

    /// <summary>Sends one invocation frame and returns the completion for it (pings are skipped).</summary>
    private static async Task<JsonElement> InvokeRawAsync(ClientWebSocket socket, string target, string argumentsJson)
    {
        var id = Guid.NewGuid().ToString("N");
        await socket.SendAsync(Encoding.UTF8.GetBytes($"{{\"type\":1,\"invocationId\":\"{id}\",\"target\":\"{target}\",\"arguments\":{argumentsJson}}}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[65536];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            foreach (var frame in Encoding.UTF8.GetString(buffer, 0, result.Count).Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
            {
                var message = JsonDocument.Parse(frame).RootElement;
                if (message.TryGetProperty("invocationId", out var invocation) && invocation.GetString() == id)
                {
                    return message.Clone();
                }
            }
        }
    }

    /// <summary>Negotiates, opens a WebSocket, does the JSON handshake, sends one raw frame; true when the server then closes the socket.</summary>
    private static async Task<bool> SendRawFrameAsync(HotlineServer server, string frame)
    {
        using var negotiate = await server.Http.PostAsync("/hubs/citizen/negotiate?negotiateVersion=1", null);
        var token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString();
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(server.BaseAddress) { Scheme = "ws", Path = "/hubs/citizen", Query = "id=" + token }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[4096];
        await socket.ReceiveAsync(buffer, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes(frame + "\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, timeout.Token);
                var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                if (result.MessageType == WebSocketMessageType.Close || text.Contains("\"type\":7", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        catch (WebSocketException)
        {
            return true;
        }
    }

    private static HubConnection Connect(HotlineServer server, string path, string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();

    private static Task<string> StoredAsync(HotlineServer server) => StaffAccounts.WithDbAsync(server, async db =>
    {
        var chats = await db.Chats.AsNoTracking().OrderBy(c => c.Reference).Select(c => c.Reference + ":" + c.State + ":" + c.AgentId).ToListAsync();
        var messages = await db.Messages.AsNoTracking().OrderBy(m => m.ChatId).ThenBy(m => m.Seq).Select(m => m.Seq + m.Text).ToListAsync();
        return string.Join('|', chats) + "#" + string.Join('|', messages);
    });

    private static string Describe(object?[] arguments) =>
        string.Join(", ", arguments.Select(a => a switch
        {
            null => "null",
            string { Length: > 30 } s => $"<{s.Length} chars>",
            string s => JsonSerializer.Serialize(s),
            _ => JsonSerializer.Serialize(a),
        }));
}
