using ClaimLang.Configuration;

namespace ClaimLang.LanguageServer.Workspace;

/// <summary>
/// Path comparisons and link resolution for the workspace-folder boundary: the compiler's <see cref="RealPath"/>,
/// which the command line uses for the same boundary, so the two can never disagree.
/// </summary>
internal static class PathUtil
{
    /// <summary>How paths compare on this system: case-insensitively on Windows and macOS.</summary>
    public static StringComparison Comparison => RealPath.PathComparison;

    /// <summary>Whether <paramref name="path"/> is <paramref name="folder"/> or lies under it (both full paths).</summary>
    public static bool IsInside(string folder, string path) => RealPath.IsInside(folder, path);

    /// <summary>
    /// The path with every symbolic link along it resolved (the final target need not exist), or null when the
    /// links loop or cannot be read.
    /// </summary>
    public static string? Resolve(string path)
    {
        try
        {
            return RealPath.Resolve(Path.GetFullPath(path), out _);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
