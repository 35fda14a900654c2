using System.Text;
using ClaimLang.Binding;
using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;
using ClaimLang.LanguageServer.Workspace;
using ClaimLang.Runtime;
using Grades = ClaimLang.LanguageServer.Features.Grades;
using ClaimLang.Syntax;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>
/// textDocument/hover: a name shows its declaration and documentation (a claim: its sources and their grades); a
/// date shows the earliest and latest days it allows; a grade shows what it means; a clause keyword says what the
/// clause is for.
/// </summary>
internal sealed class HoverHandler : ILspHandler
{
    public void Register(HandlerRegistry registry) =>
        registry.Request<TextDocumentPositionParams, Hover?>("textDocument/hover", Handle);

    private static Hover? Handle(TextDocumentPositionParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(p.TextDocument);
        var project = context.Workspace.GetProject(document);
        int offset = document.GetOffset(p.Position);
        cancellationToken.ThrowIfCancellationRequested();

        if (Navigation.SymbolAt(context, document, p.Position) is { } hit)
            return Create(context, SymbolText.Markdown(hit.Symbol, project.Compilation), document, hit.Span);

        var token = document.Tree.GetRoot().FindToken(offset);
        if (token.IsDefault || token.IsMissing || offset < token.SpanStart || offset > token.Span.End) return null;

        if (SyntaxInfo.IsDateValue(token))
        {
            if (!EdtfDate.TryParse(token.Text, out var date)) return null;
            var b = new StringBuilder("```claim\n").Append(token.Text).Append("\n```\n\n");
            b.Append("- earliest day: ").Append(date.EarliestText ?? "open").Append('\n');
            b.Append("- latest day: ").Append(date.LatestText ?? "open").Append('\n');
            if (date.IsUncertain) b.Append("- uncertain\n");
            if (date.IsApproximate) b.Append("- approximate\n");
            return Create(context, b.ToString(), document, token.Span);
        }

        var clauseKeyword = SyntaxInfo.ClauseKeywordOf(token);
        string? grade = clauseKeyword switch
        {
            SyntaxKind.ReliabilityKeyword => Grades.Describe(Grades.Reliability, token.Text),
            SyntaxKind.CredibilityKeyword => Grades.Describe(Grades.Credibility, token.Text),
            SyntaxKind.ConfidenceKeyword => Grades.Describe(Grades.Confidence, token.Text),
            _ => null,
        };
        if (grade is not null)
        {
            string scale = clauseKeyword switch
            {
                SyntaxKind.ReliabilityKeyword => "source reliability (Admiralty)",
                SyntaxKind.CredibilityKeyword => "information credibility (Admiralty)",
                _ => "analytic confidence (ICD 203)",
            };
            return Create(context, $"**{token.Text}** — {grade}\n\n_{scale}_", document, token.Span);
        }

        if (token.Parent is DeclarationSyntax declaration && declaration.Keyword == token)
        {
            var symbol = project.GetSemanticModel(document).GetDeclaredSymbol(declaration);
            return symbol is null ? null : Create(context, SymbolText.Markdown(symbol, project.Compilation), document, token.Span);
        }
        if (token.Parent is ClauseSyntax clause && clause.Keyword == token)
        {
            var owner = clause.Ancestors().OfType<DeclarationSyntax>().FirstOrDefault();
            string? description = SyntaxInfo.DescribeClause(token.Text, owner?.Kind ?? SyntaxKind.None);
            return description is null ? null : Create(context, $"**{token.Text}** — {description}", document, token.Span);
        }
        return null;
    }

    private static Hover Create(RequestContext context, string markdown, DocumentSnapshot document, Microsoft.CodeAnalysis.Text.TextSpan span) =>
        new(new MarkupContent(context.Client.HoverMarkdown ? MarkupKind.Markdown : MarkupKind.PlainText, markdown), document.GetRange(span));
}
