namespace SharedHotline.Domain.Rota;

/// <summary>What the rota rules need to know about the world outside the rota: the kommuner and each agent's home kommune.</summary>
public sealed record RotaDirectory(IReadOnlyDictionary<Guid, int> AgentHomes, IReadOnlySet<int> Kommuner)
{
    public static RotaDirectory Empty { get; } = new(new Dictionary<Guid, int>(), new HashSet<int>());

    public int? HomeOf(Guid agentId) => AgentHomes.TryGetValue(agentId, out var home) ? home : null;
}
