using SharedHotline.Domain.Rota;
using SharedHotline.Server.Hosting;

namespace SharedHotline.Server.Rota;

/// <summary>
/// Staff assignments: the turns of a pattern's rotation, each naming the responsible kommune and the
/// agents rostered in its weeks (or on its weekday). Turns are addressed by their position.
/// </summary>
public static class TurnsApi
{
    public static RouteGroupBuilder MapTurns(this RouteGroupBuilder partnership)
    {
        var turns = partnership.MapGroup("/patterns/{patternId:guid}/turns");
        turns.MapGet("/", async (string partnershipId, Guid patternId, RotaReading reading, HttpContext http, CancellationToken ct) =>
            await reading.ReadAsync(partnershipId, http, r => r.Rota.Patterns.FirstOrDefault(p => p.Id == patternId) is { } p ? Results.Ok(p.Rotation.Turns) : RotaProblems.ItemNotFound("pattern", patternId.ToString()), ct))
            .WithSummary("The pattern's rotation turns in order.");
        turns.MapPost("/", (string partnershipId, Guid patternId, HttpContext http, RotaEditing editing, CancellationToken ct) =>
            EditTurnAsync(partnershipId, patternId, null, http, editing, ct)).Produces(StatusCodes.Status201Created).ProducesRotaEditProblems().Accepts<TurnRequest>("application/json").WithSummary("Append a turn (If-Match required).");
        turns.MapPut("/{index:int}", (string partnershipId, Guid patternId, int index, HttpContext http, RotaEditing editing, CancellationToken ct) =>
            EditTurnAsync(partnershipId, patternId, index, http, editing, ct)).Accepts<TurnRequest>("application/json").WithSummary("Replace a turn: its kommune and named agents (If-Match required).");
        turns.MapDelete("/{index:int}", Delete).Produces(StatusCodes.Status204NoContent).ProducesRotaEditProblems().WithSummary("Remove a turn; the rotation's later turns move up (If-Match required).");
        return partnership;
    }

    private static async Task<IResult> EditTurnAsync(string partnershipId, Guid patternId, int? index, HttpContext http, RotaEditing editing, CancellationToken ct)
    {
        var (request, bad) = await RotaBody.ReadAsync<TurnRequest>(http.Request, ct);
        if (bad is not null)
        {
            return bad;
        }

        return await editing.EditAsync(partnershipId, http, input =>
        {
            if (Find(input, patternId, index) is { } missing)
            {
                return RotaChange.Refused(missing);
            }

            var errors = new Dictionary<string, string[]>();
            if (request.ToTurn(errors) is not { } turn)
            {
                return RotaChange.Refused(Problems.Validation(errors));
            }

            var pattern = input.Rota.Patterns.First(p => p.Id == patternId);
            var turns = pattern.Rotation.Turns.ToList();
            var position = index ?? turns.Count;
            var before = index is { } i ? turns[i] : null;
            if (index is null)
            {
                turns.Add(turn);
            }
            else
            {
                turns[position] = turn;
            }

            var changed = pattern with { Rotation = pattern.Rotation with { Turns = turns } };
            var others = input.Rota with { Patterns = [.. input.Rota.Patterns.Where(p => p.Id != patternId)] };
            var violations = RotaRules.CheckTurn(turn, changed, input.Rota, input.Directory.Rules).ToList();
            if (violations.Count == 0 && PatternOverlap.FirstWithSameKommune(changed, others.Patterns) is { } overlap)
            {
                violations.Add(new RotaViolation("kommune", RotaRules.OverlapMessage(overlap), RotaRuleCodes.PatternOverlap));
            }

            if (violations.Count > 0)
            {
                return RotaChange.Refused(violations.ToProblem());
            }

            var rota = input.Rota with { Patterns = [.. input.Rota.Patterns.Select(p => p.Id == patternId ? changed : p)] };
            var target = $"{patternId}/turns/{position}";
            return index is null
                ? new RotaChange(rota, "turn.created", target, null, turn, $"/api/partnerships/{partnershipId}/patterns/{target}")
                : new RotaChange(rota, "turn.updated", target, before, turn);
        }, ct);
    }

    private static Task<IResult> Delete(string partnershipId, Guid patternId, int index, HttpContext http, RotaEditing editing, CancellationToken ct) =>
        editing.EditAsync(partnershipId, http, input =>
        {
            if (Find(input, patternId, index) is { } missing)
            {
                return RotaChange.Refused(missing);
            }

            var pattern = input.Rota.Patterns.First(p => p.Id == patternId);
            if (pattern.Rotation.Turns.Count == 1)
            {
                return RotaChange.Refused(Problems.Validation("index", "A rotation keeps at least one turn: delete the pattern instead."));
            }

            var changed = pattern with { Rotation = pattern.Rotation with { Turns = [.. pattern.Rotation.Turns.Where((_, i) => i != index)] } };
            var rota = input.Rota with { Patterns = [.. input.Rota.Patterns.Select(p => p.Id == patternId ? changed : p)] };
            return new RotaChange(rota, "turn.deleted", $"{patternId}/turns/{index}", pattern.Rotation.Turns[index], null);
        }, ct);

    private static IResult? Find(RotaEditInput input, Guid patternId, int? index)
    {
        if (input.Rota.Patterns.FirstOrDefault(p => p.Id == patternId) is not { } pattern)
        {
            return RotaProblems.ItemNotFound("pattern", patternId.ToString());
        }

        return index is { } i && (i < 0 || i >= pattern.Rotation.Turns.Count)
            ? RotaProblems.ItemNotFound("turn", $"{patternId}/turns/{i}")
            : null;
    }
}
