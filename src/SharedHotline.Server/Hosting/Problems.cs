using SharedHotline.Domain.Chats;

namespace SharedHotline.Server.Hosting;

/// <summary>The ProblemDetails answers of the HTTP API; each names what was wrong.</summary>
public static class Problems
{
    public static IResult KommuneNotFound(string slug) =>
        Results.Problem(
            title: "Unknown kommune",
            detail: $"No kommune has the slug '{slug}'.",
            statusCode: StatusCodes.Status404NotFound,
            type: "https://sharedhotline.dk/problems/kommune-not-found",
            extensions: new Dictionary<string, object?> { ["slug"] = slug, ["code"] = HotlineException.ToWire(HotlineErrorCode.KommuneNotFound) });

    public static IResult Validation(IDictionary<string, string[]> errors, string? detail = null) =>
        Results.ValidationProblem(errors, detail: detail, type: "https://sharedhotline.dk/problems/validation");

    public static IResult Validation(string field, string error) =>
        Validation(new Dictionary<string, string[]> { [field] = [error] });

    public static IResult From(HotlineException ex) =>
        Results.Problem(
            title: ex.Code.ToString(),
            detail: ex.Message,
            statusCode: ex.Code switch
            {
                HotlineErrorCode.KommuneNotFound or HotlineErrorCode.ChatNotFound => StatusCodes.Status404NotFound,
                HotlineErrorCode.NotAuthorized or HotlineErrorCode.ChatNotAccessible => StatusCodes.Status403Forbidden,
                HotlineErrorCode.HotlineClosed or HotlineErrorCode.ChatEnded => StatusCodes.Status409Conflict,
                HotlineErrorCode.RateLimited => StatusCodes.Status429TooManyRequests,
                _ => StatusCodes.Status400BadRequest,
            },
            extensions: new Dictionary<string, object?> { ["code"] = ex.WireCode });
}
