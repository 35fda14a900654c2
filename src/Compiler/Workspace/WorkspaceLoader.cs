using System.Collections.Concurrent;
using ClaimLang.Binding;
using ClaimLang.Configuration;
using ClaimLang.Diagnostics;
using ClaimLang.Syntax;

namespace ClaimLang.Workspace;

/// <summary>A problem with the command line's inputs (missing or unreadable paths): the CLI exits with 2.</summary>
public sealed class InputException(string message) : Exception(message);

/// <summary>One workspace (a root folder and its claimlang.json) with the files given for it, compiled.</summary>
public sealed record LoadedWorkspace(string Root, ConfigurationResult Configuration, Compilation Compilation);

/// <summary>
/// Turns command-line paths into compilations. Each path belongs to the workspace of its nearest claimlang.json
/// (or, without one, to the folder given); paths of the same workspace are compiled together, different
/// workspaces separately, so that a folder of examples and a folder of seeds with their own configurations do
/// not see each other's names. Files are read and parsed in parallel.
/// </summary>
public static class WorkspaceLoader
{
    /// <param name="releaseTrees">
    /// Let each tree drop its syntax nodes once its declarations are summarised (see <see cref="Compilation.Prepare"/>):
    /// for commands that only bind and analyse (check, build, query), not for those that work on the syntax (fmt).
    /// </param>
    public static IReadOnlyList<LoadedWorkspace> Load(IReadOnlyList<string> paths, string currentDirectory, DateOnly? today = null, CancellationToken cancellation = default,
        bool releaseTrees = false)
    {
        var inputs = paths.Count > 0 ? paths : [WorkspaceRoot.FindConfigFile(currentDirectory) is { } config ? Path.GetDirectoryName(config)! : currentDirectory];
        var groups = new SortedDictionary<string, (List<string> Files, List<string> Folders)>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input, currentDirectory);
            bool isFile = File.Exists(full);
            if (!isFile && !Directory.Exists(full)) throw new InputException($"no such file or folder: {input}");
            var root = WorkspaceRoot.Find(full);
            if (!groups.TryGetValue(root, out var group)) groups[root] = group = ([], []);
            (isFile ? group.Files : group.Folders).Add(full);
        }

        var result = new List<LoadedWorkspace>();
        foreach (var (root, (files, folders)) in groups)
        {
            var configuration = ConfigurationLoader.LoadForWorkspace(root);
            var selected = new SortedSet<string>(files, StringComparer.Ordinal);
            if (folders.Count > 0)
            {
                var set = WorkspaceFiles.Enumerate(root, configuration.Options);
                if (set.Errors.Count > 0) throw new InputException(string.Join("\n", set.Errors.Select(e => $"cannot read {e.Path}: {e.Message}")));
                foreach (var file in set.Files)
                {
                    if (folders.Any(f => IsUnder(file, f))) selected.Add(file);
                }
            }
            var (trees, extra) = ParseFiles(selected.ToList(), cancellation, releaseTrees);
            var compilation = Compilation.Create(trees, configuration.Options, root, null, configuration.Diagnostics.Concat(extra), today);
            result.Add(new LoadedWorkspace(root, configuration, compilation));
        }
        return result;
    }

    private static bool IsUnder(string file, string folder)
    {
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return file.StartsWith(prefix, StringComparison.Ordinal) || file == folder;
    }

    /// <summary>
    /// Reads and parses files in parallel; unreadable files (no permission, a folder, a named pipe, a device) are an
    /// input error.
    /// </summary>
    public static (List<SyntaxTree> Trees, List<Diagnostic> EncodingErrors) ParseFiles(IReadOnlyList<string> files, CancellationToken cancellation = default,
        bool releaseTrees = false)
    {
        var trees = new SyntaxTree[files.Count];
        var encoding = new ConcurrentBag<Diagnostic>();
        var failures = new ConcurrentBag<string>();
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            byte[] bytes;
            try
            {
                bytes = SafeFile.ReadAllBytes(files[i]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add($"cannot read {files[i]}: {e.Message}");
                return;
            }
            var (text, error) = SourceFileReader.Decode(bytes, files[i]);
            if (error is not null) encoding.Add(error);
            var tree = SyntaxTree.Parse(text, files[i]);
            // Summarise the declarations here, in parallel, rather than in the (sequential) binder.
            DeclarationInfo.Prepare(tree, releaseTrees);
            trees[i] = tree;
        });
        if (!failures.IsEmpty) throw new InputException(string.Join("\n", failures.Order(StringComparer.Ordinal)));
        return ([.. trees], [.. encoding]);
    }
}
