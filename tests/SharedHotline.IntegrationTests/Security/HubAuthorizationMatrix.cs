using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using SharedHotline.Client.Contracts;
using static SharedHotline.IntegrationTests.Security.Callers;

namespace SharedHotline.IntegrationTests.Security;

/// <summary>A hub method, how a caller calls it, and each caller's outcome ("ok", a typed error code, or the connection's refusal).</summary>
public sealed record HubRow(string Hub, string Method, Func<MatrixWorld, Caller, Task<string>> Call, Dictionary<Caller, string> Expected);

/// <summary>
/// The expected outcome of every hub method for every caller. The citizen hub is anonymous: what counts is the session
/// token, which only the chat's own citizen has (others present a guessed chat id, a forged token or nothing). The agent
/// hub refuses anyone without the agent role at connection; among agents, only the one the chat is assigned to, or who
/// may answer its kommune now, reaches it.
/// </summary>
public static class HubAuthorizationMatrix
{
    private const string Citizen = "CitizenHub";
    private const string Agent = "AgentHub";
    private static readonly Dictionary<Caller, string> OnlyTheChatsCitizen = Only("ok", HubErrorCodes.SessionInvalid, Caller.CitizenOfChat);
    private static readonly Dictionary<Caller, string> AnyAgent = StaffOnly("ok", Agents);
    private static readonly Dictionary<Caller, string> OnlyTheRosteredAgent = StaffOnly(HubErrorCodes.ChatNotAccessible, Agents)
        .ToDictionary(kv => kv.Key, kv => kv.Key == Caller.RosteredAgent ? "ok" : kv.Value);

    public static IReadOnlyList<HubRow> Rows { get; } =
    [
        new(Citizen, "StartChat", (w, _) => OnCitizenHub(w, async (hub, _) =>
        {
            var result = await hub.InvokeAsync<StartChatResult>("StartChat", new StartChatRequest("soroe", "pas"));
            await hub.InvokeAsync("EndChat", result.Chat!.SessionToken);
        }, Caller.Anonymous), Everyone("ok")),
        new(Citizen, "ResumeChat", (w, c) => OnCitizenHub(w, (hub, token) => hub.InvokeAsync<CitizenChat>("ResumeChat", token, 0L), c), OnlyTheChatsCitizen),
        new(Citizen, "SendMessage", (w, c) => OnCitizenHub(w, (hub, token) => hub.InvokeAsync<MessageAck>("SendMessage", token, Guid.NewGuid().ToString("N"), "Hej"), c), OnlyTheChatsCitizen),
        new(Citizen, "SetTyping", (w, c) => OnCitizenHub(w, (hub, token) => hub.InvokeAsync("SetTyping", token, true), c), OnlyTheChatsCitizen),
        new(Citizen, "EndChat", (w, c) => OnCitizenHub(w, (hub, token) => hub.InvokeAsync("EndChat", token), c), OnlyTheChatsCitizen),
        new(Citizen, "FollowCase", FollowCaseAsync, Only("ok", HubErrorCodes.CaseNotFound, Caller.CitizenOfChat)),
        new(Citizen, "GetHistory", (w, c) => OnCitizenHub(w, (hub, token) => hub.InvokeAsync<ChatMessage[]>("GetHistory", token), c), OnlyTheChatsCitizen),

        new(Agent, "SetPresence", (w, c) => OnAgentHub(w, c, hub => hub.InvokeAsync<AgentSession>("SetPresence", Presence.Away)), AnyAgent),
        new(Agent, "GetSession", (w, c) => OnAgentHub(w, c, hub => hub.InvokeAsync<AgentSession>("GetSession")), AnyAgent),
        new(Agent, "GetQueue", (w, c) => WithQueuedChat(w, c, async (hub, chat) =>
        {
            var queue = await hub.InvokeAsync<QueueOverview>("GetQueue");
            return queue.Chats.Any(q => q.ChatId == chat.ChatId) ? "sees" : "blind";
        }), StaffOnly("blind", Agents).ToDictionary(kv => kv.Key, kv => kv.Key == Caller.RosteredAgent ? "sees" : kv.Value)),
        new(Agent, "GetChat", (w, c) => WithQueuedChat(w, c, (hub, chat) => hub.InvokeAsync<AgentChat>("GetChat", chat.ChatId)), OnlyTheRosteredAgent),
        new(Agent, "AcceptChat", (w, c) => WithQueuedChat(w, c, async (hub, chat) =>
        {
            if (c == Caller.RosteredAgent)
            {
                await hub.InvokeAsync<AgentSession>("SetPresence", Presence.Available);
            }

            try
            {
                await hub.InvokeAsync<AgentChat>("AcceptChat", chat.ChatId);
            }
            finally
            {
                await hub.InvokeAsync<AgentSession>("SetPresence", Presence.Away);
            }
        }), OnlyTheRosteredAgent),
        new(Agent, "SendMessage", (w, c) => WithActiveChat(w, c, (hub, chat) => hub.InvokeAsync<MessageAck>("SendMessage", chat.ChatId, Guid.NewGuid().ToString("N"), "Hej")), OnlyTheRosteredAgent),
        new(Agent, "SetTyping", (w, c) => WithActiveChat(w, c, (hub, chat) => hub.InvokeAsync("SetTyping", chat.ChatId, true)), OnlyTheRosteredAgent),
        new(Agent, "EndChat", (w, c) => WithActiveChat(w, c, (hub, chat) => hub.InvokeAsync("EndChat", chat.ChatId)), OnlyTheRosteredAgent),
        new(Agent, "AddNote", (w, c) => WithActiveChat(w, c, (hub, chat) => hub.InvokeAsync<ChatNote>("AddNote", chat.ChatId, "Borgeren ringer tilbage i morgen")), OnlyTheRosteredAgent),
        new(Agent, "GetNotes", (w, c) => WithActiveChat(w, c, (hub, chat) => hub.InvokeAsync<IReadOnlyList<ChatNote>>("GetNotes", chat.ChatId)), OnlyTheRosteredAgent),
        new(Agent, "TransferChat", (w, c) => WithActiveChat(w, c, (hub, chat) => hub.InvokeAsync("TransferChat", chat.ChatId, (Guid?)null)), OnlyTheRosteredAgent),
        new(Agent, "TransferChatWithNote", (w, c) => WithActiveChat(w, c, (hub, chat) => hub.InvokeAsync("TransferChatWithNote", chat.ChatId, (Guid?)null, "Borgeren venter på svar fra skat")), OnlyTheRosteredAgent),
        new(Agent, "GetTransferTargets", (w, c) => WithActiveChat(w, c, (hub, chat) => hub.InvokeAsync<IReadOnlyList<TransferTarget>>("GetTransferTargets", chat.ChatId)), OnlyTheRosteredAgent),
    ];

    /// <summary>
    /// The chat's citizen calls with the token of a fresh chat of their own; the citizen of another chat presents the
    /// chat's id as if it were a token; staff present a forged token; anonymous presents none.
    /// </summary>
    private static async Task<string> OnCitizenHub(MatrixWorld world, Func<Microsoft.AspNetCore.SignalR.Client.HubConnection, string?, Task> call, Caller caller)
    {
        var (citizen, chat) = await world.QueuedChatAsync();
        try
        {
            var token = caller switch
            {
                Caller.CitizenOfChat => chat.SessionToken,
                Caller.CitizenOfOtherChat => chat.ChatId.ToString(),
                Caller.Anonymous => null,
                _ => chat.SessionToken[..^6] + (chat.SessionToken.EndsWith("AAAAAA", StringComparison.Ordinal) ? "BBBBBB" : "AAAAAA"),
            };
            return await MatrixWorld.OutcomeAsync(() => call(world.CitizenHub, token));
        }
        finally
        {
            await MatrixWorld.CloseAsync(citizen);
        }
    }

    /// <summary>The chat's citizen stands for the holder of a case's status link; everyone else presents a forged secret or none.</summary>
    private static async Task<string> FollowCaseAsync(MatrixWorld world, Caller caller)
    {
        using var response = await world.Server.Http.PostAsJsonAsync("/api/kommuner/soroe/cases", new { topic = "pas", phone = "12345678", note = "Ring mig op" });
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reference = receipt.GetProperty("reference").GetString()!;
        var token = new Uri(receipt.GetProperty("statusUrl").GetString()!).Query.Split("t=")[1];
        var presented = caller switch
        {
            Caller.CitizenOfChat => token,
            Caller.Anonymous => null,
            _ => token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
        };
        return await MatrixWorld.OutcomeAsync(() => world.CitizenHub.InvokeAsync("FollowCase", "soroe", reference, presented));
    }

    private static async Task<string> OnAgentHub(MatrixWorld world, Caller caller, Func<Microsoft.AspNetCore.SignalR.Client.HubConnection, Task> call)
    {
        var (hub, refusal) = await world.AgentHubAsync(caller);
        return hub is null ? refusal! : await MatrixWorld.OutcomeAsync(() => call(hub));
    }

    private static async Task<string> WithQueuedChat(MatrixWorld world, Caller caller, Func<Microsoft.AspNetCore.SignalR.Client.HubConnection, CitizenChat, Task> call)
    {
        var (citizen, chat) = await world.QueuedChatAsync();
        try
        {
            return await OnAgentHub(world, caller, hub => call(hub, chat));
        }
        finally
        {
            await MatrixWorld.CloseAsync(citizen);
        }
    }

    private static async Task<string> WithQueuedChat(MatrixWorld world, Caller caller, Func<Microsoft.AspNetCore.SignalR.Client.HubConnection, CitizenChat, Task<string>> call)
    {
        var (citizen, chat) = await world.QueuedChatAsync();
        try
        {
            var (hub, refusal) = await world.AgentHubAsync(caller);
            return hub is null ? refusal! : await call(hub, chat);
        }
        finally
        {
            await MatrixWorld.CloseAsync(citizen);
        }
    }

    private static async Task<string> WithActiveChat(MatrixWorld world, Caller caller, Func<Microsoft.AspNetCore.SignalR.Client.HubConnection, CitizenChat, Task> call)
    {
        var (citizen, chat) = await world.ActiveChatWithMiaAsync();
        try
        {
            return await OnAgentHub(world, caller, hub => call(hub, chat));
        }
        finally
        {
            await MatrixWorld.CloseAsync(citizen);
        }
    }
}
