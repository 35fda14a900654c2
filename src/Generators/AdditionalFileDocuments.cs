using ClaimLang.Analysis;

namespace ClaimLang.Generators;

/// <summary>
/// The source documents (<c>document "path"</c>) of a compilation inside the generator. A generator may not read
/// files on its own (the build would not know to rerun it when they change), so documents come from the project's
/// AdditionalFiles: a <c>document</c> path is resolved against the workspace root and looked up among them. The same
/// confinement rules as the command-line compiler apply: the path must be relative and may not climb out of the
/// root with <c>..</c>. (Symbolic links are the build's business here: the generator never opens a path itself.)
/// </summary>
internal sealed class AdditionalFileDocuments : IDocumentProvider
{
    private readonly string _root;
    private readonly Dictionary<string, TextFile> _files;

    /// <param name="root">The workspace root (normalized full path).</param>
    /// <param name="files">Candidate documents (normalized full paths); the first of two with the same path wins.</param>
    public AdditionalFileDocuments(string root, IEnumerable<TextFile> files)
    {
        _root = root;
        _files = new Dictionary<string, TextFile>(PathNames.Comparer);
        foreach (var file in files)
        {
            var key = PathNames.Normalize(file.Path);
            if (!_files.ContainsKey(key)) _files.Add(key, file);
        }
    }

    public DocumentResult Get(string relativePath)
    {
        if (!TryResolve(relativePath, out var fullPath, out var error))
        {
            return new DocumentResult(DocumentStatus.OutsideRoot, null, error);
        }

        if (!_files.TryGetValue(fullPath, out var file))
        {
            return new DocumentResult(DocumentStatus.NotFound, null,
                $"it is not one of the project's AdditionalFiles; add it with <AdditionalFiles Include=\"{relativePath}\" /> (relative to the workspace root), see docs/csharp.md");
        }

        return file.Text is null
            ? new DocumentResult(DocumentStatus.Unreadable, null, "the build could not read it")
            : new DocumentResult(DocumentStatus.Loaded, file.Text, null);
    }

    private bool TryResolve(string relative, out string fullPath, out string? error)
    {
        fullPath = string.Empty;
        if (relative.Trim().Length == 0)
        {
            error = "the document path is empty";
            return false;
        }

        if (relative.IndexOf('\0') >= 0)
        {
            error = "the document path contains a NUL character";
            return false;
        }

        if (PathNames.IsSeparator(relative[0]) || Path.IsPathRooted(relative) ||
            (relative.Length >= 2 && relative[1] == ':' && IsAsciiLetter(relative[0])))
        {
            error = $"'{relative}' is an absolute path; write it relative to the workspace root";
            return false;
        }

        var parts = new List<string>();
        int start = 0;
        for (int i = 0; i <= relative.Length; i++)
        {
            if (i < relative.Length && !PathNames.IsSeparator(relative[i])) continue;
            var part = relative.Substring(start, i - start);
            start = i + 1;
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    error = $"'{relative}' leaves the workspace root through '..'";
                    return false;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        if (parts.Count == 0)
        {
            error = $"'{relative}' names the workspace root itself, not a file";
            return false;
        }

        fullPath = PathNames.Normalize(string.Join(Path.DirectorySeparatorChar.ToString(), parts), _root);
        error = null;
        return true;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
