using System.Text;

namespace ClaimLang.Reporting;

/// <summary>How reports show file paths: relative to the current folder when under it, with <c>/</c>.</summary>
public static class ReportPaths
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// The path to show for <paramref name="filePath"/>: relative to <paramref name="currentDirectory"/> with
    /// <c>/</c> separators when the file is under it; otherwise the full path (with <c>/</c> on Unix, as given on
    /// Windows). A relative <paramref name="filePath"/> is taken as already relative and only gets <c>/</c>.
    /// </summary>
    public static string Display(string filePath, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(filePath);
        ArgumentNullException.ThrowIfNull(currentDirectory);
        if (filePath.Length == 0) return filePath;
        if (!Path.IsPathFullyQualified(filePath)) return ToSlashes(filePath);
        return TryRelative(filePath, currentDirectory, out string? relative) ? relative! : filePath;
    }

    /// <summary>The path of <paramref name="filePath"/> relative to the folder, with <c>/</c>, when it is under it.</summary>
    public static bool TryRelative(string filePath, string currentDirectory, out string? relative)
    {
        relative = null;
        if (currentDirectory.Length == 0 || !Path.IsPathFullyQualified(filePath)) return false;
        string folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(currentDirectory));
        string full = Path.GetFullPath(filePath);
        if (!full.StartsWith(folder, PathComparison) || full.Length <= folder.Length) return false;
        int cut = folder.Length;
        if (IsSeparator(folder[^1])) { /* a drive or file-system root: the separator is already part of it */ }
        else if (IsSeparator(full[cut])) cut++;
        else return false;
        if (cut >= full.Length) return false;
        relative = ToSlashes(full[cut..]);
        return true;
    }

    /// <summary>
    /// An RFC 3986 relative reference for a relative path (each segment percent-encoded, <c>/</c> between).
    /// </summary>
    public static string ToRelativeUri(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var builder = new StringBuilder(relativePath.Length + 8);
        int start = 0;
        string slashed = ToSlashes(relativePath);
        for (int i = 0; i <= slashed.Length; i++)
        {
            if (i < slashed.Length && slashed[i] != '/') continue;
            if (start > 0) builder.Append('/');
            builder.Append(Uri.EscapeDataString(slashed[start..i]));
            start = i + 1;
        }
        // EscapeDataString leaves only unreserved characters, so no segment can read as a scheme.
        return builder.ToString();
    }

    /// <summary>An absolute <c>file:</c> URI for a full path; with <paramref name="asFolder"/> it ends with <c>/</c>.</summary>
    public static string ToFileUri(string fullPath, bool asFolder = false)
    {
        ArgumentNullException.ThrowIfNull(fullPath);
        string path = ToSlashes(Path.GetFullPath(fullPath));
        var builder = new StringBuilder("file://", path.Length + 16);
        if (path.StartsWith("//", StringComparison.Ordinal))
        {
            // A UNC path (//server/share/…): the server becomes the authority.
            path = path[2..];
        }
        else if (path[0] != '/')
        {
            builder.Append('/'); // a drive path such as C:/work
        }
        int start = 0;
        for (int i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/') continue;
            if (i > start)
            {
                string segment = path[start..i];
                bool isDrive = start == 0 && segment.Length == 2 && segment[1] == ':' && char.IsAsciiLetter(segment[0]);
                builder.Append(isDrive ? segment : Uri.EscapeDataString(segment));
            }
            if (i < path.Length) builder.Append('/');
            start = i + 1;
        }
        if (asFolder && builder[^1] != '/') builder.Append('/');
        return builder.ToString();
    }

    private static string ToSlashes(string path) =>
        Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');

    private static bool IsSeparator(char c) => c == '/' || c == Path.DirectorySeparatorChar || c == Path.AltDirectorySeparatorChar;
}
