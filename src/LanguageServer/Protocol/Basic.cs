using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimLang.LanguageServer.Protocol;

// The basic structures of LSP 3.17. Names that clash with compiler or BCL types carry an "Lsp" prefix.

/// <summary>A 0-based line and a 0-based character offset in UTF-16 code units.</summary>
public readonly record struct Position(int Line, int Character);

/// <summary>A range between two positions, end exclusive.</summary>
public readonly record struct LspRange(Position Start, Position End);

public sealed record LspLocation(string Uri, LspRange Range);

public sealed record TextDocumentIdentifier(string Uri);

public sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

/// <summary>The version is always written, as null for a document that is not open (clients require the member).</summary>
public sealed record OptionalVersionedTextDocumentIdentifier(string Uri, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Version);

public sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

public record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

public sealed record TextEdit(LspRange Range, string NewText);

public sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextEdit> Edits);

public sealed class WorkspaceEdit
{
    public Dictionary<string, IReadOnlyList<TextEdit>>? Changes { get; init; }
    public IReadOnlyList<TextDocumentEdit>? DocumentChanges { get; init; }
}

public static class MarkupKind
{
    public const string PlainText = "plaintext";
    public const string Markdown = "markdown";
}

public sealed record MarkupContent(string Kind, string Value);

public sealed record Command(string Title, [property: JsonPropertyName("command")] string CommandId, IReadOnlyList<JsonElement>? Arguments = null);

public sealed record WorkspaceFolder(string Uri, string Name);

// ------------------------------------------------------------------ lifecycle

public sealed class InitializeParams
{
    public int? ProcessId { get; init; }
    public string? RootPath { get; init; }
    public string? RootUri { get; init; }
    public JsonElement? InitializationOptions { get; init; }
    public JsonElement? Capabilities { get; init; }
    public string? Trace { get; init; }
    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }
    public string? Locale { get; init; }
}

public sealed record ServerInfo(string Name, string? Version);

public sealed record InitializeResult(JsonElement Capabilities, ServerInfo ServerInfo);

public sealed record Registration(string Id, string Method, JsonElement? RegisterOptions);

public sealed record RegistrationParams(IReadOnlyList<Registration> Registrations);

public sealed record LogMessageParams(int Type, string Message);

public static class MessageType
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
    public const int Log = 4;
}

public sealed record CancelParams(JsonElement Id);

// ------------------------------------------------------------------ text synchronisation

public sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

public sealed class TextDocumentContentChangeEvent
{
    public LspRange? Range { get; init; }
    public int? RangeLength { get; init; }
    public required string Text { get; init; }
}

public sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

public sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

public sealed class DidSaveTextDocumentParams
{
    public required TextDocumentIdentifier TextDocument { get; init; }
    public string? Text { get; init; }
}

public static class FileChangeType
{
    public const int Created = 1;
    public const int Changed = 2;
    public const int Deleted = 3;
}

public sealed record FileEvent(string Uri, int Type);

public sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

public sealed record WorkspaceFoldersChangeEvent(IReadOnlyList<WorkspaceFolder> Added, IReadOnlyList<WorkspaceFolder> Removed);

public sealed record DidChangeWorkspaceFoldersParams(WorkspaceFoldersChangeEvent Event);

// ------------------------------------------------------------------ diagnostics

public enum LspDiagnosticSeverity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}

public static class DiagnosticTag
{
    public const int Unnecessary = 1;
    public const int Deprecated = 2;
}

public sealed record CodeDescription(string Href);

public sealed record DiagnosticRelatedInformation(LspLocation Location, string Message);

public sealed class LspDiagnostic
{
    public required LspRange Range { get; init; }
    public LspDiagnosticSeverity? Severity { get; init; }
    public string? Code { get; init; }
    public CodeDescription? CodeDescription { get; init; }
    public string? Source { get; init; }
    public required string Message { get; init; }
    public IReadOnlyList<int>? Tags { get; init; }
    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
    public JsonElement? Data { get; init; }
}

public sealed class PublishDiagnosticsParams
{
    public required string Uri { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Version { get; init; }
    public required IReadOnlyList<LspDiagnostic> Diagnostics { get; init; }
}
