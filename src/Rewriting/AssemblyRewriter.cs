using Mono.Cecil;
using Mono.Cecil.Cil;

namespace TrioTest.Rewriting;

/// <summary>
/// Rewrites one assembly: every call to a member in <see cref="RedirectTable"/> becomes a call to its shim in
/// <c>TrioTest.Testing</c>, which does what the member did outside a run and keeps the work on the loop inside one.
/// </summary>
internal sealed class AssemblyRewriter
{
    /// <summary>The resource that marks an assembly as rewritten, so a second pass leaves it alone.</summary>
    public const string MarkerResource = "TrioTest.Rewritten";

    /// <summary>The quick keys (<c>Type::Name</c>) of every target, to skip the members that cannot match without resolving them.</summary>
    private static readonly HashSet<string> s_quickKeys = RedirectTable.ByTarget.Keys.Select(static k => k[..k.IndexOf('(', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);

    private readonly ShimSet _shims;

    public AssemblyRewriter(ShimSet shims) => _shims = shims;

    /// <summary>Rewrites the call sites of <paramref name="module"/> in place.</summary>
    /// <returns>How many sites of each kind were rewritten, and how many were left (a <c>constrained.</c> call).</returns>
    public RewriteCounts Rewrite(ModuleDefinition module)
    {
        var counts = new RewriteCounts();
        foreach (TypeDefinition type in AllTypes(module))
        {
            foreach (MethodDefinition method in type.Methods.Where(static m => m.HasBody))
            {
                RewriteBody(module, method.Body, counts);
            }
        }

        module.Resources.Add(new EmbeddedResource(MarkerResource, ManifestResourceAttributes.Private, "TrioTest.Rewriting"u8.ToArray()));
        return counts;
    }

    /// <summary>Gets a value indicating whether <paramref name="module"/> was rewritten already.</summary>
    public static bool IsRewritten(ModuleDefinition module) => module.Resources.Any(static r => r.Name == MarkerResource);

    private void RewriteBody(ModuleDefinition module, MethodBody body, RewriteCounts counts)
    {
        Instruction? previous = null;
        foreach (Instruction instruction in body.Instructions)
        {
            if (instruction.Operand is MethodReference called
                && (instruction.OpCode == OpCodes.Call || instruction.OpCode == OpCodes.Callvirt || instruction.OpCode == OpCodes.Newobj)
                && s_quickKeys.Contains(called.DeclaringType.GetElementType().FullName + "::" + called.Name)
                && called.Resolve() is { } target
                && RedirectTable.ByTarget.TryGetValue(KeyOf(target), out Redirect? redirect))
            {
                if (previous?.OpCode == OpCodes.Constrained)
                {
                    counts.Skipped++;
                }
                else
                {
                    instruction.OpCode = OpCodes.Call;
                    instruction.Operand = Instantiate(module.ImportReference(_shims.Find(redirect, target)), called);
                    counts.Add(redirect.Kind);
                }
            }

            previous = instruction;
        }
    }

    /// <summary>Gives a generic shim the call's generic arguments: the declaring type's first, then the method's.</summary>
    private static MethodReference Instantiate(MethodReference shim, MethodReference called)
    {
        if (!shim.HasGenericParameters)
        {
            return shim;
        }

        var instance = new GenericInstanceMethod(shim);
        if (called.DeclaringType is GenericInstanceType type)
        {
            foreach (TypeReference argument in type.GenericArguments)
            {
                instance.GenericArguments.Add(argument);
            }
        }

        if (called is GenericInstanceMethod method)
        {
            foreach (TypeReference argument in method.GenericArguments)
            {
                instance.GenericArguments.Add(argument);
            }
        }

        return instance;
    }

    /// <summary>The key of a member's definition, as <see cref="RedirectTable"/> writes it.</summary>
    private static string KeyOf(MethodDefinition method) =>
        $"{method.DeclaringType.FullName}::{method.Name}({string.Join(",", method.Parameters.Select(static p => p.ParameterType.FullName))})";

    /// <summary>Every type of the module, nested ones included, in declaration order.</summary>
    private static IEnumerable<TypeDefinition> AllTypes(ModuleDefinition module)
    {
        var pending = new Stack<TypeDefinition>(module.Types.Reverse());
        while (pending.Count > 0)
        {
            TypeDefinition type = pending.Pop();
            yield return type;
            foreach (TypeDefinition nested in type.NestedTypes.Reverse())
            {
                pending.Push(nested);
            }
        }
    }
}
