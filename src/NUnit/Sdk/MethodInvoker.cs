using System.Reflection;
using System.Runtime.ExceptionServices;

namespace TrioTest.NUnit.Sdk;

/// <summary>Calls test, set-up and tear-down methods on the loop and awaits what they return, so their exceptions keep their own type and stack.</summary>
internal static class MethodInvoker
{
    /// <summary>Calls <paramref name="method"/> and awaits its Task or ValueTask, if it returns one.</summary>
    /// <param name="method">The method.</param>
    /// <param name="target">The fixture instance; ignored for a static method.</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The awaited result of a <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>, a synchronous method's return value, or <see langword="null"/>.</returns>
    /// <exception cref="InvalidOperationException">An async method returned a null Task.</exception>
    public static async Task<object?> InvokeAsync(MethodInfo method, object? target, object?[]? arguments)
    {
        object? returned;
        try
        {
            returned = method.Invoke(method.IsStatic ? null : target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }

        Type returns = method.ReturnType;
        if (!TestMethodCheck.IsAwaitable(returns))
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
}
