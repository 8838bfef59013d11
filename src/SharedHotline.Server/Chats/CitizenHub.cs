using Microsoft.AspNetCore.SignalR;
using SharedHotline.Client.Contracts;
using SharedHotline.Server.Cases;

namespace SharedHotline.Server.Chats;

/// <summary>
/// The citizen's hub: anonymous. Every call after <see cref="StartChat"/> carries the signed session token,
/// so any node can serve it and a reconnect on another node resumes the same chat.
/// </summary>
public sealed class CitizenHub(CitizenChats chats, CaseFollowing cases, LocalGroupMembers local, CitizenConnections citizens) : Hub<ICitizenHubClient>
{
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        local.Disconnected(Context.ConnectionId);
        citizens.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    public Task<StartChatResult> StartChat(StartChatRequest request) =>
        chats.StartAsync(request, Join, Context.GetHttpContext()?.Connection.RemoteIpAddress, Context.ConnectionAborted);

    /// <summary>Rejoins the chat and returns its state with every message after <paramref name="afterSeq"/>.</summary>
    public Task<CitizenChat> ResumeChat(string sessionToken, long afterSeq) =>
        chats.ResumeAsync(sessionToken, afterSeq, Join, Context.ConnectionAborted);

    public Task<MessageAck> SendMessage(string sessionToken, string clientMessageId, string text) =>
        chats.SendAsync(sessionToken, clientMessageId, text, Context.ConnectionId, Context.ConnectionAborted);

    public Task SetTyping(string sessionToken, bool isTyping) =>
        chats.TypingAsync(sessionToken, isTyping, Context.ConnectionAborted);

    public Task EndChat(string sessionToken) =>
        chats.EndAsync(sessionToken, Context.ConnectionAborted);

    public Task<IReadOnlyList<ChatMessage>> GetHistory(string sessionToken) =>
        chats.HistoryAsync(sessionToken, Context.ConnectionAborted);

    /// <summary>Follows a telefonmøde or message from its status page: <c>CaseChanged</c> arrives after every change.</summary>
    public Task FollowCase(string? kommune, string? reference, string? token) =>
        cases.FollowAsync(kommune, reference, token, group => local.JoinAsync(Groups, Context, group), Context.ConnectionAborted);

    private Task Join(Guid chatId)
    {
        citizens.Joined(Context.ConnectionId, chatId);
        return local.JoinAsync(Groups, Context, ChatNotifier.ChatGroup(chatId));
    }
}
