using TrioTest.Testing;

namespace TrioTest.Tour.Running;

/// <summary>
/// What one section of the tour did: the data of its runs, the claims it makes about them (checked, so the tour and
/// its tests agree on what the article promises), and the trace <c>--trace-json</c> writes. The program only prints it.
/// </summary>
internal abstract record SectionResult
{
    /// <summary>Gets the checkpoint trace that stands for the section (its main run), for <c>--trace-json</c>.</summary>
    public abstract CheckpointTrace Trace { get; }

    /// <summary>Gets the section's claims, each checked against its runs.</summary>
    public abstract IReadOnlyList<Claim> Claims { get; }

    /// <summary>Gets a value indicating whether every claim holds.</summary>
    public bool AllClaimsHold => Claims.All(static c => c.Holds);

    /// <summary>Prints what happened: the runs, their times and timelines (not the claims; the program prints those).</summary>
    /// <param name="output">Where to print.</param>
    public abstract void Print(TextWriter output);
}
