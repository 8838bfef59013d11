using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Domain.Rota;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.IntegrationTests.Infrastructure;

namespace SharedHotline.IntegrationTests.Rota;

/// <summary>Stores what the demo seed does not have, straight through the server's database.</summary>
public static class RotaTestData
{
    public const string OtherPartnershipId = "sydsjaelland";

    /// <summary>A second partnership (Sorø and København) with its own coordinator, user name <c>koordinator.syd</c>.</summary>
    public static async Task<string> AddOtherPartnershipWithCoordinatorAsync(HotlineServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        db.Partnerships.Add(new PartnershipRecord
        {
            Id = OtherPartnershipId,
            Rota = new Partnership { Id = OtherPartnershipId, Name = "Sydsjællands hotline", Members = [340, 101] },
            Version = 1,
            UpdatedAt = server.Time.GetUtcNow(),
        });
        var account = new StaffAccount
        {
            Id = DemoStaff.IdOf("koordinator.syd"),
            UserName = "koordinator.syd",
            DisplayName = "Jørgen Sørensen",
            HomeKommune = 340,
            Roles = [StaffRoles.Coordinator],
            CoordinatorOf = [OtherPartnershipId],
        };
        account.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffAccount>>().HashPassword(account, HotlineServer.DemoPassword);
        db.Staff.Add(account);
        await db.SaveChangesAsync();
        return account.UserName;
    }

    /// <summary>A second coordinator of the demo partnership.</summary>
    public static async Task<string> AddSecondDemoCoordinatorAsync(HotlineServer server)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var account = new StaffAccount
        {
            Id = DemoStaff.IdOf("koordinator2"),
            UserName = "koordinator2",
            DisplayName = "Ebbe Ærø",
            HomeKommune = 190,
            Roles = [StaffRoles.Coordinator],
            CoordinatorOf = [DemoStaff.PartnershipId],
        };
        account.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffAccount>>().HashPassword(account, HotlineServer.DemoPassword);
        db.Staff.Add(account);
        await db.SaveChangesAsync();
        return account.UserName;
    }
}
