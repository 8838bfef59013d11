using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>Used only by <c>dotnet ef migrations add</c>.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HotlineDbContext>
{
    public HotlineDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HotlineDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
