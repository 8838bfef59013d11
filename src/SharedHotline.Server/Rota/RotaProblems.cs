namespace SharedHotline.Server.Rota;

/// <summary>The ProblemDetails answers of the rota API besides field validation (<see cref="Hosting.Problems.Validation(IDictionary{string, string[]}, string?)"/>).</summary>
public static class RotaProblems
{
    private const string Base = "https://sharedhotline.dk/problems/";

    /// <summary>What an edit of the rota may answer besides its success, for the OpenAPI document.</summary>
    public static RouteHandlerBuilder ProducesRotaEditProblems(this RouteHandlerBuilder endpoint) =>
        endpoint
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    public static IResult PartnershipNotFound(string id) =>
        Results.Problem(title: "Unknown partnership", detail: $"No partnership has the id '{Shorten(id)}'.", statusCode: StatusCodes.Status404NotFound, type: Base + "partnership-not-found");

    public static IResult NotCoordinator(string id) =>
        Results.Problem(title: "Not your partnership", detail: $"Only the coordinators of '{Shorten(id)}' and administrators may do this.", statusCode: StatusCodes.Status403Forbidden, type: Base + "not-coordinator");

    public static IResult ItemNotFound(string what, string id) =>
        Results.Problem(title: $"Unknown {what}", detail: $"The rota has no {what} '{Shorten(id)}'.", statusCode: StatusCodes.Status404NotFound, type: Base + "rota-item-not-found");

    public static IResult PreconditionRequired() =>
        Results.Problem(
            title: "If-Match required",
            detail: "Send the ETag of the rota you edited in an If-Match header (GET the rota to get it), so that nobody's change is overwritten unseen.",
            statusCode: StatusCodes.Status428PreconditionRequired,
            type: Base + "if-match-required");

    public static IResult PreconditionFailed(int current) =>
        Results.Problem(
            title: "The rota changed meanwhile",
            detail: "Someone published a change after you loaded the rota. Load it again, redo your edit and send the new ETag.",
            statusCode: StatusCodes.Status412PreconditionFailed,
            type: Base + "rota-changed",
            extensions: new Dictionary<string, object?> { ["currentVersion"] = current });

    public static IResult UnsupportedBody() =>
        Results.Problem(title: "JSON expected", detail: "Send the body as application/json.", statusCode: StatusCodes.Status415UnsupportedMediaType, type: Base + "json-expected");

    private static string Shorten(string value) => value.Length > 64 ? value[..64] : value;
}
