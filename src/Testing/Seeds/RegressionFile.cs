using System.Text;

namespace TrioTest.Testing;

/// <summary>
/// The regression file: seeds that failed, kept beside the test project and replayed first on later runs (as
/// Hypothesis and proptest do). Users commit it. It is plain text a person can read and edit:
/// </summary>
/// <remarks>
/// <code>
/// # InvalidOperationException: balance went negative
/// 0x9E3779B97F4A7C15 MyTests.BankTests.Transfers_keep_the_total
/// </code>
/// <para>Each entry is a seed, a space and the test's name (the rest of the line); lines starting with <c>#</c> are
/// comments. A line that is neither is reported as a warning and skipped. Writes go to a temporary file that then
/// replaces the original, under a lock file, so a crash mid-write never loses or truncates the file and parallel
/// tests never interleave their entries. Delete an entry once its bug is fixed; passing entries are kept (a seed
/// that once failed is a cheap regression test).</para>
/// </remarks>
public static class RegressionFile
{
    /// <summary>The file name the adapters use beside the test project.</summary>
    public const string DefaultFileName = "triotest-regressions.txt";

    /// <summary>The header written at the top of a new file.</summary>
    private const string Header =
        "# TrioTest regression seeds: schedules that failed, replayed first on every later run of their test.\n" +
        "# Commit this file. Each entry is \"<seed> <test name>\"; lines starting with # are comments. Delete an entry once its bug is fixed.\n";

    /// <summary>The default path found for each assembly directory: looking for the project file costs a directory walk per test otherwise.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_defaultPaths = new(StringComparer.Ordinal);

    /// <summary>Serializes writers within the process; the lock file serializes processes.</summary>
    private static readonly object s_writeLock = new();

    /// <summary>Reads the seeds recorded for <paramref name="testName"/>, in file order, without repeats.</summary>
    /// <param name="path">The file; a missing file has no entries.</param>
    /// <param name="testName">The test's name, as recorded.</param>
    /// <param name="warnings">Receives one message per corrupt line.</param>
    /// <returns>The seeds.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> or <paramref name="testName"/> is empty.</exception>
    /// <exception cref="TrioTestConfigurationException">The file exists but cannot be read.</exception>
    public static IReadOnlyList<ulong> ReadSeeds(string path, string testName, ICollection<string> warnings)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(testName);
        ArgumentNullException.ThrowIfNull(warnings);
        var seeds = new List<ulong>();
        foreach (Entry entry in ReadEntries(path, warnings))
        {
            if (string.Equals(entry.TestName, testName, StringComparison.Ordinal) && !seeds.Contains(entry.Seed))
            {
                seeds.Add(entry.Seed);
            }
        }

        return seeds;
    }

    /// <summary>Records a failing seed for <paramref name="testName"/>, with a comment line above it; does nothing if the entry exists.</summary>
    /// <param name="path">The file; created (with its directory) if missing.</param>
    /// <param name="testName">The test's name.</param>
    /// <param name="seed">The failing seed.</param>
    /// <param name="comment">A one-line note, such as the exception's type and message; line breaks are flattened.</param>
    /// <returns><see langword="true"/> if the entry was added; <see langword="false"/> if it was there already.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> or <paramref name="testName"/> is empty, or the name contains a line break.</exception>
    /// <exception cref="TrioTestConfigurationException">The file cannot be read or written.</exception>
    public static bool Record(string path, string testName, ulong seed, string? comment)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(testName);
        if (testName.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            throw new ArgumentException("A test name in the regression file must be one line.", nameof(testName));
        }

        lock (s_writeLock)
        {
            try
            {
                string fullPath = Path.GetFullPath(path);
                Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
                using FileStream guard = AcquireLockFile(fullPath + ".lock");
                string existing = File.Exists(fullPath) ? File.ReadAllText(fullPath) : Header;
                foreach (Entry entry in Parse(existing, fullPath, warnings: null))
                {
                    if (entry.Seed == seed && string.Equals(entry.TestName, testName, StringComparison.Ordinal))
                    {
                        return false;
                    }
                }

                var text = new StringBuilder(existing);
                if (text.Length > 0 && text[^1] != '\n')
                {
                    text.Append('\n');
                }

                if (!string.IsNullOrWhiteSpace(comment))
                {
                    text.Append("# ").Append(comment.ReplaceLineEndings(" ").Trim()).Append('\n');
                }

                text.Append(TrioSeed.Format(seed)).Append(' ').Append(testName).Append('\n');

                // Write beside the file, then rename over it: the rename is atomic, so the old content survives any crash before it.
                string temporary = $"{fullPath}.{Environment.ProcessId}.tmp";
                File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                File.Move(temporary, fullPath, overwrite: true);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new TrioTestConfigurationException(
                    $"TrioTest could not record the failing seed in the regression file {path}: {e.Message} Make the file and its directory writable, or turn regression recording off.", e);
            }
        }
    }

    /// <summary>Finds the default regression file for a test assembly: <see cref="DefaultFileName"/> in the nearest directory above it that holds a project file, else beside the assembly.</summary>
    /// <param name="assemblyDirectory">The directory of the test assembly (its bin folder).</param>
    /// <returns>The path of the regression file (it may not exist yet).</returns>
    /// <exception cref="ArgumentException"><paramref name="assemblyDirectory"/> is empty.</exception>
    public static string FindDefaultPath(string assemblyDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(assemblyDirectory);
        return s_defaultPaths.GetOrAdd(assemblyDirectory, FindProjectDirectory);
    }

    /// <summary>Walks up from the assembly's directory to the nearest one holding a project file.</summary>
    private static string FindProjectDirectory(string assemblyDirectory)
    {
        for (DirectoryInfo? directory = new(assemblyDirectory); directory is not null; directory = directory.Parent)
        {
            if (directory.EnumerateFiles("*.csproj").Any() || directory.EnumerateFiles("*.fsproj").Any() || directory.EnumerateFiles("*.vbproj").Any())
            {
                return Path.Combine(directory.FullName, DefaultFileName);
            }
        }

        return Path.Combine(assemblyDirectory, DefaultFileName);
    }

    /// <summary>Reads every entry of the file.</summary>
    private static List<Entry> ReadEntries(string path, ICollection<string> warnings)
    {
        string text;
        try
        {
            if (Directory.Exists(path))
            {
                throw new IOException("It is a directory, not a file.");
            }

            if (!File.Exists(path))
            {
                return [];
            }

            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrioTestConfigurationException(
                $"TrioTest cannot read the regression file {path}: {e.Message} It must be a readable text file of \"<seed> <test name>\" lines; fix its permissions, or delete it to start afresh.", e);
        }

        return Parse(text, path, warnings);
    }

    /// <summary>Parses the file's text; corrupt lines are reported to <paramref name="warnings"/> and skipped.</summary>
    private static List<Entry> Parse(string text, string path, ICollection<string>? warnings)
    {
        var entries = new List<Entry>();
        int number = 0;
        foreach (string rawLine in text.Split('\n'))
        {
            number++;
            string line = rawLine.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            int space = line.IndexOf(' ', StringComparison.Ordinal);
            string name = space < 0 ? string.Empty : line[(space + 1)..].Trim();
            if (space < 0 || name.Length == 0 || !TrioSeed.TryParse(line[..space], out ulong seed))
            {
                warnings?.Add($"{path}:{number}: skipped the corrupt regression entry \"{line}\"; an entry is \"<seed> <test name>\", such as \"0x9E3779B97F4A7C15 MyTests.Bank.Transfer\". Fix or delete the line.");
                continue;
            }

            entries.Add(new Entry(seed, name));
        }

        return entries;
    }

    /// <summary>Opens the lock file exclusively, retrying while another process holds it.</summary>
    private static FileStream AcquireLockFile(string path)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 200)
            {
                Thread.Sleep(10);
            }
        }
    }

    /// <summary>One entry of the file.</summary>
    private readonly record struct Entry(ulong Seed, string TestName);
}
