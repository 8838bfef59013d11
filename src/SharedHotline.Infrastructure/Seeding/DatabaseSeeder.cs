using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SharedHotline.Domain.Rota;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Seeding;

/// <summary>
/// Applies migrations, then inserts configured kommuner and (once) the demo partnership and staff; one node at a time
/// (<see cref="MigrationLock"/>).
/// </summary>
public sealed class DatabaseSeeder(
    HotlineDbContext db,
    IOptions<SeedOptions> options,
    IPasswordHasher<StaffAccount> hasher,
    TimeProvider time,
    ILogger<DatabaseSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        await using var exclusive = await MigrationLock.AcquireAsync(db, logger, ct);
        await MigrateAndSeedAsync(ct);
    }

    private async Task MigrateAndSeedAsync(CancellationToken ct)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // Readers never wait for the writer; two nodes on one file (tests, a small pair) stay fast.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        var seed = options.Value;

        var known = await db.Kommuner.Select(k => k.Kode).ToListAsync(ct);
        foreach (var kommune in seed.Kommuner.Where(k => !known.Contains(k.Kode)))
        {
            db.Kommuner.Add(new KommuneRecord { Kode = kommune.Kode, Slug = kommune.Slug, Name = kommune.Name, Settings = ToSettings(kommune) });
            logger.LogInformation("Kommune {KommuneSlug} ({Kommunekode}) added from configuration", kommune.Slug, kommune.Kode);
        }

        // A prefix or genitive given in configuration later reaches a kommune seeded before it had one.
        foreach (var record in await db.Kommuner.ToListAsync(ct))
        {
            var configured = seed.Kommuner.FirstOrDefault(k => k.Kode == record.Kode);
            if (!string.IsNullOrWhiteSpace(configured?.ReferencePrefix) && record.Settings.ReferencePrefix is null)
            {
                record.Settings = record.Settings with { ReferencePrefix = configured.ReferencePrefix.Trim().ToUpperInvariant() };
            }

            if (!string.IsNullOrWhiteSpace(configured?.NameGenitive) && record.Settings.NameGenitive is null)
            {
                record.Settings = record.Settings with { NameGenitive = configured.NameGenitive.Trim() };
            }
        }

        await db.SaveChangesAsync(ct);
        var clashes = (await db.Kommuner.AsNoTracking().ToListAsync(ct)).Select(k => k.ToDomain()).GroupBy(k => k.ReferencePrefix).Where(g => g.Count() > 1).ToList();
        if (clashes.Count > 0)
        {
            throw new InvalidOperationException("Kommuner share a reference prefix, so a citizen's reference would not say whose case it is: "
                + string.Join("; ", clashes.Select(g => $"{g.Key}: {string.Join(", ", g.Select(k => k.Slug))}"))
                + ". Give each a distinct Hotline:Kommuner:N:ReferencePrefix.");
        }

        if (!seed.SeedDemoData)
        {
            return;
        }

        if (await db.Staff.AnyAsync(ct))
        {
            await AddMissingDemoAdminsAsync(seed, ct);
            return;
        }

        if (string.IsNullOrWhiteSpace(seed.DemoPassword))
        {
            throw new InvalidOperationException("Hotline:SeedDemoData is on but Hotline:DemoPassword is empty.");
        }

        db.Partnerships.Add(new PartnershipRecord { Id = DemoStaff.PartnershipId, Rota = DemoRota.Create(), Version = 1, UpdatedAt = time.GetUtcNow() });
        foreach (var person in DemoStaff.People)
        {
            db.Staff.Add(DemoAccount(person, seed.DemoPassword));
        }

        var settings = await db.Kommuner.AsNoTracking().ToDictionaryAsync(k => k.Kode, k => k.Settings, ct);
        foreach (var (demoCase, place) in DemoCases.Create(settings, time.GetUtcNow()))
        {
            db.Cases.Add(demoCase);
            if (place is not null)
            {
                db.MeetingPlaces.Add(place);
            }
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo partnership {PartnershipId}, {StaffCount} staff accounts and a few telefonmøder seeded", DemoStaff.PartnershipId, DemoStaff.People.Count);
        if (seed.SeedDemoHistory)
        {
            await SeedHistoryAsync(ct);
        }
    }

    /// <summary>A demo database seeded before every kommune had its admin gets the missing ones (and their roles).</summary>
    private async Task AddMissingDemoAdminsAsync(SeedOptions seed, CancellationToken ct)
    {
        var admins = DemoStaff.People.Where(p => p.Roles.Contains(StaffRoles.Admin)).ToList();
        var names = admins.Select(a => a.UserName).ToList();
        var known = await db.Staff.Where(s => names.Contains(s.UserName)).ToListAsync(ct);
        var kommuner = await db.Kommuner.Select(k => k.Kode).ToListAsync(ct);
        foreach (var person in admins.Where(a => kommuner.Contains(a.HomeKommune)))
        {
            if (known.FirstOrDefault(k => k.UserName == person.UserName) is { } account)
            {
                account.Roles = [.. account.Roles.Union(person.Roles)];
            }
            else if (!string.IsNullOrWhiteSpace(seed.DemoPassword))
            {
                db.Staff.Add(DemoAccount(person, seed.DemoPassword));
                logger.LogInformation("Demo admin {UserName} added", person.UserName);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private StaffAccount DemoAccount(DemoStaff.Person person, string password)
    {
        var account = new StaffAccount
        {
            Id = DemoStaff.IdOf(person.UserName),
            UserName = person.UserName,
            DisplayName = person.DisplayName,
            HomeKommune = person.HomeKommune,
            Roles = [.. person.Roles],
            CoordinatorOf = person.Roles.Contains(StaffRoles.Coordinator) ? [DemoStaff.PartnershipId] : [],
            Skills = [.. person.Skills],
            Capacity = 3,
        };
        account.PasswordHash = hasher.HashPassword(account, password);
        return account;
    }

    private async Task SeedHistoryAsync(CancellationToken ct)
    {
        var kommuner = (await db.Kommuner.AsNoTracking().ToListAsync(ct)).Select(k => k.ToDomain());
        var partnerships = (await db.Partnerships.AsNoTracking().ToListAsync(ct)).Select(p => p.Rota);
        var now = time.GetUtcNow();
        var history = DemoHistory.Create(new RotaSnapshot(kommuner, partnerships), now);
        foreach (var chunk in history.Chunk(2_000))
        {
            db.Chats.AddRange(chunk);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        var counted = await Statistics.StatisticsRebuild.RunAsync(db, RotaSnapshot.Copenhagen, now, ct);
        logger.LogInformation("Demo history of {Chats} chats over {Weeks} weeks seeded and counted", counted.Chats, DemoHistory.Weeks);
    }

    public static KommuneSettings ToSettings(KommuneSeed seed) => new KommuneSettings
    {
        OwnHours = WeeklyHoursFormat.Parse(seed.OwnHours),
        OwnHoursOnPublicHolidays = seed.OwnHoursOnPublicHolidays,
        Colour = seed.Colour,
        RetentionDays = seed.RetentionDays,
        ReferencePrefix = string.IsNullOrWhiteSpace(seed.ReferencePrefix) ? null : seed.ReferencePrefix.Trim().ToUpperInvariant(),
        NameGenitive = string.IsNullOrWhiteSpace(seed.NameGenitive) ? null : seed.NameGenitive.Trim(),
        PartnershipHandlesMessages = seed.PartnershipHandlesMessages,
        WebsiteOrigins = seed.WebsiteOrigins,
        Topics = Topic.Standard,
        CannedAnswers =
        [
            new("Velkommen", $"Hej, du taler med Selvbetjeningshotlinen for {seed.NameGenitive ?? seed.Name} Kommune. Hvad kan jeg hjælpe med?"),
            new("CPR-advarsel", "Skriv venligst ikke dit CPR-nummer her i chatten."),
            new("MitID", "Du kan bestille et nyt MitID eller ændre dine oplysninger på mitid.dk."),
            new("Afslutning", "Tak for henvendelsen. Du er altid velkommen til at skrive igen."),
        ],
        SelfServiceLinks =
        [
            new("Borger.dk", "https://www.borger.dk"),
            new("Pas og kørekort", "https://www.borger.dk/familie-og-boern/pas-og-koerekort"),
            new("Flytning", "https://www.borger.dk/bolig-og-flytning/flytning"),
            .. seed.SelfServiceUrl is { Length: > 0 } url ? new[] { new SelfServiceLink($"{seed.NameGenitive ?? seed.Name} Kommune", url) } : [],
        ],
    }.WithSharedStaffInOwnHoursAfter(seed.SharedStaffInOwnHoursAfter());
}
