using TrioTest.Tour.Running;

namespace TrioTest.Tour;

/// <summary>
/// The files <c>--trace-json</c> writes: with <c>--section</c>, the given file; for the whole tour, one file per section,
/// named with the section before the extension (<c>trace.json</c> gives <c>trace.scheduler.json</c>, <c>trace.cpu.json</c>...).
/// Each holds the Chrome trace-event JSON of its section's main run, as <see cref="Testing.CheckpointTrace.WriteChromeTrace"/> writes it.
/// </summary>
/// <remarks>
/// One file per section, not one merged file: every section's steps count from zero, and each file stays exactly what
/// Testing writes. All files are created before the first section runs, so a bad path fails at once, not a minute in.
/// </remarks>
internal sealed class TraceFiles : IDisposable
{
    /// <summary>The open file of each section.</summary>
    private readonly Dictionary<string, (string Path, FileStream Stream)> _files;

    private TraceFiles(Dictionary<string, (string Path, FileStream Stream)> files) => _files = files;

    /// <summary>Gets the path of the file for <paramref name="section"/>.</summary>
    /// <param name="file">The path given to <c>--trace-json</c>.</param>
    /// <param name="section">The section.</param>
    /// <param name="single"><see langword="true"/> if only this section runs; otherwise, <see langword="false"/>.</param>
    /// <returns>The path.</returns>
    public static string PathFor(string file, string section, bool single) =>
        single ? file : Path.Combine(Path.GetDirectoryName(file) ?? string.Empty, $"{Path.GetFileNameWithoutExtension(file)}.{section}{Path.GetExtension(file)}");

    /// <summary>Creates the file of every section that will run.</summary>
    /// <param name="file">The path given to <c>--trace-json</c>.</param>
    /// <param name="sections">The sections that will run.</param>
    /// <param name="files">The open files, when every one could be created.</param>
    /// <param name="problem">Which file could not be created and why, when one could not.</param>
    /// <returns><see langword="true"/> if every file was created; otherwise, <see langword="false"/>, and none is left open.</returns>
    public static bool TryCreate(string file, IReadOnlyList<TourSection> sections, out TraceFiles? files, out string problem)
    {
        var opened = new Dictionary<string, (string Path, FileStream Stream)>(StringComparer.Ordinal);
        foreach (TourSection section in sections)
        {
            string path = PathFor(file, section.Name, sections.Count == 1);
            try
            {
                opened.Add(section.Name, (path, new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                new TraceFiles(opened).Dispose();
                files = null;
                problem = $"--trace-json cannot write '{path}': {e.Message}";
                return false;
            }
        }

        files = new TraceFiles(opened);
        problem = string.Empty;
        return true;
    }

    /// <summary>Writes a section's trace and closes its file.</summary>
    /// <param name="section">The section.</param>
    /// <param name="trace">Its trace.</param>
    /// <returns>The path written.</returns>
    public string Write(string section, Testing.CheckpointTrace trace)
    {
        (string path, FileStream stream) = _files[section];
        using (stream)
        {
            trace.WriteChromeTrace(stream);
        }

        return path;
    }

    /// <summary>Closes and deletes a section's file, when the section failed before it had a trace.</summary>
    /// <param name="section">The section.</param>
    public void Discard(string section)
    {
        (string path, FileStream stream) = _files[section];
        stream.Dispose();
        File.Delete(path);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach ((_, FileStream stream) in _files.Values)
        {
            stream.Dispose();
        }
    }
}
