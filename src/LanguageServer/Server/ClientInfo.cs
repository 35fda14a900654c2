using System.Text.Json;

namespace ClaimLang.LanguageServer.Server;

/// <summary>The parts of the client's capabilities that change what the server sends.</summary>
internal sealed class ClientInfo
{
    public static ClientInfo Default { get; } = new();

    public bool HoverMarkdown { get; init; } = true;
    public bool CompletionMarkdown { get; init; } = true;
    public bool CompletionSnippets { get; init; }
    public bool DocumentChanges { get; init; }
    public bool WatchedFilesDynamicRegistration { get; init; }
    public bool HierarchicalDocumentSymbols { get; init; } = true;
    public bool LineFoldingOnly { get; init; }
    public bool SemanticTokensRefresh { get; init; }
    public bool CodeLensRefresh { get; init; }
    public bool InlayHintRefresh { get; init; }
    public bool DiagnosticVersions { get; init; } = true;
    public bool CodeActionLiterals { get; init; } = true;

    public static ClientInfo From(JsonElement? capabilities)
    {
        if (capabilities is not { ValueKind: JsonValueKind.Object } root) return new ClientInfo();
        return new ClientInfo
        {
            HoverMarkdown = Contains(root, "markdown", "textDocument", "hover", "contentFormat") ?? true,
            CompletionMarkdown = Contains(root, "markdown", "textDocument", "completion", "completionItem", "documentationFormat") ?? true,
            CompletionSnippets = Bool(root, "textDocument", "completion", "completionItem", "snippetSupport") ?? false,
            DocumentChanges = Bool(root, "workspace", "workspaceEdit", "documentChanges") ?? false,
            WatchedFilesDynamicRegistration = Bool(root, "workspace", "didChangeWatchedFiles", "dynamicRegistration") ?? false,
            HierarchicalDocumentSymbols = Bool(root, "textDocument", "documentSymbol", "hierarchicalDocumentSymbolSupport") ?? false,
            LineFoldingOnly = Bool(root, "textDocument", "foldingRange", "lineFoldingOnly") ?? false,
            SemanticTokensRefresh = Bool(root, "workspace", "semanticTokens", "refreshSupport") ?? false,
            CodeLensRefresh = Bool(root, "workspace", "codeLens", "refreshSupport") ?? false,
            InlayHintRefresh = Bool(root, "workspace", "inlayHint", "refreshSupport") ?? false,
            DiagnosticVersions = Bool(root, "textDocument", "publishDiagnostics", "versionSupport") ?? false,
            CodeActionLiterals = Get(root, "textDocument", "codeAction", "codeActionLiteralSupport") is not null,
        };
    }

    private static JsonElement? Get(JsonElement root, params string[] path)
    {
        var current = root;
        foreach (string name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current)) return null;
        }
        return current;
    }

    private static bool? Bool(JsonElement root, params string[] path) => Get(root, path) switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    private static bool? Contains(JsonElement root, string value, params string[] path)
    {
        if (Get(root, path) is not { ValueKind: JsonValueKind.Array } array) return null;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() == value) return true;
        }
        return false;
    }
}
