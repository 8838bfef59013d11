using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Infrastructure.Seeding;

namespace SharedHotline.Infrastructure.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// The database: SQLite file <c>{Hotline:DataFolder}/sharedhotline.db</c> by default, or
    /// <c>ConnectionStrings:Hotline</c> when set.
    /// </summary>
    public static IServiceCollection AddHotlinePersistence(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = configuration.GetConnectionString("Hotline");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var folder = Path.GetFullPath(configuration["Hotline:DataFolder"] ?? "App_Data", contentRoot);
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "sharedhotline.db")}";
        }

        services.AddDbContext<HotlineDbContext>(o => o.UseSqlite(connectionString));
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));
        services.AddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
        services.AddScoped<DatabaseSeeder>();
        return services;
    }
}
