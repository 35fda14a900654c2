using ClaimLang.Binding;
using ClaimLang.LanguageServer.Workspace;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.LanguageServer.Features;

/// <summary>
/// Classifies the tokens of a document for semantic highlighting: names by what they name (from the semantic model),
/// keywords, grades, literals and comments. Tokens that span lines (raw strings, block comments) are split per line,
/// since clients need not accept multi-line tokens.
/// </summary>
internal static class SemanticTokensBuilder
{
    public static readonly IReadOnlyList<string> TokenTypes =
    [
        "namespace",   // 0 source
        "class",       // 1 actor
        "struct",      // 2 place
        "function",    // 3 predicate
        "parameter",   // 4 parameter
        "interface",   // 5 hypothesis
        "variable",    // 6 claim label
        "keyword",     // 7
        "type",        // 8 parameter type words
        "string",      // 9
        "number",      // 10 numbers and dates
        "comment",     // 11
        "enumMember",  // 12 grades
        "property",    // 13 kind, lang and tag words
    ];

    public static readonly IReadOnlyList<string> TokenModifiers = ["declaration", "documentation", "deprecated"];

    private const int Source = 0, Actor = 1, Place = 2, Predicate = 3, Parameter = 4, Hypothesis = 5, Label = 6,
        Keyword = 7, Type = 8, String = 9, Number = 10, Comment = 11, Grade = 12, Property = 13;
    private const int DeclarationModifier = 1, DocumentationModifier = 2, DeprecatedModifier = 4;

    /// <summary>The encoded tokens (5 integers each) of the whole document, or of the part within <paramref name="range"/>.</summary>
    public static int[] Build(DocumentSnapshot document, SemanticModel model, TextSpan? range, CancellationToken cancellationToken)
    {
        var lines = document.Lines;
        var text = document.Text;
        var data = new List<int>(1024);
        int previousLine = 0, previousStart = 0;
        var references = model.References;
        int nextReference = 0;
        HashSet<Symbol>? superseded = null;

        void Emit(int start, int end, int type, int modifiers)
        {
            if (range is { } r && (end <= r.Start || start >= r.End)) return;
            int line = lines.GetLine(start);
            while (start < end)
            {
                int lineEnd = Math.Min(end, lines.GetLineEnd(line));
                if (lineEnd > start)
                {
                    int character = start - lines.GetLineStart(line);
                    data.Add(line - previousLine);
                    data.Add(line == previousLine ? character - previousStart : character);
                    data.Add(lineEnd - start);
                    data.Add(type);
                    data.Add(modifiers);
                    previousLine = line;
                    previousStart = character;
                }
                line++;
                if (line >= lines.LineCount) break;
                start = Math.Max(start, lines.GetLineStart(line));
            }
        }

        var root = document.Tree.GetRoot();
        foreach (var declaration in root.Declarations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (range is { } r && (declaration.EndPosition < r.Start || declaration.Position > r.End)) continue;
            foreach (var token in declaration.DescendantTokens()) Classify(token);
        }
        Classify(root.EndOfFileToken);
        return data.ToArray();

        void Classify(SyntaxToken token)
        {
            foreach (var trivia in token.LeadingTrivia) ClassifyTrivia(trivia);
            if (!token.IsMissing && token.Span.Length > 0) ClassifyToken(token);
            foreach (var trivia in token.TrailingTrivia) ClassifyTrivia(trivia);
        }

        void ClassifyTrivia(SyntaxTrivia trivia)
        {
            switch (trivia.Kind)
            {
                case SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia:
                    Emit(trivia.Span.Start, trivia.Span.End, Comment, 0);
                    break;
                case SyntaxKind.DocumentationCommentTrivia:
                    Emit(trivia.Span.Start, trivia.Span.End, Comment, DocumentationModifier);
                    break;
            }
        }

        void ClassifyToken(SyntaxToken token)
        {
            var span = token.Span;
            switch (token.Kind)
            {
                case SyntaxKind.StringLiteralToken or SyntaxKind.RawStringLiteralToken:
                    Emit(span.Start, span.End, String, 0);
                    return;
                case SyntaxKind.NumberLiteralToken or SyntaxKind.DateLiteralToken:
                    Emit(span.Start, span.End, SyntaxInfo.ClauseKeywordOf(token) == SyntaxKind.CredibilityKeyword ? Grade : Number, 0);
                    return;
                case SyntaxKind.IdentifierToken:
                    ClassifyName(token);
                    return;
            }
            if (SyntaxFacts.IsKeyword(token.Kind))
                Emit(span.Start, span.End, token.Parent is ParameterSyntax parameter && parameter.Type == token ? Type : Keyword, 0);
        }

        void ClassifyName(SyntaxToken token)
        {
            var span = token.Span;
            while (nextReference < references.Count && references[nextReference].Span.Start < span.Start) nextReference++;
            if (nextReference < references.Count && references[nextReference].Span == span)
            {
                var reference = references[nextReference];
                int modifiers = reference.IsDeclaration ? DeclarationModifier : 0;
                if (reference.Symbol is ClaimSymbol)
                {
                    superseded ??= Superseded(model.Compilation);
                    if (superseded.Contains(reference.Symbol)) modifiers |= DeprecatedModifier;
                }
                Emit(span.Start, span.End, reference.Symbol.Kind switch
                {
                    SymbolKind.Source => Source,
                    SymbolKind.Actor => Actor,
                    SymbolKind.Place => Place,
                    SymbolKind.Predicate => Predicate,
                    SymbolKind.Hypothesis => Hypothesis,
                    SymbolKind.Claim => Label,
                    _ => Parameter,
                }, modifiers);
                return;
            }
            switch (SyntaxInfo.ClauseKeywordOf(token))
            {
                case SyntaxKind.ConfidenceKeyword or SyntaxKind.ReliabilityKeyword or SyntaxKind.CredibilityKeyword:
                    Emit(span.Start, span.End, Grade, 0);
                    return;
                case SyntaxKind.KindKeyword or SyntaxKind.LangKeyword or SyntaxKind.TagsKeyword:
                    Emit(span.Start, span.End, Property, 0);
                    return;
            }
            switch (token.Parent)
            {
                case ClaimDeclarationSyntax claim when claim.Predicate == token:
                    Emit(span.Start, span.End, Predicate, 0);
                    break;
                case ArgumentSyntax argument when argument.Name == token:
                    Emit(span.Start, span.End, Parameter, 0);
                    break;
                case ParameterSyntax parameter when parameter.Identifier == token:
                    Emit(span.Start, span.End, Parameter, DeclarationModifier);
                    break;
            }
        }
    }

    private static HashSet<Symbol> Superseded(Compilation compilation)
    {
        var result = new HashSet<Symbol>(ReferenceEqualityComparer.Instance);
        foreach (var claim in compilation.Claims)
        {
            if (claim.Supersedes is { } target) result.Add(target.Target);
        }
        return result;
    }
}

/// <summary>The last tokens sent for each document, so that the next request can be answered with a delta.</summary>
internal sealed class SemanticTokensCache
{
    private const int MaxDocuments = 256;
    private readonly Dictionary<string, (string ResultId, int[] Data)> _last = new(StringComparer.Ordinal);
    private long _next;

    public string Store(string uri, int[] data)
    {
        string id = Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        lock (_last)
        {
            if (_last.Count >= MaxDocuments && !_last.ContainsKey(uri)) _last.Clear();
            _last[uri] = (id, data);
        }
        return id;
    }

    public int[]? Get(string uri, string resultId)
    {
        lock (_last)
        {
            return _last.TryGetValue(uri, out var entry) && entry.ResultId == resultId ? entry.Data : null;
        }
    }

    /// <summary>One edit that turns <paramref name="before"/> into <paramref name="after"/> (or none when equal).</summary>
    public static List<Protocol.SemanticTokensEdit> Diff(int[] before, int[] after)
    {
        int prefix = 0;
        int max = Math.Min(before.Length, after.Length);
        while (prefix < max && before[prefix] == after[prefix]) prefix++;
        int suffix = 0;
        while (suffix < max - prefix && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix]) suffix++;
        if (prefix == before.Length && prefix == after.Length) return [];
        int deleteCount = before.Length - prefix - suffix;
        var inserted = after.AsSpan(prefix, after.Length - prefix - suffix).ToArray();
        return [new Protocol.SemanticTokensEdit(prefix, deleteCount, inserted.Length == 0 ? null : inserted)];
    }
}
