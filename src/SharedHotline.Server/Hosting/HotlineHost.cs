using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog;
using SharedHotline.Domain.Chats;
using SharedHotline.Infrastructure.LiveState;
using SharedHotline.Infrastructure.Messaging;
using SharedHotline.Infrastructure.Persistence;
using SharedHotline.Infrastructure.Seeding;
using SharedHotline.Server.Administration;
using SharedHotline.Server.Cases;
using SharedHotline.Server.Chats;
using SharedHotline.Server.Health;
using SharedHotline.Server.Invitations;
using SharedHotline.Server.Privacy;
using SharedHotline.Server.Rota;
using SharedHotline.Server.Statistics;
using SharedHotline.Server.Security;
using SharedHotline.Server.Staff;
using SharedHotline.Server.Staff.Oidc;
using SharedHotline.Server.Telemetry;
using SharedHotline.Server.Tenancy;
using SharedHotline.Server.Transcripts;
using SharedHotline.Server.Web;

namespace SharedHotline.Server.Hosting;

/// <summary>The table of contents of the server: one line per feature.</summary>
public static class HotlineHost
{
    public static WebApplicationBuilder AddHotline(this WebApplicationBuilder builder)
    {
        builder.AddHotlineLogging();
        builder.AddHotlineTelemetry();
        var services = builder.Services;
        services.AddCorrelationIds();
        ShiftedTimeProvider.AddIfConfigured(builder);
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.AddCode);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddHotlinePersistence(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddLiveState(builder.Configuration);
        services.AddSingleton<RotaProvider>();
        services.AddRotaEditing();
        services.AddHotlineMessaging(builder.Configuration, bus => bus.AddRotaConsumers().AddAdministrationConsumers().AddCaseConsumers().AddStatisticsConsumers());
        services.AddKommuneAdministration();
        services.AddKommuneTenancy().WithRouteStrategy().WithHeaderStrategy().WithClaimStrategy();
        services.AddStaffAuthentication();
        services.AddStaffOidc(builder.Configuration);
        services.AddChats(builder.Configuration);
        builder.AddHotlineSecurity();
        services.AddPrivacy(builder.Configuration);
        services.AddHotlineHealth(builder.Configuration);
        services.AddNodeDrain(builder.Configuration);
        services.AddCases();
        services.AddStatistics();
        services.AddInvitations();
        services.AddWebPages();
        return builder;
    }

    public static WebApplication UseHotline(this WebApplication app)
    {
        app.UseNodeDrain();
        app.UseCorrelationIds();
        app.UseHotlineSecurityHeaders();
        // The request log sits outside the exception handler, so it records the status the client was given; a
        // request the client got wrong (a body that is not JSON, a refusal) is not logged as a server error.
        app.UseUnlessAnonymousHubSocket(http => http
            .UseSerilogRequestLogging(o =>
            {
                o.Logger = app.Services.GetService<Serilog.ILogger>();
                o.GetMessageTemplateProperties = RequestLogPaths.Properties;
                o.GetLevel = RequestLogPaths.Level;
            })
            .UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = WriteUnhandledProblem,
                SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException or HotlineException,
            })
            .UseStatusCodePages());
        app.UseRouting();
        app.UseHotlineSecurity();
        app.UseSignInAndKommune();

        app.MapOpenApi().AllowAnonymous();
        app.MapHotlineHealth();
        app.MapHotlineTelemetry();
        app.MapAuthApi();
        app.MapStaffAdmin();
        app.MapKommuneAdministration();
        app.MapStaffOidc();
        app.MapKommunerApi();
        app.MapCallbacksApi();
        app.MapCases();
        app.MapStatistics();
        app.MapInvitationsApi();
        app.MapRotaApi();
        app.MapChatHubs();
        app.MapTranscriptsApi();
        app.MapPrivacyApi();
        app.MapCallbackPrivacyApi();
        app.MapWebPages();
        return app;
    }

    /// <summary>
    /// Migrates and seeds the database, then brings the live state in line with the stored open chats. If
    /// Redis is away the node still starts (not ready) and its maintenance loop catches up when Redis returns.
    /// </summary>
    public static async Task InitializeHotlineAsync(this WebApplication app, Func<IServiceProvider, CancellationToken, Task>? seedMore = null, CancellationToken ct = default)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync(ct);
            if (seedMore is not null)
            {
                await seedMore(scope.ServiceProvider, ct);
            }
        }

        app.Services.GetRequiredService<RotaProvider>().Invalidate();
        try
        {
            await app.Services.GetRequiredService<LiveStateMaintenance>().RunOnceAsync(ct);
        }
        catch (Domain.Routing.LiveStateUnavailableException ex)
        {
            app.Logger.LogWarning(ex, "The live state is unreachable at start-up; the node starts not ready and recovers when it returns");
        }
    }

    private static async Task WriteUnhandledProblem(HttpContext http)
    {
        var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (error is HotlineException hotline)
        {
            await Problems.From(hotline).ExecuteAsync(http);
            return;
        }

        if (error is BadHttpRequestException bad)
        {
            http.Response.StatusCode = bad.StatusCode;
            await problems.WriteAsync(new() { HttpContext = http, ProblemDetails = { Title = "Bad request", Detail = "The request could not be read: check that the body is valid JSON of the documented shape.", Status = bad.StatusCode } });
            return;
        }

        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        await problems.WriteAsync(new() { HttpContext = http, ProblemDetails = { Title = "Server error", Detail = "Something went wrong on the server. Nothing already stored is lost; please try again.", Status = 500 } });
    }
}
