using ClaimLang.Formatting;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;
using ClaimLang.LanguageServer.Workspace;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>
/// textDocument/formatting and rangeFormatting with the project formatter (the same layout as <c>claimc fmt</c>,
/// with the width and indent of claimlang.json). A file with syntax errors is left alone (no edits).
/// </summary>
internal sealed class FormattingHandler : ILspHandler
{
    public void Register(HandlerRegistry registry)
    {
        registry.Request<DocumentFormattingParams, TextEdit[]>("textDocument/formatting", (p, context, cancellationToken) =>
        {
            var document = context.GetDocument(p.TextDocument);
            var options = context.Workspace.GetProject(document).Options.Format;
            return ToLsp(document, Formatter.GetEdits(document.Tree, options));
        }, staleOnEdit: true);
        registry.Request<DocumentRangeFormattingParams, TextEdit[]>("textDocument/rangeFormatting", (p, context, cancellationToken) =>
        {
            var document = context.GetDocument(p.TextDocument);
            var options = context.Workspace.GetProject(document).Options.Format;
            return ToLsp(document, Formatter.FormatRange(document.Tree, document.GetSpan(p.Range), options));
        }, staleOnEdit: true);
    }

    private static TextEdit[] ToLsp(DocumentSnapshot document, IReadOnlyList<FormatEdit> edits)
    {
        var result = new TextEdit[edits.Count];
        for (int i = 0; i < edits.Count; i++) result[i] = new TextEdit(document.GetRange(edits[i].Span), edits[i].NewText);
        return result;
    }
}
