using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Rota;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Server.Rota;

/// <summary>The agents and kommuner a rota may name, with display names for views and exports.</summary>
public sealed class StaffDirectory
{
    private StaffDirectory(RotaDirectory rules, IReadOnlyDictionary<Guid, string> names, IReadOnlyDictionary<int, KommuneRecord> kommuner)
    {
        Rules = rules;
        Names = names;
        Kommuner = kommuner;
    }

    public RotaDirectory Rules { get; }
    public IReadOnlyDictionary<Guid, string> Names { get; }
    public IReadOnlyDictionary<int, KommuneRecord> Kommuner { get; }

    public static async Task<StaffDirectory> LoadAsync(HotlineDbContext db, CancellationToken ct)
    {
        var staff = await db.Staff.AsNoTracking().Select(s => new { s.Id, s.DisplayName, s.HomeKommune, s.Roles }).ToListAsync(ct);
        var agents = staff.Where(s => s.Roles.Contains(StaffRoles.Agent)).ToList();
        var kommuner = await db.Kommuner.AsNoTracking().ToDictionaryAsync(k => k.Kode, ct);
        return new StaffDirectory(
            new RotaDirectory(agents.ToDictionary(a => a.Id, a => a.HomeKommune), kommuner.Keys.ToHashSet()),
            staff.ToDictionary(s => s.Id, s => s.DisplayName),
            kommuner);
    }

    public string NameOf(Guid agentId) => Names.GetValueOrDefault(agentId) ?? agentId.ToString();

    public RotaKommune KommuneOf(int kode) =>
        Kommuner.TryGetValue(kode, out var k)
            ? new RotaKommune(k.Kode, k.Slug, k.Name)
            : new RotaKommune(kode, kode.ToString(System.Globalization.CultureInfo.InvariantCulture), kode.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
