namespace ClaimLang.Configuration;

/// <summary>
/// Resolves symbolic links (and junctions) in a path, component by component, the way the operating system
/// would when opening it: a link's target is read (never the file it points to) and resolution goes on from
/// there, and <c>..</c> after a link goes to the parent of the link's target. Components that do not exist are
/// kept as written. Nothing is opened.
/// </summary>
public static class RealPath
{
    /// <summary>More link hops than this means a loop (the same bound Linux uses).</summary>
    public const int MaxLinkHops = 40;

    /// <summary>
    /// The path with every link resolved, or null (with <paramref name="error"/>) when a link loop or an
    /// unreadable link stops resolution.
    /// </summary>
    public static string? Resolve(string path, out string? error)
    {
        error = null;
        // Not Path.GetFullPath: it would fold "link/.." lexically, which is not what the OS does.
        string full = Path.IsPathFullyQualified(path) ? path : Path.Join(Directory.GetCurrentDirectory(), path);
        string root = Path.GetPathRoot(full) ?? string.Empty;

        // Pending components, next one on top.
        var pending = new Stack<string>();
        PushComponents(pending, full.AsSpan(root.Length));

        string current = root;
        int hops = 0;
        while (pending.Count > 0)
        {
            string name = pending.Pop();
            if (name == ".") continue;
            if (name == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            string next = Path.Join(current, name);
            string? target;
            try
            {
                target = new FileInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"cannot read the link '{next}': {e.Message}";
                return null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                error = $"too many levels of symbolic links at '{next}'";
                return null;
            }

            // Continue from the link's target: an absolute target restarts at its root, a relative one is read
            // from the folder that holds the link (current).
            if (Path.IsPathRooted(target))
            {
                string targetRoot = Path.GetPathRoot(target) ?? string.Empty;
                if (targetRoot.Length == 0 || !Path.IsPathFullyQualified(target))
                {
                    // A drive-relative or root-relative target (Windows): anchor it like the OS does.
                    target = Path.GetFullPath(target, current);
                    targetRoot = Path.GetPathRoot(target) ?? string.Empty;
                }
                PushComponents(pending, target.AsSpan(targetRoot.Length));
                current = targetRoot;
            }
            else
            {
                PushComponents(pending, target);
            }
        }
        return current;
    }

    private static void PushComponents(Stack<string> pending, ReadOnlySpan<char> relative)
    {
        // Push in reverse so that the first component is on top.
        int end = relative.Length;
        for (int i = relative.Length - 1; i >= -1; i--)
        {
            if (i >= 0 && !IsSeparator(relative[i])) continue;
            if (end - (i + 1) > 0) pending.Push(relative[(i + 1)..end].ToString());
            end = i;
        }
    }

    private static bool IsSeparator(char c) => c == '/' || c == Path.DirectorySeparatorChar || c == Path.AltDirectorySeparatorChar;

    /// <summary>How paths compare on this system: case-insensitively on Windows and macOS.</summary>
    public static StringComparison PathComparison { get; } =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> itself or lies under it (both full paths).</summary>
    public static bool IsInside(string root, string path)
    {
        string trimmedRoot = Path.TrimEndingDirectorySeparator(root);
        if (!path.StartsWith(trimmedRoot, PathComparison)) return false;
        if (path.Length == trimmedRoot.Length) return true;
        // A root such as "/" or "C:\" already ends with a separator that TrimEndingDirectorySeparator keeps.
        if (trimmedRoot.Length > 0 && IsSeparator(trimmedRoot[^1])) return true;
        return IsSeparator(path[trimmedRoot.Length]);
    }
}
