using System.Text;

namespace TrioTest.Testing;

/// <summary>
/// The traces of recorded failing seeds, kept in <c>triotest-traces/</c> beside the regression file (one file per test
/// and seed), so a later replay can say where it stopped being the same schedule (<see cref="TraceDivergence"/>).
/// </summary>
internal static class RecordedTraces
{
    /// <summary>The folder beside the regression file.</summary>
    public const string FolderName = "triotest-traces";

    /// <summary>The longest file name kept from a test's name before a hash stands for the rest.</summary>
    private const int MaxNameLength = 120;

    /// <summary>Gets the trace file of a test's seed: <c>triotest-traces/&lt;test&gt;-0x….trace</c> beside the regression file.</summary>
    public static string PathFor(string regressionFile, string testName, Seed seed)
    {
        string folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(regressionFile)) ?? ".", FolderName);
        return Path.Combine(folder, $"{FileNameOf(testName)}-{seed}.trace");
    }

    /// <summary>Gets a file name for a test: its letters, digits, dots, dashes and underscores, others as '_', long names cut with a hash of the whole.</summary>
    public static string FileNameOf(string testName)
    {
        var name = new StringBuilder(testName.Length);
        foreach (char c in testName)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        return name.Length <= MaxNameLength
            ? name.ToString()
            : name.ToString(0, MaxNameLength) + "-" + StableHash.Of(testName).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Writes a trace (a temporary file, then a move, so a reader never sees half of one); a failure becomes a warning.</summary>
    public static void Write(string path, CheckpointTrace trace, ICollection<string> warnings)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            string temporary = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
            File.WriteAllText(temporary, trace.ToCanonicalText(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"The trace of the recorded seed was not written to {path} ({e.Message}); a later replay of the seed cannot say where it diverges. Make the folder writable.");
        }
    }

    /// <summary>Reads a recorded trace; null when there is none (or it cannot be read, which becomes a warning).</summary>
    public static string? Read(string path, ICollection<string> warnings)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"The recorded trace {path} could not be read ({e.Message}); the replay is not compared with it.");
            return null;
        }
    }
}
