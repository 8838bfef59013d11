using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Chats;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Rota;
using SharedHotline.Server.Staff;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Transcripts;

/// <summary>
/// Transcripts for staff, every read written to the access log of the kommune that owns the chat; that kommune's
/// admin reads and exports the log.
/// </summary>
public static class TranscriptsApi
{
    public const int MaxEntries = 10_000;

    public static IEndpointRouteBuilder MapTranscriptsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/chats/{chatId:guid}/transcript", ReadAsync)
            .WithTags("Transcripts")
            .RequireAuthorization(StaffPolicies.Staff)
            .WithSummary("A chat's transcript, for the owning kommune's staff and the agent who handled it; every read is logged.");
        app.MapGet("/api/transcripts/by-reference/{chatReference}", ReadByReferenceAsync)
            .WithTags("Transcripts")
            .RequireAuthorization(StaffPolicies.Staff)
            .WithSummary("The transcript of the chat a citizen quotes by its reference (e.g. SOR-4K7Q2M); the same rule and log as by id.");
        var log = app.MapGroup("/api/kommuner/{kommune}/transcript-access").WithTags("Transcripts").RequireAuthorization(StaffPolicies.KommuneAdmin);
        log.MapGet("/", ListAsync).WithSummary("Who read which of this kommune's transcripts, newest first (this kommune's admin).");
        log.MapGet("/export.csv", ExportAsync).WithSummary("The transcript access log as CSV (this kommune's admin).");
        return app;
    }

    private static async Task<IResult> ReadAsync(Guid chatId, ClaimsPrincipal user, HotlineDbContext db, RotaProvider rota, TimeProvider time, ILogger<TranscriptView> logger, CancellationToken ct)
    {
        var chat = await db.Chats.AsNoTracking().FirstOrDefaultAsync(c => c.Id == chatId, ct);
        return chat is null
            ? Problems.From(new HotlineException(HotlineErrorCode.ChatNotFound, $"No chat has the id {chatId}."))
            : await AnswerAsync(chat, user, db, rota, time, logger, ct);
    }

    private static async Task<IResult> ReadByReferenceAsync(string chatReference, ClaimsPrincipal user, HotlineDbContext db, RotaProvider rota, TimeProvider time, ILogger<TranscriptView> logger, CancellationToken ct)
    {
        // Citizens read their reference aloud or type it from a receipt: case and stray spaces do not matter.
        var reference = chatReference.Trim().ToUpperInvariant();
        var chat = reference.Length is > 0 and <= 32 ? await db.Chats.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == reference, ct) : null;
        return chat is null
            ? Problems.From(new HotlineException(HotlineErrorCode.ChatNotFound, "No chat has that reference."))
            : await AnswerAsync(chat, user, db, rota, time, logger, ct);
    }

    private static async Task<IResult> AnswerAsync(ChatRecord chat, ClaimsPrincipal user, HotlineDbContext db, RotaProvider rota, TimeProvider time, ILogger<TranscriptView> logger, CancellationToken ct)
    {
        var messages = await db.Messages.AsNoTracking().Where(m => m.ChatId == chat.Id).OrderBy(m => m.Seq).ToListAsync(ct);
        var snapshot = await rota.GetAsync(ct);
        var retentionDays = snapshot.FindKommune(chat.KommuneKode)?.Settings.RetentionDays ?? 1;
        var ground = TranscriptAccess.Ground(user, chat, messages, retentionDays, time.GetUtcNow());
        if (ground is null)
        {
            logger.LogWarning("Transcript of chat {ChatId} refused to staff {StaffId}", chat.Id, user.StaffId());
            return Problems.From(new HotlineException(HotlineErrorCode.ChatNotAccessible, "Only the kommune's own staff and the agent who handled the chat may read its transcript."));
        }

        db.TranscriptAccess.Add(new TranscriptAccessRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            At = time.GetUtcNow(),
            KommuneKode = chat.KommuneKode,
            ChatId = chat.Id,
            ChatReference = chat.Reference,
            StaffId = user.StaffId(),
            StaffName = user.Identity?.Name ?? "",
            StaffKommune = user.HomeKommune(),
            Reason = ground,
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Transcript of chat {ChatId} read by staff {StaffId} ({AccessGround})", chat.Id, user.StaffId(), ground);

        var view = new TranscriptView(chat.Id, chat.Reference, snapshot.SlugOf(chat.KommuneKode), chat.Topic, chat.CitizenName, chat.State.ToContract(),
            chat.CreatedAt, chat.EndedAt, messages.Any(m => m.ContainsCpr), messages.Select(m => m.ToContract()).ToList());
        return TypedResults.Ok(view);
    }

    private static async Task<IResult> ListAsync(int? take, IKommuneContextAccessor tenant, HotlineDbContext db, RotaProvider rota, CancellationToken ct)
    {
        if (take is < 1 or > MaxEntries)
        {
            return Problems.Validation("take", $"Between 1 and {MaxEntries} entries.");
        }

        return TypedResults.Ok(await EntriesAsync(tenant.Current!.Kommune.Kode, take ?? 500, db, rota, ct));
    }

    private static async Task<IResult> ExportAsync(IKommuneContextAccessor tenant, HotlineDbContext db, RotaProvider rota, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var csv = new StringBuilder("at,chat_reference,chat_id,staff_id,staff_name,staff_kommune,reason\r\n");
        foreach (var e in await EntriesAsync(kommune.Kode, MaxEntries, db, rota, ct))
        {
            csv.AppendJoin(',', [e.At.ToString("O", CultureInfo.InvariantCulture), Csv.Field(e.ChatReference), e.ChatId.ToString(), e.StaffId.ToString(), Csv.Field(e.StaffName), Csv.Field(e.StaffKommune), e.Reason]).Append("\r\n");
        }

        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"transcript-access-{kommune.Slug}.csv");
    }

    private static async Task<List<TranscriptAccessView>> EntriesAsync(int kommuneKode, int take, HotlineDbContext db, RotaProvider rota, CancellationToken ct)
    {
        var snapshot = await rota.GetAsync(ct);
        var entries = await db.TranscriptAccess.AsNoTracking().Where(a => a.KommuneKode == kommuneKode).ToListAsync(ct);
        return entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(take)
            .Select(a => new TranscriptAccessView(a.At, a.ChatId, a.ChatReference, a.StaffId, a.StaffName, snapshot.SlugOf(a.StaffKommune), a.Reason))
            .ToList();
    }
}
