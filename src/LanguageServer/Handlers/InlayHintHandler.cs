using ClaimLang.Binding;
using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;
using ClaimLang.Runtime;
using Grades = ClaimLang.LanguageServer.Features.Grades;
using ClaimLang.Syntax;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>
/// textDocument/inlayHint: the days an imprecise date allows (<c>2017-01</c> → 2017-01-01 … 2017-01-31), the
/// reliability grade of each source a claim names, and the parameter names of positional arguments.
/// </summary>
internal sealed class InlayHintHandler : ILspHandler
{
    public void Register(HandlerRegistry registry) =>
        registry.Request<InlayHintParams, List<InlayHint>>("textDocument/inlayHint", Handle, staleOnEdit: true);

    private static List<InlayHint> Handle(InlayHintParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(p.TextDocument);
        var range = document.GetSpan(p.Range);
        var project = context.Workspace.GetProject(document);
        var model = project.GetSemanticModel(document);
        var result = new List<InlayHint>();

        foreach (var declaration in document.Tree.GetRoot().Declarations)
        {
            if (declaration.EndPosition < range.Start || declaration.Position > range.End) continue;
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var clause in declaration.Clauses)
            {
                switch (clause)
                {
                    case ValueClauseSyntax { Keyword.Kind: SyntaxKind.OnKeyword or SyntaxKind.PublishedKeyword } dated:
                        DateHint(dated.Value);
                        break;
                    case TokenListClauseSyntax { Keyword.Kind: SyntaxKind.SourceKeyword } sources:
                        foreach (var name in sources.Values)
                        {
                            if (name.IsMissing || model.GetSymbol(name) is not SourceSymbol source) continue;
                            Add(name.Span.End, ": " + (source.Reliability?.ToString() ?? "unrated"), InlayHintKind.Type,
                                source.Reliability is { } r ? $"{source.Name} is rated {r}: {Grades.DescribeReliability(r)}" : $"{source.Name} has no reliability grade",
                                left: false);
                        }
                        break;
                }
            }
            if (declaration is ClaimDeclarationSyntax { ArgumentList: { } arguments } claim)
            {
                var symbol = model.GetDeclaredSymbol(claim) as ClaimSymbol;
                int position = 0;
                foreach (var argument in arguments.Arguments)
                {
                    if (argument.IsNamed) break;
                    if (!argument.Value.IsMissing && symbol?.Predicate is { } predicate && position < predicate.Parameters.Length)
                        Add(argument.Value.SpanStart, predicate.Parameters[position].Name + ":", InlayHintKind.Parameter, null, left: false, right: true);
                    if (!argument.Value.IsMissing && argument.Value.Kind == SyntaxKind.DateLiteralToken) DateHint(argument.Value);
                    position++;
                }
            }
        }
        return result;

        void DateHint(SyntaxToken token)
        {
            if (token.IsMissing || !EdtfDate.TryParse(token.Text, out var date)) return;
            if (SymbolText.DateRange(date) is not { } text) return;
            Add(token.Span.End, text, InlayHintKind.Type, "the days this date allows", left: true);
        }

        void Add(int offset, string label, int kind, string? tooltip, bool left, bool right = false)
        {
            if (offset < range.Start || offset > range.End) return;
            result.Add(new InlayHint
            {
                Position = document.GetPosition(offset),
                Label = label,
                Kind = kind,
                Tooltip = tooltip,
                PaddingLeft = left ? true : null,
                PaddingRight = right ? true : null,
            });
        }
    }
}
