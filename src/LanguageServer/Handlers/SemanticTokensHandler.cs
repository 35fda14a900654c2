using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>textDocument/semanticTokens/full, /full/delta and /range.</summary>
internal sealed class SemanticTokensHandler : ILspHandler
{
    public void Register(HandlerRegistry registry)
    {
        registry.Request<SemanticTokensParams, SemanticTokens>("textDocument/semanticTokens/full", (p, context, cancellationToken) =>
        {
            var document = context.GetDocument(p.TextDocument);
            var model = context.Workspace.GetProject(document).GetSemanticModel(document);
            var data = SemanticTokensBuilder.Build(document, model, null, cancellationToken);
            return new SemanticTokens(context.Services.SemanticTokens.Store(document.Uri, data), data);
        }, staleOnEdit: true);
        registry.Request<SemanticTokensDeltaParams, object>("textDocument/semanticTokens/full/delta", (p, context, cancellationToken) =>
        {
            var document = context.GetDocument(p.TextDocument);
            var model = context.Workspace.GetProject(document).GetSemanticModel(document);
            var data = SemanticTokensBuilder.Build(document, model, null, cancellationToken);
            var previous = context.Services.SemanticTokens.Get(document.Uri, p.PreviousResultId);
            string id = context.Services.SemanticTokens.Store(document.Uri, data);
            return previous is null
                ? new SemanticTokens(id, data)
                : new SemanticTokensDelta(id, SemanticTokensCache.Diff(previous, data));
        }, staleOnEdit: true);
        registry.Request<SemanticTokensRangeParams, SemanticTokens>("textDocument/semanticTokens/range", (p, context, cancellationToken) =>
        {
            var document = context.GetDocument(p.TextDocument);
            var model = context.Workspace.GetProject(document).GetSemanticModel(document);
            return new SemanticTokens(null, SemanticTokensBuilder.Build(document, model, document.GetSpan(p.Range), cancellationToken));
        }, staleOnEdit: true);
    }
}
