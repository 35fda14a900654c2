using ClaimLang.Syntax;

namespace ClaimLang.LanguageServer.Features;

/// <summary>Facts about tokens in their syntactic context.</summary>
internal static class SyntaxInfo
{
    /// <summary>The keyword kind of the clause a value token belongs to (None when it is not a clause value).</summary>
    public static SyntaxKind ClauseKeywordOf(SyntaxToken token)
    {
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            if (node is ClauseSyntax clause) return clause.Keyword == token ? SyntaxKind.None : clause.Keyword.Kind;
            if (node is DeclarationSyntax) break;
        }
        return SyntaxKind.None;
    }

    public static bool IsDateValue(SyntaxToken token) =>
        token.Kind is SyntaxKind.DateLiteralToken or SyntaxKind.NumberLiteralToken &&
        (ClauseKeywordOf(token) is SyntaxKind.OnKeyword or SyntaxKind.PublishedKeyword || token.Kind == SyntaxKind.DateLiteralToken);

    /// <summary>One-line explanations of the clause keywords, for hover and completion.</summary>
    public static string? DescribeClause(string keyword, SyntaxKind declarationKind) => keyword switch
    {
        "published" => "the date the source was published",
        "author" => "who wrote the source",
        "publisher" => "who published the source",
        "url" => "where the source can be found",
        "reliability" => "the Admiralty source grade: A (completely reliable) to F (cannot be judged)",
        "kind" => declarationKind == SyntaxKind.ActorDeclaration ? "what sort of actor this is (person, state, military…)" : "what sort of source this is (analysis, outlet, comment…)",
        "lang" => "the language of the source",
        "document" => "the source's text, a file relative to the workspace root (quotes are checked against it)",
        "cites" => "sources this source relies on (for circular-reporting checks)",
        "aka" => "other names of the actor",
        "part_of" => "the actor this one belongs to",
        "in" => "the place that contains this one",
        "at" => declarationKind == SyntaxKind.PlaceDeclaration ? "latitude and longitude" : "where the claimed event happened",
        "on" => "when the claimed event happened (an EDTF date)",
        "source" => "where the information comes from (required)",
        "confidence" => "the analytic confidence: low, moderate or high",
        "credibility" => "the Admiralty information grade: 1 (confirmed) to 6 (cannot be judged)",
        "contradicts" => "claims, hypotheses or sources this claim disputes",
        "supports" => "claims or hypotheses this claim backs",
        "supersedes" => "the claim this newer reporting replaces",
        "quote" => "the exact words in the source's document",
        "note" => "an analyst's note",
        "tags" => "free-form labels",
        _ => null,
    };
}
