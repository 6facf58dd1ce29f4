using System.Net;
using System.Runtime.CompilerServices;

namespace TrioTest.Testing;

/// <summary>
/// An <see cref="HttpMessageHandler"/> whose routes are scripted (responses, latencies, resets, hangs) and play out in
/// virtual time on the TrioTest loop, so <see cref="HttpClient"/> code, and libraries built on it, run
/// deterministically: fetching twelve URLs concurrently takes the largest latency of virtual time and microseconds of
/// real time, and every run of a seed sees the same interleaving.
/// </summary>
/// <remarks>
/// Use it inside a run (an <c>[AsyncTest]</c>). Give <see cref="HttpClient"/> an infinite <see cref="HttpClient.Timeout"/>
/// and bound calls with <see cref="Trio.FailAfterAsync(TimeSpan, Func{Task}, bool)"/> or a token from
/// <see cref="Trio.CancellationToken"/>: <c>HttpClient</c>'s own timeout runs on a real timer. A request with no route
/// fails with a message that says how to map it. Each wait shows in the checkpoint trace as <c>wait "GET /path"</c>.
/// </remarks>
/// <example>
/// <code>
/// var handler = new VirtualHttpHandler();
/// handler.MapGet("/quote").Respond("9.50", latency: TimeSpan.FromMilliseconds(80));
/// using var client = new HttpClient(handler) { BaseAddress = new Uri("http://shop.test"), Timeout = Timeout.InfiniteTimeSpan };
/// string quote = await client.GetStringAsync("/quote");   // Trio.CurrentTime is now 80 ms
/// </code>
/// </example>
public sealed class VirtualHttpHandler : HttpMessageHandler
{
    /// <summary>The routes, in the order they were mapped.</summary>
    private readonly List<VirtualRoute> _routes = [];

    /// <summary>Every request served, in the order they ended.</summary>
    private readonly List<VirtualHttpExchange> _exchanges = [];

    /// <summary>The latency of replies that give none.</summary>
    private TimeSpan _defaultLatency;

    /// <summary>Gets or sets the latency of replies scripted without one; zero by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public TimeSpan DefaultLatency
    {
        get => _defaultLatency;
        set => _defaultLatency = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "DefaultLatency must be zero or positive virtual time.");
    }

    /// <summary>Gets every request served so far, in the order they ended.</summary>
    public IReadOnlyList<VirtualHttpExchange> Exchanges => _exchanges;

    /// <summary>Maps a route: requests with this method whose path (or path and query, if <paramref name="path"/> has one) matches.</summary>
    /// <param name="method">The method.</param>
    /// <param name="path">The path, starting with <c>/</c>, such as <c>/quote</c> or <c>/search?q=tea</c>.</param>
    /// <returns>The route, to script its replies.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> does not start with <c>/</c>, or the route is mapped already.</exception>
    public VirtualRoute Map(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!path.StartsWith('/'))
        {
            throw new ArgumentException($"A route's path starts with '/', such as \"/{path}\".", nameof(path));
        }

        if (_routes.Exists(r => r.Method == method && string.Equals(r.Path, path, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"{method} {path} is mapped already: script more replies on the route Map returned.", nameof(path));
        }

        var route = new VirtualRoute(method, path);
        _routes.Add(route);
        return route;
    }

    /// <summary>Maps a <c>GET</c> route; see <see cref="Map"/>.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The route.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> does not start with <c>/</c>, or the route is mapped already.</exception>
    public VirtualRoute MapGet(string path) => Map(HttpMethod.Get, path);

    /// <summary>Maps a <c>POST</c> route; see <see cref="Map"/>.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The route.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> does not start with <c>/</c>, or the route is mapped already.</exception>
    public VirtualRoute MapPost(string path) => Map(HttpMethod.Post, path);

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">Not inside a TrioTest run, or no route matches the request.</exception>
    [AsyncMethodBuilder(typeof(LoopTaskMethodBuilder<>))]
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        TrioTask task = CurrentTask.Get(nameof(VirtualHttpHandler));
        Uri uri = request.RequestUri ?? throw new InvalidOperationException("VirtualHttpHandler got a request without a URI: give HttpClient a BaseAddress or the request an absolute URI.");
        VirtualRoute route = Find(request.Method, uri);
        VirtualRoute.Reply reply = route.Next();
        TimeSpan started = Trio.CurrentTime;
        string label = $"{request.Method} {uri.PathAndQuery}";
        try
        {
            if (reply.Kind == VirtualRoute.ReplyKind.Hang)
            {
                await Trio.RunWithCancellationAsync(cancellationToken, () => Trio.SleepForeverAsync(label).AsTask());
            }

            await Trio.RunWithCancellationAsync(cancellationToken, () => Trio.SleepAsync(reply.Latency ?? _defaultLatency, label).AsTask());
        }
        catch (OperationCanceledException)
        {
            Record(request, uri, task, started, null, "cancelled");
            throw;
        }

        if (reply.Kind == VirtualRoute.ReplyKind.Fail)
        {
            Exception error = reply.Error!();
            Record(request, uri, task, started, null, error is HttpRequestException { InnerException: IOException } ? "reset" : "failed");
            throw error;
        }

        HttpResponseMessage response = reply.Respond!(request);
        Record(request, uri, task, started, response.StatusCode, "response");
        return response;
    }

    /// <summary>Finds the route of a request: an exact path-and-query match first, then the path alone.</summary>
    private VirtualRoute Find(HttpMethod method, Uri uri)
    {
        string pathAndQuery = uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
        string path = uri.IsAbsoluteUri ? uri.AbsolutePath : pathAndQuery.Split('?')[0];
        return _routes.Find(r => r.Method == method && string.Equals(r.Path, pathAndQuery, StringComparison.Ordinal))
            ?? _routes.Find(r => r.Method == method && string.Equals(r.Path, path, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"VirtualHttpHandler has no route for {method} {pathAndQuery}: map it with handler.Map(HttpMethod.{Capitalize(method.Method)}, \"{path}\").Respond(...). Mapped: "
                + (_routes.Count == 0 ? "none." : string.Join(", ", _routes.Select(r => $"{r.Method} {r.Path}")) + "."));
    }

    /// <summary>Writes a method as its <see cref="HttpMethod"/> property name (<c>GET</c> → <c>Get</c>).</summary>
    private static string Capitalize(string method) => method.Length == 0 ? method : method[0] + method[1..].ToLowerInvariant();

    /// <summary>Records a finished exchange.</summary>
    private void Record(HttpRequestMessage request, Uri uri, TrioTask task, TimeSpan started, HttpStatusCode? status, string outcome) =>
        _exchanges.Add(new VirtualHttpExchange(request.Method, uri, task.Path, started, Trio.CurrentTime, status, outcome));
}
