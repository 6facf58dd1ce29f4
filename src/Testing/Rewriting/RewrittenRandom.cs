using System.ComponentModel;
using System.Runtime.CompilerServices;

// These replace the unseeded randomness src/ bans: outside a run each one must return exactly what the original does.
#pragma warning disable RS0030

namespace TrioTest.Testing.Rewriting;

/// <summary>
/// What <c>TrioTest.Rewriting</c> puts in place of <c>Random.Shared</c> and <c>new Random()</c>: inside a test, generators
/// seeded from the schedule's seed, so a replayed seed draws the same numbers. Not for direct use: the rewriter calls these.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RewrittenRandom
{
    /// <summary>Each schedule's shared generator, created on first use.</summary>
    private static readonly ConditionalWeakTable<TrioTestContext, Random> s_shared = [];

    /// <summary>Replaces <see cref="Random.Shared"/>.</summary>
    /// <returns>The schedule's generator inside a test; <see cref="Random.Shared"/> otherwise.</returns>
    public static Random Shared() =>
        Trio.IsInRun && TrioTestContext.CurrentOrNull is { } context
            ? s_shared.GetValue(context, static c => new Random(Fold(c.Seed.Value)))
            : Random.Shared;

    /// <summary>Replaces <c>new Random()</c>: inside a test, a generator seeded from the schedule's shared one.</summary>
    /// <returns>The new generator.</returns>
    public static Random NewRandom() =>
        Trio.IsInRun && TrioTestContext.CurrentOrNull is not null ? new Random(Shared().Next()) : new Random();

    /// <summary>Folds a 64-bit seed into the 32 bits <see cref="Random(int)"/> takes.</summary>
    private static int Fold(ulong seed) => unchecked((int)(seed ^ (seed >> 32)));
}
