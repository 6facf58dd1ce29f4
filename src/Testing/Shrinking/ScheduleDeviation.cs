using System.Globalization;

namespace TrioTest.Testing;

/// <summary>
/// One place where a schedule departs from FIFO order: before step <see cref="Step"/> ran, the scheduler picked the ready
/// step at <see cref="Index"/> (0 is the one that became ready first, the FIFO choice) instead of the first.
/// </summary>
/// <remarks>
/// <see cref="Step"/> counts the steps run before, as the trace's step column does, so <c>step 13</c> here is the step the
/// trace shows at 13. In a batch schedule (<c>fifo+…</c>) the index counts the steps left in the current batch; in a
/// one-step-at-a-time schedule (<c>fifo-steps+…</c>) it counts every ready step, and the task picked keeps running while it
/// has a ready step (until the next deviation), so there the FIFO choice it is compared with is that task's step, or the oldest.
/// </remarks>
/// <param name="Step">The number of steps run before the deviation.</param>
/// <param name="Index">The index of the ready step picked, in the order the ready steps became ready: at least 1 in a batch schedule; 0 or more one step at a time.</param>
/// <param name="Task">The path of the task picked, such as <c>main/bob</c>; <see langword="null"/> when not known (a parsed schedule not yet run).</param>
/// <param name="InsteadOf">The path of the task FIFO order would have run, such as <c>main/alice</c>; <see langword="null"/> when not known.</param>
public readonly record struct ScheduleDeviation(long Step, int Index, string? Task = null, string? InsteadOf = null)
{
    /// <summary>Gets the deviation as the report prints it.</summary>
    /// <returns>Such as <c>step 14: ran main/bob before main/alice</c>, or <c>step 14: ran ready step 2 instead of the first</c> when the tasks are not known.</returns>
    public override string ToString() => Task is not null && InsteadOf is not null
        ? $"step {Step.ToString(CultureInfo.InvariantCulture)}: ran {Task} before {InsteadOf}"
        : $"step {Step.ToString(CultureInfo.InvariantCulture)}: ran ready step {Index.ToString(CultureInfo.InvariantCulture)} instead of the first";
}
