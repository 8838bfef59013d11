using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using SharedHotline.Client.Contracts;
using SharedHotline.Server.Staff;

namespace SharedHotline.Server.Chats;

/// <summary>The agent's hub. The agent's identity comes from the signed-in claims, never from an argument.</summary>
[Authorize(Policy = StaffPolicies.Agent)]
public sealed class AgentHub(AgentChats chats, AgentPresences presences, ChatTransfers transfers, ChatHandovers handovers, ChatNotes notes, AgentConnections connections, LocalGroupMembers local, Hosting.NodeDrain drain, ILogger<AgentHub> logger) : Hub<IAgentHubClient>
{
    private Guid AgentId => Context.User!.StaffId();

    public override async Task OnConnectedAsync()
    {
        var first = connections.Connected(AgentId, Context.ConnectionId);
        try
        {
            if (first)
            {
                await ResumePresenceAsync();
            }

            await local.JoinAsync(Groups, Context, ChatNotifier.AgentGroup(AgentId));
            await local.JoinAsync(Groups, Context, Cases.CaseFanOut.TasksGroup(Context.User!.HomeKommune()));
            await base.OnConnectedAsync();
        }
        catch
        {
            // SignalR does not call OnDisconnectedAsync for a connection whose OnConnectedAsync failed. The agent's
            // presence may have been taken over by this node already: leave it as a last connection would, or the
            // agent would stay available here with no console, given chats that no node reclaims.
            local.Disconnected(Context.ConnectionId);
            if (connections.Disconnected(AgentId, Context.ConnectionId))
            {
                await LeaveAfterFailedConnectAsync();
            }

            throw;
        }
    }

    private async Task LeaveAfterFailedConnectAsync()
    {
        try
        {
            await presences.LeaveAsync(AgentId, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Agent {AgentId}'s presence could not be left after a connection failed to start", AgentId);
        }
    }

    /// <summary>Best effort: while the live state is away the console sets its presence itself once it is back.</summary>
    private async Task ResumePresenceAsync()
    {
        try
        {
            if (await presences.ResumePresenceAsync(AgentId, Context.ConnectionAborted) is { } presence)
            {
                connections.PresenceChosen(AgentId, presence);
            }
        }
        catch (Exception ex) when (!Context.ConnectionAborted.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Agent {AgentId}'s presence could not be taken over on connecting", AgentId);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        local.Disconnected(Context.ConnectionId);
        if (connections.Disconnected(AgentId, Context.ConnectionId) && !drain.LeaveAfterDrain(AgentId))
        {
            await presences.LeaveAsync(AgentId, CancellationToken.None);
        }

        await base.OnDisconnectedAsync(exception);
    }

    public async Task<AgentSession> SetPresence(Presence presence)
    {
        if (presence == Presence.Offline)
        {
            // Refused before it is remembered here, or a live-state rebuild would restore her as offline with chats.
            await presences.RequireNoChatsAsync(AgentId, Context.ConnectionAborted);
        }

        connections.PresenceChosen(AgentId, presence);
        return await presences.SetPresenceAsync(AgentId, presence, Context.ConnectionAborted);
    }

    public Task<AgentSession> GetSession() => chats.SessionAsync(AgentId, Context.ConnectionAborted);

    public Task<AgentChat> AcceptChat(Guid chatId) => chats.AcceptAsync(AgentId, chatId, Context.ConnectionAborted);

    public Task<AgentChat> GetChat(Guid chatId) => chats.GetAsync(AgentId, chatId, Context.ConnectionAborted);

    public Task<MessageAck> SendMessage(Guid chatId, string clientMessageId, string text) =>
        chats.SendAsync(AgentId, chatId, clientMessageId, text, Context.ConnectionId, Context.ConnectionAborted);

    public Task SetTyping(Guid chatId, bool isTyping) => chats.TypingAsync(AgentId, chatId, isTyping, Context.ConnectionAborted);

    public Task EndChat(Guid chatId) => chats.EndAsync(AgentId, chatId, Context.ConnectionAborted);

    public Task TransferChat(Guid chatId, Guid? toAgentId) => transfers.TransferAsync(AgentId, chatId, toAgentId, Context.ConnectionAborted);

    /// <summary>As <see cref="TransferChat"/>, leaving <paramref name="note"/> on the chat as an internal note for whoever takes it next.</summary>
    public Task TransferChatWithNote(Guid chatId, Guid? toAgentId, string? note) =>
        handovers.TransferWithNoteAsync(AgentId, chatId, toAgentId, note, Context.ConnectionAborted);

    public Task<IReadOnlyList<TransferTarget>> GetTransferTargets(Guid chatId) => handovers.TargetsAsync(AgentId, chatId, Context.ConnectionAborted);

    /// <summary>Adds an internal note to a chat assigned to me; staff only, never shown to the citizen.</summary>
    public Task<ChatNote> AddNote(Guid chatId, string text) => notes.AddAsync(AgentId, chatId, text, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatNote>> GetNotes(Guid chatId) => notes.ListAsync(AgentId, chatId, Context.ConnectionAborted);

    public Task<QueueOverview> GetQueue() => chats.QueueAsync(AgentId, Context.ConnectionAborted);
}
