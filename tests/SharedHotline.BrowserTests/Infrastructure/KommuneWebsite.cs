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
        app.MapGet("/borger/pas", () => Results.Content(html, "text/html; charset=utf-8"));
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
