namespace ClaimLang.LanguageServer.Workspace;

/// <summary>Path comparisons and link resolution for the workspace-folder boundary.</summary>
internal static class PathUtil
{
    private const int MaxLinkHops = 40;

    /// <summary>How paths compare on this system: case-insensitively on Windows and macOS.</summary>
    public static StringComparison Comparison { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies under it (both full paths).</summary>
    public static bool IsInside(string folder, string path)
    {
        string root = Path.TrimEndingDirectorySeparator(folder);
        if (!path.StartsWith(root, Comparison)) return false;
        if (path.Length == root.Length) return true;
        if (root.Length > 0 && IsSeparator(root[^1])) return true;
        return IsSeparator(path[root.Length]);
    }

    /// <summary>
    /// The path with every symbolic link along it resolved (the final target need not exist), or null when the
    /// links loop or cannot be read.
    /// </summary>
    public static string? Resolve(string path)
    {
        try
        {
            string current = Path.GetFullPath(path);
            for (int hops = 0; hops <= MaxLinkHops; hops++)
            {
                string? next = ResolveFirstLink(current);
                if (next is null) return current;
                current = next;
            }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The path with its first (leftmost) link replaced by the link's target; null when it has none.</summary>
    private static string? ResolveFirstLink(string full)
    {
        string root = Path.GetPathRoot(full) ?? "";
        string rest = full[root.Length..];
        string prefix = root;
        int start = 0;
        while (start <= rest.Length)
        {
            int end = start;
            while (end < rest.Length && !IsSeparator(rest[end])) end++;
            if (end > start)
            {
                string candidate = Path.Join(prefix, rest[start..end]);
                FileSystemInfo info = Directory.Exists(candidate) ? new DirectoryInfo(candidate) : new FileInfo(candidate);
                if (!info.Exists) return null;
                if (info.LinkTarget is { } target)
                {
                    string resolved = Path.GetFullPath(target, prefix.Length == 0 ? root : prefix);
                    return end < rest.Length ? Path.Join(resolved, rest[(end + 1)..]) : resolved;
                }
                prefix = candidate;
            }
            start = end + 1;
        }
        return null;
    }

    private static bool IsSeparator(char c) => c == '/' || c == Path.DirectorySeparatorChar || c == Path.AltDirectorySeparatorChar;
}
