using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TrioTest.Tour.Sections.Http;

/// <summary>A real HTTP server (Kestrel, from the shared framework) on 127.0.0.1 that answers each page after its delay.</summary>
internal sealed class PageServer : IAsyncDisposable
{
    /// <summary>The running application.</summary>
    private readonly WebApplication _app;

    private PageServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Gets the server's base address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>Starts a server for <paramref name="pages"/> on loopback, at a port the system picks.</summary>
    /// <param name="pages">The pages it serves.</param>
    /// <returns>The running server.</returns>
    public static async Task<PageServer> StartAsync(IReadOnlyList<Page> pages)
    {
        Dictionary<int, Page> byNumber = pages.ToDictionary(static p => p.Number);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();

        // Port 0: the system picks a free ephemeral port, so tours and test runs side by side never collide.
        builder.WebHost.ConfigureKestrel(static kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.MapGet("/page/{number:int}", async (int number, CancellationToken aborted) =>
        {
            if (!byNumber.TryGetValue(number, out Page? page))
            {
                return Results.NotFound();
            }

            await Task.Delay(page.Delay, aborted);
            return Results.Text(page.Body);
        });
        await app.StartAsync();
        return new PageServer(app, new Uri(app.Urls.Single()));
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
