namespace SharedHotline.Domain.Rota;

/// <summary>
/// A broken rota rule, named by the (camelCase) field of the request that breaks it; <see cref="Rule"/> names the rule
/// for a page to explain in the coordinator's language (<see cref="RotaRuleCodes"/>), null where the field says enough.
/// </summary>
public sealed record RotaViolation(string Field, string Message, string? Rule = null);

/// <summary>The rota rules a refusal names, as the wire carries them (the validation problem's <c>rules</c>).</summary>
public static class RotaRuleCodes
{
    public const string DateOutOfRange = "date_out_of_range";
    public const string ExceptionExists = "exception_exists";
    public const string NoSlotOnDate = "no_slot_on_date";
    public const string NotAClosedDay = "not_a_closed_day";
    public const string AgentNotRostered = "agent_not_rostered";
    public const string PatternOverlap = "pattern_overlap";
    public const string UnknownSlot = "unknown_slot";
}
