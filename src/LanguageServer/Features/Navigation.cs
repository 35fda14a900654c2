using ClaimLang.Binding;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;
using ClaimLang.LanguageServer.Workspace;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.LanguageServer.Features;

/// <summary>A symbol found at a position: the symbol, the span of the name there, and how the name is used.</summary>
internal readonly record struct SymbolHit(Symbol Symbol, TextSpan Span, ReferenceRole Role, ProjectSnapshot Project);

/// <summary>Finding symbols, their declarations and their references across the documents of a project.</summary>
internal static class Navigation
{
    public static SymbolHit? SymbolAt(RequestContext context, DocumentSnapshot document, Position position)
    {
        var project = context.Workspace.GetProject(document);
        var model = project.GetSemanticModel(document);
        int offset = document.GetOffset(position);
        return model.GetSymbolAt(offset) is { } hit ? new SymbolHit(hit.Symbol, hit.Span, hit.Role, project) : null;
    }

    /// <summary>Where a symbol's name is declared (a parameter: its name in the predicate).</summary>
    public static Diagnostics.Location? DeclarationOf(Symbol symbol) =>
        symbol is ParameterSymbol parameter ? parameter.ParameterLocation : symbol.Location;

    public static LspLocation? ToLocation(Diagnostics.Location? location, WorkspaceSnapshot workspace) =>
        location is null ? null : DiagnosticConverter.ToLocation(location, workspace);

    /// <summary>Every use of a symbol in its project, in file and position order.</summary>
    public static List<(DocumentSnapshot Document, BoundReference Reference)> References(ProjectSnapshot project, Symbol symbol, bool includeDeclaration)
    {
        var result = new List<(DocumentSnapshot, BoundReference)>();
        foreach (var (tree, reference) in project.Compilation.FindReferences(symbol, includeDeclaration))
        {
            if (project.Documents.TryGetValue(tree.FilePath, out var document)) result.Add((document, reference));
        }
        result.Sort(static (a, b) =>
        {
            int c = string.CompareOrdinal(a.Item1.Key, b.Item1.Key);
            return c != 0 ? c : a.Item2.Span.Start.CompareTo(b.Item2.Span.Start);
        });
        return result;
    }

    /// <summary>The declaration (top-level node) that holds a position, or null between declarations.</summary>
    public static DeclarationSyntax? DeclarationAt(SyntaxTree tree, int position)
    {
        var root = tree.GetRoot();
        var token = root.FindToken(position);
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            if (node is DeclarationSyntax declaration) return declaration;
        }
        return null;
    }

    /// <summary>The last real (not missing) token that ends at or before <paramref name="position"/>.</summary>
    public static SyntaxToken TokenBefore(SyntaxTree tree, int position)
    {
        var root = tree.GetRoot();
        if (position <= 0) return default;
        var token = root.FindToken(position - 1);
        // The position may be in the token's leading trivia: step back to earlier tokens.
        int guard = 0;
        while (!token.IsDefault && (token.SpanStart >= position || token.IsMissing || token.Kind == SyntaxKind.EndOfFileToken) && guard++ < 64)
        {
            if (token.Position <= 0) return default;
            token = root.FindToken(token.Position - 1);
        }
        return token.SpanStart < position && !token.IsMissing && token.Kind != SyntaxKind.EndOfFileToken ? token : default;
    }
}
