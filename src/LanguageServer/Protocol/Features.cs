using System.Text.Json;

namespace ClaimLang.LanguageServer.Protocol;

// Parameters and results of the language features.

public sealed record Hover(MarkupContent Contents, LspRange? Range);

public sealed record ReferenceContext(bool IncludeDeclaration);

public sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context = null);

public sealed record PrepareRenameResult(LspRange Range, string Placeholder);

public sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);

public sealed record DocumentHighlight(LspRange Range, int Kind);

public static class DocumentHighlightKind
{
    public const int Text = 1;
    public const int Read = 2;
    public const int Write = 3;
}

// ------------------------------------------------------------------ completion

public sealed record CompletionContext(int TriggerKind, string? TriggerCharacter = null);

public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position, CompletionContext? Context = null);

public enum CompletionItemKind
{
    Text = 1, Method = 2, Function = 3, Constructor = 4, Field = 5, Variable = 6, Class = 7, Interface = 8,
    Module = 9, Property = 10, Unit = 11, Value = 12, Enum = 13, Keyword = 14, Snippet = 15, Color = 16,
    File = 17, Reference = 18, Folder = 19, EnumMember = 20, Constant = 21, Struct = 22, Event = 23,
    Operator = 24, TypeParameter = 25,
}

public sealed record CompletionItemLabelDetails(string? Detail, string? Description);

public sealed class CompletionItem
{
    public required string Label { get; init; }
    public CompletionItemLabelDetails? LabelDetails { get; init; }
    public CompletionItemKind? Kind { get; init; }
    public string? Detail { get; init; }
    public MarkupContent? Documentation { get; init; }
    public string? SortText { get; init; }
    public string? FilterText { get; init; }
    public string? InsertText { get; init; }
    /// <summary>1 plain text, 2 snippet.</summary>
    public int? InsertTextFormat { get; init; }
    public TextEdit? TextEdit { get; init; }
    public bool? Preselect { get; init; }
}

public sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);

// ------------------------------------------------------------------ symbols

public enum LspSymbolKind
{
    File = 1, Module = 2, Namespace = 3, Package = 4, Class = 5, Method = 6, Property = 7, Field = 8,
    Constructor = 9, Enum = 10, Interface = 11, Function = 12, Variable = 13, Constant = 14, String = 15,
    Number = 16, Boolean = 17, Array = 18, Object = 19, Key = 20, Null = 21, EnumMember = 22, Struct = 23,
    Event = 24, Operator = 25, TypeParameter = 26,
}

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

public sealed class DocumentSymbol
{
    public required string Name { get; init; }
    public string? Detail { get; init; }
    public required LspSymbolKind Kind { get; init; }
    public required LspRange Range { get; init; }
    public required LspRange SelectionRange { get; init; }
    public IReadOnlyList<DocumentSymbol>? Children { get; init; }
}

public sealed record WorkspaceSymbolParams(string Query);

public sealed class SymbolInformation
{
    public required string Name { get; init; }
    public required LspSymbolKind Kind { get; init; }
    public required LspLocation Location { get; init; }
    public string? ContainerName { get; init; }
}

// ------------------------------------------------------------------ semantic tokens

public sealed record SemanticTokensParams(TextDocumentIdentifier TextDocument);

public sealed record SemanticTokensRangeParams(TextDocumentIdentifier TextDocument, LspRange Range);

public sealed record SemanticTokensDeltaParams(TextDocumentIdentifier TextDocument, string PreviousResultId);

public sealed record SemanticTokens(string? ResultId, int[] Data);

public sealed record SemanticTokensEdit(int Start, int DeleteCount, int[]? Data);

public sealed record SemanticTokensDelta(string? ResultId, IReadOnlyList<SemanticTokensEdit> Edits);

// ------------------------------------------------------------------ formatting and folding

public sealed class FormattingOptions
{
    public int TabSize { get; init; } = 2;
    public bool InsertSpaces { get; init; } = true;
    public bool? TrimTrailingWhitespace { get; init; }
    public bool? InsertFinalNewline { get; init; }
    public bool? TrimFinalNewlines { get; init; }
}

public sealed record DocumentFormattingParams(TextDocumentIdentifier TextDocument, FormattingOptions? Options = null);

public sealed record DocumentRangeFormattingParams(TextDocumentIdentifier TextDocument, LspRange Range, FormattingOptions? Options = null);

public sealed record FoldingRangeParams(TextDocumentIdentifier TextDocument);

public static class FoldingRangeKind
{
    public const string Comment = "comment";
    public const string Imports = "imports";
    public const string Region = "region";
}

public sealed class FoldingRange
{
    public required int StartLine { get; init; }
    public int? StartCharacter { get; init; }
    public required int EndLine { get; init; }
    public int? EndCharacter { get; init; }
    public string? Kind { get; init; }
    public string? CollapsedText { get; init; }
}

// ------------------------------------------------------------------ code actions, inlay hints, code lens

public sealed record CodeActionContext(IReadOnlyList<LspDiagnostic> Diagnostics, IReadOnlyList<string>? Only = null, int? TriggerKind = null);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, LspRange Range, CodeActionContext Context);

public static class CodeActionKind
{
    public const string QuickFix = "quickfix";
    public const string Refactor = "refactor";
    public const string Source = "source";
}

public sealed class CodeAction
{
    public required string Title { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyList<LspDiagnostic>? Diagnostics { get; init; }
    public bool? IsPreferred { get; init; }
    public WorkspaceEdit? Edit { get; init; }
    public Command? Command { get; init; }
}

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, LspRange Range);

public static class InlayHintKind
{
    public const int Type = 1;
    public const int Parameter = 2;
}

public sealed class InlayHint
{
    public required Position Position { get; init; }
    public required string Label { get; init; }
    public int? Kind { get; init; }
    public string? Tooltip { get; init; }
    public bool? PaddingLeft { get; init; }
    public bool? PaddingRight { get; init; }
}

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record CodeLens(LspRange Range, Command? Command, JsonElement? Data = null);
