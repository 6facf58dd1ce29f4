using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace TrioTest.Benchmarks.Report;

/// <summary>
/// The goals' ratios measured interleaved: in one process, the subject and its baseline take turns, round after round, and
/// each round gives one ratio. BenchmarkDotNet measures each case in a process of its own, minutes apart, so a change of
/// load on a shared machine between the two moves its ratio; here it moves both sides of a round alike. The verdicts stay
/// BenchmarkDotNet's (the goals table); this table tells a miss that is the machine from one that is the code.
/// </summary>
internal static class InterleavedRatios
{
    /// <summary>A side whose one operation takes longer than this is not interleaved (Coyote's 1,000 iterations take seconds).</summary>
    private static readonly TimeSpan s_slowestOperation = TimeSpan.FromSeconds(1);

    /// <summary>How long each side runs before the rounds, so the runtime has compiled its hot code at the last tier.</summary>
    private static readonly TimeSpan s_warmUp = TimeSpan.FromSeconds(1);

    /// <summary>Measures every ratio goal of <see cref="Goals.All"/> and writes the table.</summary>
    /// <param name="output">Where the table goes.</param>
    /// <param name="rounds">How many rounds per goal; odd, so the median is one of them.</param>
    /// <param name="perSide">How long each side runs in a round (at least one operation).</param>
    public static void Write(TextWriter output, int rounds, TimeSpan perSide)
    {
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Header, rounds));
        output.WriteLine("|---|---:|---:|---|---|");
        foreach (Goal goal in Goals.All.Where(static g => g.Kind != GoalKind.AllocationAtMost))
        {
            string row;
            try
            {
                row = Measure(goal, rounds, perSide);
            }
            catch (Exception e) when (e is InvalidOperationException or TargetInvocationException)
            {
                row = NotInterleaved((e.InnerException ?? e).Message.ReplaceLineEndings(" "));
            }

            output.WriteLine($"| {goal.Title} | {Goal.Format(goal.Bound)}x | {row} |");
        }

        WriteTimerParts(output, rounds, perSide);
    }

    /// <summary>The header of the timers goal's table, part by part; a row has as many cells.</summary>
    internal const string TimerPartsHeader = "| Part (10^4 tasks) | FakeTimeProvider's time over the part's, median of {0} rounds | Quartiles | At least {1}x |";

    /// <summary>
    /// Writes the timers goal taken apart: FakeTimeProvider on the goal's deadlines against the same tasks doing less and less
    /// of the timers' work (<see cref="TimerBenchmarks.Parts"/>), each interleaved with it as a goal's two sides are. The
    /// "why not met" column reads this table.
    /// </summary>
    private static void WriteTimerParts(TextWriter output, int rounds, TimeSpan perSide)
    {
        Goal goal = Goals.All.Single(static g => g.Type == nameof(TimerBenchmarks));
        var benchmark = new TimerBenchmarks { Timers = 10_000 };
        benchmark.Setup();
        output.WriteLine();
        output.WriteLine("The timers goal, part by part: the same tasks and closures with less and less of the timers' work, each against");
        output.WriteLine("FakeTimeProvider on the goal's own deadlines. The first row has no timer at all, so it is the most that any change");
        output.WriteLine("to the timers alone could reach; the rows below it add the heap, the clock's jumps and, last, the random order.");
        output.WriteLine();
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, TimerPartsHeader, rounds, Goal.Format(goal.Bound)));
        output.WriteLine("|---|---:|---:|---|");

        // Each part against a FakeTimeProvider run of its own in every round, as a goal's two sides: with five sides taking
        // turns instead, one baseline run a round, a change of load within a round moved the same case by a fifth.
        Side baseline = Side.Create(benchmark, Find(typeof(TimerBenchmarks), goal.Baseline));
        foreach ((string part, Action run) in TimerBenchmarks.Parts(TimerBenchmarks.Deadlines(benchmark.Timers)))
        {
            output.WriteLine($"| {part} | {MeasureBound(goal, Side.Of(part, run), baseline, rounds, perSide)} |");
        }
    }

    /// <summary>The header of the table; a row has as many cells.</summary>
    internal const string Header = "| Goal | Bound | Median of {0} rounds | Quartiles | Within the bound |";

    /// <summary>The cells after a goal's title and bound when it was not measured: the reason, then empty cells.</summary>
    internal static string NotInterleaved(string reason) => $"not interleaved: {reason} | |";

    /// <summary>Measures one goal: the cells after its title and bound.</summary>
    private static string Measure(Goal goal, int rounds, TimeSpan perSide)
    {
        (object instance, MethodInfo subjectMethod, MethodInfo baselineMethod) = Bind(goal);
        try
        {
            return MeasureBound(goal, Side.Create(instance, subjectMethod), Side.Create(instance, baselineMethod), rounds, perSide);
        }
        finally
        {
            // Also after a failed or skipped goal: the adapter benchmarks' clean-up disposes the runner they loaded.
            CallMarked<GlobalCleanupAttribute>(instance, target: null);
        }
    }

    /// <summary>Measures one goal whose sides are set up: the cells after its title and bound.</summary>
    private static string MeasureBound(Goal goal, Side subject, Side baseline, int rounds, TimeSpan perSide)
    {
        if (TooSlow(baseline, subject) is { } reason)
        {
            return NotInterleaved(reason);
        }

        double[][] times = TakeTurns([baseline, subject], rounds, perSide);
        return Cells(goal, times[0], times[1]);
    }

    /// <summary>The cells of a measured row: the median ratio of the rounds, its quartiles, and whether it is within the bound.</summary>
    private static string Cells(Goal goal, double[] baselineTimes, double[] subjectTimes)
    {
        double[] ratios = [.. baselineTimes.Zip(subjectTimes, (b, s) => goal.Kind == GoalKind.TimeRatioAtMost ? s / b : b / s)];
        (double median, double lower, double upper) = Summarize(ratios);
        bool within = goal.Kind == GoalKind.TimeRatioAtMost ? median <= goal.Bound : median >= goal.Bound;
        return $"{Goal.Format(median)}x | {Goal.Format(lower)}x to {Goal.Format(upper)}x | {(within ? "yes" : "**no**")}";
    }

    /// <summary>Gets why the sides cannot be interleaved (one operation takes too long), or <see langword="null"/>; warms up each side that can.</summary>
    private static string? TooSlow(params Side[] sides)
    {
        foreach (Side side in sides)
        {
            if (side.TimeOne() > s_slowestOperation)
            {
                return $"one operation of {side.Name} takes more than {s_slowestOperation.TotalSeconds:0} s";
            }

            side.Measure(s_warmUp);
        }

        return null;
    }

    /// <summary>Measures every side in each round, the first side of a round moving by one each round.</summary>
    /// <returns>The time per operation of each side (in the order given) in each round.</returns>
    private static double[][] TakeTurns(Side[] sides, int rounds, TimeSpan perSide)
    {
        double[][] times = [.. sides.Select(_ => new double[rounds])];
        for (int round = 0; round < rounds; round++)
        {
            // Rotate who goes first, so no side is always the one that runs right after another.
            for (int turn = 0; turn < sides.Length; turn++)
            {
                int side = (round + turn) % sides.Length;
                times[side][round] = sides[side].Measure(perSide);
            }
        }

        return times;
    }

    /// <summary>Creates the goal's benchmark class with its parameters and finds its two methods; runs nothing.</summary>
    /// <exception cref="InvalidOperationException">The goal names a class, parameter or method that does not exist.</exception>
    internal static (object Instance, MethodInfo Subject, MethodInfo Baseline) Bind(Goal goal)
    {
        Type type = typeof(InterleavedRatios).Assembly.GetTypes().SingleOrDefault(t => t.Name == goal.Type && !t.IsNested)
            ?? throw new InvalidOperationException($"no benchmark class {goal.Type}");
        object instance = Activator.CreateInstance(type)!;
        SetParameters(instance, goal.Parameters);
        return (instance, Find(type, goal.Subject), Find(type, goal.Baseline));
    }

    /// <summary>Finds a public parameterless benchmark method.</summary>
    private static MethodInfo Find(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is { } method && method.IsDefined(typeof(BenchmarkAttribute))
            ? method
            : throw new InvalidOperationException($"{type.Name} has no benchmark method {name}");

    /// <summary>Gets the median and the lower and upper quartiles of <paramref name="values"/> (nearest rank).</summary>
    /// <param name="values">The per-round ratios; at least one.</param>
    /// <returns>The median and the quartiles.</returns>
    internal static (double Median, double Lower, double Upper) Summarize(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("At least one value is needed.", nameof(values));
        }

        double[] sorted = [.. values.Order()];
        return (Rank(sorted, 0.5), Rank(sorted, 0.25), Rank(sorted, 0.75));
    }

    /// <summary>Gets the value at fraction <paramref name="p"/> of <paramref name="sorted"/> by nearest rank.</summary>
    private static double Rank(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Sets the benchmark's parameters from BenchmarkDotNet's form, <c>Tasks=10</c> or <c>Body=trivial 2 tasks</c>.</summary>
    private static void SetParameters(object instance, string parameters)
    {
        if (parameters.Length == 0)
        {
            return;
        }

        foreach (string assignment in parameters.Split('&'))
        {
            string[] parts = assignment.Split('=', 2);
            PropertyInfo property = instance.GetType().GetProperty(parts[0])
                ?? throw new InvalidOperationException($"{instance.GetType().Name} has no parameter {parts[0]}");
            object value = property.PropertyType.IsEnum
                ? Enum.Parse(property.PropertyType, parts[1])
                : Convert.ChangeType(parts[1], property.PropertyType, CultureInfo.InvariantCulture);
            property.SetValue(instance, value);
        }
    }

    /// <summary>Calls the instance's methods marked <typeparamref name="TAttribute"/> that apply to <paramref name="target"/>.</summary>
    private static void CallMarked<TAttribute>(object instance, string? target)
        where TAttribute : TargetedAttribute
    {
        foreach (MethodInfo method in instance.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance).OrderBy(static m => m.Name, StringComparer.Ordinal))
        {
            if (method.GetCustomAttribute<TAttribute>() is { } marked
                && (marked.Targets is not { Length: > 0 } targets || (target is not null && targets.Contains(target))))
            {
                method.Invoke(instance, null);
            }
        }
    }

    /// <summary>One side of a goal: a benchmark method bound to its instance, and how many operations one call is.</summary>
    private sealed class Side
    {
        private readonly Action _call;

        private readonly int _operationsPerCall;

        private Side(string name, Action call, int operationsPerCall)
        {
            Name = name;
            _call = call;
            _operationsPerCall = operationsPerCall;
        }

        /// <summary>Wraps <paramref name="call"/>, one operation a call, as a side named <paramref name="name"/>.</summary>
        public static Side Of(string name, Action call) => new(name, call, operationsPerCall: 1);

        /// <summary>Gets the method's name.</summary>
        public string Name { get; }

        /// <summary>Binds <paramref name="method"/> to <paramref name="instance"/>, after running the global set-ups it needs.</summary>
        public static Side Create(object instance, MethodInfo method)
        {
            CallMarked<GlobalSetupAttribute>(instance, method.Name);

            // A compiled call, not MethodInfo.Invoke: the reflection's own cost would be timed with a short method.
            Action call = Expression.Lambda<Action>(Expression.Call(Expression.Constant(instance), method)).Compile();
            int operations = method.GetCustomAttribute<BenchmarkAttribute>()?.OperationsPerInvoke ?? 1;
            return new Side(method.Name, call, operations);
        }

        /// <summary>Times one call.</summary>
        public TimeSpan TimeOne()
        {
            long start = TimeProvider.System.GetTimestamp();
            _call();
            return TimeProvider.System.GetElapsedTime(start);
        }

        /// <summary>Calls the method for about <paramref name="duration"/> (at least once).</summary>
        /// <returns>The time per operation, in nanoseconds.</returns>
        public double Measure(TimeSpan duration)
        {
            // As BenchmarkDotNet does before each iteration: the garbage the other side left is not this side's to collect.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            long start = TimeProvider.System.GetTimestamp();
            long end = start + (long)(duration.TotalSeconds * TimeProvider.System.TimestampFrequency);
            long calls = 0;
            do
            {
                _call();
                calls++;
            }
            while (TimeProvider.System.GetTimestamp() < end);

            return TimeProvider.System.GetElapsedTime(start).TotalNanoseconds / (calls * (double)_operationsPerCall);
        }
    }
}
