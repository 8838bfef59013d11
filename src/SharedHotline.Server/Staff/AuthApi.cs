using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using SharedHotline.Server.Hosting;
using SharedHotline.Server.Security;

namespace SharedHotline.Server.Staff;

public sealed record SignInRequest(string? UserName, string? Password);

public sealed record StaffMe(Guid Id, string DisplayName, string UserName, string Kommune, IReadOnlyList<string> Roles, IReadOnlyList<string> CoordinatorOf);

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Staff sign-in");
        group.MapPost("/token", IssueToken).AllowAnonymous().RequireRateLimiting(HttpRateLimits.SignIn).WithSummary("Sign in and receive a bearer token (for programs and the typed client).");
        group.MapPost("/login", SignInWithCookie).AllowAnonymous().RequireRateLimiting(HttpRateLimits.SignIn).WithSummary("Sign in with a cookie (for the staff web pages).");
        group.MapPost("/logout", async (HttpContext http, StaffSessions sessions, Infrastructure.Persistence.HotlineDbContext db, CancellationToken ct) =>
        {
            await sessions.EndAsync(db, http.User, ct);
            await http.SignOutAsync(StaffAuthentication.Cookie);
            return TypedResults.NoContent();
        }).RequireAuthorization().WithSummary("Sign out: ends this session (its cookie or bearer token stops working at once).");
        group.MapGet("/me", (ClaimsPrincipal user) => TypedResults.Ok(new StaffMe(
            user.StaffId(),
            user.Identity?.Name ?? "",
            user.FindFirstValue("username") ?? "",
            user.FindFirstValue(StaffClaims.Kommune) ?? "",
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            user.FindAll(StaffClaims.Partnership).Select(c => c.Value).ToList()))).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> IssueToken(SignInRequest request, StaffSignInService signIn, HttpContext http, CancellationToken ct)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var principal = await signIn.SignInAsync(request.UserName!, request.Password!, StaffAuthentication.Bearer, ClientAddress.Of(http), ct);
        return principal is null ? Refused() : TypedResults.SignIn(principal, authenticationScheme: StaffAuthentication.Bearer);
    }

    private static async Task<IResult> SignInWithCookie(SignInRequest request, StaffSignInService signIn, HttpContext http, CancellationToken ct)
    {
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var principal = await signIn.SignInAsync(request.UserName!, request.Password!, StaffAuthentication.Cookie, ClientAddress.Of(http), ct);
        if (principal is null)
        {
            return Refused();
        }

        await http.SignInAsync(StaffAuthentication.Cookie, principal);
        return TypedResults.NoContent();
    }

    private static IResult? Validate(SignInRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.UserName) || request.UserName.Length > 128)
        {
            errors["userName"] = ["A user name of at most 128 characters is required."];
        }

        if (string.IsNullOrEmpty(request.Password) || request.Password.Length > 256)
        {
            errors["password"] = ["A password of at most 256 characters is required."];
        }

        return errors.Count > 0 ? Problems.Validation(errors) : null;
    }

    private static ProblemHttpResult Refused() =>
        TypedResults.Problem(title: "Sign-in refused", detail: "The user name or password is wrong, or the account is locked for a while.", statusCode: StatusCodes.Status401Unauthorized);
}
