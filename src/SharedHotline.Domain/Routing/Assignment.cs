namespace SharedHotline.Domain.Routing;

public sealed record Assignment(Guid ChatId, Guid AgentId);
