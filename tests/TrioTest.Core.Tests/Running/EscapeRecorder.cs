namespace TrioTest.Core.Tests.Running;

/// <summary>Collects every escape a run reports, in order.</summary>
internal sealed class EscapeRecorder(List<EscapeInfo> escapes) : Instrument
{
    public override void EscapeDetected(in EscapeEventArgs args) => escapes.Add(args.Escape);
}
