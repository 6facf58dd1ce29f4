using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrioTest.Xunit.Sdk;

/// <summary>Checks a test method and its settings at discovery, turning every mistake into a sentence that says what to change.</summary>
internal static class TestMethodCheck
{
    /// <summary>Gets the settings of <paramref name="testMethod"/>, checked, or explains why it cannot run.</summary>
    /// <param name="testMethod">The test method.</param>
    /// <param name="attribute">Its <c>[AsyncTest]</c> or <c>[AsyncTheory]</c>.</param>
    /// <param name="attributeName">The attribute's name, for messages.</param>
    /// <param name="error">The problem, when there is one.</param>
    /// <returns>The values set on the attribute (xunit's own <c>Timeout</c> among them), or <see langword="null"/> with <paramref name="error"/> set.</returns>
    public static AsyncTestSettings? Resolve(ITestMethod testMethod, IAttributeInfo attribute, string attributeName, out string? error)
    {
        MethodInfo? method = (testMethod.Method as IReflectionMethodInfo)?.MethodInfo;
        if (method is null)
        {
            error = $"[{attributeName}] needs reflection over the test assembly; this runner discovered tests from source, which TrioTest does not support.";
            return null;
        }

        error = TestAdapterSupport.CheckMethod(method, attributeName, takesArguments: attributeName == "AsyncTheory", "[AsyncTheory] with [InlineData] or [MemberData] rows", "[Fact]");
        if (error is not null)
        {
            return null;
        }

        Attribute? instance = (attribute as IReflectionAttributeInfo)?.Attribute;
        AsyncTestSettings settings = (instance switch
        {
            AsyncTestAttribute test => test.Settings,
            AsyncTheoryAttribute theory => theory.Settings,
            _ => new AsyncTestSettings(),
        }).Over(null);
        if (instance is global::Xunit.FactAttribute { Timeout: not 0 } fact)
        {
            // xunit's own Timeout is the watchdog: the harness enforces it on every framework setting.
            settings.Timeout = fact.Timeout;
        }

        try
        {
            // Built once here to check the values; the runner builds them again, with the test's name, where it runs.
            TestAdapterSupport.CreateOptions(method, settings, attributeName, method.Name);
            return settings;
        }
        catch (TrioTestConfigurationException e)
        {
            error = e.Message;
            return null;
        }
    }
}
