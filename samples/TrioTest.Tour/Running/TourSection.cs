namespace TrioTest.Tour.Running;

/// <summary>One section of the tour: its name for <c>--section</c>, its title, and how to run it with a seed.</summary>
/// <param name="Name">The name, as <c>--section</c> takes it.</param>
/// <param name="Title">The title, after the article's heading.</param>
/// <param name="Run">Runs the section with the seed of its virtual runs.</param>
internal sealed record TourSection(string Name, string Title, Func<ulong, SectionResult> Run);
