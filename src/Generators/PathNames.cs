namespace ClaimLang.Generators;

/// <summary>
/// Path arithmetic on the strings the build gives (nothing here touches the file system): the build passes full
/// paths, and the generator only compares and combines them.
/// </summary>
internal static class PathNames
{
    /// <summary>How this platform compares paths: ignoring case on Windows, exactly elsewhere.</summary>
    public static StringComparison Comparison { get; } =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static StringComparer Comparer { get; } =
        Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public static bool IsSeparator(char c) => c == '/' || c == '\\';

    /// <summary>
    /// <paramref name="path"/> with <c>.</c> and <c>..</c> resolved, one kind of separator (the platform's) and no
    /// trailing separator. Relative paths are taken relative to <paramref name="baseFolder"/> when one is given.
    /// </summary>
    public static string Normalize(string path, string? baseFolder = null)
    {
        if (!Path.IsPathRooted(path) && !string.IsNullOrEmpty(baseFolder))
        {
            path = Path.Combine(baseFolder, path);
        }

        // Split into a root (a drive, a UNC prefix or '/') and components, then fold '.' and '..' lexically.
        var root = Path.GetPathRoot(path) ?? string.Empty;
        var parts = new List<string>();
        int start = root.Length;
        for (int i = root.Length; i <= path.Length; i++)
        {
            if (i < path.Length && !IsSeparator(path[i])) continue;
            var part = path.Substring(start, i - start);
            start = i + 1;
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
                else if (root.Length == 0) parts.Add(part);
                continue;
            }

            parts.Add(part);
        }

        var separator = Path.DirectorySeparatorChar.ToString();
        var normalizedRoot = root.Replace(Path.AltDirectorySeparatorChar, Path.DirectorySeparatorChar);
        var joined = string.Join(separator, parts);
        if (normalizedRoot.Length == 0) return joined.Length == 0 ? "." : joined;
        return normalizedRoot.EndsWith(separator, StringComparison.Ordinal) ? normalizedRoot + joined : normalizedRoot + separator + joined;
    }

    /// <summary>The folder of a normalized path ("" when it has none).</summary>
    public static string FolderOf(string path)
    {
        for (int i = path.Length - 1; i >= 0; i--)
        {
            if (IsSeparator(path[i]))
            {
                var root = Path.GetPathRoot(path) ?? string.Empty;
                return i < root.Length ? root : path.Substring(0, i);
            }
        }

        return string.Empty;
    }

    /// <summary>True when normalized <paramref name="path"/> lies in normalized folder <paramref name="folder"/> (at any depth).</summary>
    public static bool IsUnder(string path, string folder)
    {
        if (folder.Length == 0 || path.Length <= folder.Length) return false;
        if (!path.StartsWith(folder, Comparison)) return false;
        return IsSeparator(folder[folder.Length - 1]) || IsSeparator(path[folder.Length]);
    }

    /// <summary>The deepest folder that holds every one of the (normalized) paths, or null when they share none.</summary>
    public static string? CommonFolder(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) return null;
        var common = FolderOf(paths[0]);
        for (int i = 1; i < paths.Count && common.Length > 0; i++)
        {
            while (common.Length > 0 && !IsUnder(paths[i], common))
            {
                var parent = FolderOf(common);
                common = parent.Length >= common.Length ? string.Empty : parent;
            }
        }

        return common.Length == 0 ? null : common;
    }

    /// <summary>A file name's last part (after the last separator).</summary>
    public static string FileName(string path)
    {
        for (int i = path.Length - 1; i >= 0; i--)
        {
            if (IsSeparator(path[i])) return path.Substring(i + 1);
        }

        return path;
    }
}
