namespace TrioTest.Testing;

/// <summary>What a file looked like when it was read: its length and last write time, or that it was missing.</summary>
/// <remarks>
/// Two reads with equal stamps are taken to have read the same text. An append changes the length and the time, and a
/// rewrite (an editor, <c>git checkout</c>) changes the time, so a parse cached under a stamp stays valid until then.
/// </remarks>
/// <param name="Exists">Whether the file existed.</param>
/// <param name="Length">Its length in bytes; 0 when missing.</param>
/// <param name="LastWriteTicks">Its last write time (UTC ticks); 0 when missing.</param>
internal readonly record struct FileStamp(bool Exists, long Length, long LastWriteTicks)
{
    /// <summary>Gets the stamp of a missing file.</summary>
    public static FileStamp Missing => default;

    /// <summary>Reads the stamp of the file at <paramref name="fullPath"/> with one <c>stat</c>.</summary>
    /// <param name="fullPath">The file's full path.</param>
    /// <returns>The stamp; <see cref="Missing"/> if there is no file.</returns>
    /// <exception cref="IOException">The path is a directory, or the file system failed.</exception>
    public static FileStamp Read(string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (!info.Exists)
        {
            if (Directory.Exists(fullPath))
            {
                throw new IOException("It is a directory, not a file.");
            }

            return Missing;
        }

        return new FileStamp(true, info.Length, info.LastWriteTimeUtc.Ticks);
    }
}
