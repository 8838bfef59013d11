using SharedHotline.Domain.Rota;
using SharedHotline.Server.Hosting;

namespace SharedHotline.Server.Rota;

/// <summary>
/// CRUD of dated exceptions: cancelled slots, one-off extra slots, swaps between two agents and
/// explicit openings on a holiday or closed day.
/// </summary>
public static class ExceptionsApi
{
    public static RouteGroupBuilder MapExceptions(this RouteGroupBuilder partnership)
    {
        var exceptions = partnership.MapGroup("/exceptions");
        exceptions.MapGet("/", async (string partnershipId, RotaReading reading, HttpContext http, CancellationToken ct) =>
            await reading.ReadAsync(partnershipId, http, r => Results.Ok(r.Rota.Exceptions.OrderBy(x => x.Date).ToList()), ct))
            .WithSummary("Every exception, by date.");
        exceptions.MapGet("/{exceptionId:guid}", async (string partnershipId, Guid exceptionId, RotaReading reading, HttpContext http, CancellationToken ct) =>
            await reading.ReadAsync(partnershipId, http, r => r.Rota.Exceptions.FirstOrDefault(x => x.Id == exceptionId) is { } x ? Results.Ok(x) : RotaProblems.ItemNotFound("exception", exceptionId.ToString()), ct))
            .WithSummary("One exception.");
        exceptions.MapPost("/", (string partnershipId, HttpContext http, RotaEditing editing, TimeProvider time, CancellationToken ct) =>
            SaveAsync(partnershipId, null, http, editing, time, ct)).Produces(StatusCodes.Status201Created).ProducesRotaEditProblems().Accepts<ExceptionRequest>("application/json").WithSummary("Cancel a slot, add an extra slot, swap two agents or open on a holiday (If-Match required).");
        exceptions.MapPut("/{exceptionId:guid}", (string partnershipId, Guid exceptionId, HttpContext http, RotaEditing editing, TimeProvider time, CancellationToken ct) =>
            SaveAsync(partnershipId, exceptionId, http, editing, time, ct)).Accepts<ExceptionRequest>("application/json").WithSummary("Replace an exception (If-Match required).");
        exceptions.MapDelete("/{exceptionId:guid}", Delete).Produces(StatusCodes.Status204NoContent).ProducesRotaEditProblems().WithSummary("Remove an exception (If-Match required).");
        return partnership;
    }

    private static async Task<IResult> SaveAsync(string partnershipId, Guid? exceptionId, HttpContext http, RotaEditing editing, TimeProvider time, CancellationToken ct)
    {
        var (request, bad) = await RotaBody.ReadAsync<ExceptionRequest>(http.Request, ct);
        if (bad is not null)
        {
            return bad;
        }

        var id = exceptionId ?? Guid.CreateVersion7(time.GetUtcNow());
        return await editing.EditAsync(partnershipId, http, input =>
        {
            var before = input.Rota.Exceptions.FirstOrDefault(x => x.Id == id);
            if (exceptionId is not null && before is null)
            {
                return RotaChange.Refused(RotaProblems.ItemNotFound("exception", id.ToString()));
            }

            var errors = new Dictionary<string, string[]>();
            if (request!.ToException(id, errors) is not { } exception)
            {
                return RotaChange.Refused(Problems.Validation(errors));
            }

            var violations = RotaExceptionRules.Check(exception, request!.Overnight, input.Rota, input.Directory.Rules, input.Today);
            if (violations.Count > 0)
            {
                return RotaChange.Refused(violations.ToProblem());
            }

            var rota = input.Rota with { Exceptions = [.. input.Rota.Exceptions.Where(x => x.Id != id), exception] };
            var action = exception.Kind switch
            {
                RotaExceptionKind.Cancelled => "cancel",
                RotaExceptionKind.ExtraSlot => "extra-slot",
                RotaExceptionKind.Swap => "swap",
                _ => "open-on-holiday",
            };
            return before is null
                ? new RotaChange(rota, $"{action}.created", id.ToString(), null, exception, $"/api/partnerships/{partnershipId}/exceptions/{id}")
                : new RotaChange(rota, $"{action}.updated", id.ToString(), before, exception);
        }, ct);
    }

    private static Task<IResult> Delete(string partnershipId, Guid exceptionId, HttpContext http, RotaEditing editing, CancellationToken ct) =>
        editing.EditAsync(partnershipId, http, input =>
        {
            if (input.Rota.Exceptions.FirstOrDefault(x => x.Id == exceptionId) is not { } before)
            {
                return RotaChange.Refused(RotaProblems.ItemNotFound("exception", exceptionId.ToString()));
            }

            // Swaps on an extra slot go with it.
            var rota = input.Rota with { Exceptions = [.. input.Rota.Exceptions.Where(x => x.Id != exceptionId && x.PatternId != exceptionId)] };
            return new RotaChange(rota, "exception.deleted", exceptionId.ToString(), before, null);
        }, ct);
}
