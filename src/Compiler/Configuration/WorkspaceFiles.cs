using System.Security;

namespace ClaimLang.Configuration;

/// <summary>A folder or link that enumeration could not use, with the reason.</summary>
public sealed record WorkspaceError(string Path, string Message);

/// <summary>The result of <see cref="WorkspaceFiles.Enumerate"/>.</summary>
public sealed record WorkspaceFileSet(
    IReadOnlyList<string> Files,
    IReadOnlyList<WorkspaceError> Errors,
    IReadOnlyList<string> SkippedLinks);

/// <summary>Lists the <c>.claim</c> files of a workspace.</summary>
public static class WorkspaceFiles
{
    /// <summary>The extension of ClaimLang source files.</summary>
    public const string Extension = ".claim";

    /// <summary>
    /// The full paths (sorted ordinally) of the <c>.claim</c> files under <paramref name="root"/> that match one
    /// of the include patterns and none of the exclude patterns. Patterns see paths relative to the root with
    /// <c>/</c> separators; an exclude pattern that matches a folder leaves out everything in it. Folders named
    /// bin, obj, node_modules and .git are always skipped.
    /// <para>
    /// Symbolic links are resolved (never by opening anything): a link whose target is outside the root is not
    /// followed and is listed in <see cref="WorkspaceFileSet.SkippedLinks"/>; a broken link is ignored; a folder
    /// already walked (through a link loop, say) is not walked again, and a file reached by two paths is listed
    /// once, under the ordinally smaller path. A folder that cannot be read is reported in
    /// <see cref="WorkspaceFileSet.Errors"/> and skipped; nothing is thrown for file-system trouble.
    /// </para>
    /// </summary>
    public static WorkspaceFileSet Enumerate(string root, ClaimLangOptions options) =>
        Enumerate(root, options, ListFolder);

    /// <summary>Lists one folder's entries; replaceable in tests to simulate unreadable folders.</summary>
    internal static IEnumerable<FileSystemInfo> ListFolder(string folder) =>
        new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions
        {
            RecurseSubdirectories = false,
            IgnoreInaccessible = false,
            AttributesToSkip = 0,
            ReturnSpecialDirectories = false,
            MatchType = MatchType.Simple,
        });

    internal static WorkspaceFileSet Enumerate(string root, ClaimLangOptions options, Func<string, IEnumerable<FileSystemInfo>> listFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        ArgumentNullException.ThrowIfNull(options);

        var errors = new List<WorkspaceError>();
        var skippedLinks = new List<string>();
        var includes = Compile(options.Include, errors);
        var excludes = Compile(options.Exclude, errors);

        string fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        if (!Directory.Exists(fullRoot))
        {
            errors.Add(new WorkspaceError(fullRoot, "the folder does not exist"));
            return new WorkspaceFileSet([], errors, skippedLinks);
        }
        string? realRoot = RealPath.Resolve(fullRoot, out string? rootError);
        if (realRoot is null)
        {
            errors.Add(new WorkspaceError(fullRoot, rootError ?? "cannot resolve the folder"));
            return new WorkspaceFileSet([], errors, skippedLinks);
        }

        var comparer = RealPath.PathComparison == StringComparison.Ordinal ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        var visited = new HashSet<string>(comparer) { realRoot };
        // Real path → the path shown for it (the ordinally smallest one found).
        var found = new Dictionary<string, string>(comparer);
        var pending = new Stack<Folder>();
        pending.Push(new Folder(fullRoot, realRoot, string.Empty));

        var entries = new List<FileSystemInfo>();
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            entries.Clear();
            try
            {
                foreach (var entry in listFolder(folder.Shown)) entries.Add(entry);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
            {
                errors.Add(new WorkspaceError(folder.Shown, "cannot read the folder: " + e.Message));
                continue;
            }
            entries.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));

            // Subfolders are pushed in reverse so that they are walked in name order.
            for (int i = entries.Count - 1; i >= 0; i--)
            {
                var entry = entries[i];
                string name = entry.Name;
                string relative = folder.Relative.Length == 0 ? name : folder.Relative + "/" + name;
                string shown = Path.Join(folder.Shown, name);

                string real;
                bool isDirectory;
                string? linkTarget;
                try
                {
                    // Enumeration reports links as reparse points, so ordinary entries cost no extra system call.
                    linkTarget = (entry.Attributes & FileAttributes.ReparsePoint) != 0 ? entry.LinkTarget : null;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    errors.Add(new WorkspaceError(shown, "cannot read the link: " + e.Message));
                    continue;
                }

                if (linkTarget is null)
                {
                    real = Path.Join(folder.Real, name);
                    isDirectory = entry is DirectoryInfo;
                }
                else
                {
                    string? resolved = RealPath.Resolve(shown, out string? linkError);
                    if (resolved is null)
                    {
                        errors.Add(new WorkspaceError(shown, linkError ?? "cannot resolve the link"));
                        continue;
                    }
                    if (!RealPath.IsInside(realRoot, resolved))
                    {
                        skippedLinks.Add(shown);
                        continue;
                    }
                    if (Directory.Exists(resolved)) isDirectory = true;
                    else if (File.Exists(resolved)) isDirectory = false;
                    else continue; // a broken link
                    real = resolved;
                }

                if (isDirectory)
                {
                    if (IsAlwaysSkipped(name)) continue;
                    if (MatchesAny(excludes, relative, isDirectory: true)) continue;
                    if (!visited.Add(real)) continue;
                    pending.Push(new Folder(shown, real, relative));
                }
                else
                {
                    if (!name.EndsWith(Extension, StringComparison.Ordinal)) continue;
                    if (!MatchesAny(includes, relative, isDirectory: false)) continue;
                    if (MatchesAny(excludes, relative, isDirectory: false)) continue;
                    if (!found.TryGetValue(real, out string? previous) || string.CompareOrdinal(shown, previous) < 0)
                    {
                        found[real] = shown;
                    }
                }
            }
        }

        var files = new List<string>(found.Values);
        files.Sort(StringComparer.Ordinal);
        skippedLinks.Sort(StringComparer.Ordinal);
        return new WorkspaceFileSet(files, errors, skippedLinks);
    }

    /// <summary>Whether a folder of this name is always left out (bin, obj, node_modules, .git).</summary>
    public static bool IsAlwaysSkipped(ReadOnlySpan<char> folderName)
    {
        foreach (string skipped in ClaimLangOptions.AlwaysSkippedFolders)
        {
            if (folderName.SequenceEqual(skipped)) return true;
        }
        return false;
    }

    /// <summary>Whether a path relative to the root (with <c>/</c>) is selected by the options' patterns.</summary>
    public static bool IsSelected(string relativePath, ClaimLangOptions options)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        ArgumentNullException.ThrowIfNull(options);
        var ignored = new List<WorkspaceError>();
        var includes = Compile(options.Include, ignored);
        var excludes = Compile(options.Exclude, ignored);
        if (!relativePath.EndsWith(Extension, StringComparison.Ordinal)) return false;
        if (!MatchesAny(includes, relativePath, isDirectory: false)) return false;
        // A file is also left out when an exclude pattern or a skipped name matches one of its folders.
        int start = 0;
        for (int i = 0; i < relativePath.Length; i++)
        {
            if (relativePath[i] != '/') continue;
            if (IsAlwaysSkipped(relativePath.AsSpan(start, i - start))) return false;
            if (MatchesAny(excludes, relativePath.AsSpan(0, i), isDirectory: true)) return false;
            start = i + 1;
        }
        return !MatchesAny(excludes, relativePath, isDirectory: false);
    }

    private static List<GlobPattern> Compile(IReadOnlyList<string> patterns, List<WorkspaceError> errors)
    {
        var compiled = new List<GlobPattern>(patterns.Count);
        foreach (string pattern in patterns)
        {
            if (GlobPattern.TryParse(pattern, out var glob, out string? error)) compiled.Add(glob!);
            else errors.Add(new WorkspaceError(pattern, "bad pattern: " + error));
        }
        return compiled;
    }

    private static bool MatchesAny(List<GlobPattern> patterns, ReadOnlySpan<char> relative, bool isDirectory)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(relative, isDirectory)) return true;
        }
        return false;
    }

    private readonly record struct Folder(string Shown, string Real, string Relative);
}
