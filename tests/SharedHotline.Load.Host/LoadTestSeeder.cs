using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Seeding;

namespace SharedHotline.Load.Host;

/// <summary>Adds the load-test agents once and rosters them on every turn, so they are on duty in every shared slot.</summary>
public sealed class LoadTestSeeder(HotlineDbContext db, IOptions<LoadTestOptions> options, IOptions<SeedOptions> seed, IPasswordHasher<StaffAccount> hasher, ILogger<LoadTestSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var count = options.Value.Agents;
        if (count <= 0 || await db.Staff.AnyAsync(s => s.UserName == "load.agent1", ct))
        {
            return;
        }

        var partnership = await db.Partnerships.OrderBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (partnership is null)
        {
            logger.LogWarning("No partnership to roster load-test agents on");
            return;
        }

        var members = partnership.Rota.Members;
        var template = new StaffAccount { UserName = "load", DisplayName = "load" };
        var hash = hasher.HashPassword(template, seed.Value.DemoPassword);
        var accounts = Enumerable.Range(1, count).Select(n => new StaffAccount
        {
            Id = Guid.NewGuid(),
            UserName = $"load.agent{n}",
            DisplayName = $"Belastning {n}",
            HomeKommune = members[n % members.Count],
            Roles = [StaffRoles.Agent],
            Skills = Topic.Standard.Select(t => t.Code).ToList(),
            Capacity = options.Value.AgentCapacity,
            PasswordHash = hash,
        }).ToList();
        db.Staff.AddRange(accounts);
        var ids = accounts.Select(a => a.Id).ToList();
        partnership.Rota = partnership.Rota with
        {
            Patterns = partnership.Rota.Patterns.Select(p => p with
            {
                Rotation = p.Rotation with { Turns = p.Rotation.Turns.Select(t => t with { AgentIds = [.. t.AgentIds, .. ids] }).ToList() },
            }).ToList(),
        };
        partnership.Version++;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("{AgentCount} load-test agents rostered on {PartnershipId}", count, partnership.Id);
    }
}
