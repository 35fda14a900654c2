using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>textDocument/references: every use of the symbol under the cursor in its project.</summary>
internal sealed class ReferencesHandler : ILspHandler
{
    public void Register(HandlerRegistry registry) =>
        registry.Request<ReferenceParams, LspLocation[]?>("textDocument/references", Handle);

    private static LspLocation[]? Handle(ReferenceParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(p.TextDocument);
        if (Navigation.SymbolAt(context, document, p.Position) is not { } hit) return null;
        cancellationToken.ThrowIfCancellationRequested();
        bool includeDeclaration = p.Context?.IncludeDeclaration ?? true;
        var result = new List<LspLocation>();
        foreach (var (doc, reference) in Navigation.References(hit.Project, hit.Symbol, includeDeclaration))
            result.Add(doc.GetLocation(reference.Span));
        return [.. result];
    }
}
