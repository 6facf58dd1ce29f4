using System.Reflection;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace TrioTest.NUnit.Sdk;

/// <summary>Resolves a test's settings and checks its shape, turning every mistake into a sentence that says what to change.</summary>
internal static class TestMethodCheck
{
    /// <summary>The name of the attribute, for messages.</summary>
    private const string AttributeName = "AsyncTest";

    /// <summary>Gets the settings of <paramref name="test"/>, checked, or explains why it cannot run.</summary>
    /// <param name="test">The test (one case of a parameterized method, or the method's only test).</param>
    /// <param name="attribute">The method's <c>[AsyncTest]</c>.</param>
    /// <param name="hasData">Whether NUnit passes the test arguments (a <c>[TestCase]</c> or <c>[TestCaseSource]</c> case).</param>
    /// <param name="error">The problem, when there is one.</param>
    /// <returns>The values set on the attribute, or <see langword="null"/> with <paramref name="error"/> set.</returns>
    public static AsyncTestSettings? Resolve(TestMethod test, AsyncTestAttribute attribute, bool hasData, out string? error)
    {
        MethodInfo method = test.Method.MethodInfo;
        error = TestAdapterSupport.CheckMethod(method, AttributeName, takesArguments: hasData, "[TestCase] or [TestCaseSource] rows", "[Test]")
            ?? CheckExpectedResult(method, attribute) ?? CheckOtherWrappers(method);
        if (error is not null)
        {
            return null;
        }

        try
        {
            // Built once here to check the values; the exploration builds them again where it runs.
            TestAdapterSupport.CreateOptions(method, attribute.Settings, AttributeName, test.FullName);
            return attribute.Settings;
        }
        catch (TrioTestConfigurationException e)
        {
            error = e.Message;
            return null;
        }
    }

    /// <summary>Checks that <c>ExpectedResult</c> on the attribute is not combined with <c>[TestCase]</c> data.</summary>
    private static string? CheckExpectedResult(MethodInfo method, AsyncTestAttribute attribute)
    {
        ParameterInfo[] parameters = method.GetParameters();
        int dataParameters = parameters.Length > 0 && parameters[^1].ParameterType == typeof(CancellationToken) ? parameters.Length - 1 : parameters.Length;
        return attribute.HasExpectedResult && dataParameters > 0
            ? $"[{AttributeName}(ExpectedResult = ...)] applies to parameterless methods only: {method.Name} takes arguments, so set ExpectedResult on each [TestCase] (or TestCaseData.Returns) instead."
            : null;
    }

    /// <summary>Rejects other attributes that wrap NUnit's own call of the method: TrioTest replaces that call, so they would silently do nothing.</summary>
    private static string? CheckOtherWrappers(MethodInfo method)
    {
        foreach (object other in method.GetCustomAttributes(inherit: true))
        {
            if (other is IWrapTestMethod or IWrapSetUpTearDown && other is not AsyncTestAttribute)
            {
                string name = other.GetType().Name;
                name = name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
                return $"[{AttributeName}] cannot be combined with [{name}] on {method.Name}: [{AttributeName}] runs set-up, body and tear-down on TrioTest's loop in place of NUnit's own commands, which [{name}] wraps. Remove [{name}] (for a real-time limit, use [{AttributeName}(Timeout = milliseconds)]).";
            }
        }

        return null;
    }
}
