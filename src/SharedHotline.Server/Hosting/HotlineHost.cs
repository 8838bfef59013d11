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
using SharedHotline.Server.Chats;
using SharedHotline.Server.Health;
using SharedHotline.Server.Rota;
using SharedHotline.Server.Staff;
using SharedHotline.Server.Tenancy;

namespace SharedHotline.Server.Hosting;

/// <summary>The table of contents of the server: one line per feature.</summary>
public static class HotlineHost
{
    public static WebApplicationBuilder AddHotline(this WebApplicationBuilder builder)
    {
        builder.AddHotlineLogging();
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();
        services.AddDataProtection().SetApplicationName("SharedHotline");
        services.AddHotlinePersistence(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddInProcessLiveState();
        services.AddSingleton<RotaProvider>();
        services.AddRotaEditing();
        services.AddHotlineMessaging(builder.Configuration, bus => bus.AddRotaConsumers());
        services.AddKommuneTenancy().WithRouteStrategy().WithHeaderStrategy().WithClaimStrategy();
        services.AddStaffAuthentication();
        services.AddChats();
        services.AddHotlineHealth();
        return builder;
    }

    public static WebApplication UseHotline(this WebApplication app)
    {
        app.UseExceptionHandler(handler => handler.Run(WriteUnhandledProblem));
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.UseAuthentication();
        app.UseKommuneTenancy();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapHotlineHealth();
        app.MapAuthApi();
        app.MapKommunerApi();
        app.MapCallbacksApi();
        app.MapRotaApi();
        app.MapChatHubs();
        return app;
    }

    /// <summary>Migrates and seeds the database, then rebuilds the live queue from stored open chats.</summary>
    public static async Task InitializeHotlineAsync(this WebApplication app, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync(ct);
        app.Services.GetRequiredService<RotaProvider>().Invalidate();
        await scope.ServiceProvider.GetRequiredService<LiveStateRecovery>().RecoverAsync(ct);
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
