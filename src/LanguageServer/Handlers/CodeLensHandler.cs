using ClaimLang.Binding;
using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;
using ClaimLang.Syntax;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>
/// textDocument/codeLens: above every hypothesis, and above every claim that others support or contradict, how many
/// claims support it and how many contradict it. The lenses are informational (their command is empty).
/// </summary>
internal sealed class CodeLensHandler : ILspHandler
{
    public void Register(HandlerRegistry registry) =>
        registry.Request<CodeLensParams, List<CodeLens>>("textDocument/codeLens", Handle, staleOnEdit: true);

    private static List<CodeLens> Handle(CodeLensParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(p.TextDocument);
        var project = context.Workspace.GetProject(document);
        var model = project.GetSemanticModel(document);
        var result = new List<CodeLens>();
        foreach (var declaration in document.Tree.GetRoot().Declarations)
        {
            if (declaration.Kind is not (SyntaxKind.HypothesisDeclaration or SyntaxKind.ClaimDeclaration)) continue;
            cancellationToken.ThrowIfCancellationRequested();
            if (model.GetDeclaredSymbol(declaration) is not { } symbol) continue;
            var (supporting, contradicting) = Relations.Count(project.Compilation, symbol);
            if (symbol is ClaimSymbol && supporting + contradicting == 0) continue;
            string title = $"{SymbolText.Plural(supporting, "supporting claim")} · {SymbolText.Plural(contradicting, "contradicting claim")}";
            result.Add(new CodeLens(document.GetRange(declaration.Keyword.Span), new Command(title, "")));
        }
        return result;
    }
}
