using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Staff;

namespace SharedHotline.Server.Rota;

/// <summary>
/// Who may read and edit a partnership's rota: its coordinators (by their partnership claims) and the admins of its
/// member kommuner. An admin of one kommune is not a coordinator of every partnership: an edit puts agents on duty for
/// the members' citizens at once, so only someone who answers for a member may make it.
/// </summary>
public static class RotaAccess
{
    public static bool MayManage(this ClaimsPrincipal user, PartnershipRecord partnership) =>
        user.HasClaim(StaffClaims.Partnership, partnership.Id)
        || (user.IsInRole(StaffRoles.Admin) && partnership.Rota.Includes(user.HomeKommune()));

    /// <summary>Loads the partnership (tracked when it is to be edited), or answers 404 when it does not exist and 403 when it is not the user's.</summary>
    public static async Task<(PartnershipRecord? Record, IResult? Problem)> LoadAsync(HotlineDbContext db, string partnershipId, ClaimsPrincipal user, bool forEdit, CancellationToken ct)
    {
        var query = forEdit ? db.Partnerships : db.Partnerships.AsNoTracking();
        var record = partnershipId.Length > 64 ? null : await query.FirstOrDefaultAsync(p => p.Id == partnershipId, ct);
        if (record is null)
        {
            return (null, RotaProblems.PartnershipNotFound(partnershipId));
        }

        return user.MayManage(record) ? (record, null) : (null, RotaProblems.NotCoordinator(partnershipId));
    }
}
