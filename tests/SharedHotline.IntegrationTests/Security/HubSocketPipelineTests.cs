using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SharedHotline.Client.Agents;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Security;

/// <summary>
/// Hub WebSockets take a short pipeline (HubSockets): a citizen's socket is not run through staff sign-in, an
/// agent's socket is, exactly once (WebApplication would otherwise add a second authentication step of its own),
/// still refuses a caller who is not signed in, and both still work.
/// </summary>
public sealed class HubSocketPipelineTests
{
    [Fact]
    public async Task A_citizens_socket_skips_staff_sign_in_an_agents_socket_is_authenticated_once_and_both_chat()
    {
        var authenticated = new AuthenticatedPaths();
        await using var server = await StartRecordingAsync(authenticated);
        var token = await server.SignInAsync(Demo.FuresoAgent);
        authenticated.Clear();

        await using var agent = new AgentHubClient(server.BaseAddress, () => Task.FromResult<string?>(token), WebSocketOnly);
        var offers = new Inbox<AgentChat>();
        agent.ChatOffered += offers.Add;
        await agent.ConnectAsync();
        await agent.SetPresenceAsync(Presence.Available);
        await using var citizen = new CitizenHubClient(server.BaseAddress, WebSocketOnly);
        var inbox = new Inbox<ChatMessage>();
        citizen.MessageReceived += inbox.Add;
        await citizen.ConnectAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        await offers.WaitForAsync(o => o.ChatId == chat.ChatId);
        await agent.AcceptChatAsync(chat.ChatId);
        var reply = await agent.SendAsync(chat.ChatId, "Hej, hvad kan jeg hjælpe med?");

        (await inbox.WaitForAsync(m => m.MessageId == reply.MessageId)).Text.Should().Be("Hej, hvad kan jeg hjælpe med?");
        authenticated.Paths.Should().ContainSingle(p => p == HubPaths.Agent, "the agent's socket is signed in once");
        authenticated.Paths.Should().NotContain(HubPaths.Citizen, "citizens are anonymous");
    }

    [Fact]
    public async Task An_agent_socket_without_a_sign_in_is_refused_and_a_staff_token_on_a_citizen_socket_is_not_looked_at()
    {
        var authenticated = new AuthenticatedPaths();
        await using var server = await StartRecordingAsync(authenticated);
        var token = await server.SignInAsync(Demo.FuresoAgent);
        authenticated.Clear();

        await using var anonymousAgent = new AgentHubClient(server.BaseAddress, () => Task.FromResult<string?>(null), WebSocketOnly);
        var connect = () => anonymousAgent.ConnectAsync();
        await connect.Should().ThrowAsync<Exception>("the agent hub's socket still requires a signed-in agent");
        await using var citizen = new CitizenHubClient(server.BaseAddress, o =>
        {
            WebSocketOnly(o);
            o.AccessTokenProvider = () => Task.FromResult<string?>(token);
        });
        await citizen.ConnectAsync();
        var started = await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"));

        started.Chat.Should().NotBeNull("the citizen socket works whatever it carries");
        authenticated.Paths.Should().Contain(HubPaths.Agent).And.NotContain(HubPaths.Citizen);
    }

    /// <summary>A server whose authentication middleware notes the path of every request it runs for.</summary>
    private static Task<HotlineServer> StartRecordingAsync(AuthenticatedPaths authenticated) =>
        HotlineServer.StartAsync(Demo.TuesdayEvening, configure: services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton(authenticated);
            services.AddSingleton<IAuthenticationSchemeProvider, RecordingSchemes>();
        });

    private static void WebSocketOnly(HttpConnectionOptions o)
    {
        o.SkipNegotiation = true;
        o.Transports = HttpTransportType.WebSockets;
    }

    private sealed class AuthenticatedPaths
    {
        private readonly List<string> _paths = [];

        public IReadOnlyList<string> Paths
        {
            get
            {
                lock (_paths)
                {
                    return [.. _paths];
                }
            }
        }

        public void Add(string path)
        {
            lock (_paths)
            {
                _paths.Add(path);
            }
        }

        public void Clear()
        {
            lock (_paths)
            {
                _paths.Clear();
            }
        }
    }

    /// <summary>The authentication middleware asks for the request handler schemes first thing on every request.</summary>
    private sealed class RecordingSchemes(IOptions<AuthenticationOptions> options, AuthenticatedPaths paths, IHttpContextAccessor http)
        : AuthenticationSchemeProvider(options)
    {
        public override Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
        {
            if (http.HttpContext is { } context)
            {
                paths.Add(context.Request.Path.Value ?? "");
            }

            return base.GetRequestHandlerSchemesAsync();
        }
    }
}
