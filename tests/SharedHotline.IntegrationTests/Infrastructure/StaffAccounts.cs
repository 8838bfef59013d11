using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Seeding;

namespace SharedHotline.IntegrationTests.Infrastructure;

/// <summary>Extra staff accounts a test adds next to the demo ones, and HTTP clients signed in as anyone.</summary>
public static class StaffAccounts
{
    public const string SoroeAdmin = "admin.soroe";

    /// <summary>Adds a local account with the demo password (or, for one the demo already seeds, such as admin.soroe, gives it these roles).</summary>
    public static async Task<Guid> AddAsync(HotlineServer server, string userName, int homeKommune, string[] roles, string[]? coordinatorOf = null)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HotlineDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffAccount>>();
        if (db.Staff.FirstOrDefault(s => s.UserName == userName) is { } seeded)
        {
            seeded.HomeKommune = homeKommune;
            seeded.DisplayName = userName;
            seeded.Roles = [.. roles];
            seeded.CoordinatorOf = [.. coordinatorOf ?? []];
            await db.SaveChangesAsync();
            return seeded.Id;
        }

        var account = new StaffAccount
        {
            Id = DemoStaff.IdOf(userName),
            UserName = userName,
            DisplayName = userName,
            HomeKommune = homeKommune,
            Roles = [.. roles],
            CoordinatorOf = [.. coordinatorOf ?? []],
        };
        account.PasswordHash = hasher.HashPassword(account, HotlineServer.DemoPassword);
        db.Staff.Add(account);
        await db.SaveChangesAsync();
        return account.Id;
    }

    /// <summary>An HTTP client with the user's bearer token, or anonymous for a null user.</summary>
    public static async Task<HttpClient> ClientAsync(HotlineServer server, string? userName)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        if (userName is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await server.SignInAsync(userName));
        }

        return http;
    }

    public static async Task<T> WithDbAsync<T>(HotlineServer server, Func<HotlineDbContext, Task<T>> query)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HotlineDbContext>());
    }
}
