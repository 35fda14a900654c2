using System.Collections.Immutable;
using ClaimLang.Diagnostics;
using ClaimLang.Workspace;
using ClaimLang.Configuration;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.LanguageServer.Workspace;

/// <summary>
/// The mutable workspace, changed only by the server loop (in message order): the workspace folders, the projects
/// found in them, the files read from disk and the open documents. Every change publishes a new immutable
/// <see cref="WorkspaceSnapshot"/>; only the project that holds the changed document gets a new snapshot, so the
/// analysis of the others is reused.
/// <para>
/// Files are read only inside the workspace folders (links are resolved before the check). A <c>.claim</c> file
/// belongs to the nearest folder at or above it that holds a <c>claimlang.json</c>, within its workspace folder, or
/// else to the workspace folder itself; it is compiled with that root's other files when the root's include/exclude
/// patterns select it. An open document that no root selects (or that lies outside every workspace folder) is
/// compiled on its own.
/// </para>
/// </summary>
internal sealed class WorkspaceManager
{
    /// <summary>Files larger than this are not read from disk (they are still analysed when opened).</summary>
    internal const long MaxFileBytes = 32L * 1024 * 1024;
    private const int MaxFoldersWalked = 100_000;

    private sealed record Folder(string Path, string RealPath);

    private sealed record ProjectDefinition(string Root, ConfigurationResult Configuration);

    private sealed record OpenDocument(string Uri, int Version, SyntaxTree Tree);

    /// <summary>A file read from disk, with the CLM1001 diagnostic for invalid UTF-8 when it has some.</summary>
    private sealed record DiskFile(SyntaxTree Tree, Diagnostic? EncodingError);

    private readonly Action<int, string> _log;
    private readonly List<Folder> _folders = [];
    private List<ProjectDefinition> _definitions = []; // longest root first
    private Dictionary<string, DiskFile> _disk = new(DocumentKeys.Comparer);
    private readonly Dictionary<string, OpenDocument> _open = new(DocumentKeys.Comparer);
    private WorkspaceSnapshot _current = WorkspaceSnapshot.Empty;
    private int _version;

    public WorkspaceManager(Action<int, string> log)
    {
        _log = log;
    }

    public WorkspaceSnapshot Current => Volatile.Read(ref _current);

    public bool IsLoaded { get; private set; }

    public IReadOnlyList<string> FolderPaths => _folders.ConvertAll(f => f.Path);

    // ------------------------------------------------------------------ folders and loading

    /// <summary>Sets the workspace folders (full paths); folders that do not exist are left out.</summary>
    public void SetFolders(IEnumerable<string> paths)
    {
        _folders.Clear();
        foreach (string path in paths) AddFolderCore(path);
    }

    public void ChangeFolders(IEnumerable<string> added, IEnumerable<string> removed)
    {
        foreach (string path in removed)
        {
            string full = Normalize(path);
            _folders.RemoveAll(f => DocumentKeys.Comparer.Equals(f.Path, full));
        }
        foreach (string path in added) AddFolderCore(path);
        Reload();
    }

    private void AddFolderCore(string path)
    {
        string full = Normalize(path);
        if (!Directory.Exists(full))
        {
            _log(MessageType.Warning, $"workspace folder '{full}' does not exist; it is ignored");
            return;
        }
        if (_folders.Exists(f => DocumentKeys.Comparer.Equals(f.Path, full))) return;
        string real = PathUtil.Resolve(full) ?? full;
        _folders.Add(new Folder(full, real));
    }

    /// <summary>Finds the projects and reads every selected file again (trees whose text did not change are kept).</summary>
    public void Reload()
    {
        IsLoaded = true;
        _definitions = DiscoverProjects();
        var disk = new Dictionary<string, DiskFile>(DocumentKeys.Comparer);
        int errors = 0;
        foreach (var definition in _definitions)
        {
            var files = WorkspaceFiles.Enumerate(definition.Root, definition.Configuration.Options);
            foreach (var error in files.Errors)
            {
                if (errors++ < 20) _log(MessageType.Warning, $"{error.Path}: {error.Message}");
            }
            var keys = new List<string>();
            var selected = new HashSet<string>(DocumentKeys.Comparer);
            foreach (string path in files.Files)
            {
                string key = Normalize(path);
                if (disk.ContainsKey(key) || !selected.Add(key) || !ReferenceEquals(Resolve(key).Definition, definition)) continue;
                keys.Add(key);
            }
            // Read and parse in parallel (a large workspace is mostly parsing); the files are added in order.
            var previous = _disk;
            var read = new DiskFile?[keys.Count];
            Parallel.For(0, keys.Count, i => read[i] = ReadFile(keys[i], checkInside: false, previous.GetValueOrDefault(keys[i])));
            for (int i = 0; i < keys.Count; i++)
            {
                if (read[i] is { } file) disk[keys[i]] = file;
            }
        }
        _disk = disk;
        RebuildAll();
    }

    private List<ProjectDefinition> DiscoverProjects()
    {
        var roots = new List<string>();
        var seen = new HashSet<string>(DocumentKeys.Comparer);
        int walked = 0;
        foreach (var folder in _folders)
        {
            if (seen.Add(folder.Path)) roots.Add(folder.Path);
            var pending = new Stack<string>();
            pending.Push(folder.Path);
            while (pending.Count > 0 && walked < MaxFoldersWalked)
            {
                string directory = pending.Pop();
                walked++;
                if (!ReferenceEquals(directory, folder.Path) && File.Exists(Path.Join(directory, WorkspaceRoot.ConfigFileName)) && seen.Add(directory))
                    roots.Add(directory);
                try
                {
                    foreach (var child in new DirectoryInfo(directory).EnumerateDirectories())
                    {
                        if (WorkspaceFiles.IsAlwaysSkipped(child.Name) || child.LinkTarget is not null) continue;
                        pending.Push(child.FullName);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
                {
                    // Reported by the file enumeration, which walks the same folders.
                }
            }
        }

        var definitions = new List<ProjectDefinition>(roots.Count);
        foreach (string root in roots) definitions.Add(new ProjectDefinition(root, LoadConfiguration(root)));
        definitions.Sort((a, b) => b.Root.Length.CompareTo(a.Root.Length));
        return definitions;
    }

    private ConfigurationResult LoadConfiguration(string root)
    {
        string path = Path.Join(root, WorkspaceRoot.ConfigFileName);
        if (!File.Exists(path)) return ConfigurationResult.None;
        if (!IsInsideFolders(path))
        {
            _log(MessageType.Warning, $"{path} links outside the workspace folders; it is ignored");
            return ConfigurationResult.None;
        }
        return ConfigurationLoader.Load(path);
    }

    // ------------------------------------------------------------------ open documents

    public bool IsOpen(string uri) => _open.ContainsKey(DocumentKeys.FromUri(uri));

    public void Open(string uri, int version, string text)
    {
        string key = DocumentKeys.FromUri(uri);
        var existing = _open.TryGetValue(key, out var open) ? open.Tree : _disk.GetValueOrDefault(key)?.Tree;
        _open[key] = new OpenDocument(uri, version, ReuseOrParse(existing, text, key));
        UpdateDocument(key);
    }

    public void Change(string uri, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        string key = DocumentKeys.FromUri(uri);
        if (!_open.TryGetValue(key, out var open))
            throw new LspException(ErrorCodes.InvalidParams, $"textDocument/didChange for '{uri}', which is not open");
        if (version <= open.Version)
            _log(MessageType.Warning, $"textDocument/didChange for '{uri}' goes from version {open.Version} to {version}");
        var tree = open.Tree;
        foreach (var change in changes) tree = ApplyChange(tree, change);
        _open[key] = open with { Version = version, Tree = tree };
        UpdateDocument(key);
    }

    public void Close(string uri)
    {
        string key = DocumentKeys.FromUri(uri);
        if (!_open.Remove(key)) return;
        // The file on disk may have changed while the document was open: read it again.
        if (_disk.TryGetValue(key, out var previous))
        {
            var file = ReadFile(key, checkInside: true, previous);
            if (file is null) _disk.Remove(key);
            else _disk[key] = file;
        }
        UpdateDocument(key);
    }

    /// <summary>Applies one content change: a range edit, or a whole new text (reduced to the part that differs).</summary>
    internal static SyntaxTree ApplyChange(SyntaxTree tree, TextDocumentContentChangeEvent change)
    {
        var text = tree.Text;
        if (change.Range is { } range)
        {
            var span = LineIndex.Create(text).GetSpan(range);
            if (span.Length == 0 && change.Text.Length == 0) return tree;
            return tree.WithChange(span, change.Text);
        }
        string replacement = change.Text;
        int max = Math.Min(text.Length, replacement.Length);
        int prefix = 0;
        while (prefix < max && text[prefix] == replacement[prefix]) prefix++;
        int suffix = 0;
        while (suffix < max - prefix && text[text.Length - 1 - suffix] == replacement[replacement.Length - 1 - suffix]) suffix++;
        if (prefix == text.Length && prefix == replacement.Length) return tree;
        return tree.WithChange(TextSpan.FromBounds(prefix, text.Length - suffix), replacement.Substring(prefix, replacement.Length - suffix - prefix));
    }

    // ------------------------------------------------------------------ files on disk

    /// <summary>Applies watched-file events; returns true when anything changed.</summary>
    public void ApplyFileEvents(IReadOnlyList<FileEvent> events)
    {
        bool reload = false;
        var touched = new List<string>();
        foreach (var fileEvent in events)
        {
            if (!DocumentKeys.TryGetPath(fileEvent.Uri, out string? key) || !IsInside(key!)) continue;
            if (DocumentKeys.IsConfigFile(key!))
            {
                reload = true;
                continue;
            }
            if (!DocumentKeys.IsClaimFile(key!))
            {
                // A folder: a new one may hold files or projects, a deleted one took its files with it.
                if (fileEvent.Type == FileChangeType.Created && Directory.Exists(key)) reload = true;
                else if (fileEvent.Type == FileChangeType.Deleted)
                {
                    foreach (string path in _disk.Keys.ToList())
                    {
                        if (!PathUtil.IsInside(key!, path)) continue;
                        _disk.Remove(path);
                        touched.Add(path);
                    }
                }
                continue;
            }
            touched.Add(key!);
            if (fileEvent.Type == FileChangeType.Deleted)
            {
                _disk.Remove(key!);
                continue;
            }
            var (definition, selected) = Resolve(key!);
            if (definition is null || !selected) continue;
            var file = ReadFile(key!, checkInside: true, _disk.GetValueOrDefault(key!));
            if (file is null) _disk.Remove(key!);
            else _disk[key!] = file;
        }
        if (reload)
        {
            Reload();
            return;
        }
        foreach (string key in touched) UpdateDocument(key);
    }

    /// <summary>
    /// Reads a file as UTF-8, as <c>claimc check</c> does (invalid bytes become U+FFFD and one CLM1001), except that
    /// a byte-order mark is dropped: editors leave it out of the text, and positions must agree with theirs.
    /// </summary>
    private DiskFile? ReadFile(string path, bool checkInside, DiskFile? previous)
    {
        if (checkInside && !IsInsideFolders(path))
        {
            _log(MessageType.Warning, $"{path} is outside the workspace folders (through a link); it is not read");
            return null;
        }
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) return null;
            if (info.Length > MaxFileBytes)
            {
                _log(MessageType.Warning, $"{path} has {info.Length} bytes, more than {MaxFileBytes}; it is not analysed");
                return null;
            }
            byte[] bytes = ClaimLang.Workspace.SafeFile.ReadAllBytes(path); // refuses pipes and devices
            var content = bytes.AsSpan().StartsWith("\xEF\xBB\xBF"u8) ? bytes[3..] : bytes;
            var (text, error) = SourceFileReader.Decode(content, path);
            if (previous is not null && previous.Tree.Text.Length == text.Length && previous.Tree.Text.ContentEquals(text))
                return previous.EncodingError == error ? previous : previous with { EncodingError = error };
            var tree = SyntaxTree.Parse(text, path);
            // A file on disk is bound from its summaries; its syntax nodes are parsed again only if a feature needs
            // them (an open document has its own tree).
            ClaimLang.Binding.Compilation.Prepare(tree, releaseRoot: true);
            return new DiskFile(tree, error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            _log(MessageType.Warning, $"cannot read {path}: {e.Message}");
            return null;
        }
    }

    /// <summary>Whether a full path lies in a workspace folder as written (no link resolution).</summary>
    private bool IsInside(string path)
    {
        foreach (var folder in _folders)
        {
            if (PathUtil.IsInside(folder.Path, path)) return true;
        }
        return false;
    }

    /// <summary>Whether a file, with its links resolved, lies in a workspace folder.</summary>
    private bool IsInsideFolders(string path)
    {
        string? real = PathUtil.Resolve(path);
        if (real is null) return IsInside(path);
        foreach (var folder in _folders)
        {
            if (PathUtil.IsInside(folder.RealPath, real) || PathUtil.IsInside(folder.Path, real)) return true;
        }
        return false;
    }

    private static SyntaxTree ReuseOrParse(SyntaxTree? existing, string text, string key)
    {
        if (existing is not null && existing.Text.Length == text.Length && existing.Text.ToString() == text) return existing;
        return SyntaxTree.Parse(SourceText.From(text), key);
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    // ------------------------------------------------------------------ membership and snapshots

    private (ProjectDefinition? Definition, bool Selected) Resolve(string key)
    {
        if (!DocumentKeys.IsPath(key)) return (null, false);
        foreach (var definition in _definitions)
        {
            if (!PathUtil.IsInside(definition.Root, key) || key.Length == definition.Root.Length) continue;
            string relative = Path.GetRelativePath(definition.Root, key).Replace('\\', '/');
            return (definition, WorkspaceFiles.IsSelected(relative, definition.Configuration.Options));
        }
        return (null, false);
    }

    private static string SingleId(string key) => "single:" + key;

    private DocumentSnapshot? CurrentDocument(string key)
    {
        if (_open.TryGetValue(key, out var open)) return new DocumentSnapshot(key, open.Uri, open.Tree, open.Version);
        if (_disk.TryGetValue(key, out var file)) return new DocumentSnapshot(key, DocumentKeys.ToUri(key), file.Tree, null, file.EncodingError);
        return null;
    }

    private void RebuildAll()
    {
        var old = Current;
        var members = new Dictionary<string, ImmutableSortedDictionary<string, DocumentSnapshot>.Builder>(StringComparer.Ordinal);
        foreach (var definition in _definitions) members[definition.Root] = ProjectSnapshot.EmptyDocuments.ToBuilder();
        var owners = ImmutableDictionary.CreateBuilder<string, string>(DocumentKeys.Comparer);
        var projects = ImmutableDictionary.CreateBuilder<string, ProjectSnapshot>(StringComparer.Ordinal);

        var keys = new HashSet<string>(_disk.Keys, DocumentKeys.Comparer);
        keys.UnionWith(_open.Keys);
        foreach (string key in keys)
        {
            var document = CurrentDocument(key)!;
            var (definition, selected) = Resolve(key);
            if (definition is not null && selected)
            {
                members[definition.Root][key] = document;
                owners[key] = definition.Root;
            }
            else if (_open.ContainsKey(key))
            {
                string id = SingleId(key);
                projects[id] = new ProjectSnapshot(id, definition?.Root, definition?.Configuration ?? ConfigurationResult.None, true,
                    ProjectSnapshot.EmptyDocuments.Add(key, document), old.Projects.GetValueOrDefault(id));
                owners[key] = id;
            }
        }
        foreach (var definition in _definitions)
        {
            projects[definition.Root] = new ProjectSnapshot(definition.Root, definition.Root, definition.Configuration, false,
                members[definition.Root].ToImmutable(), old.Projects.GetValueOrDefault(definition.Root));
        }
        Publish(projects.ToImmutable(), owners.ToImmutable());
    }

    /// <summary>Moves one document to where it now belongs (or removes it) and publishes a new snapshot.</summary>
    private void UpdateDocument(string key)
    {
        var snapshot = Current;
        var projects = snapshot.Projects;
        var owners = snapshot.ProjectOfDocument;
        var document = CurrentDocument(key);

        string? target = null;
        ProjectDefinition? definition = null;
        if (document is not null)
        {
            (definition, bool selected) = Resolve(key);
            target = selected ? definition!.Root : _open.ContainsKey(key) ? SingleId(key) : null;
            if (target is null) document = null;
        }

        if (owners.TryGetValue(key, out string? owner) && (target is null || owner != target))
        {
            var project = projects[owner];
            projects = project.IsSingleFile ? projects.Remove(owner) : projects.SetItem(owner, project.WithoutDocument(key));
            owners = owners.Remove(key);
        }
        if (document is not null)
        {
            if (projects.TryGetValue(target!, out var project))
            {
                projects = projects.SetItem(target!, project.WithDocument(document));
            }
            else
            {
                bool single = target!.StartsWith("single:", StringComparison.Ordinal);
                projects = projects.Add(target, new ProjectSnapshot(target, definition?.Root,
                    definition?.Configuration ?? ConfigurationResult.None, single,
                    ProjectSnapshot.EmptyDocuments.Add(key, document), null));
            }
            owners = owners.SetItem(key, target!);
        }
        Publish(projects, owners);
    }

    private void Publish(ImmutableDictionary<string, ProjectSnapshot> projects, ImmutableDictionary<string, string> owners)
    {
        var folders = _folders.Select(f => f.Path).ToImmutableArray();
        Volatile.Write(ref _current, new WorkspaceSnapshot(++_version, projects, owners, folders));
    }
}
