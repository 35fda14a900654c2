using ClaimLang.Binding;
using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>textDocument/documentHighlight: the uses of the symbol under the cursor in the same file (its declaration as a write).</summary>
internal sealed class DocumentHighlightHandler : ILspHandler
{
    public void Register(HandlerRegistry registry) =>
        registry.Request<TextDocumentPositionParams, DocumentHighlight[]?>("textDocument/documentHighlight", Handle, staleOnEdit: true);

    private static DocumentHighlight[]? Handle(TextDocumentPositionParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(p.TextDocument);
        if (Navigation.SymbolAt(context, document, p.Position) is not { } hit) return null;
        cancellationToken.ThrowIfCancellationRequested();
        var result = new List<DocumentHighlight>();
        foreach (var reference in hit.Project.GetSemanticModel(document).References)
        {
            if (!ReferenceEquals(reference.Symbol, hit.Symbol)) continue;
            int kind = reference.Role == ReferenceRole.Declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read;
            result.Add(new DocumentHighlight(document.GetRange(reference.Span), kind));
        }
        return [.. result];
    }
}
