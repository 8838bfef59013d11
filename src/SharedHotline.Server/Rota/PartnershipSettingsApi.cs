using SharedHotline.Domain.Rota;
using SharedHotline.Server.Hosting;

namespace SharedHotline.Server.Rota;

/// <summary>What the partnership's settings look like to its coordinator: members, the service level and the overflow rule.</summary>
public sealed record PartnershipSettingsView(
    string Id,
    string Name,
    IReadOnlyList<RotaKommune> Members,
    int ServiceLevelSeconds,
    double ServiceLevelTarget,
    OverflowSetting? Overflow,
    IReadOnlyList<RotaKommune> OverflowCandidates);

/// <summary>The overflow rule: the kommune (by kommunekode, not a member) whose staff take a waiting chat after <see cref="AfterSeconds"/>.</summary>
public sealed record OverflowSetting(int Kommune, int AfterSeconds);

public sealed record PartnershipSettingsRequest(int? ServiceLevelSeconds, double? ServiceLevelTarget, OverflowSetting? Overflow);

/// <summary>The settings as saved: the answer to a change, and what the rota's audit keeps before and after.</summary>
public sealed record PartnershipSettings(int ServiceLevelSeconds, double ServiceLevelTarget, OverflowSetting? Overflow);

/// <summary>
/// <c>/api/partnerships/{id}/settings</c>: the settings a partnership's coordinator answers for besides the rota, saved like
/// a rota edit (If-Match on the rota's ETag, audited, published to every node).
/// </summary>
public static class PartnershipSettingsApi
{
    public const int MinServiceLevelSeconds = 10;
    public const int MaxServiceLevelSeconds = 600;
    public const double MinServiceLevelTarget = 0.5;
    public const double MaxServiceLevelTarget = 0.99;
    public const int MaxOverflowAfterSeconds = 1800;

    public static RouteGroupBuilder MapPartnershipSettings(this RouteGroupBuilder partnership)
    {
        partnership.MapGet("/settings", async (string partnershipId, RotaReading reading, HttpContext http, CancellationToken ct) =>
        {
            var directory = await StaffDirectory.LoadAsync(reading.Db, ct);
            return await reading.ReadAsync(partnershipId, http, r => Results.Ok(View(r.Id, r.Rota, directory)), ct);
        }).Produces<PartnershipSettingsView>().WithSummary("Members, service level and overflow rule; the ETag is the rota's.");
        partnership.MapPut("/settings", SaveAsync).Produces<PartnershipSettings>().ProducesRotaEditProblems().Accepts<PartnershipSettingsRequest>("application/json")
            .WithSummary("Change the service level's threshold and target and the overflow rule (If-Match required).");
        return partnership;
    }

    private static async Task<IResult> SaveAsync(string partnershipId, HttpContext http, RotaEditing editing, CancellationToken ct)
    {
        var (request, bad) = await RotaBody.ReadAsync<PartnershipSettingsRequest>(http.Request, ct);
        if (bad is not null)
        {
            return bad;
        }

        return await editing.EditAsync(partnershipId, http, input =>
        {
            var errors = Validate(request!, input.Rota, input.Directory);
            if (errors.Count > 0)
            {
                return RotaChange.Refused(Problems.Validation(errors));
            }

            var rota = input.Rota with
            {
                ServiceLevelSeconds = request!.ServiceLevelSeconds!.Value,
                ServiceLevelTarget = Math.Round(request.ServiceLevelTarget!.Value, 2),
                Overflow = request.Overflow is { } o ? new OverflowRule(o.Kommune, TimeSpan.FromSeconds(o.AfterSeconds)) : null,
            };
            return new RotaChange(rota, "settings", "partnership", Setting(input.Rota), Setting(rota));
        }, ct);
    }

    private static Dictionary<string, string[]> Validate(PartnershipSettingsRequest request, Partnership rota, StaffDirectory directory)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ServiceLevelSeconds is not (>= MinServiceLevelSeconds and <= MaxServiceLevelSeconds))
        {
            errors["serviceLevelSeconds"] = [$"The threshold is between {MinServiceLevelSeconds} and {MaxServiceLevelSeconds} seconds."];
        }

        if (request.ServiceLevelTarget is not { } target || double.IsNaN(target) || target < MinServiceLevelTarget || target > MaxServiceLevelTarget)
        {
            errors["serviceLevelTarget"] = [$"The target is a share between {MinServiceLevelTarget} and {MaxServiceLevelTarget} (e.g. 0.8 for 80 %)."];
        }

        if (request.Overflow is { } overflow)
        {
            if (!directory.Kommuner.ContainsKey(overflow.Kommune))
            {
                errors["overflow.kommune"] = [$"No kommune has the kommunekode {overflow.Kommune}."];
            }
            else if (rota.Includes(overflow.Kommune))
            {
                errors["overflow.kommune"] = ["The overflow partner answers when the members cannot: choose a kommune outside the partnership."];
            }

            if (overflow.AfterSeconds is < 0 or > MaxOverflowAfterSeconds)
            {
                errors["overflow.afterSeconds"] = [$"The wait before overflow is between 0 and {MaxOverflowAfterSeconds} seconds."];
            }
        }

        return errors;
    }

    private static PartnershipSettings Setting(Partnership rota) =>
        new(rota.ServiceLevelSeconds, rota.ServiceLevelTarget, rota.Overflow is { } o ? new OverflowSetting(o.KommuneKode, (int)o.After.TotalSeconds) : null);

    private static PartnershipSettingsView View(string id, Partnership rota, StaffDirectory directory)
    {
        var setting = Setting(rota);
        return new PartnershipSettingsView(
            id,
            rota.Name,
            [.. rota.Members.Select(directory.KommuneOf)],
            setting.ServiceLevelSeconds,
            setting.ServiceLevelTarget,
            setting.Overflow,
            [.. directory.Kommuner.Keys.Where(k => !rota.Includes(k)).Order().Select(directory.KommuneOf)]);
    }
}
