using System.Text;

namespace TrioTest.Testing;

/// <summary>Recording: appending an entry under the lock file, and cleaning up after writers that died.</summary>
public static partial class RegressionFile
{
    /// <summary>The header written at the top of a new file.</summary>
    private const string Header =
        "# TrioTest regression seeds: schedules that failed, replayed first on every later run of their test.\n" +
        "# Commit this file. Each entry is \"<seed> <test name>\"; lines starting with # are comments. Delete an entry once its bug is fixed.\n";

    /// <summary>The file's encoding: UTF-8 without a byte order mark, so an append never inserts one mid-file.</summary>
    private static readonly UTF8Encoding s_encoding = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Records a failing seed for <paramref name="testName"/>, with a comment line above it; does nothing if the entry exists.</summary>
    /// <param name="path">The file; created (with its directory) if missing.</param>
    /// <param name="testName">The test's name.</param>
    /// <param name="seed">The failing seed.</param>
    /// <param name="comment">A one-line note, such as the exception's type and message; line breaks are flattened.</param>
    /// <returns><see langword="true"/> if the entry was added; <see langword="false"/> if it was there already.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> or <paramref name="testName"/> is empty, or the name contains a line break.</exception>
    /// <exception cref="TrioTestConfigurationException">The file is read-only or cannot be read or written; the message names the seed that was not recorded.</exception>
    /// <remarks>Notes about stale locks and temporary files cleaned up on the way go to the standard error stream; the overload with <c>warnings</c> collects them instead.</remarks>
    public static bool Record(string path, string testName, Seed seed, string? comment) => Record(path, testName, seed, comment, warnings: null);

    /// <summary>Records a failing seed for <paramref name="testName"/>, with a comment line above it; does nothing if the entry exists.</summary>
    /// <param name="path">The file; created (with its directory) if missing.</param>
    /// <param name="testName">The test's name.</param>
    /// <param name="seed">The failing seed.</param>
    /// <param name="comment">A one-line note, such as the exception's type and message; line breaks are flattened.</param>
    /// <param name="warnings">Receives a note for each stale lock broken and each stale temporary file deleted; <see langword="null"/> to write them to the standard error stream.</param>
    /// <returns><see langword="true"/> if the entry was added; <see langword="false"/> if it was there already.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> or <paramref name="testName"/> is empty, or the name contains a line break.</exception>
    /// <exception cref="TrioTestConfigurationException">The file is read-only or cannot be read or written; the message names the seed that was not recorded.</exception>
    /// <example>
    /// <code>
    /// var warnings = new List&lt;string&gt;();
    /// RegressionFile.Record("triotest-regressions.txt", "MyTests.Bank.Transfer", 0x9E3779B97F4A7C15, "InvalidOperationException: lost an update", warnings);
    /// </code>
    /// </example>
    public static bool Record(string path, string testName, Seed seed, string? comment, ICollection<string>? warnings)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(testName);
        if (testName.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            ThrowNameHasLineBreak();
        }

        string fullPath = Path.GetFullPath(path);
        FileState state = s_files.GetOrAdd(fullPath, static _ => new FileState());
        var notes = new List<string>();
        try
        {
            lock (state.WriteGate)
            {
                return RecordUnderGate(fullPath, path, testName, seed, comment, notes);
            }
        }
        finally
        {
            foreach (string note in notes)
            {
                if (warnings is null)
                {
                    Console.Error.WriteLine(note);
                }
                else
                {
                    warnings.Add(note);
                }
            }
        }
    }

    /// <summary>Records the entry; the caller holds this process's write gate for the file.</summary>
    private static bool RecordUnderGate(string fullPath, string path, string testName, Seed seed, string? comment, List<string> notes)
    {
        try
        {
            // Checked before anything is created: a read-only file is the user's choice, and must not gain a lock file
            // beside it or be replaced (a rename over it would need only the directory to be writable).
            if (IsReadOnly(fullPath))
            {
                ThrowNotRecorded(path, testName, seed, "the file is read-only", "make it writable (chmod u+w, or clear its read-only attribute)", inner: null);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            using RegressionFileLock fileLock = RegressionFileLock.Acquire(fullPath + ".lock", notes);
            DeleteStaleTemporaryFiles(fullPath, notes);

            // Under the lock the file changes only by our hand, so the check and the append cannot be split by another
            // writer's append of the same entry.
            RegressionSnapshot snapshot = GetSnapshot(fullPath, path);
            if (snapshot.Contains(testName, seed))
            {
                return false;
            }

            var entry = new StringBuilder();
            if (!string.IsNullOrWhiteSpace(comment))
            {
                entry.Append("# ").Append(comment.ReplaceLineEndings(" ").Trim()).Append('\n');
            }

            entry.Append(seed.ToString()).Append(' ').Append(testName).Append('\n');
            Append(fullPath, entry.ToString());
            return true;
        }
        catch (TimeoutException e)
        {
            ThrowNotRecorded(path, testName, seed, e.Message, "then run the test again", e);
            return false;
        }
        catch (UnauthorizedAccessException e)
        {
            ThrowNotRecorded(path, testName, seed, e.Message, "make the file and its directory writable", e);
            return false;
        }
        catch (IOException e)
        {
            ThrowNotRecorded(path, testName, seed, e.Message, "check the disk and the file's directory", e);
            return false;
        }
    }

    /// <summary>Appends <paramref name="entry"/> in one write, after a header if the file is new and a line break if its last line has none.</summary>
    private static void Append(string fullPath, string entry)
    {
        bool existed = File.Exists(fullPath);

        // Readers are not locked out: they read either the old length or the new one, and an append is one write.
        using var stream = new FileStream(fullPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        long length = stream.Length;
        string prefix = string.Empty;
        if (length == 0 && !existed)
        {
            prefix = Header;
        }
        else if (length > 0)
        {
            // A line left without its break (a hand edit, or a writer that died mid-write) must not swallow our entry.
            stream.Seek(length - 1, SeekOrigin.Begin);
            if (stream.ReadByte() != '\n')
            {
                prefix = "\n";
            }
        }

        stream.Seek(length, SeekOrigin.Begin);
        stream.Write(s_encoding.GetBytes(prefix + entry));
    }

    /// <summary>Deletes the <c>&lt;file&gt;.&lt;pid&gt;.tmp</c> files earlier TrioTest versions wrote beside the file; the caller holds the lock.</summary>
    /// <remarks>Those versions wrote the temporary file under the same lock, so while we hold it any such file is one a writer left when it died or its rename failed.</remarks>
    private static void DeleteStaleTemporaryFiles(string fullPath, List<string> notes)
    {
        string directory = Path.GetDirectoryName(fullPath)!;
        string prefix = Path.GetFileName(fullPath) + ".";
        foreach (string temporary in Directory.EnumerateFiles(directory, prefix + "*.tmp"))
        {
            string middle = Path.GetFileName(temporary)[prefix.Length..^".tmp".Length];
            if (middle.Length > 0 && middle.All(char.IsAsciiDigit))
            {
                File.Delete(temporary);
                notes.Add($"TrioTest deleted {temporary}, a temporary file left by a regression-file writer (process {middle}) that stopped before renaming it.");
            }
        }
    }

    /// <summary>Tells whether the file exists and is marked read-only (no owner write permission on Unix, the read-only attribute on Windows).</summary>
    private static bool IsReadOnly(string fullPath)
    {
        if (!File.Exists(fullPath))
        {
            return false;
        }

        // The mark, not an attempt to open it: a process running as root may write anything, but the mark is still the owner's wish.
        return OperatingSystem.IsWindows()
            ? (File.GetAttributes(fullPath) & FileAttributes.ReadOnly) != 0
            : (File.GetUnixFileMode(fullPath) & UnixFileMode.UserWrite) == 0;
    }

    /// <summary>Throws the error for a test name that would break the line format.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowNameHasLineBreak() =>
        throw new ArgumentException("A test name in the regression file must be one line.", "testName");

    /// <summary>Throws the error for a seed that was not recorded, naming the seed, the test, the cause and the fix.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowNotRecorded(string path, string testName, Seed seed, string cause, string fix, Exception? inner)
    {
        string seedText = seed.ToString();
        string message =
            $"TrioTest did not record the failing seed {seedText} of {testName} in the regression file {path}: {cause.TrimEnd('.')}. " +
            $"To record seeds, {fix}, or turn recording off ([assembly: AsyncTestDefaults(RecordRegressions = false)]). " +
            $"The seed still replays with [AsyncTest(Seed = \"{seedText}\")] or TRIOTEST_SEED={seedText}.";
        throw inner is null ? new TrioTestConfigurationException(message) : new TrioTestConfigurationException(message, inner);
    }
}
