using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TrioTest.Xunit.Sdk;

/// <summary>Resolves a test method's settings and checks its shape, turning every mistake into a sentence that says what to change.</summary>
internal static class TestMethodCheck
{
    /// <summary>Resolves the settings of <paramref name="testMethod"/>, or explains why it cannot run.</summary>
    /// <param name="testMethod">The test method.</param>
    /// <param name="attribute">Its <c>[AsyncTest]</c> or <c>[AsyncTheory]</c>.</param>
    /// <param name="attributeName">The attribute's name, for messages.</param>
    /// <param name="error">The problem, when there is one.</param>
    /// <returns>The settings, or <see langword="null"/> with <paramref name="error"/> set.</returns>
    public static TestSettings? Resolve(ITestMethod testMethod, IAttributeInfo attribute, string attributeName, out string? error)
    {
        MethodInfo? method = (testMethod.Method as IReflectionMethodInfo)?.MethodInfo;
        if (method is null)
        {
            error = $"[{attributeName}] needs reflection over the test assembly; this runner discovered tests from source, which TrioTest does not support.";
            return null;
        }

        error = CheckShape(method, attributeName);
        if (error is not null)
        {
            return null;
        }

        Attribute? instance = (attribute as IReflectionAttributeInfo)?.Attribute;
        AttributeSettings values = instance switch
        {
            AsyncTestAttribute test => test.Values,
            AsyncTheoryAttribute theory => theory.Values,
            _ => new AttributeSettings(),
        };
        if (instance is global::Xunit.FactAttribute { Timeout: not 0 } fact)
        {
            // xunit's own Timeout is the watchdog: the harness enforces it on every framework setting.
            values.Timeout = fact.Timeout;
        }

        AttributeSettings? defaults = method.DeclaringType?.Assembly.GetCustomAttribute<AsyncTestDefaultsAttribute>()?.Settings;
        return TestSettings.Resolve(values, defaults, attributeName, out error);
    }

    /// <summary>Checks that the method returns an awaitable TrioTest can drive and, for <c>[AsyncTest]</c>, needs no arguments.</summary>
    private static string? CheckShape(MethodInfo method, string attributeName)
    {
        string name = $"{method.DeclaringType?.Name}.{method.Name}";
        if (attributeName == "AsyncTest" && method.IsGenericMethodDefinition)
        {
            return $"[AsyncTest] method {name} is generic, and nothing says what its type arguments are: make it non-generic (call a generic helper from it), or use [AsyncTheory] with data rows that fix them.";
        }

        if (attributeName == "AsyncTest" && method.GetParameters().Length != 0)
        {
            return $"[AsyncTest] method {name} has parameters, but [AsyncTest] passes no arguments: use [AsyncTheory] with [InlineData] or [MemberData] rows, or remove the parameters.";
        }

        Type returns = method.ReturnType;
        bool awaitable = typeof(Task).IsAssignableFrom(returns) || returns == typeof(ValueTask)
            || (returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(ValueTask<>));
        if (awaitable)
        {
            return null;
        }

        return method.GetCustomAttribute<AsyncStateMachineAttribute>() is not null && returns == typeof(void)
            ? $"[{attributeName}] method {name} is 'async void': its failures would escape the test. Declare it 'async Task'."
            : $"[{attributeName}] method {name} returns {returns.Name}, but TrioTest runs async code: declare it 'async Task' (or 'Task'/'ValueTask'), or use [Fact] for synchronous tests.";
    }
}
