using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Mono.Cecil;

namespace TrioTest.Rewriting;

/// <summary>
/// The rewriter's command line, run by <c>build/TrioTest.Rewriting.targets</c> after the test project's build:
/// <c>--directory</c> the build output, <c>--assembly</c> each assembly to rewrite there (repeatable), <c>--cache</c> a
/// folder of rewritten copies keyed by the input's content hash, so an unchanged assembly costs a copy.
/// </summary>
public static class Program
{
    /// <summary>Changes whenever the rewriting changes, so older cached copies are not reused.</summary>
    private const string RewriterVersion = "1";

    /// <summary>Rewrites the named assemblies; prints one line per assembly, or an error that says what to change.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>0 on success; 1 on an error; 2 on bad arguments.</returns>
    public static int Main(string[] args)
    {
        string? directory = null, cache = null;
        var names = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--directory" when value is not null:
                    directory = value;
                    i++;
                    break;
                case "--cache" when value is not null:
                    cache = value;
                    i++;
                    break;
                case "--assembly" when value is not null:
                    names.AddRange(value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    i++;
                    break;
                default:
                    Console.Error.WriteLine($"TrioTest.Rewriting: unknown or incomplete argument '{args[i]}'. Usage: --directory <build output> --assembly <name> [--assembly <name>...] [--cache <folder>]");
                    return 2;
            }
        }

        if (directory is null || names.Count == 0)
        {
            Console.Error.WriteLine("TrioTest.Rewriting: nothing to do: give --directory <build output> and at least one --assembly <name> (the TrioTestRewrite items).");
            return 2;
        }

        try
        {
            string testing = Path.Combine(directory, "TrioTest.Testing.dll");
            if (!File.Exists(testing))
            {
                throw new RewriteException($"TrioTest.Testing.dll is not in {directory}: the rewritten code calls it, so the test project must reference TrioTest.Testing (an adapter such as TrioTest.Xunit brings it).");
            }

            using var resolver = new DefaultAssemblyResolver();
            resolver.AddSearchDirectory(directory);
            resolver.AddSearchDirectory(RuntimeEnvironment.GetRuntimeDirectory());
            using ModuleDefinition testingModule = ModuleDefinition.ReadModule(testing, new ReaderParameters { AssemblyResolver = resolver, InMemory = true });
            var rewriter = new AssemblyRewriter(new ShimSet(testingModule));
            foreach (string name in names.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                Console.WriteLine($"TrioTest.Rewriting: {RewriteOne(rewriter, resolver, directory, cache, name)}");
            }

            return 0;
        }
        catch (RewriteException e)
        {
            Console.Error.WriteLine($"TrioTest.Rewriting: error: {e.Message}");
            return 1;
        }
    }

    /// <summary>Rewrites one assembly in <paramref name="directory"/>, through the cache when there is one.</summary>
    private static string RewriteOne(AssemblyRewriter rewriter, IAssemblyResolver resolver, string directory, string? cache, string name)
    {
        string file = name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? name : name + ".dll";
        if (file.StartsWith("TrioTest.", StringComparison.OrdinalIgnoreCase) && !file.Contains(".Tests", StringComparison.OrdinalIgnoreCase))
        {
            throw new RewriteException($"{file} is TrioTest's own: it keeps itself on the loop. Remove it from the TrioTestRewrite items.");
        }

        string path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new RewriteException($"{file} is not in {directory}. A TrioTestRewrite item names an assembly the build copies to the output (from a PackageReference or a ProjectReference), without the .dll, such as Polly.Core.");
        }

        string pdb = Path.ChangeExtension(path, ".pdb");
        byte[] input = File.ReadAllBytes(path);
        string hash = Convert.ToHexString(SHA256.HashData(input))[..32];
        string? cached = cache is null ? null : Path.Combine(cache, $"{Path.GetFileNameWithoutExtension(file)}.{hash}.v{RewriterVersion}");
        if (cached is not null && File.Exists(cached + ".dll") && File.Exists(cached + ".txt"))
        {
            File.Copy(cached + ".dll", path, overwrite: true);
            if (File.Exists(cached + ".pdb"))
            {
                File.Copy(cached + ".pdb", pdb, overwrite: true);
            }

            return $"{file}: {File.ReadAllText(cached + ".txt")} (unchanged, from the cache)";
        }

        bool symbols = File.Exists(pdb);
        using var module = ModuleDefinition.ReadModule(new MemoryStream(input), new ReaderParameters { AssemblyResolver = resolver, ReadSymbols = symbols, SymbolStream = symbols ? new MemoryStream(File.ReadAllBytes(pdb)) : null });
        if (AssemblyRewriter.IsRewritten(module))
        {
            return $"{file}: already rewritten";
        }

        RewriteCounts counts = rewriter.Rewrite(module);
        string target = cached ?? Path.Combine(Path.GetTempPath(), $"triotest-rewrite-{hash}");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        module.Write(target + ".dll", new WriterParameters { WriteSymbols = symbols, SymbolStream = null });
        if (symbols && File.Exists(target + ".pdb"))
        {
            File.Copy(target + ".pdb", pdb, overwrite: true);
        }

        File.Copy(target + ".dll", path, overwrite: true);
        File.WriteAllText(target + ".txt", counts.ToString());
        return $"{file}: {counts}";
    }

    /// <summary>An error the build output names, with what to change.</summary>
    private sealed class RewriteException(string message) : Exception(message);
}
