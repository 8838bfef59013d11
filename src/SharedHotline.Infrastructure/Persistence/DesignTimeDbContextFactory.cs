using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>Used only by <c>dotnet ef migrations add</c> for the SQLite migrations.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HotlineDbContext>
{
    public HotlineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HotlineDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>Used only by <c>dotnet ef migrations add --context PostgresHotlineDbContext</c>.</summary>
public sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresHotlineDbContext>
{
    public PostgresHotlineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHotlineDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
