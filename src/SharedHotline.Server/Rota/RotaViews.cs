using System.Text.Json;
using SharedHotline.Domain.Rota;

namespace SharedHotline.Server.Rota;

/// <summary>A partnership's whole rota document and the version its ETag names.</summary>
public sealed record RotaDocument(string Id, int Version, DateTimeOffset UpdatedAt, Partnership Rota);

public sealed record RotaKommune(int Kode, string Slug, string Name);

public sealed record RotaAgent(Guid Id, string Name);

/// <summary>
/// One expanded slot in local time with its offset. <see cref="Holiday"/> names the public holiday or
/// closed day the slot falls on (it then takes place only because it was opened explicitly).
/// </summary>
public sealed record SlotView(
    DateOnly Date,
    DateTimeOffset Start,
    DateTimeOffset End,
    Guid? PatternId,
    Guid? ExtraSlotId,
    RotaKommune Responsible,
    IReadOnlyList<RotaAgent> Agents,
    int MinAgents,
    string? Holiday,
    bool OpenedOnHoliday,
    IReadOnlyList<string> Notes,
    StaffingMark? Staffing = null);

/// <summary>The slot against the forecast demand of the last weeks (the statistics' staffing check): under, well or over, and the agents needed.</summary>
public sealed record StaffingMark(string Level, int Needed);

public sealed record SlotRef(string PartnershipId, Guid? PatternId, Guid? ExtraSlotId, DateTimeOffset Start, DateTimeOffset End, int ResponsibleKommune);

/// <summary>A conflict of the rota; <see cref="Needed"/> is the forecast's agents for <see cref="RotaConflictKind.BelowForecast"/>.</summary>
public sealed record ConflictView(RotaConflictKind Kind, DateOnly Date, SlotRef Slot, RotaAgent? Agent, SlotRef? Other, string Message, int? Needed = null);

public sealed record AuditEntryView(Guid Id, int Version, DateTimeOffset At, Guid ChangedBy, string ChangedByName, string Action, string Target, JsonElement? Before, JsonElement? After);

/// <summary>One of the signed-in agent's own shifts, with the colleagues rostered beside them.</summary>
public sealed record ShiftView(string PartnershipId, string PartnershipName, DateOnly Date, DateTimeOffset Start, DateTimeOffset End, RotaKommune Responsible, IReadOnlyList<RotaAgent> Agents, IReadOnlyList<string> Notes);

/// <summary>The agent's personal calendar feed address; anyone holding it can read the agent's shifts.</summary>
public sealed record ShiftFeedLink(Uri Url);
