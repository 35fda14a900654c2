using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace ClaimLang.Emit;

/// <summary>
/// The output folder cannot be replaced: it is a file or a link, or it holds something that a build did not
/// write (so replacing it could destroy someone's work).
/// </summary>
public sealed class OutputDirectoryException(string message) : IOException(message);

/// <summary>
/// Replaces a folder as a whole, so that a reader (or a later run) sees either the complete old folder or the
/// complete new one — never a mix, never a half-written file — even when the process is killed part-way.
/// </summary>
/// <remarks>
/// <para>The new content is written into a fresh staging folder next to the target (same parent, so the same file
/// system): <c>.&lt;name&gt;.claimc-new-&lt;pid&gt;-&lt;guid&gt;</c>. Then:</para>
/// <list type="bullet">
/// <item>no target yet: the staging folder is renamed to the target;</item>
/// <item>on Linux: the two folders are exchanged in one atomic step (<c>renameat2</c> with
/// <c>RENAME_EXCHANGE</c>), then the old content (now under the staging name) is deleted;</item>
/// <item>elsewhere, or when the file system cannot exchange: the target is renamed aside
/// (<c>.&lt;name&gt;.claimc-old-&lt;pid&gt;-&lt;guid&gt;</c>), the staging folder renamed in, and the old one
/// deleted; when the second rename fails the old folder is renamed back.</item>
/// </list>
/// <para>When writing fails, the staging folder is deleted and the target is untouched. Folders left behind by a
/// process that was killed are cleaned up by the next replacement of the same target (only those whose process
/// is gone; an aside-renamed old folder is put back when the target is missing).</para>
/// </remarks>
public static class AtomicDirectory
{
    internal const string Marker = ".claimc-";
    private const string NewTag = "new";
    private const string OldTag = "old";

    /// <summary>
    /// Replaces <paramref name="target"/> with a folder whose content <paramref name="write"/> creates (it gets the
    /// staging folder's path). Creates the parent folders when needed.
    /// </summary>
    /// <param name="target">The folder to create or replace.</param>
    /// <param name="write">Fills the staging folder.</param>
    /// <param name="mayReplace">Decides, for each entry of an existing target, whether it may be thrown away;
    /// when it says no for any entry, nothing is written and <see cref="OutputDirectoryException"/> is thrown.
    /// Null: anything may be replaced.</param>
    /// <exception cref="OutputDirectoryException">The target is a file or a link, or holds an entry
    /// <paramref name="mayReplace"/> refuses.</exception>
    public static void Replace(string target, Action<string> write, Func<FileSystemInfo, bool>? mayReplace = null) =>
        Replace(target, write, mayReplace, allowExchange: true);

    /// <param name="allowExchange">False forces the portable rename-aside method (tests use it).</param>
    internal static void Replace(string target, Action<string> write, Func<FileSystemInfo, bool>? mayReplace, bool allowExchange)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var parent = Path.GetDirectoryName(full) ?? throw new OutputDirectoryException($"cannot replace the root folder {full}");
        var name = Path.GetFileName(full);

        CheckReplaceable(full, mayReplace);
        Directory.CreateDirectory(parent);
        CleanUpStale(parent, name, full);

        var staging = Path.Combine(parent, StagingName(name, NewTag));
        Directory.CreateDirectory(staging);
        try
        {
            write(staging);
        }
        catch
        {
            DeleteTree(staging);
            throw;
        }

        Swap(staging, full, parent, name, allowExchange);
    }

    /// <summary>Throws when <paramref name="target"/> exists but may not be replaced.</summary>
    public static void CheckReplaceable(string target, Func<FileSystemInfo, bool>? mayReplace)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        if (File.Exists(full) && !Directory.Exists(full))
        {
            throw new OutputDirectoryException($"{full} is a file, not a folder");
        }

        var folder = new DirectoryInfo(full);
        if (!folder.Exists) return;
        if (folder.LinkTarget is not null)
        {
            throw new OutputDirectoryException($"{full} is a link; give the folder it points to, or a new folder");
        }

        if (mayReplace is null) return;
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            if (!mayReplace(entry))
            {
                throw new OutputDirectoryException(
                    $"{full} holds '{entry.Name}', which a build does not write; it would be deleted when the folder is " +
                    "replaced, so nothing was written. Give an empty or new folder, or the output folder of an earlier build");
            }
        }
    }

    private static string StagingName(string name, string tag) =>
        "." + name + Marker + tag + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");

    private static void Swap(string staging, string target, string parent, string name, bool allowExchange)
    {
        if (!Directory.Exists(target))
        {
            try
            {
                Directory.Move(staging, target);
                return;
            }
            catch
            {
                DeleteTree(staging);
                throw;
            }
        }

        if (allowExchange && TryExchange(staging, target))
        {
            // The staging path now holds the old content.
            DeleteTree(staging);
            return;
        }

        var aside = Path.Combine(parent, StagingName(name, OldTag));
        try
        {
            Directory.Move(target, aside);
        }
        catch
        {
            DeleteTree(staging);
            throw;
        }

        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            // Put the old folder back; the new content is dropped.
            Directory.Move(aside, target);
            DeleteTree(staging);
            throw;
        }

        DeleteTree(aside);
    }

    /// <summary>
    /// Removes staging and aside folders of <paramref name="name"/> that a killed process left behind. An aside
    /// folder (the previous output, renamed away just before the new one was to be renamed in) is put back when the
    /// target is missing.
    /// </summary>
    private static void CleanUpStale(string parent, string name, string target)
    {
        var prefix = "." + name + Marker;
        string[] entries;
        try
        {
            entries = Directory.GetDirectories(parent, "." + name + ".claimc-*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var path in entries)
        {
            var entry = Path.GetFileName(path);
            if (!entry.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = entry.AsSpan(prefix.Length);
            bool isOld = rest.StartsWith(OldTag + "-", StringComparison.Ordinal);
            if (!isOld && !rest.StartsWith(NewTag + "-", StringComparison.Ordinal)) continue;
            rest = rest[4..];
            int dash = rest.IndexOf('-');
            if (dash <= 0 || !int.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
            if (IsRunning(pid)) continue;
            if (new DirectoryInfo(path).LinkTarget is not null) continue;

            if (isOld && !Directory.Exists(target))
            {
                try
                {
                    Directory.Move(path, target);
                    continue;
                }
                catch (IOException)
                {
                }
            }

            DeleteTree(path);
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Cannot tell: assume it runs, and leave its folder alone.
            return true;
        }
    }

    private static void DeleteTree(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover folder is cleaned up by the next build.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    // ------------------------------------------------------------------ Linux: exchange two folders atomically

    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;
    private static bool s_exchangeUnavailable;

    /// <summary>Exchanges two folders in one step (Linux 3.15+); false when the system cannot.</summary>
    private static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux() || s_exchangeUnavailable) return false;
        int result;
        try
        {
            result = NativeMethods.RenameAt2(AtCurrentDirectory, a, AtCurrentDirectory, b, RenameExchange);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            s_exchangeUnavailable = true;
            return false;
        }

        if (result == 0) return true;
        int errno = Marshal.GetLastPInvokeError();

        // EINVAL, ENOSYS, EOPNOTSUPP: this kernel or file system cannot exchange; rename aside instead.
        if (errno is 22 or 38 or 95) return false;
        throw new IOException($"cannot replace {b}: {Marshal.GetPInvokeErrorMessage(errno)}");
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int RenameAt2(
            int oldDirectory,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
            int newDirectory,
            [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath,
            uint flags);
    }
}
