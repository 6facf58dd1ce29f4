// TEMPORARY stand-in for TrioTest.Testing's shared adapter support (AsyncTestSettings, TestAdapterSupport), which is
// landing on main. It has the same names and signatures, internal, built on today's TestSettings.Resolve/ToOptions and
// the xunit adapter's invoke code. Delete this file once main has src/Testing/Adapters/TestAdapterSupport.cs.
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace TrioTest.Testing;

/// <summary>The values a test attribute sets, in attribute units; a property not set falls back to the assembly's defaults, then TrioTest's.</summary>
internal sealed class AsyncTestSettings
{
    /// <summary>The values that were set, by name.</summary>
    private readonly AttributeSettings _values = new();

    /// <summary>Gets the values that were set, for the stand-in's resolution.</summary>
    internal AttributeSettings Values => _values;

    /// <summary>Gets or sets the seed or shrunk schedule to replay.</summary>
    public string? Seed { get => _values.Seed; set => _values.Seed = value; }

    /// <summary>Gets or sets the number of schedules.</summary>
    public int Iterations { get => _values.Iterations ?? 1; set => _values.Iterations = value; }

    /// <summary>Gets or sets the strategy.</summary>
    public ExplorationStrategy Strategy { get => _values.Strategy ?? ExplorationStrategy.Random; set => _values.Strategy = value; }

    /// <summary>Gets or sets the PCT depth.</summary>
    public int PctDepth { get => _values.PctDepth ?? 3; set => _values.PctDepth = value; }

    /// <summary>Gets or sets the autojump threshold, in milliseconds.</summary>
    public double AutojumpThreshold { get => _values.AutojumpThreshold ?? 0; set => _values.AutojumpThreshold = value; }

    /// <summary>Gets or sets the virtual-time limit, in milliseconds.</summary>
    public double VirtualTimeLimit { get => _values.VirtualTimeLimit ?? TimeSpan.FromDays(1).TotalMilliseconds; set => _values.VirtualTimeLimit = value; }

    /// <summary>Gets or sets the real-time watchdog, in milliseconds.</summary>
    public int Timeout { get => _values.Timeout ?? 0; set => _values.Timeout = value; }

    /// <summary>Gets or sets how long one step may hold the loop, in milliseconds.</summary>
    public int BlockedLoopTimeout { get => _values.BlockedLoopTimeout ?? 0; set => _values.BlockedLoopTimeout = value; }

    /// <summary>Gets or sets the step limit.</summary>
    public long StepLimit { get => _values.StepLimit ?? 0; set => _values.StepLimit = value; }

    /// <summary>Gets or sets the trace window.</summary>
    public int TraceWindow { get => _values.TraceWindow ?? 0; set => _values.TraceWindow = value; }

    /// <summary>Gets or sets strict escape handling.</summary>
    public bool Strict { get => _values.Strict ?? true; set => _values.Strict = value; }

    /// <summary>Gets or sets whether a failing schedule is shrunk.</summary>
    public bool Shrink { get => _values.Shrink ?? true; set => _values.Shrink = value; }

    /// <summary>Gets or sets whether failing seeds are recorded.</summary>
    public bool RecordRegressions { get => _values.RecordRegressions ?? true; set => _values.RecordRegressions = value; }

    /// <summary>Writes only the values that were set, as <c>Name=value</c> lines.</summary>
    /// <returns>The text.</returns>
    public string Serialize()
    {
        var lines = new List<string>();
        foreach (PropertyInfo property in typeof(AttributeSettings).GetProperties())
        {
            if (property.GetValue(_values) is { } value)
            {
                lines.Add($"{property.Name}={Convert.ToString(value is Enum ? (int)value : value, CultureInfo.InvariantCulture)}");
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>Reads what <see cref="Serialize"/> wrote.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The settings.</returns>
    public static AsyncTestSettings Deserialize(string text)
    {
        var settings = new AsyncTestSettings();
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            PropertyInfo property = typeof(AttributeSettings).GetProperty(line[..equals])!;
            Type type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            string value = line[(equals + 1)..];
            property.SetValue(settings._values, type.IsEnum ? Enum.ToObject(type, int.Parse(value, CultureInfo.InvariantCulture)) : Convert.ChangeType(value, type, CultureInfo.InvariantCulture));
        }

        return settings;
    }
}

/// <summary>What every adapter needs from Testing: method checks, options, invoking the method and the trace tail.</summary>
internal static class TestAdapterSupport
{
    /// <summary>Checks that a method can run; <see langword="null"/> when it can, else the sentence to fail the test with.</summary>
    public static string? CheckMethod(MethodInfo method, string attributeName, bool takesArguments, string dataAttributes)
    {
        string name = $"{method.DeclaringType?.Name}.{method.Name}";
        ParameterInfo[] parameters = method.GetParameters();
        int dataParameters = parameters.Length > 0 && parameters[^1].ParameterType == typeof(CancellationToken) ? parameters.Length - 1 : parameters.Length;
        if (!takesArguments && method.IsGenericMethodDefinition)
        {
            return $"[{attributeName}] method {name} is generic, and nothing says what its type arguments are: make it non-generic (call a generic helper from it), or pass {dataAttributes} that fix them.";
        }

        if (!takesArguments && dataParameters != 0)
        {
            return $"[{attributeName}] method {name} has parameters, but no data rows give their values: add {dataAttributes}, or remove the parameters.";
        }

        Type returns = method.ReturnType;
        if (IsAwaitable(returns))
        {
            return null;
        }

        return method.GetCustomAttribute<AsyncStateMachineAttribute>() is not null && returns == typeof(void)
            ? $"[{attributeName}] method {name} is 'async void': its failures would escape the test. Declare it 'async Task'."
            : $"[{attributeName}] method {name} returns {returns.Name}, but TrioTest runs async code: declare it 'async Task' (or 'Task'/'ValueTask').";
    }

    /// <summary>Resolves the assembly's defaults, then <paramref name="settings"/>, onto new options.</summary>
    /// <exception cref="TrioTestConfigurationException">A value is out of range.</exception>
    public static TrioTestOptions CreateOptions(MethodInfo method, AsyncTestSettings settings, string attributeName, string testName)
    {
        Assembly assembly = (method.ReflectedType ?? method.DeclaringType!).Assembly;
        AttributeSettings? defaults = assembly.GetCustomAttribute<AsyncTestDefaultsAttribute>()?.Settings;
        TestSettings resolved = TestSettings.Resolve(settings.Values, defaults, attributeName, out string? error)
            ?? throw new TrioTestConfigurationException(error!);
        string? regressionFile = resolved.RecordRegressions ? RegressionFile.FindDefaultPath(assembly) : null;
        TrioTestOptions options = resolved.ToOptions(testName, regressionFile, attributeName);
        options.TestAssembly = assembly;
        return options;
    }

    /// <summary>Calls the method and awaits what it returns; a trailing <see cref="CancellationToken"/> gets the loop's.</summary>
    public static async Task<object?> InvokeAsync(MethodInfo method, object? instance, object?[]? arguments)
    {
        ParameterInfo[] parameters = method.GetParameters();
        arguments ??= [];
        if (parameters.Length == arguments.Length + 1 && parameters[^1].ParameterType == typeof(CancellationToken))
        {
            arguments = [.. arguments, Trio.CancellationToken];
        }

        if (parameters.Length != arguments.Length)
        {
            string expected = string.Join(", ", parameters.Select(static p => $"{p.ParameterType.Name} {p.Name}"));
            string given = string.Join(", ", arguments.Select(static value => value?.ToString() ?? "null"));
            throw new InvalidOperationException(
                $"{method.DeclaringType?.Name}.{method.Name} takes {parameters.Length} parameter(s) ({expected}), but a data row gives {arguments.Length} value(s) ({given}): make every data row match the parameters.");
        }

        object? returned;
        try
        {
            returned = method.Invoke(method.IsStatic ? null : instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }

        Type returns = method.ReturnType;
        if (!IsAwaitable(returns))
        {
            return returned;
        }

        switch (returned)
        {
            case null:
                throw new InvalidOperationException($"{method.DeclaringType?.Name}.{method.Name} returned a null {returns.Name}: return the task of its async work.");
            case Task task:
                await task;
                return returns.IsGenericType ? returns.GetProperty(nameof(Task<int>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                var asTask = (Task)returns.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                await asTask;
                return typeof(Task<>).MakeGenericType(returns.GetGenericArguments()).GetProperty(nameof(Task<int>.Result))!.GetValue(asTask);
        }
    }

    /// <summary>The last <paramref name="events"/> trace events of a failed result, as text for the test output.</summary>
    public static string FormatTraceTail(TrioTestResult result, int events)
    {
        if (result.Trace.Count == 0)
        {
            return string.Empty;
        }

        int shown = Math.Min(events, result.Trace.Count);
        return $"TrioTest trace of seed {TrioSeed.Format(result.Seed)}, last {shown} of {result.Trace.Count} events:{Environment.NewLine}"
            + CheckpointTrace.FormatTable(result.Trace.Tail(events), "  ").ReplaceLineEndings();
    }

    /// <summary>Gets a value indicating whether <paramref name="type"/> is a Task or a ValueTask, with or without a result.</summary>
    private static bool IsAwaitable(Type type) => typeof(Task).IsAssignableFrom(type) || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>));
}
