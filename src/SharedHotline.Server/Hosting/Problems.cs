using Microsoft.AspNetCore.Http.HttpResults;
using SharedHotline.Domain.Chats;

namespace SharedHotline.Server.Hosting;

/// <summary>The ProblemDetails answers of the HTTP API; each names what was wrong.</summary>
public static class Problems
{
    /// <summary>
    /// Every ProblemDetails the server writes carries a <c>code</c> extension, as docs/protocol.md promises; those
    /// that name none themselves (framework answers such as a body that is not JSON) get the one for their status.
    /// </summary>
    public static void AddCode(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = CodeFor(problem.Status ?? context.HttpContext.Response.StatusCode);
        }
    }

    public static string CodeFor(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "not_authenticated",
        StatusCodes.Status403Forbidden => HotlineException.ToWire(HotlineErrorCode.NotAuthorized),
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "too_large",
        StatusCodes.Status415UnsupportedMediaType => "json_expected",
        StatusCodes.Status429TooManyRequests => HotlineException.ToWire(HotlineErrorCode.RateLimited),
        >= 400 and < 500 => HotlineException.ToWire(HotlineErrorCode.InvalidArgument),
        _ => SharedHotline.Client.Contracts.HubErrorCodes.Internal,
    };

    public static IResult KommuneNotFound(string slug) =>
        Results.Problem(
            title: "Unknown kommune",
            detail: $"No kommune has the slug '{slug}'.",
            statusCode: StatusCodes.Status404NotFound,
            type: "https://sharedhotline.dk/problems/kommune-not-found",
            extensions: new Dictionary<string, object?> { ["slug"] = slug, ["code"] = HotlineException.ToWire(HotlineErrorCode.KommuneNotFound) });

    public static IResult Validation(IDictionary<string, string[]> errors, string? detail = null, string[]? rules = null) => TypedValidation(errors, detail, rules);

    public static ValidationProblem TypedValidation(IDictionary<string, string[]> errors, string? detail = null, string[]? rules = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = HotlineException.ToWire(HotlineErrorCode.InvalidArgument) };
        if (rules is { Length: > 0 })
        {
            extensions["rules"] = rules;
        }

        return TypedResults.ValidationProblem(errors, detail: detail, type: "https://sharedhotline.dk/problems/validation", extensions: extensions);
    }

    public static IResult Validation(string field, string error) =>
        Validation(new Dictionary<string, string[]> { [field] = [error] });

    public static ProblemHttpResult From(HotlineException ex) =>
        TypedResults.Problem(
            title: ex.Code.ToString(),
            detail: ex.Message,
            statusCode: ex.Code switch
            {
                HotlineErrorCode.KommuneNotFound or HotlineErrorCode.ChatNotFound or HotlineErrorCode.CaseNotFound => StatusCodes.Status404NotFound,
                HotlineErrorCode.NotAuthorized or HotlineErrorCode.ChatNotAccessible => StatusCodes.Status403Forbidden,
                HotlineErrorCode.HotlineClosed or HotlineErrorCode.ChatEnded or HotlineErrorCode.CaseConflict or HotlineErrorCode.MeetingTimeTaken => StatusCodes.Status409Conflict,
                HotlineErrorCode.RateLimited => StatusCodes.Status429TooManyRequests,
                _ => StatusCodes.Status400BadRequest,
            },
            extensions: new Dictionary<string, object?> { ["code"] = ex.WireCode });
}
