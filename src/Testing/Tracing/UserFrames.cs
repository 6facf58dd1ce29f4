using System.Diagnostics;
using System.Reflection;

namespace TrioTest.Testing;

/// <summary>
/// Finds the user's line for a checkpoint that TrioTest's own code passed (a toolkit stream, the virtual HTTP handler):
/// the compiler recorded our file as its caller, so the trace would point into TrioTest instead of the test.
/// </summary>
internal static class UserFrames
{
    /// <summary>The folders of TrioTest's own sources as the compiler recorded them (this file's project and its siblings).</summary>
    private static readonly string[] s_ownSourceFolders = OwnSourceFolders();

    /// <summary>The assemblies whose frames are never the user's line: TrioTest's own, and the runtime's and frameworks' below it.</summary>
    private static readonly string[] s_skippedAssemblyPrefixes = ["TrioTest.Core", "TrioTest.Testing", "TrioTest.Xunit", "TrioTest.NUnit", "TrioTest.FluentAssertions", "System.", "Microsoft.", "xunit.", "nunit."];

    /// <summary>Gets a value indicating whether <paramref name="filePath"/> is one of TrioTest's own source files.</summary>
    public static bool IsOwn(string filePath)
    {
        foreach (string folder in s_ownSourceFolders)
        {
            if (filePath.StartsWith(folder, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Gets <c>File.cs:42</c> of the first frame on the calling thread's stack that is neither TrioTest's nor the runtime's,
    /// or an empty string when there is none (the user's frame is not on the stack after an await inside TrioTest).
    /// </summary>
    /// <remarks>Costs a stack walk with file information: called only for checkpoints that TrioTest's own code passed.</remarks>
    public static string FindUserLine()
    {
        var stack = new StackTrace(skipFrames: 2, fNeedFileInfo: true);
        for (int i = 0; i < stack.FrameCount; i++)
        {
            StackFrame frame = stack.GetFrame(i)!;
            string? assembly = frame.GetMethod()?.DeclaringType?.Assembly.GetName().Name;
            if (assembly is null || IsSkipped(assembly) || frame.GetFileName() is not { Length: > 0 } file)
            {
                continue;
            }

            return TraceFormat.Source(file, frame.GetFileLineNumber());
        }

        return string.Empty;
    }

    /// <summary>Gets a value indicating whether frames of <paramref name="assembly"/> are skipped.</summary>
    private static bool IsSkipped(string assembly)
    {
        foreach (string prefix in s_skippedAssemblyPrefixes)
        {
            if (assembly.StartsWith(prefix, StringComparison.Ordinal) && (assembly.Length == prefix.Length || prefix[^1] == '.'))
            {
                return true;
            }
        }

        return assembly == "netstandard" || assembly == "mscorlib";
    }

    /// <summary>Derives the source folders of Core, Testing and the adapters from where the compiler saw this file.</summary>
    private static string[] OwnSourceFolders([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        // thisFile is <src>/Testing/Tracing/UserFrames.cs; the packages that call checkpoints are its siblings under <src>.
        string normalized = thisFile.Replace('\\', '/');
        int tracing = normalized.LastIndexOf("/Testing/Tracing/", StringComparison.Ordinal);
        if (tracing < 0)
        {
            return [];
        }

        string src = normalized[..(tracing + 1)];
        return [.. new[] { "Core/", "Testing/", "Xunit/", "NUnit/" }.SelectMany(folder => new[] { src + folder, (src + folder).Replace('/', '\\') }).Distinct()];
    }
}
