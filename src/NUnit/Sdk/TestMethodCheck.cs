using System.Reflection;
using System.Runtime.CompilerServices;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace TrioTest.NUnit.Sdk;

/// <summary>Resolves a test's settings and checks its shape, turning every mistake into a sentence that says what to change.</summary>
internal static class TestMethodCheck
{
    /// <summary>The name of the attribute, for messages.</summary>
    private const string AttributeName = "AsyncTest";

    /// <summary>Resolves the settings of <paramref name="test"/>, or explains why it cannot run.</summary>
    /// <param name="test">The test (one case of a parameterized method, or the method's only test).</param>
    /// <param name="attribute">The method's <c>[AsyncTest]</c>.</param>
    /// <param name="error">The problem, when there is one.</param>
    /// <returns>The settings, or <see langword="null"/> with <paramref name="error"/> set.</returns>
    public static TestSettings? Resolve(TestMethod test, AsyncTestAttribute attribute, out string? error)
    {
        MethodInfo method = test.Method.MethodInfo;
        error = CheckShape(method) ?? CheckExpectedResult(method, attribute) ?? CheckOtherWrappers(method);
        if (error is not null)
        {
            return null;
        }

        Type fixture = test.TypeInfo?.Type ?? method.ReflectedType ?? method.DeclaringType!;
        AttributeSettings? defaults = fixture.Assembly.GetCustomAttribute<AsyncTestDefaultsAttribute>()?.Settings;
        return TestSettings.Resolve(attribute.Values, defaults, AttributeName, out error);
    }

    /// <summary>Gets a value indicating whether <paramref name="type"/> is an awaitable TrioTest drives: a Task or a ValueTask, with or without a result.</summary>
    public static bool IsAwaitable(Type type) => typeof(Task).IsAssignableFrom(type) || type == typeof(ValueTask)
        || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>));

    /// <summary>Checks that the method returns an awaitable TrioTest can drive.</summary>
    private static string? CheckShape(MethodInfo method)
    {
        if (IsAwaitable(method.ReturnType))
        {
            return null;
        }

        string name = $"{method.DeclaringType?.Name}.{method.Name}";
        return method.ReturnType == typeof(void) && method.GetCustomAttribute<AsyncStateMachineAttribute>() is not null
            ? $"[{AttributeName}] method {name} is 'async void': its failures would escape the test. Declare it 'async Task'."
            : $"[{AttributeName}] method {name} returns {method.ReturnType.Name}, but TrioTest runs async code: declare it 'async Task' (or 'Task'/'ValueTask'), or use [Test] for synchronous tests.";
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
