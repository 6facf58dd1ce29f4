namespace TrioTest.Tour.Running;

/// <summary>One thing a section says about its run, and whether the run bore it out.</summary>
/// <param name="Text">The claim, as the tour prints it.</param>
/// <param name="Holds"><see langword="true"/> if the run showed it; otherwise, <see langword="false"/>.</param>
internal sealed record Claim(string Text, bool Holds)
{
    /// <inheritdoc/>
    public override string ToString() => $"[{(Holds ? "ok" : "!!")}] {Text}";
}
