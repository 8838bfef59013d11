using System.Net.Http.Headers;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Client;
using SharedHotline.Client.Agents;
using SharedHotline.Client.Citizens;
using SharedHotline.Client.Contracts;
using SharedHotline.Domain.Rota;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.IntegrationTests.Infrastructure;
using SharedHotline.Server.Rota;

namespace SharedHotline.IntegrationTests.Security;

/// <summary>
/// One server for the whole authorization matrix: the demo data on Tuesday 20:30, plus Odsherred (a kommune outside the
/// partnership) in a partnership of its own with an agent and a coordinator, and Sorø's own admin. "The chat" is a Sorø
/// citizen's chat answered by the rostered agent; hub cells that change a chat get a fresh chat of their own.
/// </summary>
public sealed class MatrixWorld : IAsyncLifetime
{
    public const string OtherPartnership = "odsherred-alene";
    private readonly Dictionary<Caller, string> _tokens = [];
    private readonly Dictionary<Caller, HttpClient> _http = [];
    private readonly Dictionary<Caller, (HubConnection? Connection, string? Refusal)> _agentHub = [];
    private readonly List<IAsyncDisposable> _connections = [];

    public HotlineServer Server { get; private set; } = null!;

    /// <summary>The chat: Sorø citizen, accepted by the rostered agent, who is now away.</summary>
    public CitizenChat Chat { get; private set; } = null!;

    public CitizenChat OtherChat { get; private set; } = null!;

    public AgentHubClient Mia { get; private set; } = null!;

    public HubConnection CitizenHub { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await HotlineServer.StartAsync(Demo.TuesdayEvening, new Dictionary<string, string?>
        {
            ["Hotline:Kommuner:6:Kode"] = "306",
            ["Hotline:Kommuner:6:Slug"] = "odsherred",
            ["Hotline:Kommuner:6:Name"] = "Odsherred",
            ["Hotline:Kommuner:6:OwnHours"] = "Mon-Fri 09:00-15:00",
            ["Hotline:Oidc:soroe:Authority"] = "https://login.soroe.example",
            ["Hotline:Oidc:soroe:ClientId"] = "hotline",
            ["Hotline:Oidc:soroe:AuthorizationEndpoint"] = "https://login.soroe.example/authorize",

            // Every row is called from this one address; most calls are refused by design.
            ["Hotline:Limits:RefusedCallsPerIp:Permits"] = "100000",
            ["Hotline:Limits:RefusedCallsPerConnection:Permits"] = "100000",
        });
        await StaffAccounts.WithDbAsync(Server, async db =>
        {
            db.Partnerships.Add(new PartnershipRecord { Id = OtherPartnership, Rota = new Partnership { Id = OtherPartnership, Name = "Odsherred alene", Members = [306] }, Version = 1, UpdatedAt = Server.Time.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        Server.Services.GetRequiredService<RotaProvider>().Invalidate();
        await StaffAccounts.AddAsync(Server, "agent.odsherred", 306, ["agent"]);
        await StaffAccounts.AddAsync(Server, "koordinator.odsherred", 306, ["coordinator"], [OtherPartnership]);
        await StaffAccounts.AddAsync(Server, "admin.soroe", 340, ["admin"]);
        foreach (var caller in Callers.StaffMembers)
        {
            _tokens[caller] = await Server.SignInAsync(Callers.UserName(caller)!);
        }

        foreach (var caller in Callers.All)
        {
            var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Server.BaseAddress };
            if (_tokens.TryGetValue(caller, out var token))
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            _http[caller] = http;
        }

        Mia = await Server.ConnectAgentAsync(Demo.FuresoAgent);
        CitizenHub = Track(BuildConnection("/hubs/citizen", null));
        await CitizenHub.StartAsync();
        var (_, chat) = await ActiveChatWithMiaAsync();
        Chat = chat;
        var other = await Server.ConnectCitizenAsync();
        OtherChat = (await other.StartChatAsync(new StartChatRequest("soroe", "mitid"))).Chat!;
    }

    public HttpClient Http(Caller caller) => _http[caller];

    /// <summary>For a call that ends the caller's session (logout): a staff caller signs in afresh, so the shared session lives on.</summary>
    public async Task<HttpClient> OwnSessionAsync(Caller caller)
    {
        if (Callers.UserName(caller) is not { } userName)
        {
            return _http[caller];
        }

        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Server.SignInAsync(userName));
        _ownSessions.Add(http);
        return http;
    }

    private readonly List<HttpClient> _ownSessions = [];

    /// <summary>The caller's own connection to the agent hub, or why it was refused ("401", "403").</summary>
    public async Task<(HubConnection? Connection, string? Refusal)> AgentHubAsync(Caller caller)
    {
        if (_agentHub.TryGetValue(caller, out var known))
        {
            return known;
        }

        var connection = Track(BuildConnection("/hubs/agent", _tokens.GetValueOrDefault(caller)));
        try
        {
            await connection.StartAsync();
            known = (connection, null);
        }
        catch (HttpRequestException ex)
        {
            known = (null, ((int?)ex.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "refused");
        }

        _agentHub[caller] = known;
        return known;
    }

    /// <summary>A new Sorø chat waiting in the queue (nobody is available).</summary>
    public async Task<(CitizenHubClient Citizen, CitizenChat Chat)> QueuedChatAsync()
    {
        var citizen = await Server.ConnectCitizenAsync();
        var chat = (await citizen.StartChatAsync(new StartChatRequest("soroe", "pas"))).Chat!;
        return (citizen, chat);
    }

    /// <summary>A new Sorø chat accepted by the rostered agent, who then goes away (keeping the chat).</summary>
    public async Task<(CitizenHubClient Citizen, CitizenChat Chat)> ActiveChatWithMiaAsync()
    {
        await Mia.SetPresenceAsync(Presence.Available);
        var (citizen, chat) = await QueuedChatAsync();
        await Mia.AcceptChatAsync(chat.ChatId);
        await citizen.SendAsync("Hej, jeg har brug for hjælp");
        await Mia.SetPresenceAsync(Presence.Away);
        return (citizen, chat);
    }

    /// <summary>Ends a chat a cell made, so it neither waits in the queue nor uses the agent's capacity.</summary>
    public static async Task CloseAsync(CitizenHubClient citizen)
    {
        try
        {
            await citizen.EndChatAsync();
        }
        catch (HotlineHubException)
        {
            // Already ended by the cell.
        }
    }

    /// <summary>Runs a hub call and names its outcome: "ok", the typed error code, or the refusal of the connection.</summary>
    public static async Task<string> OutcomeAsync(Func<Task> call)
    {
        try
        {
            await call();
            return "ok";
        }
        catch (HubException ex)
        {
            return HotlineHubException.From(ex).Code;
        }
        catch (HotlineHubException ex)
        {
            return ex.Code;
        }
    }

    private HubConnection BuildConnection(string path, string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, path), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();

    private HubConnection Track(HubConnection connection)
    {
        _connections.Add(connection);
        return connection;
    }

    public async Task DisposeAsync()
    {
        foreach (var http in _ownSessions)
        {
            http.Dispose();
        }

        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }

        foreach (var http in _http.Values)
        {
            http.Dispose();
        }

        await Server.DisposeAsync();
    }
}
