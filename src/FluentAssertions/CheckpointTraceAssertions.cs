using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Collections;

namespace TrioTest.Testing;

/// <summary>FluentAssertions 7 assertions on a <see cref="CheckpointTrace"/>: the trace's own (they share the checks of the plain <c>Assert…</c> methods) plus every collection assertion on its events.</summary>
/// <example>
/// <code>
/// context.Trace.Should().HaveOrder("a:connect", "b:send")
///     .And.HaveCount("a:retry", 2, "the server refuses twice")
///     .And.HaveNoStepBetween("b", "a:debit", "a:credit");
/// </code>
/// </example>
public sealed class CheckpointTraceAssertions : GenericCollectionAssertions<CheckpointTrace, TraceEvent, CheckpointTraceAssertions>
{
    /// <summary>Initializes a new instance of the <see cref="CheckpointTraceAssertions"/> class.</summary>
    /// <param name="subject">The trace.</param>
    public CheckpointTraceAssertions(CheckpointTrace subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "trace";

    /// <summary>Asserts that <paramref name="point"/> occurs.</summary>
    /// <param name="point">The point, such as <c>"a:connect"</c>.</param>
    /// <param name="because">Why, in FluentAssertions' usual form.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A continuation for more assertions.</returns>
    public AndConstraint<CheckpointTraceAssertions> ContainPoint(string point, string because = "", params object[] becauseArgs) =>
        Check(Subject?.CheckContains(point), because, becauseArgs);

    /// <summary>Asserts that the first occurrences of <paramref name="points"/> come in the order given.</summary>
    /// <param name="points">Two or more points.</param>
    /// <returns>A continuation for more assertions.</returns>
    public AndConstraint<CheckpointTraceAssertions> HaveOrder(params string[] points) =>
        Check(Subject?.CheckOrder(points), string.Empty, []);

    /// <summary>Asserts that <paramref name="first"/> first occurs before <paramref name="second"/> does.</summary>
    /// <param name="first">The point that must come first.</param>
    /// <param name="second">The point that must come later.</param>
    /// <param name="because">Why, in FluentAssertions' usual form.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A continuation for more assertions.</returns>
    public AndConstraint<CheckpointTraceAssertions> HavePointBefore(string first, string second, string because = "", params object[] becauseArgs) =>
        Check(Subject?.CheckOrder([first, second]), because, becauseArgs);

    /// <summary>Asserts that <paramref name="point"/> occurs exactly <paramref name="expected"/> times.</summary>
    /// <param name="point">The point.</param>
    /// <param name="expected">The expected count.</param>
    /// <param name="because">Why, in FluentAssertions' usual form.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A continuation for more assertions.</returns>
    public AndConstraint<CheckpointTraceAssertions> HaveCount(string point, int expected, string because = "", params object[] becauseArgs) =>
        Check(Subject?.CheckCount(point, expected), because, becauseArgs);

    /// <summary>Asserts that no step of <paramref name="task"/> ran between the first <paramref name="from"/> and the next <paramref name="to"/>.</summary>
    /// <param name="task">The task that must not run in between.</param>
    /// <param name="from">The point that opens the section.</param>
    /// <param name="to">The point that closes it.</param>
    /// <param name="because">Why, in FluentAssertions' usual form.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>A continuation for more assertions.</returns>
    public AndConstraint<CheckpointTraceAssertions> HaveNoStepBetween(string task, string from, string to, string because = "", params object[] becauseArgs) =>
        Check(Subject?.CheckNoStepBetween(task, from, to), because, becauseArgs);

    /// <summary>Fails with the check's message, if it has one.</summary>
    private AndConstraint<CheckpointTraceAssertions> Check(string? failure, string because, object[] becauseArgs)
    {
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith("Expected a checkpoint trace{reason}, but found <null>.")
            .Then
            .ForCondition(failure is null)
            // FluentAssertions formats messages: braces in labels must not be read as placeholders.
            .FailWith("Trace assertion failed{reason}: " + failure?.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
        return new AndConstraint<CheckpointTraceAssertions>(this);
    }
}
