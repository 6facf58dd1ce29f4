using System.Reflection;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace TrioTest.MSTest.Sdk;

/// <summary>Checks an <c>[AsyncTestMethod]</c> and resolves its options, turning every mistake into a sentence that says what to change.</summary>
internal static class MethodCheck
{
    /// <summary>How MSTest passes arguments, for messages.</summary>
    private const string DataAttributes = "[DataRow] rows or [DynamicData]";

    /// <summary>Resolves the harness options of one test (one data row).</summary>
    /// <param name="testMethod">MSTest's test method.</param>
    /// <param name="settings">The values set on the attribute.</param>
    /// <param name="testName">The test's name for the report and the regression file.</param>
    /// <returns>The options.</returns>
    /// <exception cref="TrioTestConfigurationException">The method cannot run on the loop, or a setting is out of range; the message says what to change.</exception>
    public static TrioTestOptions CreateOptions(ITestMethod testMethod, AsyncTestSettings settings, string testName)
    {
        MethodInfo method = testMethod.MethodInfo;
        string? problem = TestAdapterSupport.CheckMethod(method, ExplorationRunner.AttributeName, testMethod.Arguments is { Length: > 0 }, DataAttributes, "[TestMethod]")
            ?? CheckTimeouts(method);
        return problem is null
            ? TestAdapterSupport.CreateOptions(method, settings, ExplorationRunner.AttributeName, testName)
            : throw new TrioTestConfigurationException(problem);
    }

    /// <summary>
    /// Refuses MSTest's <c>[Timeout]</c> on the method or on a <c>[TestInitialize]</c>/<c>[TestCleanup]</c> method: with
    /// one, MSTest runs that code on a thread of its own (a thread-pool task), off TrioTest's loop.
    /// </summary>
    private static string? CheckTimeouts(MethodInfo method)
    {
        if (method.GetCustomAttribute<TimeoutAttribute>() is not null)
        {
            return $"[{ExplorationRunner.AttributeName}] cannot be combined with [Timeout] on {method.DeclaringType?.Name}.{method.Name}: MSTest would run the test on a thread of its own, off TrioTest's loop. Remove [Timeout] and set [{ExplorationRunner.AttributeName}(Timeout = milliseconds)], TrioTest's real-time watchdog.";
        }

        const BindingFlags Methods = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.FlattenHierarchy;
        foreach (MethodInfo fixture in (method.ReflectedType ?? method.DeclaringType!).GetMethods(Methods))
        {
            bool lifecycle = fixture.IsDefined(typeof(TestInitializeAttribute)) || fixture.IsDefined(typeof(TestCleanupAttribute));
            if (lifecycle && fixture.IsDefined(typeof(TimeoutAttribute)))
            {
                return $"[{ExplorationRunner.AttributeName}] method {method.Name} cannot run while {fixture.DeclaringType?.Name}.{fixture.Name} has [Timeout]: MSTest would run that set-up or clean-up on a thread of its own, off TrioTest's loop. Remove its [Timeout]; [{ExplorationRunner.AttributeName}(Timeout = milliseconds)] bounds the whole test in real time.";
            }
        }

        return null;
    }
}
