namespace TrioTest;

/// <summary>Default task names, from the function's method as Trio takes them from its qualified name.</summary>
internal static class TaskNames
{
    /// <summary>Returns a readable name for <paramref name="function"/>: its method's name, <c>Outer.lambda</c> for a lambda, or a local function's own name.</summary>
    public static string Of(Delegate function)
    {
        string name = function.Method.Name;
        if (name.Length == 0 || name[0] != '<')
        {
            return name;
        }

        // Compiler-generated: "<Outer>b__3_0" for a lambda, "<Outer>g__Local|3_0" for a local function.
        int close = name.IndexOf('>', StringComparison.Ordinal);
        string outer = close > 1 ? name[1..close] : "task";
        int local = name.IndexOf(">g__", StringComparison.Ordinal);
        if (local >= 0)
        {
            int start = local + 4;
            int end = name.IndexOf('|', start);
            return end > start ? name[start..end] : outer;
        }

        return $"{outer}.lambda";
    }
}
