using System.Text;
using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;
using ClaimLang.LanguageServer.Workspace;
using ClaimLang.Syntax;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>
/// textDocument/documentSymbol: the outline of a file from its syntax tree — every declaration, with the parameters
/// of a predicate as its children. Flat <c>SymbolInformation</c> for clients without hierarchy support.
/// </summary>
internal sealed class DocumentSymbolHandler : ILspHandler
{
    public void Register(HandlerRegistry registry) =>
        registry.Request<DocumentSymbolParams, object>("textDocument/documentSymbol", Handle, staleOnEdit: true);

    private static object Handle(DocumentSymbolParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(p.TextDocument);
        var symbols = Build(document, cancellationToken);
        if (context.Client.HierarchicalDocumentSymbols) return symbols;
        var flat = new List<SymbolInformation>();
        foreach (var symbol in symbols)
        {
            flat.Add(new SymbolInformation { Name = symbol.Name, Kind = symbol.Kind, Location = new LspLocation(document.Uri, symbol.SelectionRange) });
            foreach (var child in symbol.Children ?? [])
                flat.Add(new SymbolInformation { Name = child.Name, Kind = child.Kind, Location = new LspLocation(document.Uri, child.SelectionRange), ContainerName = symbol.Name });
        }
        return flat;
    }

    internal static List<DocumentSymbol> Build(DocumentSnapshot document, CancellationToken cancellationToken)
    {
        var result = new List<DocumentSymbol>();
        foreach (var declaration in document.Tree.GetRoot().Declarations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (declaration is SkippedDeclarationSyntax) continue;
            var range = document.GetRange(declaration.Span);
            var (name, selection) = NameOf(declaration);
            var symbol = new DocumentSymbol
            {
                Name = name,
                Detail = DetailOf(declaration),
                Kind = SymbolKinds.ToLsp(declaration.Kind),
                Range = range,
                SelectionRange = document.GetRange(selection),
                Children = declaration is PredicateDeclarationSyntax predicate ? Parameters(document, predicate) : null,
            };
            result.Add(symbol);
        }
        return result;
    }

    private static (string Name, Microsoft.CodeAnalysis.Text.TextSpan Selection) NameOf(DeclarationSyntax declaration)
    {
        if (declaration is ClaimDeclarationSyntax claim)
        {
            if (claim.Label is { } label && !label.Identifier.IsMissing) return (label.Identifier.Text, label.Identifier.Span);
            if (!claim.Subject.IsMissing)
            {
                string text = claim.Subject.Text + "." + (claim.Predicate.IsMissing ? "…" : claim.Predicate.Text);
                var end = claim.Predicate.IsMissing ? claim.Subject.Span.End : claim.Predicate.Span.End;
                return (text, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(claim.Subject.SpanStart, end));
            }
            return ("claim …", claim.Keyword.Span);
        }
        var identifier = declaration.Identifier;
        if (!identifier.IsDefault && !identifier.IsMissing) return (identifier.Text, identifier.Span);
        return (declaration.Keyword.Text + " …", declaration.Keyword.Span);
    }

    private static string? DetailOf(DeclarationSyntax declaration)
    {
        switch (declaration)
        {
            case NamedDeclarationSyntax named when !named.Text.IsMissing:
                return named.Text.ValueText;
            case PredicateDeclarationSyntax predicate when !predicate.Description.IsDefault && !predicate.Description.IsMissing:
                return predicate.Description.ValueText;
            case ClaimDeclarationSyntax claim:
            {
                var b = new StringBuilder();
                foreach (var clause in claim.Clauses)
                {
                    if (clause is ValueClauseSyntax { Keyword.Kind: SyntaxKind.OnKeyword } on && !on.Value.IsMissing)
                        Append(b, on.Value.Text);
                    else if (clause is TokenListClauseSyntax { Keyword.Kind: SyntaxKind.SourceKeyword } source)
                        Append(b, "source " + string.Join(", ", source.Values.Where(v => !v.IsMissing).Select(v => v.Text)));
                    else if (clause is ValueClauseSyntax { Keyword.Kind: SyntaxKind.ConfidenceKeyword } confidence && !confidence.Value.IsMissing)
                        Append(b, "confidence " + confidence.Value.Text);
                }
                return b.Length == 0 ? null : b.ToString();
            }
            default:
                return null;
        }
    }

    private static void Append(StringBuilder b, string text)
    {
        if (b.Length > 0) b.Append(" · ");
        b.Append(text);
    }

    private static List<DocumentSymbol>? Parameters(DocumentSnapshot document, PredicateDeclarationSyntax predicate)
    {
        if (predicate.ParameterList is not { } list) return null;
        var children = new List<DocumentSymbol>();
        foreach (var parameter in list.Parameters)
        {
            if (parameter.Identifier.IsMissing) continue;
            children.Add(new DocumentSymbol
            {
                Name = parameter.Identifier.Text,
                Detail = parameter.Type.IsMissing ? null : parameter.Type.Text,
                Kind = LspSymbolKind.Field,
                Range = document.GetRange(parameter.Span),
                SelectionRange = document.GetRange(parameter.Identifier.Span),
            });
        }
        return children;
    }
}
