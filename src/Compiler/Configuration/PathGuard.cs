namespace ClaimLang.Configuration;

/// <summary>
/// Keeps file access inside the workspace root. Used for <c>document</c> clauses: a path written in a claim file
/// must be relative, must not climb out with <c>..</c>, and must not reach outside through a symbolic link at
/// any level (links are resolved before the check). The file itself is never opened.
/// </summary>
public static class PathGuard
{
    /// <summary>
    /// Resolves <paramref name="relative"/> (with <c>/</c> or <c>\</c> separators) against <paramref name="root"/>.
    /// On success <paramref name="fullPath"/> is the path with every link resolved, safe to open; the file need
    /// not exist. On failure <paramref name="error"/> says why, in words fit for a diagnostic message.
    /// </summary>
    public static bool TryResolveInside(string root, string relative, out string fullPath, out string? error)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(relative);
        fullPath = string.Empty;

        if (relative.Length == 0 || relative.AsSpan().Trim().Length == 0)
        {
            error = "the document path is empty";
            return false;
        }
        if (relative.Contains('\0'))
        {
            error = "the document path contains a NUL character";
            return false;
        }
        if (IsAbsolute(relative))
        {
            error = $"'{relative}' is an absolute path; write it relative to the workspace root";
            return false;
        }

        // Lexical check first: '..' may never climb above the root, whatever the links say.
        int depth = 0;
        var components = new List<string>();
        int start = 0;
        for (int i = 0; i <= relative.Length; i++)
        {
            if (i < relative.Length && relative[i] != '/' && relative[i] != '\\') continue;
            var part = relative.AsSpan(start, i - start);
            start = i + 1;
            if (part.Length == 0 || part is ".") continue;
            if (part is "..")
            {
                if (--depth < 0)
                {
                    error = $"'{relative}' leaves the workspace root through '..'";
                    return false;
                }
            }
            else
            {
                depth++;
            }
            components.Add(part.ToString());
        }
        if (components.Count == 0)
        {
            error = $"'{relative}' names the workspace root itself, not a file";
            return false;
        }

        string fullRoot = Path.GetFullPath(root);
        string? realRoot = RealPath.Resolve(fullRoot, out error);
        if (realRoot is null) return false;

        // Resolve from the real root so that a link anywhere on the way is seen.
        string candidate = Path.Join(realRoot, string.Join(Path.DirectorySeparatorChar, components));
        string? real = RealPath.Resolve(candidate, out error);
        if (real is null)
        {
            error = $"'{relative}' cannot be resolved: {error}";
            return false;
        }
        if (!RealPath.IsInside(realRoot, real))
        {
            error = $"'{relative}' leads outside the workspace root through a symbolic link (to '{real}')";
            return false;
        }
        if (string.Equals(Path.TrimEndingDirectorySeparator(real), Path.TrimEndingDirectorySeparator(realRoot), RealPath.PathComparison))
        {
            error = $"'{relative}' names the workspace root itself, not a file";
            return false;
        }

        fullPath = real;
        error = null;
        return true;
    }

    private static bool IsAbsolute(string path)
    {
        if (path[0] == '/' || path[0] == '\\') return true;                            // rooted, or UNC
        if (path.Length >= 2 && path[1] == ':' && char.IsAsciiLetter(path[0])) return true; // C:\x, C:x
        return Path.IsPathRooted(path);
    }
}
