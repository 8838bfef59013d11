using System.Security.Claims;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using SharedHotline.Domain.Events;
using SharedHotline.Domain.Rota;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Staff;

namespace SharedHotline.Server.Rota;

/// <summary>
/// Applies one edit to a partnership's rota: only its coordinators and administrators, only against the
/// version named by If-Match (428 without, 412 when stale; the stored Version is also the database
/// concurrency token, so two edits racing past the check cannot both win), validated by the edit itself,
/// stored with an audit entry, then published: this node drops its cached rota at once and every node
/// re-routes when <see cref="RotaPublished"/> reaches it.
/// </summary>
public sealed class RotaEditing(
    HotlineDbContext db,
    RotaProvider rota,
    IPublishEndpoint bus,
    TimeProvider time,
    ILogger<RotaEditing> logger)
{
    private static readonly JsonSerializerOptions AuditJson = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public async Task<IResult> EditAsync(string partnershipId, HttpContext http, Func<RotaEditInput, RotaChange> edit, CancellationToken ct)
    {
        var (record, denied) = await RotaAccess.LoadAsync(db, partnershipId, http.User, forEdit: true, ct);
        if (denied is not null)
        {
            return denied;
        }

        var expected = RotaETag.IfMatch(http.Request);
        if (expected is null)
        {
            return RotaProblems.PreconditionRequired();
        }

        if (!expected.Contains(record!.Version))
        {
            return RotaProblems.PreconditionFailed(record.Version);
        }

        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(Instant.FromDateTimeOffset(now).InZone(RotaSnapshot.Copenhagen).Date.ToDateTimeUnspecified());
        var change = edit(new RotaEditInput(record.Rota, await StaffDirectory.LoadAsync(db, ct), today));
        if (change.Problem is not null)
        {
            return change.Problem;
        }

        var user = http.User;
        record.Rota = change.Rota!;
        record.Version++;
        record.UpdatedAt = now;
        db.RotaAudit.Add(new RotaAuditRecord
        {
            Id = Guid.CreateVersion7(now),
            PartnershipId = partnershipId,
            Version = record.Version,
            ChangedBy = user.StaffId(),
            ChangedByName = user.Identity?.Name ?? "",
            At = now,
            Action = change.Action,
            Target = change.Target,
            Before = change.Before is null ? null : JsonSerializer.Serialize(change.Before, AuditJson),
            After = change.After is null ? null : JsonSerializer.Serialize(change.After, AuditJson),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Rota edit {Action} of {PartnershipId} lost a race with another edit", change.Action, partnershipId);
            var current = await db.Partnerships.AsNoTracking().Where(p => p.Id == partnershipId).Select(p => p.Version).FirstOrDefaultAsync(ct);
            return RotaProblems.PreconditionFailed(current);
        }

        logger.LogInformation("Rota of {PartnershipId} published as version {Version} by {StaffId}: {Action} {Target}", partnershipId, record.Version, user.StaffId(), change.Action, change.Target);
        rota.Invalidate();
        await bus.Publish(new RotaPublished(partnershipId, record.Version, user.StaffId(), now), ct);

        RotaETag.Set(http.Response, record.Version);
        return change switch
        {
            { After: null } => Results.NoContent(),
            { Location: { } location } => Results.Created(location, change.After),
            _ => Results.Ok(change.After),
        };
    }
}
