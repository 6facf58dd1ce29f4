using System.Collections.Concurrent;

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
/// comments. A line that is neither is reported as a warning, once per process, and skipped.</para>
/// <para>A process parses the file once and keeps the parse while the file's length and last write time stay the same,
/// so a thousand tests over a large file cost one parse, and a write by any process is seen by the next lookup.</para>
/// <para>Writers append under a lock file (<c>&lt;file&gt;.lock</c>, see <see cref="RegressionFileLock"/>): a writer
/// waits its turn however many processes write, a stale lock left by a killed process is broken with a note, and
/// appending never rewrites what is there, so a crash mid-write never loses or truncates the file. A read-only file is
/// left as it is and the seed is reported instead. Delete an entry once its bug is fixed; passing entries are kept (a
/// seed that once failed is a cheap regression test).</para>
/// </remarks>
public static partial class RegressionFile
{
    /// <summary>The file name the adapters use beside the test project.</summary>
    public const string DefaultFileName = "triotest-regressions.txt";

    /// <summary>The default path found for each assembly directory: looking for the project file costs a directory walk per test otherwise.</summary>
    private static readonly ConcurrentDictionary<string, string> s_defaultPaths = new(StringComparer.Ordinal);

    /// <summary>The state kept for each file this process has used, by full path.</summary>
    private static readonly ConcurrentDictionary<string, FileState> s_files = new(StringComparer.Ordinal);

    /// <summary>The corrupt lines already warned about, so parallel tests over one file do not each repeat the warnings.</summary>
    private static readonly ConcurrentDictionary<(string Path, int Number, string Text), byte> s_warned = new();

    /// <summary>Reads the seeds recorded for <paramref name="testName"/>, in file order, without repeats.</summary>
    /// <param name="path">The file; a missing file has no entries.</param>
    /// <param name="testName">The test's name, as recorded.</param>
    /// <param name="warnings">Receives one message per corrupt line not yet reported by this process.</param>
    /// <returns>The seeds.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> or <paramref name="testName"/> is empty.</exception>
    /// <exception cref="TrioTestConfigurationException">The file exists but cannot be read.</exception>
    /// <example>
    /// <code>
    /// var warnings = new List&lt;string&gt;();
    /// foreach (Seed seed in RegressionFile.ReadSeeds("triotest-regressions.txt", "MyTests.Bank.Transfer", warnings))
    /// {
    ///     TrioTestRunner.Run(body, new TrioTestOptions { Seed = seed });
    /// }
    /// </code>
    /// </example>
    public static IReadOnlyList<Seed> ReadSeeds(string path, string testName, ICollection<string> warnings)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(testName);
        ArgumentNullException.ThrowIfNull(warnings);
        string fullPath = Path.GetFullPath(path);
        RegressionSnapshot snapshot = GetSnapshot(fullPath, path);
        foreach (CorruptLine line in snapshot.CorruptLines)
        {
            if (s_warned.TryAdd((fullPath, line.Number, line.Text), 0))
            {
                warnings.Add($"{path}:{line.Number}: skipped the corrupt regression entry \"{line.Text}\"; an entry is \"<seed> <test name>\", such as \"0x9E3779B97F4A7C15 MyTests.Bank.Transfer\". Fix or delete the line.");
            }
        }

        return snapshot.SeedsFor(testName);
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

    /// <summary>
    /// Finds the default regression file for <paramref name="testAssembly"/>: as <see cref="FindDefaultPath(string)"/> from the
    /// folder it was loaded from, or from the app's folder when it has no file (a single-file app, an assembly loaded from bytes).
    /// </summary>
    /// <param name="testAssembly">The test assembly.</param>
    /// <returns>The path of the regression file (it may not exist yet).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="testAssembly"/> is null.</exception>
    public static string FindDefaultPath(System.Reflection.Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        return FindDefaultPath(Path.GetDirectoryName(testAssembly.Location) is { Length: > 0 } directory ? directory : AppContext.BaseDirectory);
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

    /// <summary>Gets the parse of the file as it is now: the cached one if the file's stamp is unchanged, else a new one.</summary>
    /// <param name="fullPath">The file's full path.</param>
    /// <param name="path">The path as the caller gave it, for messages.</param>
    private static RegressionSnapshot GetSnapshot(string fullPath, string path)
    {
        FileState state = s_files.GetOrAdd(fullPath, static _ => new FileState());
        FileStamp stamp = ReadStamp(fullPath, path);
        RegressionSnapshot? cached = state.Snapshot;
        if (cached is not null && cached.Stamp == stamp)
        {
            return cached;
        }

        // One parse per change, not one per thread: parallel tests would otherwise each parse the same large file.
        lock (state.ReadGate)
        {
            stamp = ReadStamp(fullPath, path);
            cached = state.Snapshot;
            if (cached is not null && cached.Stamp == stamp)
            {
                return cached;
            }

            // The stamp is read before the text: a write in between leaves a snapshot whose stamp is older than its
            // text, which the next lookup re-reads; the other order could cache old text under the new stamp for good.
            RegressionSnapshot snapshot = stamp.Exists ? RegressionSnapshot.Parse(ReadText(fullPath, path), stamp) : RegressionSnapshot.Missing;
            state.Snapshot = snapshot;
            return snapshot;
        }
    }

    /// <summary>Reads the file's stamp, or throws the error for an unreadable file.</summary>
    private static FileStamp ReadStamp(string fullPath, string path)
    {
        try
        {
            return FileStamp.Read(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowCannotRead(path, e);
            return default;
        }
    }

    /// <summary>Reads the file's text, or throws the error for an unreadable file; a file deleted since its stamp reads as empty.</summary>
    private static string ReadText(string fullPath, string path)
    {
        try
        {
            return File.ReadAllText(fullPath);
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            ThrowCannotRead(path, e);
            return string.Empty;
        }
    }

    /// <summary>Throws the error for a regression file that cannot be read.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowCannotRead(string path, Exception e) =>
        throw new TrioTestConfigurationException(
            $"TrioTest cannot read the regression file {path}: {e.Message} It must be a readable text file of \"<seed> <test name>\" lines; fix its permissions, or delete it to start afresh.", e);

    /// <summary>What this process keeps for one regression file.</summary>
    private sealed class FileState
    {
        /// <summary>Serializes parsing, so a change is parsed once however many tests look at once.</summary>
        public object ReadGate { get; } = new();

        /// <summary>Serializes this process's writers, so only one of its threads at a time waits for the lock file.</summary>
        public object WriteGate { get; } = new();

        /// <summary>The latest parse; replaced whole, never changed, so readers need no lock.</summary>
        private volatile RegressionSnapshot? _snapshot;

        /// <summary>Gets or sets the latest parse.</summary>
        public RegressionSnapshot? Snapshot
        {
            get => _snapshot;
            set => _snapshot = value;
        }
    }
}
