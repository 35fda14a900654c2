using System.Text;

namespace ClaimLang.Cli;

/// <summary>Writes files so that readers see either the old content or the new one, never a half-written file.</summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string text, Encoding? encoding = null) =>
        WriteAllBytes(path, (encoding ?? new UTF8Encoding(false)).GetBytes(text));

    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw;
        }
    }
}
