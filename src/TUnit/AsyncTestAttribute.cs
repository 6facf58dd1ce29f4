using System.Reflection;
using TrioTest.TUnit.Sdk;
using TUnit.Core;
using TUnit.Core.Interfaces;

namespace TrioTest.TUnit;

/// <summary>
/// Runs a TUnit test on TrioTest's deterministic loop: write it beside <c>[Test]</c>, with or without
/// <c>[Arguments]</c> and <c>[MethodDataSource]</c> rows. Each schedule runs the test's <c>[Before(Test)]</c> hooks, the
/// body and the class's <c>[After(Test)]</c> methods on the loop under a virtual clock that autojumps; which ready task
/// runs next is chosen by a seed that every failure prints. It sets the test's executor (and hook executor), so it takes
/// the place of <c>[TestExecutor]</c>.
/// </summary>
/// <remarks>
/// TUnit creates one test class instance per test (and disposes it after): every schedule uses that instance.
/// </remarks>
/// <example>
/// <code>
/// [Test, AsyncTest(Iterations = 500)]
/// public async Task Transfers_keep_the_total()
/// {
///     await Nursery.RunAsync(async nursery => { /* ... */ });
/// }
///
/// [Test, AsyncTest(Seed = "0x9E3779B97F4A7C15")]   // pasted from a failure report: replays that schedule
/// public async Task Transfers_keep_the_total_replayed() { /* ... */ }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed partial class AsyncTestAttribute : Attribute, ITestRegisteredEventReceiver, IScopedAttribute
{
    /// <summary>Gets the values set on this attribute (the rest come from the assembly's defaults, then TrioTest's); the generated properties (<see cref="AsyncTestSettings"/>'s) set them.</summary>
    internal AsyncTestSettings Settings { get; } = new();

    /// <inheritdoc/>
    public int Order => 0;

    /// <inheritdoc/>
    /// <remarks>One executor runs a test: this attribute's replaces a <c>[TestExecutor]</c> of the class or assembly.</remarks>
    public Type ScopeType => typeof(ITestExecutor);

    /// <summary>Makes TrioTest the test's executor and hook executor, once TUnit has registered the test.</summary>
    /// <param name="context">TUnit's context of the registered test.</param>
    /// <returns>A completed task.</returns>
    public ValueTask OnTestRegistered(TestRegisteredContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var executor = new LoopExecutor(Settings, MethodOf(context.TestDetails));
        context.SetTestExecutor(executor);
        context.SetHookExecutor(executor);
        return default;
    }

    /// <summary>The test method, found by name and parameter count on the test class (TUnit's metadata is generated, not reflected).</summary>
    private static MethodInfo? MethodOf(TestDetails details) =>
        details.ClassType.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .FirstOrDefault(m => m.Name == details.MethodName && m.GetParameters().Length == details.MethodMetadata.Parameters.Length);
}
