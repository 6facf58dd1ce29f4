using System.Net;

namespace TrioTest.Testing;

/// <summary>One request a <see cref="VirtualHttpHandler"/> served: what was asked, when, and how it ended.</summary>
/// <param name="Method">The request's method.</param>
/// <param name="Uri">The request's URI.</param>
/// <param name="Task">The path of the TrioTest task that sent it.</param>
/// <param name="Started">The virtual time the request arrived.</param>
/// <param name="Finished">The virtual time it ended.</param>
/// <param name="Status">The response's status code, or <see langword="null"/> when no response came (a reset, a hang that was cancelled).</param>
/// <param name="Outcome">How it ended: <c>response</c>, <c>reset</c>, <c>failed</c> or <c>cancelled</c>.</param>
public sealed record VirtualHttpExchange(HttpMethod Method, Uri Uri, string Task, TimeSpan Started, TimeSpan Finished, HttpStatusCode? Status, string Outcome)
{
    /// <summary>Gets how long the request took in virtual time.</summary>
    public TimeSpan Duration => Finished - Started;
}
