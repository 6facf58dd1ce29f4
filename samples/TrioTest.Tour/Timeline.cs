using System.Globalization;
using System.Text;

namespace TrioTest.Tour;

/// <summary>Records every step and checkpoint of a run, then prints them as a timeline: step, virtual time, task, event.</summary>
internal sealed class Timeline : Instrument
{
    private readonly List<string> _lines = [];

    /// <summary>Gets the recorded lines (stable for a given seed).</summary>
    public IReadOnlyList<string> Lines => _lines;

    public override void TaskSpawned(in TaskEventArgs args) => Add(args.Step, args.Time, args.Task, "spawn");

    public override void TaskExited(in TaskEventArgs args) => Add(args.Step, args.Time, args.Task, "exit");

    public override void Checkpoint(in CheckpointEventArgs args) =>
        Add(args.Step, args.Time, args.Task, args.Location.Label is { } label ? $"{Kind(args.Location.Kind)} \"{label}\"" : Kind(args.Location.Kind));

    public override void ClockJumped(in ClockJumpEventArgs args) =>
        _lines.Add(string.Create(CultureInfo.InvariantCulture, $"{"",6}  {args.To,-14:c}  {"(clock)",-14}  autojump from {args.From:c}"));

    /// <summary>Prints the timeline, indented.</summary>
    public void Print(TextWriter output, int maxLines = 40)
    {
        output.WriteLine($"    {"step",4}  {"time",-14}  {"task",-14}  event");
        foreach (string line in _lines.Take(maxLines))
        {
            output.WriteLine("    " + line);
        }

        if (_lines.Count > maxLines)
        {
            output.WriteLine($"    ... {_lines.Count - maxLines} more");
        }
    }

    /// <summary>Joins the lines into one string, to compare two runs.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (string line in _lines)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private static string Kind(CheckpointKind kind) => kind switch
    {
        CheckpointKind.Wait => "wait",
        CheckpointKind.Shielded => "yield",
        CheckpointKind.IfCancelled => "cancel point",
        _ => "checkpoint",
    };

    private void Add(long step, TimeSpan time, TrioTask task, string what) =>
        _lines.Add(string.Create(CultureInfo.InvariantCulture, $"{step,4}  {time,-14:c}  {task.Path,-14}  {what}"));
}
