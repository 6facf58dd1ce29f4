namespace TrioTest.Tour.Sections.Http;

/// <summary>One of the pages the HTTP section fetches, and how long its server takes to answer.</summary>
/// <param name="Number">The page's number, from 1.</param>
/// <param name="Delay">The server's delay before it answers (real or virtual).</param>
internal sealed record Page(int Number, TimeSpan Delay)
{
    /// <summary>Gets the twelve pages of the tour: delays 10 to 120 ms in a fixed shuffled order, 780 ms in all.</summary>
    public static IReadOnlyList<Page> Twelve { get; } =
        [.. new[] { 70, 20, 110, 40, 90, 10, 120, 50, 30, 100, 60, 80 }.Select((ms, i) => new Page(i + 1, TimeSpan.FromMilliseconds(ms)))];

    /// <summary>Gets the page's path, such as <c>/page/3</c>.</summary>
    public string Path => $"/page/{Number}";

    /// <summary>Gets the page's body, which the fetcher checks.</summary>
    public string Body => $"This is page {Number}.";
}
