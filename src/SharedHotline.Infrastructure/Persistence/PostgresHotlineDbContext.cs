using Microsoft.EntityFrameworkCore;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>The same model on PostgreSQL, with its own migrations (Persistence/PostgresMigrations).</summary>
public sealed class PostgresHotlineDbContext(DbContextOptions<PostgresHotlineDbContext> options) : HotlineDbContext(options);
