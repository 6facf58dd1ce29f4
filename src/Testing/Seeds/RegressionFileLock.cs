using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Globalization;
using System.Text;

namespace TrioTest.Testing;

/// <summary>
/// The lock file that lets one writer at a time, across processes, append to a regression file: <c>&lt;file&gt;.lock</c>,
/// created exclusively, naming its holder (process id, machine, process start time), and deleted on release.
/// </summary>
/// <remarks>
/// <para>The holder keeps the file open without sharing. On Unix .NET takes an exclusive <c>flock</c> for that, and on
/// Windows the share mode does the same; either is dropped by the operating system when the holder dies, even by
/// <c>kill -9</c>. So a waiter that can open the lock file exclusively knows no live process holds it, and then judges it
/// by its record: stale if the holder is no longer running (or its id now belongs to a newer process), if it was written
/// on another machine more than a minute ago, or if it names nobody and is more than two seconds old (a lock of an older
/// TrioTest, or one whose holder died before writing its record). A stale lock is deleted, with a note, by the waiter
/// that still holds it open, so no other waiter can judge and delete it at the same time.</para>
/// <para>A waiter gives up only when the same lock has been held for <see cref="HoldLimit"/>: a live holder appends one
/// entry in milliseconds, so that is a stopped process, not contention.</para>
/// </remarks>
internal sealed class RegressionFileLock : IDisposable
{
    /// <summary>How long one holder may keep the lock before waiters give up.</summary>
    public static readonly TimeSpan HoldLimit = TimeSpan.FromSeconds(30);

    /// <summary>How old a lock whose record names no one must be to be stale: its creator writes the record microseconds after creating it.</summary>
    private static readonly TimeSpan s_anonymousAge = TimeSpan.FromSeconds(2);

    /// <summary>How old a lock from another machine must be to be stale: that machine's processes cannot be looked up.</summary>
    private static readonly TimeSpan s_remoteAge = TimeSpan.FromMinutes(1);

    /// <summary>The longest sleep between two polls of a lock file held from another machine; short, since a holder keeps it for milliseconds.</summary>
    private const int MaxBackoffMilliseconds = 16;

    /// <summary>How long a wait for the machine-wide mutex lasts before the holder's progress is checked.</summary>
    private const int QueueSliceMilliseconds = 250;

    /// <summary>The record this process writes into its lock files, built once.</summary>
    private static readonly Lazy<string> s_record = new(() => FormatRecord(Environment.ProcessId, Environment.MachineName, CurrentProcessStart()));

    /// <summary>Counts identity stamps, so two checks of one process never use the same one.</summary>
    private static int s_stampCount;

    /// <summary>The machine-wide mutex of each lock path, opened once per process.</summary>
    private static readonly ConcurrentDictionary<string, Mutex?> s_queues = new(StringComparer.Ordinal);

    /// <summary>The open, unshared lock file; closing it deletes it.</summary>
    private readonly FileStream _stream;

    /// <summary>The machine-wide mutex this holder owns, if the system has one; released after the lock file is gone.</summary>
    private readonly Mutex? _queue;

    /// <summary>Initializes a new instance of the <see cref="RegressionFileLock"/> class.</summary>
    private RegressionFileLock(FileStream stream, Mutex? queue)
    {
        _stream = stream;
        _queue = queue;
    }

    /// <summary>Takes the lock, waiting for its holder and breaking it if stale.</summary>
    /// <param name="lockPath">The lock file's full path.</param>
    /// <param name="notes">Receives a note for each stale lock broken.</param>
    /// <returns>The held lock; dispose it to release, on the thread that took it.</returns>
    /// <exception cref="TimeoutException">One holder kept the lock for <see cref="HoldLimit"/>.</exception>
    /// <exception cref="IOException">The lock file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    /// <remarks>
    /// Writers on one machine first queue on a named mutex, so a waiter sleeps in the kernel until its turn instead of
    /// polling the lock file: 16 processes polling cost more CPU than the appends themselves. The mutex only orders them;
    /// the lock file is what excludes (writers on other machines sharing the directory, older TrioTest versions), and
    /// a holder killed while owning the mutex hands it on as abandoned.
    /// </remarks>
    public static RegressionFileLock Acquire(string lockPath, ICollection<string> notes)
    {
        Mutex? queue = s_queues.GetOrAdd(lockPath, OpenQueue);
        if (queue is not null)
        {
            WaitForTurn(queue, lockPath);
        }

        try
        {
            return new RegressionFileLock(AcquireFile(lockPath, notes), queue);
        }
        catch
        {
            queue?.ReleaseMutex();
            throw;
        }
    }

    /// <summary>Releases the lock: the lock file is deleted, then closed, so no waiter can take a lock on the deleted file's name; then the next writer of this machine gets its turn.</summary>
    public void Dispose()
    {
        _stream.Dispose();
        _queue?.ReleaseMutex();
    }

    /// <summary>Takes the lock file, polling while another process holds it and breaking it if stale.</summary>
    private static FileStream AcquireFile(string lockPath, ICollection<string> notes)
    {
        FileStamp heldStamp = FileStamp.Missing;
        long heldSince = 0;
        int backoff = 1;
        int failures = 0;
        while (true)
        {
            FileStream? stream = TryCreate(lockPath, ref failures);
            if (stream is not null)
            {
                return stream;
            }

            if (TryBreakStale(lockPath, notes))
            {
                continue;
            }

            // Time the holder, not the wait: a new lock (a new last write time), or none at all, means the previous
            // holder finished, so writers taking turns (and this one losing every race for a while) never count as
            // one holder that is stuck.
            FileStamp stamp = ReadStampOrMissing(lockPath);
            if (stamp != heldStamp || !stamp.Exists)
            {
                heldStamp = stamp;
                heldSince = TimeProvider.System.GetTimestamp();
                backoff = 1;
            }
            else if (TimeProvider.System.GetElapsedTime(heldSince) >= HoldLimit)
            {
                ThrowHeldTooLong(lockPath);
            }

            // A real-time wait on purpose: the holder is another process, outside any run's virtual clock.
            Thread.Sleep(backoff);
            backoff = Math.Min(backoff * 2, MaxBackoffMilliseconds);
        }
    }

    /// <summary>Waits for this machine's writers ahead of us; gives up when one holder keeps its turn for <see cref="HoldLimit"/>.</summary>
    private static void WaitForTurn(Mutex queue, string lockPath)
    {
        FileStamp heldStamp = ReadStampOrMissing(lockPath);
        long heldSince = TimeProvider.System.GetTimestamp();
        while (true)
        {
            try
            {
                if (queue.WaitOne(QueueSliceMilliseconds))
                {
                    return;
                }
            }
            catch (AbandonedMutexException)
            {
                // Its owner died holding it; it is ours now. A lock file it left is judged like any other.
                return;
            }

            // Each holder creates a new lock file, so a stamp that stays put for the whole limit is one holder that is stuck.
            FileStamp stamp = ReadStampOrMissing(lockPath);
            if (stamp != heldStamp)
            {
                heldStamp = stamp;
                heldSince = TimeProvider.System.GetTimestamp();
            }
            else if (TimeProvider.System.GetElapsedTime(heldSince) >= HoldLimit)
            {
                ThrowHeldTooLong(lockPath);
            }
        }
    }

    /// <summary>Opens the machine-wide mutex for a lock path; <see langword="null"/> where named mutexes are unavailable (then the lock file alone serves).</summary>
    private static Mutex? OpenQueue(string lockPath)
    {
        string key = OperatingSystem.IsWindows() ? lockPath.ToUpperInvariant() : lockPath;
        string name = @"Global\TrioTest.Regressions." + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16);
        try
        {
            return new Mutex(initiallyOwned: false, name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or WaitHandleCannotBeOpenedException or PlatformNotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Formats a lock record: <c>&lt;pid&gt; &lt;machine&gt; &lt;process start, UTC, round-trip&gt;</c>.</summary>
    /// <param name="processId">The holder's process id.</param>
    /// <param name="machine">The holder's machine name.</param>
    /// <param name="processStart">When the holder started (UTC), to tell it from a later process given the same id.</param>
    /// <returns>The record, one line.</returns>
    internal static string FormatRecord(int processId, string machine, DateTime processStart) =>
        string.Create(CultureInfo.InvariantCulture, $"{processId} {machine} {processStart.ToUniversalTime():O}\n");

    /// <summary>Creates the lock file if there is none; <see langword="null"/> if another process has one.</summary>
    private static FileStream? TryCreate(string lockPath, ref int failures)
    {
        try
        {
            var stream = new FileStream(lockPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.DeleteOnClose);
            try
            {
                stream.Write(Encoding.UTF8.GetBytes(s_record.Value));
                stream.Flush();
                return stream;
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }
        catch (IOException) when (File.Exists(lockPath) || ++failures < 100)
        {
            // It exists (another holder), or it vanished between our attempt and the check (a holder released it):
            // try again. Only an error that persists with no lock file there (a full disk) escapes.
            return null;
        }
    }

    /// <summary>Deletes the lock file if it is stale; <see langword="true"/> if it is gone (try again at once).</summary>
    private static bool TryBreakStale(string lockPath, ICollection<string> notes)
    {
        FileStream probe;
        try
        {
            // Unshared, like a holder: it opens only when no live process holds the file. Windows needs Delete shared to
            // delete the file through its name while it is open; on Unix any sharing but None would take a shared flock.
            probe = new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, OperatingSystem.IsWindows() ? FileShare.Delete : FileShare.None, bufferSize: 0);
        }
        catch (FileNotFoundException)
        {
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        using (probe)
        {
            string? reason = StaleReason(probe);
            if (reason is null)
            {
                return false;
            }

            // Race: between our open and our lock, another waiter may have deleted this file and a new holder created
            // the name afresh; deleting by name would then delete the live lock. So stamp the open file with a time only
            // this check uses and delete only if the name still shows it. While we hold the file no one else can delete
            // it, and no one can create the name while it exists.
            DateTime identity = new DateTime(1990, 1, 1, 0, 0, 0, DateTimeKind.Utc)
                .AddSeconds(2.0 * ((Environment.ProcessId & 0x3FFFFF) * 4096L + (Interlocked.Increment(ref s_stampCount) & 4095)));
            File.SetLastWriteTimeUtc(probe.SafeFileHandle, identity);
            if (File.GetLastWriteTimeUtc(lockPath) != identity)
            {
                return true;
            }

            File.Delete(lockPath);
            notes.Add($"TrioTest broke the stale lock {lockPath}: it was held by {reason}.");
            return true;
        }
    }

    /// <summary>Judges a lock file no live process holds open; the reason it is stale, or <see langword="null"/> if it is not.</summary>
    private static string? StaleReason(FileStream probe)
    {
        var buffer = new byte[512];
        int length = probe.Read(buffer);
        string[] parts = Encoding.UTF8.GetString(buffer, 0, length).Trim().Split(' ');
        TimeSpan age = TimeProvider.System.GetUtcNow().UtcDateTime - File.GetLastWriteTimeUtc(probe.SafeFileHandle);
        if (parts.Length != 3
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int processId)
            || !DateTime.TryParseExact(parts[2], "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTime started))
        {
            return age >= s_anonymousAge ? $"a process it does not name (written {Math.Round(age.TotalSeconds)} s ago)" : null;
        }

        if (!string.Equals(parts[1], Environment.MachineName, StringComparison.OrdinalIgnoreCase))
        {
            return age >= s_remoteAge ? $"process {processId} on {parts[1]} (written {Math.Round(age.TotalSeconds)} s ago)" : null;
        }

        // With file locking on, a live holder keeps the file locked and we could not have opened it: a running process
        // here is one whose id was reused, or a holder on a system where .NET's file locking is off.
        return IsRunning(processId, started) ? null : $"process {processId}, which is no longer running";
    }

    /// <summary>Tells whether the process that started at <paramref name="started"/> with id <paramref name="processId"/> still runs.</summary>
    private static bool IsRunning(int processId, DateTime started)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            if (process.HasExited || IsZombie(processId))
            {
                return false;
            }

            // A later process given the same id is not the holder.
            return (process.StartTime.ToUniversalTime() - started).Duration() <= TimeSpan.FromSeconds(1);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Running, but its start time is not ours to read (another user's process): assume it is the holder.
            return true;
        }
    }

    /// <summary>Tells whether a Linux process has died but not yet been reaped by its parent (it still has an id, and no lock).</summary>
    private static bool IsZombie(int processId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // /proc/<pid>/stat is "pid (command) state ...": the command may hold spaces and parentheses, the state follows the last ')'.
            string stat = File.ReadAllText($"/proc/{processId}/stat");
            int close = stat.LastIndexOf(')');
            return close >= 0 && close + 2 < stat.Length && stat[close + 2] == 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>When this process started (UTC).</summary>
    private static DateTime CurrentProcessStart()
    {
        using var process = Process.GetCurrentProcess();
        return process.StartTime.ToUniversalTime();
    }

    /// <summary>Reads the lock file's stamp; <see cref="FileStamp.Missing"/> on any error (it may vanish as we look).</summary>
    private static FileStamp ReadStampOrMissing(string lockPath)
    {
        try
        {
            return FileStamp.Read(lockPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return FileStamp.Missing;
        }
    }

    /// <summary>Throws the error for a holder that kept the lock for <see cref="HoldLimit"/>.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowHeldTooLong(string lockPath) =>
        throw new TimeoutException($"another process has held the lock {lockPath} for {HoldLimit.TotalSeconds} s. If no test run is writing it, delete that file.");
}
