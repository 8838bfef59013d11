using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Administration;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Rota;
using SharedHotline.Server.Staff;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Invitations;

/// <summary>
/// Proactive chat. For the widget (anonymous, no cookie, no identifier): the page rules, "invite now?" and "no thanks".
/// For K's admin: K's invitation rules, read with the settings' version as ETag and saved with If-Match.
/// </summary>
public static class InvitationsApi
{
    public static IEndpointRouteBuilder MapInvitationsApi(this IEndpointRouteBuilder app)
    {
        var widget = app.MapGroup("/api/kommuner/{kommune}/invitations").WithTags("Invitations").AllowAnonymous();
        widget.MapGet("/rules", Rules).WithSummary("When the widget may ask whether to invite on this kommune's pages.");
        widget.MapPost("", AskAsync).Produces<InvitationAnswer>().ProducesValidationProblem().WithSummary("Invite the citizen on this page now? Yes only when someone is free to answer (a place is held for a short while).");
        widget.MapPost("/{invitationId:guid}/decline", DeclineAsync).WithSummary("The citizen declined or closed the invitation: its place is free again.");

        var admin = app.MapGroup("/api/kommuner/{kommune}/invitation-settings").WithTags("Invitations").RequireAuthorization(StaffPolicies.KommuneAdmin);
        admin.MapGet("", GetSettingsAsync).WithSummary("This kommune's invitation rules, with the settings' version as ETag (this kommune's admin).");
        admin.MapPut("", PutSettingsAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithSummary("Replace this kommune's invitation rules (If-Match required); live on every node at once (this kommune's admin).");
        return app;
    }

    private static Ok<InvitationRulesView> Rules(IKommuneContextAccessor tenant)
    {
        var rules = tenant.Current!.Kommune.Settings.Invitations;
        return TypedResults.Ok(new InvitationRulesView(rules.Enabled, rules.Enabled ? rules.Pages.Select(p => new InvitationPageRule(p.Pattern, p.DelaySeconds)).ToList() : [], rules.OnFailedStep));
    }

    private static async Task<IResult> AskAsync(InvitationRequest request, IKommuneContextAccessor tenant, InvitationService invitations, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.PageUrl is not { Length: <= 2000 } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            errors["pageUrl"] = ["Give the page's full address (http or https)."];
        }

        if (request.Trigger is not ("time" or "failed-step"))
        {
            errors["trigger"] = ["Say what made the widget ask: time or failed-step."];
        }

        TextFields.Check(errors, "pageTitle", request.PageTitle, 1000);
        TextFields.Check(errors, "topic", request.Topic, 64);
        TextFields.Check(errors, "lang", request.Lang, 8);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        try
        {
            return TypedResults.Ok(await invitations.AskAsync(tenant.Current!.Kommune, request, ct));
        }
        catch (Domain.Routing.LiveStateUnavailableException)
        {
            // Without the live state nobody can tell whether someone is free: no invitation, which is no error of the page's.
            return TypedResults.Ok(new InvitationAnswer(false, InvitationRefusals.Busy, null, null, null, 0));
        }
    }

    private static async Task<NoContent> DeclineAsync(Guid invitationId, IKommuneContextAccessor tenant, InvitationService invitations, CancellationToken ct)
    {
        await invitations.DeclineAsync(tenant.Current!.Kommune, invitationId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> GetSettingsAsync(IKommuneContextAccessor tenant, HotlineDbContext db, HttpContext http, CancellationToken ct)
    {
        var record = await db.Kommuner.AsNoTracking().FirstAsync(k => k.Kode == tenant.Current!.Kommune.Kode, ct);
        RotaETag.Set(http.Response, record.Version);
        return TypedResults.Ok(View(record));
    }

    private static async Task<IResult> PutSettingsAsync(InvitationSettingsDocument document, IKommuneContextAccessor tenant, KommuneEditing editing, HttpContext http, CancellationToken ct)
    {
        var (saved, problem) = await editing.ChangeAsync(tenant.Current!.Kommune.Kode, http, requireIfMatch: true, (current, errors) => InvitationSettingsValidation.Apply(current, document, errors), ct);
        if (problem is not null)
        {
            return problem;
        }

        RotaETag.Set(http.Response, saved!.Version);
        return TypedResults.Ok(View(saved));
    }

    private static InvitationSettingsView View(KommuneRecord record) => new(record.Slug, record.Version, InvitationSettingsDocument.From(record.Settings.Invitations));
}
