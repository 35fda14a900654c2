using System.Collections.Concurrent;
using ClaimLang.Configuration;

namespace ClaimLang.Analysis;

/// <summary>The outcome of asking for a source document.</summary>
public enum DocumentStatus
{
    Loaded,
    NotFound,
    OutsideRoot,
    Unreadable,
}

public sealed record DocumentResult(DocumentStatus Status, string? Text, string? Message);

/// <summary>Reads the documents named by <c>document</c> clauses. Implementations must never read outside the workspace root.</summary>
public interface IDocumentProvider
{
    DocumentResult Get(string relativePath);
}

/// <summary>No documents at all (for compilations without a workspace on disk).</summary>
public sealed class NoDocuments : IDocumentProvider
{
    public static readonly NoDocuments Instance = new();
    public DocumentResult Get(string relativePath) => new(DocumentStatus.NotFound, null, "no workspace folder to read documents from");
}

/// <summary>
/// Reads documents from the file system, confined to the workspace root (symbolic links resolved first, see
/// <see cref="PathGuard"/>), each file once. Thread-safe.
/// </summary>
public sealed class FileDocumentProvider : IDocumentProvider
{
    private readonly string _root;
    private readonly ConcurrentDictionary<string, DocumentResult> _cache = new(StringComparer.Ordinal);

    public FileDocumentProvider(string root) => _root = Path.GetFullPath(root);

    public DocumentResult Get(string relativePath) => _cache.GetOrAdd(relativePath, Load);

    private DocumentResult Load(string relativePath)
    {
        if (!PathGuard.TryResolveInside(_root, relativePath, out var fullPath, out var error))
            return new DocumentResult(DocumentStatus.OutsideRoot, null, error);
        try
        {
            if (!File.Exists(fullPath)) return new DocumentResult(DocumentStatus.NotFound, null, $"no file at '{relativePath}' under the workspace root");
            // SafeFile refuses named pipes and devices, which would block or never end.
            return new DocumentResult(DocumentStatus.Loaded, ClaimLang.Workspace.SafeFile.ReadAllText(fullPath), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DocumentResult(DocumentStatus.Unreadable, null, e.Message);
        }
    }
}
