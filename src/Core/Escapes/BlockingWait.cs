using System.Diagnostics;
using System.Reflection;

namespace TrioTest;

/// <summary>
/// A blocking wait that a step started on the loop thread, as the runtime reported it to the task's synchronization
/// context (<see cref="SynchronizationContext.Wait"/>, which it calls for every blocking wait but <c>Thread.Sleep</c>
/// once the context asks for wait notification): what blocks, where in the test's code, and what to write instead.
/// </summary>
/// <param name="Call">The blocking call, such as <c>Task.Wait()</c> or NUnit's <c>Assert.ThrowsAsync</c>.</param>
/// <param name="CallSite">The test's line that made it (<c>File.cs:42</c>), or its method when no file is known; empty if neither.</param>
/// <param name="Fix">The awaitable form to use instead.</param>
/// <param name="WaitsForATask">Whether the wait is for a task to finish: on the loop, a certain hang when the task needs the loop.</param>
internal readonly record struct BlockingWait(string Call, string CallSite, string Fix, bool WaitsForATask)
{
    /// <summary>NUnit's blocking assertions on async code, and the awaitable form of each.</summary>
    private static readonly (string Method, string Fix)[] s_nunitAsserts =
    [
        ("ThrowsAsync", "await Assert.ThatAsync(() => ..., Throws.TypeOf<TException>())"),
        ("CatchAsync", "await Assert.ThatAsync(() => ..., Throws.InstanceOf<TException>())"),
        ("DoesNotThrowAsync", "await Assert.ThatAsync(() => ..., Throws.Nothing)"),
        ("Multiple", "await Assert.MultipleAsync(async () => ...)"),
    ];

    /// <summary>Reads the stack of a blocking wait on the loop thread.</summary>
    /// <param name="stack">The stack from the wait up, with file information.</param>
    public static BlockingWait Diagnose(StackTrace stack)
    {
        string call = "a blocking wait (a lock, an event or a semaphore)";
        string fix = "await an async primitive instead (Trio's Event, AsyncLock, AsyncSemaphore, or SemaphoreSlim.WaitAsync)";
        bool forTask = false;
        string site = string.Empty;
        for (int i = 0; i < stack.FrameCount; i++)
        {
            StackFrame frame = stack.GetFrame(i)!;
            MethodBase? method = frame.GetMethod();
            Type? type = method?.DeclaringType;
            if (method is null || type is null)
            {
                continue;
            }

            string typeName = type.FullName ?? type.Name;
            if (typeName == "NUnit.Framework.Assert" && Array.FindIndex(s_nunitAsserts, a => a.Method == method.Name) is var index and >= 0)
            {
                (call, fix, forTask) = ($"NUnit's Assert.{method.Name} (it blocks until the async code is done)", s_nunitAsserts[index].Fix, true);
                continue;
            }

            if (!forTask && (typeName.StartsWith("System.Threading.Tasks.Task", StringComparison.Ordinal) || typeName.StartsWith("System.Runtime.CompilerServices.", StringComparison.Ordinal))
                && method.Name is "InternalWait" or "InternalWaitCore" or "WaitAll" or "WaitAny")
            {
                (call, fix, forTask) = ("a blocking wait for a task (.Wait(), .Result or .GetAwaiter().GetResult())", "await the task", true);
                continue;
            }

            if (site.Length == 0 && !IsFramework(type.Assembly))
            {
                site = frame.GetFileName() is { Length: > 0 } file
                    ? $"{Path.GetFileName(file)}:{frame.GetFileLineNumber()}"
                    : $"{type.Name}.{method.Name}";
            }
        }

        return new BlockingWait(call, site, fix, forTask);
    }

    /// <summary>Gets the sentence that says what blocked and where.</summary>
    public string Describe() => CallSite.Length == 0 ? Call : $"{Call} at {CallSite}";

    /// <summary>Tells whether frames of <paramref name="assembly"/> are below the test's code: the runtime's, a test framework's, TrioTest's.</summary>
    private static bool IsFramework(Assembly assembly)
    {
        string name = assembly.GetName().Name ?? string.Empty;
        return name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "mscorlib" or "netstandard"
            || name.StartsWith("Microsoft.", StringComparison.Ordinal) || name.StartsWith("nunit.", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("xunit.", StringComparison.Ordinal) || name is "TrioTest.Core" or "TrioTest.Testing" or "TrioTest.Xunit" or "TrioTest.NUnit";
    }
}
