namespace ClaimLang.Configuration;

/// <summary>Finds the workspace root: the folder of the nearest <c>claimlang.json</c> at or above a path.</summary>
public static class WorkspaceRoot
{
    /// <summary>The name of the configuration file that marks a workspace root.</summary>
    public const string ConfigFileName = "claimlang.json";

    /// <summary>
    /// The folder of the nearest <c>claimlang.json</c> at or above <paramref name="path"/> (for a file, starting
    /// at its folder); without one, the folder given, or the file's folder. A path that is not an existing folder
    /// is treated as a file. The result is a full path without a trailing separator (except for a drive root).
    /// Parents are walked as written; links are not resolved.
    /// </summary>
    public static string Find(string path)
    {
        string start = StartFolder(path);
        return FindConfigFile(start) is { } config ? Path.GetDirectoryName(config)! : start;
    }

    /// <summary>The full path of the nearest <c>claimlang.json</c> at or above <paramref name="path"/>, or null.</summary>
    public static string? FindConfigFile(string path)
    {
        for (string? folder = StartFolder(path); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            string candidate = Path.Join(folder, ConfigFileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static string StartFolder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (Directory.Exists(full)) return full;
        return Path.GetDirectoryName(full) ?? full;
    }
}
