using Mono.Cecil;

namespace TrioTest.Rewriting;

/// <summary>The shims in <c>TrioTest.Testing.dll</c>, found for each redirect by name and shape.</summary>
internal sealed class ShimSet
{
    /// <summary>The shim for each target the table names, found lazily and kept.</summary>
    private readonly Dictionary<string, MethodDefinition> _found = new(StringComparer.Ordinal);

    /// <summary>The shim types by full name.</summary>
    private readonly Dictionary<string, TypeDefinition> _types;

    public ShimSet(ModuleDefinition testing)
    {
        _types = testing.Types.Where(static t => t.Namespace == "TrioTest.Testing.Rewriting").ToDictionary(static t => t.FullName, StringComparer.Ordinal);
    }

    /// <summary>Finds the shim that replaces <paramref name="target"/>: static, the same parameters with the instance first, the same generic arity.</summary>
    /// <exception cref="InvalidOperationException">TrioTest.Testing has no such shim: the rewriter and the library do not match.</exception>
    public MethodDefinition Find(Redirect redirect, MethodDefinition target)
    {
        if (_found.TryGetValue(redirect.Target, out MethodDefinition? known))
        {
            return known;
        }

        var expected = new List<string>();
        if (target.HasThis && !target.IsConstructor)
        {
            TypeReference instance = target.DeclaringType;
            expected.Add(TypeShape.Of(instance.IsValueType ? new ByReferenceType(instance) : instance));
        }

        expected.AddRange(target.Parameters.Select(static p => TypeShape.Of(p.ParameterType)));
        int arity = target.DeclaringType.GenericParameters.Count + target.GenericParameters.Count;
        if (!_types.TryGetValue(redirect.ShimType, out TypeDefinition? type))
        {
            throw new InvalidOperationException($"TrioTest.Testing has no type {redirect.ShimType}: use the TrioTest.Rewriting and TrioTest.Testing of one version.");
        }

        MethodDefinition shim = type.Methods.SingleOrDefault(m => m.IsStatic && m.Name == redirect.ShimMethod && m.GenericParameters.Count == arity
                && m.Parameters.Select(static p => TypeShape.Of(p.ParameterType)).SequenceEqual(expected))
            ?? throw new InvalidOperationException($"TrioTest.Testing has no shim {redirect.ShimType}.{redirect.ShimMethod}({string.Join(", ", expected)}) for {redirect.Target}: use the TrioTest.Rewriting and TrioTest.Testing of one version.");
        _found.Add(redirect.Target, shim);
        return shim;
    }
}
