namespace TrioTest.Rewriting;

/// <summary>How many call sites of each kind one assembly had rewritten.</summary>
internal sealed class RewriteCounts
{
    /// <summary>Sites by kind, in the order kinds were first seen.</summary>
    private readonly List<(string Kind, int Count)> _byKind = [];

    /// <summary>Gets or sets how many matching sites were left as they were (a <c>constrained.</c> call).</summary>
    public int Skipped { get; set; }

    /// <summary>Gets how many sites were rewritten.</summary>
    public int Total => _byKind.Sum(static k => k.Count);

    /// <summary>Counts one rewritten site of <paramref name="kind"/>.</summary>
    public void Add(string kind)
    {
        int index = _byKind.FindIndex(k => k.Kind == kind);
        if (index < 0)
        {
            _byKind.Add((kind, 1));
        }
        else
        {
            _byKind[index] = (kind, _byKind[index].Count + 1);
        }
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        string kinds = _byKind.Count == 0 ? "no call sites to rewrite" : $"{Total} call sites ({string.Join(", ", _byKind.OrderBy(static k => k.Kind, StringComparer.Ordinal).Select(static k => $"{k.Kind} {k.Count}"))})";
        return Skipped == 0 ? kinds : $"{kinds}, {Skipped} left as they were (constrained calls)";
    }
}
