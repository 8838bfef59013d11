using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SharedHotline.Domain.Events;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// Writes domain events into the <c>outbox</c> table as part of the unit of work that raised them: added to the
/// context (<see cref="Add"/>) they are stored by its next <c>SaveChanges</c>; inside a transaction
/// (<see cref="InsertAsync"/>) they commit or roll back with it. The publisher is woken after every write.
/// </summary>
public static class Outbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly DateTimeOffsetToBinaryConverter Times = new();
    private static readonly Dictionary<string, Type> Types = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
        .ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Raised after events were written; every publisher of this process looks for work at once.</summary>
    public static event Action? Written;

    public static void Add(HotlineDbContext db, IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.OutboxMessages.Add(Row(domainEvent));
        db.SavedChanges -= Wake;
        db.SavedChanges += Wake;
    }

    /// <summary>Inserts the event without the change tracker, so nothing else pending in the context is saved with it.</summary>
    public static async Task InsertAsync(HotlineDbContext db, IDomainEvent domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var row = Row(domainEvent);
        // Interpolated, so that a missing trace context is a typed null parameter on SQLite and PostgreSQL alike.
        var occurredAt = Times.ConvertToProvider(row.OccurredAt)!;
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO outbox ("EventId", "Type", "Payload", "OccurredAt", "TraceParent") VALUES ({row.EventId}, {row.Type}, {row.Payload}, {occurredAt}, {row.TraceParent})""",
            ct);
    }

    public static void Wake() => Written?.Invoke();

    public static object Read(OutboxMessageRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Types.TryGetValue(row.Type, out var type)
            ? JsonSerializer.Deserialize(row.Payload, type, Json)!
            : throw new InvalidOperationException($"Outbox row {row.Id} has the unknown event type '{row.Type}'.");
    }

    private static OutboxMessageRecord Row(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var type = domainEvent.GetType();
        return new OutboxMessageRecord
        {
            EventId = domainEvent.EventId,
            Type = type.Name,
            Payload = JsonSerializer.Serialize(domainEvent, type, Json),
            OccurredAt = DateTimeOffset.UtcNow,
            TraceParent = System.Diagnostics.Activity.Current is { IdFormat: System.Diagnostics.ActivityIdFormat.W3C } current ? current.Id : null,
        };
    }

    private static void Wake(object? sender, SavedChangesEventArgs e)
    {
        if (sender is DbContext context)
        {
            context.SavedChanges -= Wake;
        }

        Wake();
    }
}
