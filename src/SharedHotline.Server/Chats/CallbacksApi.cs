using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Security;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Chats;

public sealed record CallbackRequest(string? Topic, string? Name, string? Phone, string? PreferredTime, string? Message);

public sealed record CallbackReceipt(string Reference, string Kommune, string Topic, DateTimeOffset ReceivedAt, string Text);

/// <summary>While the hotline is closed a citizen can leave a message or book a call-back; it lands in the kommune's own queue.</summary>
public static partial class CallbacksApi
{
    public static IEndpointRouteBuilder MapCallbacksApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/kommuner/{kommune}/callbacks", CreateAsync)
            .WithTags("Kommuner")
            .AllowAnonymous()
            .RequireRateLimiting(HttpRateLimits.Callbacks)
            .WithSummary("Leave a message or book a call-back (telefonmøde); answers with a receipt.");
        return app;
    }

    private static async Task<Results<Created<CallbackReceipt>, ValidationProblem>> CreateAsync(CallbackRequest request, IKommuneContextAccessor tenant, HotlineDbContext db, TimeProvider time, ILogger<CallbackRequest> logger, CancellationToken ct)
    {
        var kommune = tenant.Current!.Kommune;
        var errors = new Dictionary<string, string[]>();
        var topic = kommune.Settings.FindTopic(request.Topic ?? "");
        if (topic is null)
        {
            errors["topic"] = [$"Choose one of: {string.Join(", ", kommune.Settings.Topics.Select(t => t.Code))}."];
        }

        var phone = request.Phone?.Replace(" ", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(phone) && string.IsNullOrWhiteSpace(request.Message))
        {
            errors["phone"] = ["Give a phone number for a call-back, or write a message."];
        }
        else if (!string.IsNullOrEmpty(phone) && !PhoneNumber().IsMatch(phone))
        {
            errors["phone"] = ["A Danish phone number has 8 digits, optionally after +45."];
        }

        TextFields.Check(errors, "name", request.Name, 100);
        TextFields.Check(errors, "preferredTime", request.PreferredTime, 100);
        TextFields.Check(errors, "message", request.Message, 4000, multiline: true);
        if (errors.Count > 0)
        {
            return Problems.TypedValidation(errors);
        }

        var now = time.GetUtcNow();
        var record = new CaseRecord
        {
            Kind = Domain.Cases.CaseKind.Message,
            StatusTokenHash = Cases.CaseStatusTokens.Hash(Cases.CaseStatusTokens.New()),
            Id = Guid.CreateVersion7(now),
            Reference = ChatReferences.New(kommune),
            KommuneKode = kommune.Kode,
            Topic = topic!.Code,
            Name = TextFields.Neutral(request.Name),
            Phone = phone,
            PreferredTime = TextFields.Neutral(request.PreferredTime),
            Message = TextFields.Neutral(request.Message),
            CreatedAt = now,
        };
        record.Apply(Domain.Cases.Case.Receive(record.Id, record.Reference, record.KommuneKode, Domain.Cases.CaseKind.Message, record.Topic, null, now));
        record.Version = 0;
        db.Cases.Add(record);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Callback request {CallbackId} left for {Kommune} on {Topic}", record.Id, kommune.Slug, record.Topic);
        var text = phone is { Length: > 0 }
            ? $"Tak. Vi har modtaget din bestilling af et telefonmøde om {topic.Name}. Din reference er {record.Reference}. {kommune.OfficialName} ringer dig op."
            : $"Tak. Vi har modtaget din besked om {topic.Name}. Din reference er {record.Reference}.";
        return TypedResults.Created($"/api/kommuner/{kommune.Slug}/callbacks/{record.Reference}", new CallbackReceipt(record.Reference, kommune.Slug, topic.Code, now, text));
    }

    [GeneratedRegex(@"^(\+45)?\d{8}$")]
    private static partial Regex PhoneNumber();
}
