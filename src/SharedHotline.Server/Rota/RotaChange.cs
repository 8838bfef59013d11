using SharedHotline.Domain.Rota;

namespace SharedHotline.Server.Rota;

/// <summary>
/// The outcome of applying one edit to a rota: the new rota and what to audit, or the problem that
/// refuses it. <see cref="Location"/> is set for a created item (answered 201); a deletion has no
/// <see cref="After"/> (answered 204).
/// </summary>
public sealed record RotaChange(Partnership? Rota, string Action, string Target, object? Before, object? After, string? Location = null)
{
    public IResult? Problem { get; init; }

    public static RotaChange Refused(IResult problem) => new(null, "", "", null, null) { Problem = problem };
}

/// <summary>What an edit sees: the current rota, the agents and kommuner it may name, and today's local date.</summary>
public sealed record RotaEditInput(Partnership Rota, StaffDirectory Directory, DateOnly Today);
