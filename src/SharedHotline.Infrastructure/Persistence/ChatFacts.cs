using SharedHotline.Domain.Chats;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>What the message path needs to know of a chat, read in the same command that stores a message.</summary>
public sealed record ChatFacts(string Reference, int KommuneKode, string? CitizenName, ChatState State, Guid? AgentId);
