using System.Collections.Concurrent;
using System.Reflection;

namespace TrioTest.Testing;

/// <summary>Entries whose test is gone: a renamed or deleted test leaves seeds that replay nothing.</summary>
public static partial class RegressionFile
{
    /// <summary>The (file, assembly) pairs already checked by this process: one check, and one warning each, per process.</summary>
    private static readonly ConcurrentDictionary<(string Path, string Assembly), byte> s_checkedForStaleEntries = new();

    /// <summary>
    /// Warns, once per process for each file and assembly, about the tests the file has entries for that
    /// <paramref name="testAssembly"/> no longer has: a name <c>Namespace.Class.Method</c> (with arguments, if any, after
    /// it in parentheses) whose class or method is not there. Entries of other assemblies that share the file may be named
    /// too; names in another form are left alone.
    /// </summary>
    /// <param name="path">The regression file.</param>
    /// <param name="testAssembly">The assembly whose tests the entries name.</param>
    /// <param name="warnings">Receives one message per missing test.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="testAssembly"/> or <paramref name="warnings"/> is null.</exception>
    /// <exception cref="TrioTestConfigurationException">The file exists but cannot be read.</exception>
    public static void WarnAboutMissingTests(string path, Assembly testAssembly, ICollection<string> warnings)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(testAssembly);
        ArgumentNullException.ThrowIfNull(warnings);
        string fullPath = Path.GetFullPath(path);
        if (!s_checkedForStaleEntries.TryAdd((fullPath, testAssembly.FullName ?? testAssembly.GetName().Name ?? string.Empty), 0))
        {
            return;
        }

        foreach (string test in GetSnapshot(fullPath, path).TestNames)
        {
            if (Names(test, out string? type, out string? method) && !Exists(testAssembly, type, method))
            {
                warnings.Add($"{path}: the entries for {test} name no test of {testAssembly.GetName().Name} (renamed or deleted?); their seeds replay nothing. Delete them, or rename them with the test.");
            }
        }
    }

    /// <summary>Splits <c>Namespace.Class.Method(args)</c> into its class and method names.</summary>
    private static bool Names(string test, out string? type, out string? method)
    {
        int arguments = test.IndexOf('(', StringComparison.Ordinal);
        string name = arguments < 0 ? test : test[..arguments];
        int dot = name.LastIndexOf('.');
        type = dot > 0 ? name[..dot] : null;
        method = dot > 0 && dot < name.Length - 1 ? name[(dot + 1)..] : null;
        return type is not null && method is not null;
    }

    /// <summary>Tells whether the assembly has a class of that name with a method of that name (inherited ones included).</summary>
    private static bool Exists(Assembly assembly, string? type, string? method)
    {
        Type? found = assembly.GetType(type!, throwOnError: false);
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        return found is not null && found.GetMethods(All).Any(m => m.Name == method);
    }
}
