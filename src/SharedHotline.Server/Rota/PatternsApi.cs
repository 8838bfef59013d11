using SharedHotline.Domain.Rota;
using SharedHotline.Server.Hosting;

namespace SharedHotline.Server.Rota;

/// <summary>CRUD of a partnership's recurring weekly patterns.</summary>
public static class PatternsApi
{
    public static RouteGroupBuilder MapPatterns(this RouteGroupBuilder partnership)
    {
        var patterns = partnership.MapGroup("/patterns");
        patterns.MapGet("/", async (string partnershipId, RotaReading reading, HttpContext http, CancellationToken ct) =>
            await reading.ReadAsync(partnershipId, http, r => Results.Ok(r.Rota.Patterns), ct))
            .WithSummary("The recurring weekly patterns.");
        patterns.MapGet("/{patternId:guid}", async (string partnershipId, Guid patternId, RotaReading reading, HttpContext http, CancellationToken ct) =>
            await reading.ReadAsync(partnershipId, http, r => r.Rota.Patterns.FirstOrDefault(p => p.Id == patternId) is { } p ? Results.Ok(p) : RotaProblems.ItemNotFound("pattern", patternId.ToString()), ct))
            .WithSummary("One pattern.");
        patterns.MapPost("/", Create).Produces(StatusCodes.Status201Created).ProducesRotaEditProblems().Accepts<PatternRequest>("application/json").WithSummary("Add a pattern (If-Match required).");
        patterns.MapPut("/{patternId:guid}", Replace).Accepts<PatternRequest>("application/json").WithSummary("Replace a pattern (If-Match required).");
        patterns.MapDelete("/{patternId:guid}", Delete).Produces(StatusCodes.Status204NoContent).ProducesRotaEditProblems().WithSummary("Remove a pattern and the exceptions that name it (If-Match required).");
        return partnership;
    }

    private static async Task<IResult> Create(string partnershipId, HttpContext http, RotaEditing editing, TimeProvider time, CancellationToken ct)
    {
        var (request, bad) = await RotaBody.ReadAsync<PatternRequest>(http.Request, ct);
        if (bad is not null)
        {
            return bad;
        }

        var id = Guid.CreateVersion7(time.GetUtcNow());
        return await editing.EditAsync(partnershipId, http, input =>
        {
            var (pattern, invalid) = Build(request!, id, input);
            if (pattern is null)
            {
                return RotaChange.Refused(invalid!);
            }

            var rota = input.Rota with { Patterns = [.. input.Rota.Patterns, pattern] };
            return new RotaChange(rota, "pattern.created", id.ToString(), null, pattern, $"/api/partnerships/{partnershipId}/patterns/{id}");
        }, ct);
    }

    private static async Task<IResult> Replace(string partnershipId, Guid patternId, HttpContext http, RotaEditing editing, CancellationToken ct)
    {
        var (request, bad) = await RotaBody.ReadAsync<PatternRequest>(http.Request, ct);
        if (bad is not null)
        {
            return bad;
        }

        return await editing.EditAsync(partnershipId, http, input =>
        {
            if (input.Rota.Patterns.FirstOrDefault(p => p.Id == patternId) is not { } before)
            {
                return RotaChange.Refused(RotaProblems.ItemNotFound("pattern", patternId.ToString()));
            }

            var (pattern, invalid) = Build(request!, patternId, input);
            if (pattern is null)
            {
                return RotaChange.Refused(invalid!);
            }

            var rota = input.Rota with { Patterns = [.. input.Rota.Patterns.Select(p => p.Id == patternId ? pattern : p)] };
            return new RotaChange(rota, "pattern.updated", patternId.ToString(), before, pattern);
        }, ct);
    }

    private static Task<IResult> Delete(string partnershipId, Guid patternId, HttpContext http, RotaEditing editing, CancellationToken ct) =>
        editing.EditAsync(partnershipId, http, input =>
        {
            if (input.Rota.Patterns.FirstOrDefault(p => p.Id == patternId) is not { } before)
            {
                return RotaChange.Refused(RotaProblems.ItemNotFound("pattern", patternId.ToString()));
            }

            var rota = input.Rota with
            {
                Patterns = [.. input.Rota.Patterns.Where(p => p.Id != patternId)],
                Exceptions = [.. input.Rota.Exceptions.Where(x => x.PatternId != patternId)],
            };
            return new RotaChange(rota, "pattern.deleted", patternId.ToString(), before, null);
        }, ct);

    /// <summary>The pattern when the request is complete and keeps every rule, else the field errors.</summary>
    private static (ShiftPattern? Pattern, IResult? Problem) Build(PatternRequest request, Guid id, RotaEditInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ToPattern(id, errors) is not { } pattern)
        {
            return (null, Problems.Validation(errors));
        }

        var others = input.Rota with { Patterns = [.. input.Rota.Patterns.Where(p => p.Id != id)] };
        var violations = RotaRules.CheckPattern(pattern, request.Overnight, others, input.Directory.Rules);
        return violations.Count == 0 ? (pattern, null) : (null, violations.ToProblem());
    }
}
