using System.Collections.Concurrent;
using ClaimLang.Analysis;
using ClaimLang.Binding;
using ClaimLang.Configuration;
using ClaimLang.Diagnostics;

namespace ClaimLang.LanguageServer.Workspace;

internal sealed partial class ProjectSnapshot
{
    private Lazy<Compilation> _compilation = null!;
    private IDocumentProvider _documentProvider = null!;
    // The last compilation that was made before this snapshot (bound or about to be): binding reuses what it learnt.
    // Dropped once this snapshot's compilation exists, so snapshots never keep a chain of old compilations alive.
    private Lazy<Compilation>? _predecessor;
    private IReadOnlyList<Diagnostic>? _diagnostics;

    private void InitializeSemantics(ProjectSnapshot? previous)
    {
        // Source documents are read through one provider per root, which notices when a document file changes.
        _documentProvider = previous is not null && previous.Root == Root ? previous._documentProvider
            : Root is null ? NoDocuments.Instance : new WorkspaceDocumentProvider(Root);
        _compilation = new Lazy<Compilation>(CreateCompilation, LazyThreadSafetyMode.ExecutionAndPublication);
        if (previous is not null && previous.Root == Root)
            _predecessor = previous._compilation.IsValueCreated ? previous._compilation : previous._predecessor;
    }

    /// <summary>The compilation of the project's documents (bound on first use; safe to share between threads).</summary>
    public Compilation Compilation => _compilation.Value;

    private Compilation CreateCompilation()
    {
        var trees = new List<Syntax.SyntaxTree>(Documents.Count);
        // Like claimc check: the configuration's own problems and files that are not valid UTF-8 come with the rest.
        var extra = new List<Diagnostic>();
        if (!IsSingleFile) extra.AddRange(Configuration.Diagnostics);
        foreach (var document in Documents.Values)
        {
            trees.Add(document.Tree);
            if (document.EncodingError is { } error) extra.Add(error);
        }
        var predecessor = _predecessor is { IsValueCreated: true } lazy ? lazy.Value : null;
        _predecessor = null;
        return Compilation.Create(trees, Options, Root, _documentProvider, extra, predecessor: predecessor);
    }

    /// <summary>Every diagnostic of the project, as <c>claimc check</c> reports them (computed once per snapshot).</summary>
    public IReadOnlyList<Diagnostic> GetDiagnostics(CancellationToken cancellationToken)
    {
        var cached = _diagnostics;
        if (cached is not null) return cached;
        var result = Compilation.GetDiagnostics(cancellationToken);
        _diagnostics = result;
        return result;
    }

    /// <summary>The semantic model of one of the project's documents.</summary>
    public SemanticModel GetSemanticModel(DocumentSnapshot document) => Compilation.GetSemanticModel(document.Tree);
}

/// <summary>
/// Reads the files named by <c>document</c> clauses, confined to the workspace root (see <see cref="PathGuard"/>),
/// and caches each until its size or modification time changes, so that an edited source document is read again.
/// </summary>
internal sealed class WorkspaceDocumentProvider : IDocumentProvider
{
    private sealed record Entry(DateTime Modified, long Length, DocumentResult Result);

    private readonly string _root;
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.Ordinal);

    public WorkspaceDocumentProvider(string root) => _root = Path.GetFullPath(root);

    public DocumentResult Get(string relativePath)
    {
        if (!PathGuard.TryResolveInside(_root, relativePath, out string fullPath, out string? error))
            return new DocumentResult(DocumentStatus.OutsideRoot, null, error);
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists) return new DocumentResult(DocumentStatus.NotFound, null, $"no file at '{relativePath}' under the workspace root");
            if (_cache.TryGetValue(fullPath, out var entry) && entry.Modified == info.LastWriteTimeUtc && entry.Length == info.Length)
                return entry.Result;
            var result = new DocumentResult(DocumentStatus.Loaded, ClaimLang.Workspace.SafeFile.ReadAllText(fullPath), null);
            _cache[fullPath] = new Entry(info.LastWriteTimeUtc, info.Length, result);
            return result;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return new DocumentResult(DocumentStatus.Unreadable, null, e.Message);
        }
    }
}
