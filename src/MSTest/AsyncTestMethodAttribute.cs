using System.Runtime.CompilerServices;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using TrioTest.MSTest.Sdk;

namespace TrioTest.MSTest;

/// <summary>
/// Marks an async test method that runs on TrioTest's deterministic loop: write it where you wrote <c>[TestMethod]</c>,
/// alone or with <c>[DataRow]</c> and <c>[DynamicData]</c>. Each schedule constructs the test class and runs its
/// <c>[TestInitialize]</c> methods, the body, its <c>[TestCleanup]</c> methods and <c>Dispose</c> on the loop under a
/// virtual clock that autojumps; which ready task runs next is chosen by a seed that every failure prints.
/// </summary>
/// <remarks>
/// <para>An exploration is one MSTest result: it passes when every schedule passed, and a failure's message is the report
/// of the first failing schedule, with the line that replays it. <c>[ClassInitialize]</c> and <c>[AssemblyInitialize]</c>
/// run once, on MSTest's thread, as usual.</para>
/// <para>MSTest's <c>[Timeout]</c> runs the method on a thread of its own, off the loop: the adapter fails such a test
/// with a sentence that says to use the attribute's own <c>Timeout</c> instead.</para>
/// </remarks>
/// <example>
/// <code>
/// [AsyncTestMethod(Iterations = 500)]
/// public async Task Transfers_keep_the_total()
/// {
///     await Nursery.RunAsync(async nursery => { /* ... */ });
/// }
///
/// [AsyncTestMethod(Seed = "0x9E3779B97F4A7C15")]   // pasted from a failure report: replays that schedule
/// public async Task Transfers_keep_the_total_replayed() { /* ... */ }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public partial class AsyncTestMethodAttribute : TestMethodAttribute
{
    /// <summary>Gets the values set on this attribute (the rest come from the assembly's defaults, then TrioTest's); the generated properties (<see cref="AsyncTestSettings"/>'s) set them.</summary>
    internal AsyncTestSettings Settings { get; } = new();

    /// <summary>Initializes a new instance of the <see cref="AsyncTestMethodAttribute"/> class.</summary>
    /// <param name="callerFilePath">The file that declares the attribute; the compiler fills it in.</param>
    /// <param name="callerLineNumber">The line that declares the attribute; the compiler fills it in.</param>
    public AsyncTestMethodAttribute([CallerFilePath] string callerFilePath = "", [CallerLineNumber] int callerLineNumber = -1)
        : base(callerFilePath, callerLineNumber)
    {
    }

    /// <summary>Runs the test's exploration on TrioTest's loop and reports it as one result.</summary>
    /// <param name="testMethod">The test method (one data row of it, for a data-driven test).</param>
    /// <returns>One result: passed, or the failing schedule's report.</returns>
    public override async Task<TestResult[]> ExecuteAsync(ITestMethod testMethod) =>
        [await ExplorationRunner.RunAsync(testMethod, Settings)];
}
