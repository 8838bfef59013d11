namespace SharedHotline.Domain.Rota;

/// <summary>A broken rota rule, named by the (camelCase) field of the request that breaks it.</summary>
public sealed record RotaViolation(string Field, string Message);
