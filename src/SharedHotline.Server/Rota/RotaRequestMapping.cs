using SharedHotline.Domain.Rota;

namespace SharedHotline.Server.Rota;

/// <summary>Turns requests into rota items, collecting every missing required field.</summary>
public static class RotaRequestMapping
{
    public static ShiftPattern? ToPattern(this PatternRequest request, Guid id, Dictionary<string, string[]> errors)
    {
        Require(errors, "days", request.Days);
        RequireValue(errors, "start", request.Start);
        RequireValue(errors, "end", request.End);
        RequireValue(errors, "validFrom", request.ValidFrom);
        var rotation = Require(errors, "rotation", request.Rotation);
        if (rotation is not null)
        {
            RequireValue(errors, "rotation.kind", rotation.Kind);
            RequireValue(errors, "rotation.anchor", rotation.Anchor);
            if (Require(errors, "rotation.turns", rotation.Turns) is { } turns)
            {
                for (var i = 0; i < turns.Count; i++)
                {
                    RequireTurn(turns[i], $"rotation.turns[{i}].", errors);
                }
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new ShiftPattern
        {
            Id = id,
            Days = request.Days!,
            Start = request.Start!.Value,
            End = request.End!.Value,
            ValidFrom = request.ValidFrom!.Value,
            ValidTo = request.ValidTo,
            MinAgents = request.MinAgents ?? 1,
            Rotation = new Rotation(rotation!.Kind!.Value, rotation.Anchor!.Value, rotation.Turns!.Select(ToTurn).ToList()),
        };
    }

    public static RotationTurn? ToTurn(this TurnRequest? request, Dictionary<string, string[]> errors, string prefix = "")
    {
        if (request is null)
        {
            errors["body"] = ["A JSON object is required."];
            return null;
        }

        RequireTurn(request, prefix, errors);
        return errors.Count > 0 ? null : ToTurn(request);
    }

    public static RotaException? ToException(this ExceptionRequest request, Guid id, Dictionary<string, string[]> errors)
    {
        RequireValue(errors, "kind", request.Kind);
        RequireValue(errors, "date", request.Date);
        if (errors.Count > 0)
        {
            return null;
        }

        return new RotaException
        {
            Id = id,
            Kind = request.Kind!.Value,
            Date = request.Date!.Value,
            PatternId = request.PatternId,
            Start = request.Start,
            End = request.End,
            ResponsibleKommune = request.ResponsibleKommune,
            AgentIds = request.AgentIds ?? [],
            FromAgentId = request.FromAgentId,
            ToAgentId = request.ToAgentId,
            Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
        };
    }

    public static Dictionary<string, string[]> ToErrors(this IEnumerable<RotaViolation> violations) =>
        violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Message).Distinct().ToArray());

    /// <summary>The validation problem of a refused edit: the field errors, and the rules broken (<c>rules</c>) for the page's words.</summary>
    public static IResult ToProblem(this IReadOnlyCollection<RotaViolation> violations) =>
        Hosting.Problems.Validation(violations.ToErrors(), rules: violations.Where(v => v.Rule is not null).Select(v => v.Rule!).Distinct().ToArray());

    private static RotationTurn ToTurn(TurnRequest turn) => new(turn.Kommune!.Value, turn.AgentIds ?? [], turn.Day);

    private static void RequireTurn(TurnRequest? turn, string prefix, Dictionary<string, string[]> errors)
    {
        if (turn is null)
        {
            errors[prefix.TrimEnd('.')] = ["A turn is required."];
            return;
        }

        RequireValue(errors, prefix + "kommune", turn.Kommune);
    }

    private static T? Require<T>(Dictionary<string, string[]> errors, string field, T? value)
        where T : class
    {
        if (value is null)
        {
            errors[field] = ["This field is required."];
        }

        return value;
    }

    private static T? RequireValue<T>(Dictionary<string, string[]> errors, string field, T? value)
        where T : struct
    {
        if (value is null)
        {
            errors[field] = ["This field is required."];
        }

        return value;
    }
}
