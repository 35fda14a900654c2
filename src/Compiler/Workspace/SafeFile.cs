using System.Runtime.InteropServices;
using System.Text;

namespace ClaimLang.Workspace;

/// <summary>
/// Reads files that the user's inputs name, refusing anything that is not a regular file. Opening a named pipe
/// (FIFO) blocks until some other process writes to it, and a device such as <c>/dev/zero</c> never ends, so a
/// <c>.claim</c> file, a <c>claimlang.json</c> or a source document that is one of those would hang the compiler
/// or exhaust its memory; instead the read fails with an <see cref="IOException"/> that says what the path is.
/// </summary>
public static class SafeFile
{
    /// <summary>Reads the whole file at <paramref name="path"/> (following links), which must be a regular file.</summary>
    /// <exception cref="IOException">The path is not a regular file, or reading failed.</exception>
    public static byte[] ReadAllBytes(string path)
    {
        EnsureRegular(path);
        return File.ReadAllBytes(path);
    }

    /// <summary>Reads the whole file at <paramref name="path"/> as UTF-8 text; see <see cref="ReadAllBytes"/>.</summary>
    public static string ReadAllText(string path)
    {
        EnsureRegular(path);
        return File.ReadAllText(path, Encoding.UTF8);
    }

    /// <summary>Throws an <see cref="IOException"/> when <paramref name="path"/> exists but is not a regular file.</summary>
    public static void EnsureRegular(string path)
    {
        if (NotRegular(path) is { } what) throw new IOException($"it is {what}, not a regular file");
    }

    /// <summary>
    /// What <paramref name="path"/> is when it is not a regular file ("a named pipe (FIFO)", "a character device",
    /// …), or null when it is one, does not exist, or the system cannot tell (the read then reports the problem).
    /// On Unix the file type comes from stat(2) through the .NET runtime's own native shim; Windows keeps devices and
    /// pipes out of the file system's folders, so there is nothing to check.
    /// </summary>
    public static string? NotRegular(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        try
        {
            var status = new byte[256]; // larger than the runtime's FileStatus structure
            if (Stat(path, status) != 0) return null;
            int mode = BitConverter.ToInt32(status, 4) & FileTypeMask;
            return mode switch
            {
                RegularFile => null,
                Directory => "a folder",
                Fifo => "a named pipe (FIFO)",
                CharacterDevice => "a character device",
                BlockDevice => "a block device",
                Socket => "a socket",
                _ => "something other than a file",
            };
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return null;
        }
    }

    // The file-type bits of FileStatus.Mode in the runtime's shim (the POSIX S_IFMT values).
    private const int FileTypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int RegularFile = 0x8000;
    private const int Socket = 0xC000;

    /// <summary>SystemNative_Stat(path, FileStatus*): stat(2) as System.IO uses it; FileStatus.Mode is the second int32.</summary>
    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = false)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
