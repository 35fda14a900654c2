using System.Collections.Immutable;
using ClaimLang.Configuration;
using ClaimLang.Diagnostics;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.LanguageServer.Workspace;

/// <summary>One document as the server sees it at one moment: its text, syntax tree and (when open) version.</summary>
internal sealed class DocumentSnapshot
{
    private LineIndex? _lines;

    public DocumentSnapshot(string key, string uri, SyntaxTree tree, int? version, Diagnostic? encodingError = null)
    {
        Key = key;
        Uri = uri;
        Tree = tree;
        Version = version;
        EncodingError = encodingError;
    }

    /// <summary>The CLM1001 for invalid UTF-8 in a file read from disk (open documents have none).</summary>
    public Diagnostic? EncodingError { get; }

    public string Key { get; }
    public string Uri { get; }
    public SyntaxTree Tree { get; }
    public SourceText Text => Tree.Text;
    /// <summary>The client's version of an open document; null for a file read from disk.</summary>
    public int? Version { get; }
    public bool IsOpen => Version is not null;

    public LineIndex Lines => _lines ??= LineIndex.Create(Tree.Text);

    public int GetOffset(Position position) => Lines.GetOffset(position);
    public Position GetPosition(int offset) => Lines.GetPosition(offset);
    public LspRange GetRange(TextSpan span) => Lines.GetRange(span);
    public TextSpan GetSpan(LspRange range) => Lines.GetSpan(range);
    public LspLocation GetLocation(TextSpan span) => new(Uri, GetRange(span));
}

/// <summary>
/// The documents compiled together: the <c>.claim</c> files of one workspace root (a folder with <c>claimlang.json</c>,
/// or a workspace folder) that its configuration selects, with open documents in place of their files — or one open
/// document on its own when no root selects it. Immutable.
/// </summary>
internal sealed partial class ProjectSnapshot
{
    public ProjectSnapshot(string id, string? root, ConfigurationResult configuration, bool isSingleFile,
        ImmutableSortedDictionary<string, DocumentSnapshot> documents, ProjectSnapshot? previous)
    {
        Id = id;
        Root = root;
        Configuration = configuration;
        IsSingleFile = isSingleFile;
        Documents = documents;
        InitializeSemantics(previous);
    }

    public static ImmutableSortedDictionary<string, DocumentSnapshot> EmptyDocuments { get; } =
        ImmutableSortedDictionary.Create<string, DocumentSnapshot>(DocumentKeys.Comparer);

    /// <summary>Stable identity: the root folder, or <c>single:</c> and the document key.</summary>
    public string Id { get; }

    /// <summary>The workspace root (for <c>document</c> paths); null for a document outside every workspace folder.</summary>
    public string? Root { get; }

    public ConfigurationResult Configuration { get; }
    public ClaimLangOptions Options => Configuration.Options;
    public bool IsSingleFile { get; }
    public ImmutableSortedDictionary<string, DocumentSnapshot> Documents { get; }

    public ProjectSnapshot WithDocument(DocumentSnapshot document) =>
        new(Id, Root, Configuration, IsSingleFile, Documents.SetItem(document.Key, document), this);

    public ProjectSnapshot WithoutDocument(string key) =>
        new(Id, Root, Configuration, IsSingleFile, Documents.Remove(key), this);
}

/// <summary>
/// The whole workspace at one moment. Immutable: request handlers work on the snapshot that was current when their
/// request arrived, while the server loop builds the next one.
/// </summary>
internal sealed class WorkspaceSnapshot
{
    public static WorkspaceSnapshot Empty { get; } = new(0,
        ImmutableDictionary.Create<string, ProjectSnapshot>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, string>(DocumentKeys.Comparer),
        ImmutableArray<string>.Empty);

    public WorkspaceSnapshot(int version, ImmutableDictionary<string, ProjectSnapshot> projects,
        ImmutableDictionary<string, string> projectOfDocument, ImmutableArray<string> folders)
    {
        Version = version;
        Projects = projects;
        ProjectOfDocument = projectOfDocument;
        Folders = folders;
    }

    /// <summary>Grows by one with every change.</summary>
    public int Version { get; }

    /// <summary>Project id → project.</summary>
    public ImmutableDictionary<string, ProjectSnapshot> Projects { get; }

    /// <summary>Document key → id of the project that holds it.</summary>
    public ImmutableDictionary<string, string> ProjectOfDocument { get; }

    /// <summary>The full paths of the workspace folders.</summary>
    public ImmutableArray<string> Folders { get; }

    public DocumentSnapshot? GetDocument(string uri) => GetDocumentByKey(DocumentKeys.FromUri(uri));

    public DocumentSnapshot? GetDocumentByKey(string key)
    {
        if (!ProjectOfDocument.TryGetValue(key, out string? id) || !Projects.TryGetValue(id, out var project)) return null;
        return project.Documents.TryGetValue(key, out var document) ? document : null;
    }

    public ProjectSnapshot GetProject(DocumentSnapshot document) => Projects[ProjectOfDocument[document.Key]];

    public IEnumerable<DocumentSnapshot> AllDocuments()
    {
        foreach (var project in Projects.Values)
        {
            foreach (var document in project.Documents.Values) yield return document;
        }
    }

    /// <summary>The URI to use for a document key (the client's own spelling when the document is known).</summary>
    public string GetUri(string key) => GetDocumentByKey(key)?.Uri ?? DocumentKeys.ToUri(key);
}
