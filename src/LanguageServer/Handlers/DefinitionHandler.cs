using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>textDocument/definition: where the name under the cursor is declared (in any file of its project).</summary>
internal sealed class DefinitionHandler : ILspHandler
{
    public void Register(HandlerRegistry registry) =>
        registry.Request<TextDocumentPositionParams, LspLocation[]?>("textDocument/definition", Handle);

    private static LspLocation[]? Handle(TextDocumentPositionParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(p.TextDocument);
        if (Navigation.SymbolAt(context, document, p.Position) is not { } hit) return null;
        cancellationToken.ThrowIfCancellationRequested();
        return Navigation.ToLocation(Navigation.DeclarationOf(hit.Symbol), context.Workspace) is { } location ? [location] : null;
    }
}
