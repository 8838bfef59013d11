using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.Infrastructure.Telemetry;

namespace SharedHotline.Infrastructure.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// The database. <c>Hotline:Database</c> = <c>sqlite</c> (default: the file
    /// <c>{Hotline:DataFolder}/sharedhotline.db</c>, or <c>ConnectionStrings:Hotline</c>) or <c>postgres</c>
    /// (<c>ConnectionStrings:Hotline</c> required). Data-protection keys are kept in the same database.
    /// Contexts are pooled: every hub call gets one, and building a fresh one was a tenth of a message's cost.
    /// </summary>
    /// <summary>The SQLite database: <c>ConnectionStrings:Hotline</c>, else <c>{Hotline:DataFolder}/sharedhotline.db</c> (the folder created).</summary>
    public static string SqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        if (configuration.GetConnectionString("Hotline") is { Length: > 0 } configured)
        {
            return configured;
        }

        var folder = Path.GetFullPath(configuration["Hotline:DataFolder"] ?? "App_Data", contentRoot);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "sharedhotline.db")};Default Timeout=30";
    }

    public static IServiceCollection AddHotlinePersistence(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddHotlineMetrics(configuration);
        var provider = configuration["Hotline:Database"] ?? "sqlite";
        var connectionString = configuration.GetConnectionString("Hotline");
        if (string.Equals(provider, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Hotline:Database is postgres but ConnectionStrings:Hotline is empty.");
            }

            services.AddDbContextPool<PostgresHotlineDbContext>((sp, o) => o
                .UseNpgsql(PostgresConnectionTuning.Apply(connectionString), npgsql => npgsql.EnableRetryOnFailure(3))
                .AddInterceptors(sp.GetRequiredService<StoreTimingInterceptor>()));
            services.AddScoped<HotlineDbContext>(sp => sp.GetRequiredService<PostgresHotlineDbContext>());
        }
        else if (string.Equals(provider, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            connectionString = SqliteConnectionString(configuration, contentRoot);

            // Hotline:Sqlite:CheckpointSeconds: how often SqliteCheckpointer copies the write-ahead log; 0 leaves
            // it to SQLite's automatic checkpoint inside commits.
            var checkpointSeconds = configuration.GetValue("Hotline:Sqlite:CheckpointSeconds", 1.0);
            var durability = new SqliteDurabilityInterceptor(configuration["Hotline:Sqlite:Synchronous"] ?? "NORMAL", checkpointInBackground: checkpointSeconds > 0);
            services.AddDbContextPool<HotlineDbContext>((sp, o) => o.UseSqlite(connectionString).AddInterceptors(durability, sp.GetRequiredService<StoreTimingInterceptor>()));
            var sqlite = connectionString;
            services.AddSingleton(_ => new SqliteMessageWriter(sqlite, durability.Pragmas));
            if (checkpointSeconds > 0)
            {
                services.AddSingleton(sp => new SqliteCheckpointer(
                    sqlite,
                    TimeSpan.FromSeconds(checkpointSeconds),
                    sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<SqliteCheckpointer>>()));
                services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointer>());
            }
        }
        else
        {
            throw new InvalidOperationException($"Hotline:Database must be sqlite or postgres, not '{provider}'.");
        }

        services.AddDataProtection().SetApplicationName("SharedHotline").PersistKeysToDbContext<HotlineDbContext>();
        services.Configure<SeedOptions>(configuration.GetSection(SeedOptions.Section));
        services.AddSingleton<IPasswordHasher<StaffAccount>, PasswordHasher<StaffAccount>>();
        services.AddScoped<DatabaseSeeder>();
        return services;
    }
}
