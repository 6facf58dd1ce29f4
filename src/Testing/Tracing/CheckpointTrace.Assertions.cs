using System.Text;

namespace TrioTest.Testing;

/// <summary>Assertions on the order and count of points. Each has a <c>Check…</c> form returning the failure message, which the FluentAssertions extensions share.</summary>
public sealed partial class CheckpointTrace
{
    /// <summary>How many events around a relevant one a failure message quotes.</summary>
    private const int ExcerptRadius = 4;

    /// <summary>Asserts that <paramref name="point"/> occurs.</summary>
    /// <param name="point">The point, such as <c>"a:connect"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="point"/> is empty or has an empty label.</exception>
    /// <exception cref="TraceAssertionException">The point does not occur.</exception>
    public void AssertContains(string point) => ThrowIfFailed(CheckContains(point));

    /// <summary>Asserts that <paramref name="first"/> first occurs before <paramref name="second"/> first occurs ("a reached X before b reached Y").</summary>
    /// <param name="first">The point that must come first.</param>
    /// <param name="second">The point that must come later.</param>
    /// <exception cref="ArgumentException">A point is empty or has an empty label.</exception>
    /// <exception cref="TraceAssertionException">A point is missing, or <paramref name="second"/> came first.</exception>
    public void AssertBefore(string first, string second) => ThrowIfFailed(CheckOrder([first, second]));

    /// <summary>Asserts that the first occurrences of <paramref name="points"/> come in the order given.</summary>
    /// <param name="points">Two or more points.</param>
    /// <exception cref="ArgumentException">Fewer than two points, or a point is empty or has an empty label.</exception>
    /// <exception cref="TraceAssertionException">A point is missing or out of order.</exception>
    public void AssertOrder(params string[] points) => ThrowIfFailed(CheckOrder(points));

    /// <summary>Asserts that <paramref name="point"/> occurs exactly <paramref name="expected"/> times.</summary>
    /// <param name="point">The point.</param>
    /// <param name="expected">The expected count; zero or more.</param>
    /// <exception cref="ArgumentException"><paramref name="point"/> is empty or has an empty label.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expected"/> is negative.</exception>
    /// <exception cref="TraceAssertionException">The count differs.</exception>
    public void AssertCount(string point, int expected) => ThrowIfFailed(CheckCount(point, expected));

    /// <summary>
    /// Asserts that no step of <paramref name="task"/> ran between the first <paramref name="from"/> and the next
    /// <paramref name="to"/> after it: the section between them was atomic with respect to that task.
    /// </summary>
    /// <param name="task">The task that must not run in between (name, path or path suffix).</param>
    /// <param name="from">The point that opens the section, such as <c>"a:debit"</c>.</param>
    /// <param name="to">The point that closes it, such as <c>"a:credit"</c>.</param>
    /// <exception cref="ArgumentException">An argument is empty, or a point has an empty label.</exception>
    /// <exception cref="TraceAssertionException">A point is missing, or <paramref name="task"/> ran in between.</exception>
    public void AssertNoStepBetween(string task, string from, string to) => ThrowIfFailed(CheckNoStepBetween(task, from, to));

    /// <summary>Checks <see cref="AssertContains"/>.</summary>
    /// <param name="point">The point.</param>
    /// <returns>The failure message, or <see langword="null"/> when the trace satisfies it.</returns>
    /// <exception cref="ArgumentException"><paramref name="point"/> is empty or has an empty label.</exception>
    public string? CheckContains(string point)
    {
        TracePoint p = TracePoint.Parse(point, nameof(point));
        return IndexOf(p) >= 0 ? null : Missing(p);
    }

    /// <summary>Checks <see cref="AssertOrder"/>.</summary>
    /// <param name="points">Two or more points.</param>
    /// <returns>The failure message, or <see langword="null"/> when the trace satisfies it.</returns>
    /// <exception cref="ArgumentException">Fewer than two points, or a point is empty or has an empty label.</exception>
    public string? CheckOrder(IReadOnlyList<string> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count < 2)
        {
            throw new ArgumentException("An order needs at least two points, such as (\"a:connect\", \"b:send\").", nameof(points));
        }

        TracePoint previous = TracePoint.Parse(points[0], nameof(points));
        int previousIndex = IndexOf(previous);
        if (previousIndex < 0)
        {
            return Missing(previous);
        }

        for (int i = 1; i < points.Count; i++)
        {
            TracePoint next = TracePoint.Parse(points[i], nameof(points));
            int index = IndexOf(next);
            if (index < 0)
            {
                return Missing(next);
            }

            if (index < previousIndex)
            {
                return $"Expected \"{previous}\" before \"{next}\", but \"{next}\" came first (event {index}, step {_events[index].Step}) and \"{previous}\" only at event {previousIndex} (step {_events[previousIndex].Step}):\n"
                    + Excerpt(index, previousIndex);
            }

            (previous, previousIndex) = (next, index);
        }

        return null;
    }

    /// <summary>Checks <see cref="AssertCount"/>.</summary>
    /// <param name="point">The point.</param>
    /// <param name="expected">The expected count.</param>
    /// <returns>The failure message, or <see langword="null"/> when the trace satisfies it.</returns>
    /// <exception cref="ArgumentException"><paramref name="point"/> is empty or has an empty label.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expected"/> is negative.</exception>
    public string? CheckCount(string point, int expected)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expected);
        TracePoint p = TracePoint.Parse(point, nameof(point));
        int count = 0;
        for (int i = IndexOf(p); i >= 0; i = IndexOf(p, i + 1))
        {
            count++;
        }

        return count == expected ? null : $"Expected \"{p}\" {Times(expected)} in the trace, but it occurs {Times(count)}.{DroppedNote()}";
    }

    /// <summary>Checks <see cref="AssertNoStepBetween"/>.</summary>
    /// <param name="task">The task that must not run in between.</param>
    /// <param name="from">The point that opens the section.</param>
    /// <param name="to">The point that closes it.</param>
    /// <returns>The failure message, or <see langword="null"/> when the trace satisfies it.</returns>
    /// <exception cref="ArgumentException">An argument is empty, or a point has an empty label.</exception>
    public string? CheckNoStepBetween(string task, string from, string to)
    {
        ArgumentException.ThrowIfNullOrEmpty(task);
        TracePoint start = TracePoint.Parse(from, nameof(from));
        TracePoint end = TracePoint.Parse(to, nameof(to));
        int startIndex = IndexOf(start);
        if (startIndex < 0)
        {
            return Missing(start);
        }

        int endIndex = IndexOf(end, startIndex + 1);
        if (endIndex < 0)
        {
            return $"Expected \"{end}\" after \"{start}\" (event {startIndex}), but it does not occur after it.";
        }

        for (int i = startIndex + 1; i < endIndex; i++)
        {
            TraceEvent e = _events[i];
            if (e.Kind == TraceEventKind.Step && TracePoint.IsTask(e.Task, e.TaskName, task))
            {
                return $"Expected no step of {task} between \"{start}\" (event {startIndex}) and \"{end}\" (event {endIndex}), but {e.Task} ran at step {e.Step} (event {i}):\n"
                    + Excerpt(startIndex, endIndex);
            }
        }

        return null;
    }

    /// <summary>Throws the failure of a check, if any.</summary>
    private static void ThrowIfFailed(string? failure)
    {
        if (failure is not null)
        {
            throw new TraceAssertionException(failure);
        }
    }

    /// <summary>Formats "once", "twice", "n times".</summary>
    private static string Times(int count) => count switch
    {
        0 => "no times",
        1 => "once",
        2 => "twice",
        _ => $"{count} times",
    };

    /// <summary>The message for a point that never occurs, listing the points that do so the typo shows.</summary>
    private string Missing(in TracePoint point)
    {
        string[] known = [.. GetPoints().Distinct(StringComparer.Ordinal).Take(20)];
        string list = known.Length == 0 ? "the trace has no labelled points (label them with Trio.CheckpointAsync(\"label\") or Trio.Note(\"label\"))" : "points in the trace: " + string.Join(", ", known);
        return $"Expected \"{point}\" in the trace, but it does not occur; {list}.{DroppedNote()}";
    }

    /// <summary>Says that the trace lacks a run's first events, when it does: an assertion about them cannot hold.</summary>
    private string DroppedNote() => DroppedCount == 0 ? string.Empty
        : $" The trace holds only the run's last {_events.Length} events: {DroppedCount} earlier ones were dropped (raise TrioTestOptions.TraceWindow to keep more).";

    /// <summary>Quotes the events from a little before <paramref name="first"/> to a little after <paramref name="last"/>, eliding a long middle.</summary>
    private string Excerpt(int first, int last)
    {
        (first, last) = (Math.Min(first, last), Math.Max(first, last));
        int from = Math.Max(0, first - ExcerptRadius);
        int to = Math.Min(_events.Length - 1, last + ExcerptRadius);
        var text = new StringBuilder();
        if (to - from > 4 * ExcerptRadius)
        {
            text.Append(FormatTable(_events[from..(first + ExcerptRadius + 1)], "  "));
            text.Append("  ...\n");
            text.Append(FormatTable(_events[(last - ExcerptRadius)..(to + 1)], "  "));
        }
        else
        {
            text.Append(FormatTable(_events[from..(to + 1)], "  "));
        }

        return text.ToString();
    }
}
