using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace TrioTest.Testing.Rewriting;

/// <summary>
/// What <c>TrioTest.Rewriting</c> puts in place of BCL members that leave the loop inside themselves:
/// <see cref="ChannelReader{T}.ReadAllAsync"/> awaits with <c>ConfigureAwait(false)</c>. Not for direct use: the rewriter calls these.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RewrittenChannels
{
    /// <summary>Replaces <see cref="ChannelReader{T}.ReadAllAsync"/>: inside a run, the same sequence read on the loop.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>Every item until the channel completes.</returns>
    public static IAsyncEnumerable<T> ReadAllAsync<T>(ChannelReader<T> reader, CancellationToken cancellationToken) =>
        Trio.IsInRun ? ReadOnTheLoopAsync(reader, cancellationToken) : reader.ReadAllAsync(cancellationToken);

    /// <summary>Reads with <c>WaitToReadAsync</c> and <c>TryRead</c>, resuming on the caller's task after each wait.</summary>
    private static async IAsyncEnumerable<T> ReadOnTheLoopAsync<T>(ChannelReader<T> reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (reader.TryRead(out T? item))
            {
                yield return item;
            }
        }
    }
}
