using ClaimLang.LanguageServer.Server;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>Every handler, one class per feature.</summary>
internal static class AllHandlers
{
    public static IReadOnlyList<ILspHandler> Create() =>
    [
        new TextDocumentSyncHandler(),
        new WorkspaceNotificationsHandler(),
        new HoverHandler(),
        new DefinitionHandler(),
        new ReferencesHandler(),
        new DocumentHighlightHandler(),
        new RenameHandler(),
        new CompletionHandler(),
        new DocumentSymbolHandler(),
        new WorkspaceSymbolHandler(),
        new SemanticTokensHandler(),
        new FormattingHandler(),
        new FoldingRangeHandler(),
        new CodeActionHandler(),
        new InlayHintHandler(),
        new CodeLensHandler(),
    ];
}
