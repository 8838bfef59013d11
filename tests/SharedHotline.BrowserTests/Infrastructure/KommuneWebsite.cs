using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SharedHotline.BrowserTests.Infrastructure;

/// <summary>
/// A stand-in for a kommune's own website: a page of its own on another loopback address (127.0.0.2, so another origin
/// than the hotline), with the widget included by one script tag, as a kommune would include it.
/// </summary>
public sealed class KommuneWebsite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KommuneWebsite(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The page with the widget.</summary>
    public string Address { get; }

    /// <summary>A self-service page whose "Indsend" fails and reports the failed step to the widget.</summary>
    public string SelfServiceAddress => new Uri(new Uri(Address), "/selvbetjening/flytning").ToString();

    /// <summary>The website's origin, as its admin adds it to the kommune's settings.</summary>
    public string Origin { get; private init; } = "";

    /// <summary>The kommune's page; with <paramref name="allowOrigin"/> false its origin is left for the kommune's admin to add.</summary>
    public static async Task<KommuneWebsite> StartAsync(HotlineSite hotline, string slug = "soroe", string name = "Sorø", bool allowOrigin = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.2:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var html = $"""
            <!doctype html>
            <html lang="da">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Pas – {name} Kommune</title></head>
            <body>
            <header><p>{name} Kommune</p></header>
            <main><h1>Pas</h1><p>Her kan du læse om, hvordan du søger om nyt pas.</p></main>
            <script src="{hotline.Url("/widget.js")}" data-kommune="{slug}" async></script>
            </body>
            </html>
            """;
        // A self-service page that reports a failed step to the widget, as docs/kommune-websites.md tells web teams.
        var selfService = $"""
            <!doctype html>
            <html lang="da">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Flytning – {name} Kommune</title></head>
            <body>
            <main><h1>Anmeld flytning</h1><button type="button" id="send">Indsend</button><p id="result" role="status"></p></main>
            <script src="{hotline.Url("/widget.js")}" data-kommune="{slug}" async></script>
            <script src="/failed-step.js"></script>
            </body>
            </html>
            """;
        const string failedStep = """
            document.getElementById('send').addEventListener('click', function () {
              document.getElementById('result').textContent = 'Flytningen kunne ikke anmeldes.';
              (window.sharedhotline = window.sharedhotline || []).push(['selfServiceFailed', { topic: 'folkeregister' }]);
            });
            """;
        app.MapGet("/borger/pas", () => Results.Content(html, "text/html; charset=utf-8"));
        app.MapGet("/selvbetjening/flytning", () => Results.Content(selfService, "text/html; charset=utf-8"));
        app.MapGet("/failed-step.js", () => Results.Content(failedStep, "text/javascript; charset=utf-8"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var origin = new Uri(address).GetLeftPart(UriPartial.Authority);
        if (allowOrigin)
        {
            await hotline.AllowWebsiteOriginAsync(slug, origin);
        }

        return new KommuneWebsite(app, new Uri(new Uri(address), "/borger/pas").ToString()) { Origin = origin };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
