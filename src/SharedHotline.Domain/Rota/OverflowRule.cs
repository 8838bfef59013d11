namespace SharedHotline.Domain.Rota;

/// <summary>After a chat has waited <see cref="After"/>, agents of <see cref="KommuneKode"/> join its pool while that kommune's own hours are open.</summary>
public sealed record OverflowRule(int KommuneKode, TimeSpan After);
