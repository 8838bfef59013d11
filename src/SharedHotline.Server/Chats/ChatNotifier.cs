using Microsoft.AspNetCore.SignalR;
using SharedHotline.Client.Contracts;

namespace SharedHotline.Server.Chats;

/// <summary>Sends hub events from outside the hubs. Citizens listen on their chat's group, agents on their own group.</summary>
public sealed class ChatNotifier(IHubContext<CitizenHub, ICitizenHubClient> citizens, IHubContext<AgentHub, IAgentHubClient> agents)
{
    public static string ChatGroup(Guid chatId) => $"chat:{chatId:N}";

    public static string AgentGroup(Guid agentId) => $"agent:{agentId:N}";

    public ICitizenHubClient Citizen(Guid chatId) => citizens.Clients.Group(ChatGroup(chatId));

    public IAgentHubClient Agent(Guid agentId) => agents.Clients.Group(AgentGroup(agentId));

    public async Task MessageAsync(ChatMessage message, Guid? agentId)
    {
        await Citizen(message.ChatId).MessageReceived(message);
        if (agentId is { } agent)
        {
            await Agent(agent).MessageReceived(message);
        }
    }
}
