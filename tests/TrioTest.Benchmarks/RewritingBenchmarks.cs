using BenchmarkDotNet.Attributes;
using Mono.Cecil;
using TrioTest.Rewriting;

namespace TrioTest.Benchmarks;

/// <summary>
/// What rewriting one assembly costs the build: Polly.Core (92 call sites) read, rewritten and written, against the
/// same read and write with nothing rewritten (what any IL tool pays), in memory. A cached assembly costs a hash and a copy.
/// </summary>
[MemoryDiagnoser]
public class RewritingBenchmarks
{
    private byte[] _polly = null!;
    private DefaultAssemblyResolver _resolver = null!;
    private ModuleDefinition _testing = null!;

    [GlobalSetup]
    public void Setup()
    {
        string directory = AppContext.BaseDirectory;
        _polly = File.ReadAllBytes(Path.Combine(directory, "Polly.Core.dll"));
        _resolver = new DefaultAssemblyResolver();
        _resolver.AddSearchDirectory(directory);
        _resolver.AddSearchDirectory(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory());
        _testing = ModuleDefinition.ReadModule(Path.Combine(directory, "TrioTest.Testing.dll"), new ReaderParameters { AssemblyResolver = _resolver, InMemory = true });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _testing.Dispose();
        _resolver.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Polly.Core read and written, nothing rewritten")]
    public long RoundTrip() => Write(ModuleDefinition.ReadModule(new MemoryStream(_polly), new ReaderParameters { AssemblyResolver = _resolver }));

    [Benchmark(Description = "Polly.Core read, rewritten and written")]
    public long Rewrite()
    {
        ModuleDefinition module = ModuleDefinition.ReadModule(new MemoryStream(_polly), new ReaderParameters { AssemblyResolver = _resolver });
        new AssemblyRewriter(new ShimSet(_testing)).Rewrite(module);
        return Write(module);
    }

    [Benchmark(Description = "Polly.Core from the cache: hashed and copied")]
    public long Cached()
    {
        byte[] hash = System.Security.Cryptography.SHA256.HashData(_polly);
        using var copy = new MemoryStream();
        copy.Write(_polly);
        return copy.Length + hash[0];
    }

    private static long Write(ModuleDefinition module)
    {
        using (module)
        {
            using var output = new MemoryStream();
            module.Write(output);
            return output.Length;
        }
    }
}
