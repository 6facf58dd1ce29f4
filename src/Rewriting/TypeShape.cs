using System.Text;
using Mono.Cecil;

namespace TrioTest.Rewriting;

/// <summary>
/// A type's shape for matching a shim to the member it replaces: names with their generic arguments, any generic
/// parameter as <c>!</c>, and <c>&amp;</c> for a reference. <c>Func&lt;Task&gt;</c>, <c>Func&lt;T&gt;</c> and
/// <c>Func&lt;Task&lt;T&gt;&gt;</c> differ; <c>Task&lt;T&gt;</c> and <c>Task&lt;TResult&gt;</c> do not.
/// </summary>
internal static class TypeShape
{
    /// <summary>Gets the shape of <paramref name="type"/>.</summary>
    public static string Of(TypeReference type)
    {
        var text = new StringBuilder();
        Append(text, type);
        return text.ToString();
    }

    private static void Append(StringBuilder text, TypeReference type)
    {
        switch (type)
        {
            case GenericParameter:
                text.Append('!');
                return;
            case ByReferenceType reference:
                Append(text, reference.ElementType);
                text.Append('&');
                return;
            case GenericInstanceType instance:
                text.Append(instance.ElementType.FullName).Append('<');
                for (int i = 0; i < instance.GenericArguments.Count; i++)
                {
                    if (i > 0)
                    {
                        text.Append(',');
                    }

                    Append(text, instance.GenericArguments[i]);
                }

                text.Append('>');
                return;
            default:
                text.Append(type.FullName);
                if (type.HasGenericParameters)
                {
                    // An open generic declaring type used as an instance parameter: Task`1 is Task`1<!>.
                    text.Append('<').Append(string.Join(",", type.GenericParameters.Select(static _ => "!"))).Append('>');
                }

                return;
        }
    }
}
