using ClaimLang.Configuration;
using ClaimLang.Reporting;

namespace ClaimLang.LanguageServer.Workspace;

/// <summary>
/// Documents are keyed by their full file-system path (file URIs) or by the URI itself (untitled and other schemes).
/// The key is also the syntax tree's file path, so a diagnostic's location leads straight back to its document.
/// </summary>
internal static class DocumentKeys
{
    public static StringComparer Comparer { get; } =
        PathUtil.Comparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;

    public static string FromUri(string uri)
    {
        if (TryGetPath(uri, out string? path)) return path!;
        return uri;
    }

    /// <summary>The full path of a <c>file:</c> URI.</summary>
    public static bool TryGetPath(string uri, out string? path)
    {
        path = null;
        if (!uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase)) return false;
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile) return false;
        try
        {
            string local = parsed.LocalPath;
            if (local.Length == 0 || local.Contains('\0')) return false;
            path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(local));
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or InvalidOperationException)
        {
            return false;
        }
    }

    public static bool IsPath(string key) => Path.IsPathFullyQualified(key);

    /// <summary>A URI for a key that no client URI is known for.</summary>
    public static string ToUri(string key) => IsPath(key) ? ReportPaths.ToFileUri(key) : key;

    public static bool IsClaimFile(string key) => key.EndsWith(WorkspaceFiles.Extension, StringComparison.OrdinalIgnoreCase);

    public static bool IsConfigFile(string key) =>
        string.Equals(Path.GetFileName(key), WorkspaceRoot.ConfigFileName, StringComparison.OrdinalIgnoreCase);
}
