using System.Net;
using System.Text;

namespace TrioTest.Testing;

/// <summary>
/// The script of one route of a <see cref="VirtualHttpHandler"/>: each call takes the next scripted reply, and the last
/// reply repeats. A reply waits its latency in virtual time, then responds, resets the connection or never answers.
/// </summary>
/// <example>
/// <code>
/// handler.MapGet("/quote")
///     .Respond(HttpStatusCode.ServiceUnavailable, latency: TimeSpan.FromMilliseconds(50))   // first call
///     .Reset(after: TimeSpan.FromSeconds(1))                                                 // second call
///     .Respond("9.50", latency: TimeSpan.FromMilliseconds(80));                              // every later call
/// </code>
/// </example>
public sealed class VirtualRoute
{
    /// <summary>The scripted replies, in order; the last repeats.</summary>
    private readonly List<Reply> _replies = [];

    internal VirtualRoute(HttpMethod method, string path)
    {
        Method = method;
        Path = path;
    }

    /// <summary>Gets the route's method.</summary>
    public HttpMethod Method { get; }

    /// <summary>Gets the route's path (and query, if it was mapped with one).</summary>
    public string Path { get; }

    /// <summary>Gets how many requests the route has served.</summary>
    public int Calls { get; private set; }

    /// <summary>Adds a reply with a status code and an optional text body.</summary>
    /// <param name="status">The status code.</param>
    /// <param name="content">The body, as UTF-8 text; none when null.</param>
    /// <param name="latency">The virtual time before the response; the handler's default when null.</param>
    /// <returns>This route, to script the next call.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative.</exception>
    public VirtualRoute Respond(HttpStatusCode status, string? content = null, TimeSpan? latency = null) =>
        Add(new Reply(ReplyKind.Respond, CheckLatency(latency), request => CreateResponse(request, status, content), null));

    /// <summary>Adds a <c>200 OK</c> reply with a text body.</summary>
    /// <param name="content">The body, as UTF-8 text.</param>
    /// <param name="latency">The virtual time before the response; the handler's default when null.</param>
    /// <returns>This route.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative.</exception>
    public VirtualRoute Respond(string content, TimeSpan? latency = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Respond(HttpStatusCode.OK, content, latency);
    }

    /// <summary>Adds a reply built from the request (called once per request, after the latency).</summary>
    /// <param name="respond">Builds the response.</param>
    /// <param name="latency">The virtual time before the response; the handler's default when null.</param>
    /// <returns>This route.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="respond"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="latency"/> is negative.</exception>
    public VirtualRoute Respond(Func<HttpRequestMessage, HttpResponseMessage> respond, TimeSpan? latency = null)
    {
        ArgumentNullException.ThrowIfNull(respond);
        return Add(new Reply(ReplyKind.Respond, CheckLatency(latency), respond, null));
    }

    /// <summary>Adds a reply that never comes: the request waits until the caller cancels it (its timeout, a cancel scope).</summary>
    /// <returns>This route.</returns>
    public VirtualRoute Hang() => Add(new Reply(ReplyKind.Hang, TimeSpan.Zero, null, null));

    /// <summary>Adds a connection reset: after the latency, the request fails with an <see cref="HttpRequestException"/> whose inner exception is an <see cref="IOException"/>, as a real reset does.</summary>
    /// <param name="after">The virtual time before the reset; the handler's default when null.</param>
    /// <returns>This route.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="after"/> is negative.</exception>
    public VirtualRoute Reset(TimeSpan? after = null) =>
        Add(new Reply(ReplyKind.Fail, CheckLatency(after), null, () => new HttpRequestException(
            HttpRequestError.ConnectionError,
            $"An error occurred while sending the request to {Method} {Path} (scripted by VirtualHttpHandler).",
            new IOException("Connection reset by peer (scripted)."))));

    /// <summary>Adds a failure: after the latency, the request throws what <paramref name="error"/> creates.</summary>
    /// <param name="error">Creates the exception, once per request.</param>
    /// <param name="after">The virtual time before the failure; the handler's default when null.</param>
    /// <returns>This route.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="error"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="after"/> is negative.</exception>
    public VirtualRoute Fail(Func<Exception> error, TimeSpan? after = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Add(new Reply(ReplyKind.Fail, CheckLatency(after), null, error));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {Path} ({_replies.Count} scripted replies, {Calls} calls)";

    /// <summary>Takes the reply for the next call.</summary>
    /// <exception cref="InvalidOperationException">Nothing is scripted.</exception>
    internal Reply Next()
    {
        if (_replies.Count == 0)
        {
            throw new InvalidOperationException($"The route {Method} {Path} of VirtualHttpHandler has no reply: script one with Respond, Hang, Reset or Fail.");
        }

        return _replies[Math.Min(Calls++, _replies.Count - 1)];
    }

    /// <summary>Builds a response with a text body.</summary>
    private static HttpResponseMessage CreateResponse(HttpRequestMessage request, HttpStatusCode status, string? content) => new(status)
    {
        RequestMessage = request,
        Content = content is null ? null : new StringContent(content, Encoding.UTF8),
    };

    /// <summary>Rejects a negative latency.</summary>
    private static TimeSpan? CheckLatency(TimeSpan? latency)
    {
        if (latency is { } value && value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(latency), value, "A scripted latency must be zero or positive virtual time.");
        }

        return latency;
    }

    /// <summary>Appends a reply.</summary>
    private VirtualRoute Add(Reply reply)
    {
        _replies.Add(reply);
        return this;
    }

    /// <summary>What a reply does.</summary>
    internal enum ReplyKind
    {
        /// <summary>Responds.</summary>
        Respond,

        /// <summary>Never answers.</summary>
        Hang,

        /// <summary>Throws.</summary>
        Fail,
    }

    /// <summary>One scripted reply.</summary>
    /// <param name="Kind">What it does.</param>
    /// <param name="Latency">Its latency, or null for the handler's default.</param>
    /// <param name="Respond">Builds the response, for <see cref="ReplyKind.Respond"/>.</param>
    /// <param name="Error">Creates the exception, for <see cref="ReplyKind.Fail"/>.</param>
    internal sealed record Reply(ReplyKind Kind, TimeSpan? Latency, Func<HttpRequestMessage, HttpResponseMessage>? Respond, Func<Exception>? Error);
}
