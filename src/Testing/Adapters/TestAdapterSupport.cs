using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace TrioTest.Testing;

/// <summary>
/// What every test framework adapter does the same way: checking a test method's shape, building its options from its
/// attribute and the assembly's defaults, calling it and awaiting what it returns, and printing the trace on failure.
/// The xunit, NUnit, MSTest and TUnit adapters keep only their framework's glue; an adapter for another framework
/// starts here.
/// </summary>
/// <example>
/// <code>
/// // The heart of an adapter: build the options, run every schedule on the loop, fail with the report.
/// TrioTestOptions options = TestAdapterSupport.CreateOptions(method, attribute.Settings, "AsyncTest", testName);
/// TrioTestResult result = await TrioTestRunner.RunAsync(
///     _ => TestAdapterSupport.InvokeAsync(method, Activator.CreateInstance(method.DeclaringType!), arguments), options);
/// result.ThrowIfFailed();
/// </code>
/// </example>
public static class TestAdapterSupport
{
    /// <summary>Checks that a test method is one TrioTest can run: it returns an awaitable, and takes no arguments unless its framework passes some.</summary>
    /// <param name="method">The test method.</param>
    /// <param name="attributeName">The attribute's name, for messages, such as <c>AsyncTest</c>.</param>
    /// <param name="takesArguments">Whether the attribute passes arguments (a theory, a data-driven test).</param>
    /// <param name="dataAttributes">How the framework passes arguments, for messages, such as <c>[AsyncTheory] with [InlineData] or [MemberData] rows</c>.</param>
    /// <param name="plainAttribute">The framework's attribute for synchronous tests, such as <c>[Fact]</c>, for messages; <see langword="null"/> for none.</param>
    /// <returns><see langword="null"/> when the method can run; otherwise the sentence to fail the test with, which says what to change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> is null.</exception>
    public static string? CheckMethod(MethodInfo method, string attributeName, bool takesArguments, string dataAttributes, string? plainAttribute = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        string name = $"{method.DeclaringType?.Name}.{method.Name}";
        if (!takesArguments && method.IsGenericMethodDefinition)
        {
            return $"[{attributeName}] method {name} is generic, and nothing says what its type arguments are: make it non-generic (call a generic helper from it), or use {dataAttributes} that fix them.";
        }

        if (!takesArguments && DataParameterCount(method) != 0)
        {
            return $"[{attributeName}] method {name} has parameters, but [{attributeName}] passes no arguments: use {dataAttributes}, or remove the parameters.";
        }

        if (IsAwaitable(method.ReturnType))
        {
            return null;
        }

        string synchronous = plainAttribute is null ? "" : $", or use {plainAttribute} for synchronous tests";
        return method.ReturnType == typeof(void) && method.GetCustomAttribute<AsyncStateMachineAttribute>() is not null
            ? $"[{attributeName}] method {name} is 'async void': its failures would escape the test. Declare it 'async Task'."
            : $"[{attributeName}] method {name} returns {method.ReturnType.Name}, but TrioTest runs async code: declare it 'async Task' (or 'Task'/'ValueTask'){synchronous}.";
    }

    /// <summary>
    /// Builds a test's options: TrioTest's defaults, then the values set on the assembly's <see cref="AsyncTestDefaultsAttribute"/>,
    /// then those set on the test's attribute; the regression file beside the test project, the timeline folder
    /// (<c>TRIOTEST_TIMELINES</c>, else <c>triotest-timelines</c> beside the test assembly), the test's name and the
    /// attribute that the report's replay line names.
    /// </summary>
    /// <param name="method">The test method; its assembly holds the defaults and locates the regression file.</param>
    /// <param name="settings">The values set on the test's attribute.</param>
    /// <param name="attributeName">The attribute's name, for messages and the replay line, such as <c>AsyncTest</c>.</param>
    /// <param name="testName">The test's full name, arguments included: the report's title and the regression file's key.</param>
    /// <returns>The options.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="TrioTestConfigurationException">A value is not allowed; the message names the attribute, the value and what is allowed.</exception>
    public static TrioTestOptions CreateOptions(MethodInfo method, AsyncTestSettings settings, string attributeName, string testName)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(testName);
        Assembly assembly = (method.ReflectedType ?? method.DeclaringType)?.Assembly ?? method.Module.Assembly;
        var options = new TrioTestOptions
        {
            TestName = testName,
            TestAssembly = assembly,
            RegressionFilePath = RegressionFile.FindDefaultPath(assembly),
            ReplayAttribute = attributeName,
            TimelineDirectory = Environment.GetEnvironmentVariable("TRIOTEST_TIMELINES") is { Length: > 0 } timelines
                ? timelines
                : Path.Combine(AppContext.BaseDirectory, "triotest-timelines"),
        };
        settings.Over(AssemblyDefaults(assembly)).ApplyTo(options, attributeName);
        return options;
    }

    /// <summary>
    /// The <see cref="AsyncTestDefaultsAttribute"/> settings of each test assembly, read once: reading an assembly's
    /// attributes cost most of a test's options, which every test builds (NUnit's twice). An assembly's attributes never
    /// change, and the table lets a collectible assembly go.
    /// </summary>
    private static readonly ConditionalWeakTable<Assembly, StrongBox<AsyncTestSettings?>> s_assemblyDefaults = new();

    /// <summary>Gets the settings of <paramref name="assembly"/>'s <see cref="AsyncTestDefaultsAttribute"/>, or <see langword="null"/> without one.</summary>
    private static AsyncTestSettings? AssemblyDefaults(Assembly assembly) => s_assemblyDefaults.GetValue(
        assembly,
        static a => new StrongBox<AsyncTestSettings?>(a.GetCustomAttribute<AsyncTestDefaultsAttribute>()?.Settings)).Value;

    /// <summary>
    /// Gets a test's name as TrioTest knows it in every framework: the report's title, and the key of its seeds in the
    /// regression file. A data row's values follow in parentheses (<c>My.Tests.Transfer(10, "eur")</c>), formatted the same
    /// way whatever the framework's own display name looks like, so one test has one name, one exploration and one set of
    /// recorded seeds under every adapter.
    /// </summary>
    /// <param name="testClass">The test class (the one the framework runs, which may derive from the method's declaring class).</param>
    /// <param name="method">The test method.</param>
    /// <param name="arguments">The data row's values, or <see langword="null"/> for none.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="testClass"/> or <paramref name="method"/> is null.</exception>
    public static string TestName(Type testClass, MethodInfo method, object?[]? arguments)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        ArgumentNullException.ThrowIfNull(method);
        string name = $"{testClass.FullName}.{method.Name}";
        if (method.IsGenericMethod && !method.IsGenericMethodDefinition)
        {
            name += $"<{string.Join(", ", method.GetGenericArguments().Select(static type => type.Name))}>";
        }

        return arguments is { Length: > 0 } ? $"{name}({string.Join(", ", arguments.Select(FormatArgument))})" : name;
    }

    /// <summary>
    /// Calls a test method (or a set-up or tear-down method) and awaits what it returns: a <c>Task</c>, <c>ValueTask</c>,
    /// <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>. A trailing <see cref="CancellationToken"/> parameter the arguments
    /// leave out gets the loop's <see cref="Trio.CancellationToken"/>; the method's own exception is rethrown with its stack.
    /// Call it on the loop, from the body given to <see cref="TrioTestRunner"/>.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="instance">The test class's instance; ignored for a static method.</param>
    /// <param name="arguments">The data row's values, or <see langword="null"/> for none.</param>
    /// <returns>The awaited result of a <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>, a synchronous method's return value, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The data row does not match the parameters, or an async method returned a null task.</exception>
    public static async Task<object?> InvokeAsync(MethodInfo method, object? instance, object?[]? arguments)
    {
        ArgumentNullException.ThrowIfNull(method);
        object?[]? given = WithCancellationToken(method, arguments);
        object? returned;
        try
        {
            returned = method.Invoke(method.IsStatic ? null : instance, given);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
        catch (Exception e) when (e is TargetParameterCountException or ArgumentException)
        {
            throw ArityMismatch(method, arguments, e);
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

                // The declared Task<T>, not the runtime type (an async state machine box), names the Result to read.
                return returns.IsGenericType ? returns.GetProperty(nameof(Task<int>.Result))!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                // ValueTask<T>, boxed: its AsTask gives a Task<T> to await and read.
                var asTask = (Task)returns.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                await asTask;
                return typeof(Task<>).MakeGenericType(returns.GetGenericArguments()).GetProperty(nameof(Task<int>.Result))!.GetValue(asTask);
        }
    }

    /// <summary>Creates a test class's instance, rethrowing its constructor's own exception with its stack instead of reflection's wrapper.</summary>
    /// <param name="testClass">The test class.</param>
    /// <param name="arguments">The constructor's arguments (fixtures, an output helper), or <see langword="null"/> for none.</param>
    /// <returns>The instance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="testClass"/> is null.</exception>
    public static object CreateInstance(Type testClass, object?[]? arguments)
    {
        ArgumentNullException.ThrowIfNull(testClass);
        try
        {
            return Activator.CreateInstance(testClass, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    /// <summary>Disposes a test class's instance: <see cref="IAsyncDisposable.DisposeAsync"/> if it has one, else <see cref="IDisposable.Dispose"/>, else nothing.</summary>
    /// <param name="instance">The instance, or <see langword="null"/> (a static test).</param>
    /// <returns>A task that completes when the instance is disposed.</returns>
    public static async Task DisposeAsync(object? instance)
    {
        if (instance is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (instance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    /// <summary>Formats the end of a failed result's trace for a test's output, where there is room for more of it than the report shows.</summary>
    /// <param name="result">The result.</param>
    /// <param name="events">How many of the last events to show.</param>
    /// <returns>A heading and a table of the events; empty when the result has no trace.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string FormatTraceTail(TrioTestResult result, int events)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Trace.Count == 0 || events <= 0)
        {
            return "";
        }

        int shown = Math.Min(events, result.Trace.Count);
        return $"TrioTest trace of seed {result.Seed}, last {shown} of {result.Trace.Count} events:{Environment.NewLine}"
            + CheckpointTrace.FormatTable(result.Trace.Tail(events), "  ").ReplaceLineEndings();
    }

    /// <summary>Formats a data row's value for a test's name: the same text in every framework and culture.</summary>
    private static string FormatArgument(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        char character => $"'{character}'",
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? value.GetType().Name,
    };

    /// <summary>Gets a value indicating whether <paramref name="type"/> is an awaitable TrioTest drives: a Task or a ValueTask, with or without a result.</summary>
    internal static bool IsAwaitable(Type type) => typeof(Task).IsAssignableFrom(type) || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>));

    /// <summary>Gets how many parameters take data: all but a trailing <see cref="CancellationToken"/>.</summary>
    internal static int DataParameterCount(MethodInfo method)
    {
        ParameterInfo[] parameters = method.GetParameters();
        return parameters.Length > 0 && parameters[^1].ParameterType == typeof(CancellationToken) ? parameters.Length - 1 : parameters.Length;
    }

    /// <summary>Appends the loop's token when the method ends with a <see cref="CancellationToken"/> the row leaves out.</summary>
    private static object?[]? WithCancellationToken(MethodInfo method, object?[]? arguments)
    {
        int count = arguments?.Length ?? 0;
        ParameterInfo[] parameters = method.GetParameters();
        if (parameters.Length != count + 1 || parameters[^1].ParameterType != typeof(CancellationToken))
        {
            return arguments;
        }

        object?[] filled = new object?[count + 1];
        arguments?.CopyTo(filled, 0);
        filled[count] = Trio.CancellationToken;
        return filled;
    }

    /// <summary>The error for a data row that does not match the method's parameters, instead of reflection's bare "Parameter count mismatch."</summary>
    private static InvalidOperationException ArityMismatch(MethodInfo method, object?[]? arguments, Exception inner)
    {
        ParameterInfo[] parameters = method.GetParameters();
        object?[] row = arguments ?? [];
        string expected = string.Join(", ", parameters.Select(static p => $"{p.ParameterType.Name} {p.Name}"));
        string given = string.Join(", ", row.Select(static value => value is null ? "null" : $"{value} ({value.GetType().Name})"));
        return new InvalidOperationException(
            $"{method.DeclaringType?.Name}.{method.Name} takes {parameters.Length} parameter(s) ({expected}), but its data row gives {row.Length} value(s) ({given}): make every data row match the parameters' number and types.",
            inner);
    }
}
