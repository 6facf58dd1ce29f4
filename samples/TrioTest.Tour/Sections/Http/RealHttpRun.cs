namespace TrioTest.Tour.Sections.Http;

/// <summary>The real half of the HTTP section.</summary>
/// <param name="Half">The times.</param>
/// <param name="ServerAddress">Where the server listened.</param>
/// <param name="ServerStartTime">The real time Kestrel took to start.</param>
/// <param name="Escapes">How many escapes the loop recorded: real I/O completions posting back from other threads.</param>
internal sealed record RealHttpRun(HttpHalf Half, Uri ServerAddress, TimeSpan ServerStartTime, int Escapes);
