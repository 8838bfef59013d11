using MassTransit;
using NodaTime;
using SharedHotline.Domain.Events;
using SharedHotline.Domain.Invitations;
using SharedHotline.Domain.Routing;
using SharedHotline.Domain.Tenancy;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Administration;
using SharedHotline.Server.Chats;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Rota;

namespace SharedHotline.Server.Invitations;

/// <summary>
/// Decides from the live state whether the widget invites: the kommune's rules allow this page now, the pool that
/// would answer has a free place and an expected wait under the limit, and a place can be reserved for it (atomically
/// across nodes, so invitations never exceed the free places). Each invitation is counted as shown, then once as
/// accepted, declined or (by <see cref="InvitationExpiry"/>) expired, through the outbox into the statistics.
/// </summary>
public sealed class InvitationService(
    HotlineDbContext db, RotaProvider rota, ILiveState live, IInvitationReservations reservations, HandleTimes handleTimes, TimeProvider time, ILogger<InvitationService> logger)
{
    /// <summary>How long an invitation holds its place; the widget takes it down when it runs out.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromSeconds(45);

    public async Task<InvitationAnswer> AskAsync(Kommune kommune, InvitationRequest request, CancellationToken ct)
    {
        var rules = kommune.Settings.Invitations;
        if (!rules.Enabled)
        {
            return No(InvitationRefusals.Off);
        }

        var path = PathOf(request.PageUrl, kommune.Settings.WebsiteOrigins);
        var page = path is null ? null : rules.PageFor(path);
        var failedStep = string.Equals(request.Trigger, "failed-step", StringComparison.Ordinal);
        if (page is null || (failedStep ? !rules.OnFailedStep : page.DelaySeconds == 0))
        {
            return No(InvitationRefusals.Page);
        }

        var now = time.GetUtcNow();
        var snapshot = await rota.GetAsync(ct);
        if (!rules.IsOnAt(Instant.FromDateTimeOffset(now), snapshot.Zone))
        {
            return No(InvitationRefusals.Hours);
        }

        if (!snapshot.DutyAt(kommune.Kode, Instant.FromDateTimeOffset(now)).IsOpen)
        {
            return No(InvitationRefusals.Closed);
        }

        var capacity = InvitationPool.Of(kommune.Kode, snapshot, await live.GetAgentsAsync(ct), await live.GetQueueAsync(ct), now, handleTimes.Average);
        if (capacity.Free == 0)
        {
            return No(InvitationRefusals.Busy);
        }

        if (capacity.ExpectedWait is not { } wait || wait > TimeSpan.FromSeconds(rules.MaxWaitSeconds))
        {
            return No(InvitationRefusals.Wait);
        }

        // Random, not time-ordered: the id is all a decline needs, so it must not be guessable.
        var id = Guid.NewGuid();
        if (!await reservations.TryReserveAsync(capacity.Pool, id, kommune.Kode, capacity.Free, now + Hold, now, ct))
        {
            return No(InvitationRefusals.Busy);
        }

        await CountAsync(id, kommune.Kode, InvitationOutcome.Shown, now, ct);
        var topic = failedStep && kommune.Settings.FindTopic(request.Topic ?? "") is { } asked ? asked.Code : page.Topic;
        var english = string.Equals(request.Lang, "en", StringComparison.OrdinalIgnoreCase);
        logger.LogInformation("Invitation {InvitationId} for {Kommune} holds a place of {Pool} ({Free} free)", id, kommune.Slug, capacity.Pool, capacity.Free);
        return new InvitationAnswer(true, null, id, english ? rules.TextEn : rules.Text, topic, (int)Hold.TotalSeconds);
    }

    /// <summary>The citizen said no thanks (or closed it): the place is free again and the invitation counts as declined.</summary>
    public Task DeclineAsync(Kommune kommune, Guid invitationId, CancellationToken ct) => EndAsync(kommune.Kode, invitationId, InvitationOutcome.Declined, ct);

    /// <summary>The citizen started the chat: the chat now takes the place the invitation held.</summary>
    public Task AcceptAsync(Kommune kommune, Guid invitationId, CancellationToken ct) => EndAsync(kommune.Kode, invitationId, InvitationOutcome.Accepted, ct);

    /// <summary>The page's origin and path when the origin is one of the kommune's websites; never the query.</summary>
    public static string? PathOf(string? pageUrl, IReadOnlyList<string> origins) =>
        Uri.TryCreate(pageUrl, UriKind.Absolute, out var uri) && origins.Contains(uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant(), StringComparer.Ordinal)
            ? uri.AbsolutePath
            : null;

    /// <summary>What the chat keeps of the page: origin and path of one of the kommune's websites, and a title.</summary>
    public static (string? Url, string? Title) ContextOf(string? pageUrl, string? pageTitle, IReadOnlyList<string> origins)
    {
        if (PathOf(pageUrl, origins) is null)
        {
            return (null, null);
        }

        var uri = new Uri(pageUrl!);
        var url = uri.GetLeftPart(UriPartial.Path);
        var title = TextFields.Neutral(pageTitle);
        return (url.Length > InvitedPageLimits.MaxUrl ? url[..InvitedPageLimits.MaxUrl] : url, title is { Length: > InvitedPageLimits.MaxTitle } ? title[..InvitedPageLimits.MaxTitle] : title);
    }

    /// <summary>Only the kommune's own invitation ends: another kommune's id (on this kommune's route) changes nothing.</summary>
    private async Task EndAsync(int kommune, Guid invitationId, InvitationOutcome outcome, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (await reservations.ReleaseAsync(invitationId, kommune, now, ct))
        {
            await CountAsync(invitationId, kommune, outcome, now, ct);
        }
    }

    private async Task CountAsync(Guid invitationId, int kommune, InvitationOutcome outcome, DateTimeOffset now, CancellationToken ct)
    {
        Outbox.Add(db, new InvitationCounted(invitationId, kommune, outcome, now));
        await db.SaveChangesAsync(ct);
    }

    private static InvitationAnswer No(string reason) => new(false, reason, null, null, null, 0);
}
