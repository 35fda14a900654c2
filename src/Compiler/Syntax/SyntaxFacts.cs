using System.Collections.Frozen;

namespace ClaimLang.Syntax;

/// <summary>The shape of a clause's value, which decides how the parser reads it.</summary>
public enum ClauseValueShape
{
    Date,
    String,
    Identifier,
    /// <summary>One identifier or number (grades: reliability, confidence, credibility).</summary>
    Grade,
    Name,
    NameList,
    Reference,
    ReferenceList,
    StringList,
    IdentifierList,
    Coordinates,
}

/// <summary>Static facts about the language: keywords, clauses per declaration, character classes.</summary>
public static class SyntaxFacts
{
    public readonly record struct ClauseInfo(string Keyword, SyntaxKind KeywordKind, SyntaxKind ClauseKind, ClauseValueShape Shape, bool Repeatable = false);

    public static readonly FrozenDictionary<string, SyntaxKind> DeclarationKeywords = new Dictionary<string, SyntaxKind>
    {
        ["source"] = SyntaxKind.SourceKeyword,
        ["actor"] = SyntaxKind.ActorKeyword,
        ["place"] = SyntaxKind.PlaceKeyword,
        ["predicate"] = SyntaxKind.PredicateKeyword,
        ["hypothesis"] = SyntaxKind.HypothesisKeyword,
        ["claim"] = SyntaxKind.ClaimKeyword,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly IReadOnlyList<ClauseInfo> SourceClauses =
    [
        new("published", SyntaxKind.PublishedKeyword, SyntaxKind.PublishedClause, ClauseValueShape.Date),
        new("author", SyntaxKind.AuthorKeyword, SyntaxKind.AuthorClause, ClauseValueShape.String),
        new("publisher", SyntaxKind.PublisherKeyword, SyntaxKind.PublisherClause, ClauseValueShape.String),
        new("url", SyntaxKind.UrlKeyword, SyntaxKind.UrlClause, ClauseValueShape.String),
        new("reliability", SyntaxKind.ReliabilityKeyword, SyntaxKind.ReliabilityClause, ClauseValueShape.Grade),
        new("kind", SyntaxKind.KindKeyword, SyntaxKind.KindClause, ClauseValueShape.Identifier),
        new("lang", SyntaxKind.LangKeyword, SyntaxKind.LangClause, ClauseValueShape.Identifier),
        new("document", SyntaxKind.DocumentKeyword, SyntaxKind.DocumentClause, ClauseValueShape.String),
        new("cites", SyntaxKind.CitesKeyword, SyntaxKind.CitesClause, ClauseValueShape.NameList),
    ];

    public static readonly IReadOnlyList<ClauseInfo> ActorClauses =
    [
        new("kind", SyntaxKind.KindKeyword, SyntaxKind.KindClause, ClauseValueShape.Identifier),
        new("aka", SyntaxKind.AkaKeyword, SyntaxKind.AkaClause, ClauseValueShape.StringList),
        new("part_of", SyntaxKind.PartOfKeyword, SyntaxKind.PartOfClause, ClauseValueShape.Name),
    ];

    public static readonly IReadOnlyList<ClauseInfo> PlaceClauses =
    [
        new("in", SyntaxKind.InKeyword, SyntaxKind.InClause, ClauseValueShape.Name),
        new("at", SyntaxKind.AtKeyword, SyntaxKind.CoordinatesClause, ClauseValueShape.Coordinates),
    ];

    public static readonly IReadOnlyList<ClauseInfo> ClaimClauses =
    [
        new("on", SyntaxKind.OnKeyword, SyntaxKind.OnClause, ClauseValueShape.Date),
        new("source", SyntaxKind.SourceKeyword, SyntaxKind.SourceClause, ClauseValueShape.NameList),
        new("confidence", SyntaxKind.ConfidenceKeyword, SyntaxKind.ConfidenceClause, ClauseValueShape.Grade),
        new("credibility", SyntaxKind.CredibilityKeyword, SyntaxKind.CredibilityClause, ClauseValueShape.Grade),
        new("at", SyntaxKind.AtKeyword, SyntaxKind.AtClause, ClauseValueShape.Name),
        new("contradicts", SyntaxKind.ContradictsKeyword, SyntaxKind.ContradictsClause, ClauseValueShape.ReferenceList),
        new("supports", SyntaxKind.SupportsKeyword, SyntaxKind.SupportsClause, ClauseValueShape.ReferenceList),
        new("supersedes", SyntaxKind.SupersedesKeyword, SyntaxKind.SupersedesClause, ClauseValueShape.Reference),
        new("quote", SyntaxKind.QuoteKeyword, SyntaxKind.QuoteClause, ClauseValueShape.String),
        new("note", SyntaxKind.NoteKeyword, SyntaxKind.NoteClause, ClauseValueShape.String),
        new("tags", SyntaxKind.TagsKeyword, SyntaxKind.TagsClause, ClauseValueShape.IdentifierList),
    ];

    public static readonly IReadOnlyList<ClauseInfo> NoClauses = [];

    /// <summary>Parameter type words of predicate declarations.</summary>
    public static readonly FrozenDictionary<string, SyntaxKind> TypeKeywords = new Dictionary<string, SyntaxKind>
    {
        ["actor"] = SyntaxKind.ActorKeyword,
        ["place"] = SyntaxKind.PlaceKeyword,
        ["date"] = SyntaxKind.DateKeyword,
        ["number"] = SyntaxKind.NumberKeyword,
        ["text"] = SyntaxKind.TextKeyword,
        ["claim"] = SyntaxKind.ClaimKeyword,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every clause keyword of every declaration (for did-you-mean on unknown clause words).</summary>
    public static readonly IReadOnlyList<string> AllClauseKeywords =
        SourceClauses.Concat(ActorClauses).Concat(PlaceClauses).Concat(ClaimClauses)
            .Select(c => c.Keyword).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>The clauses a declaration accepts, by the declaration's node kind.</summary>
    public static IReadOnlyList<ClauseInfo> GetClauses(SyntaxKind declarationKind) => declarationKind switch
    {
        SyntaxKind.SourceDeclaration => SourceClauses,
        SyntaxKind.ActorDeclaration => ActorClauses,
        SyntaxKind.PlaceDeclaration => PlaceClauses,
        SyntaxKind.ClaimDeclaration => ClaimClauses,
        _ => NoClauses,
    };

    /// <summary>Finds a clause of a declaration by its keyword text. Linear over at most 11 entries: cheaper than hashing.</summary>
    public static bool TryGetClause(IReadOnlyList<ClauseInfo> clauses, ReadOnlySpan<char> word, out ClauseInfo info)
    {
        for (int i = 0; i < clauses.Count; i++)
        {
            if (word.SequenceEqual(clauses[i].Keyword))
            {
                info = clauses[i];
                return true;
            }
        }
        info = default;
        return false;
    }

    public static string DeclarationName(SyntaxKind declarationKind) => declarationKind switch
    {
        SyntaxKind.SourceDeclaration => "source",
        SyntaxKind.ActorDeclaration => "actor",
        SyntaxKind.PlaceDeclaration => "place",
        SyntaxKind.PredicateDeclaration => "predicate",
        SyntaxKind.HypothesisDeclaration => "hypothesis",
        SyntaxKind.ClaimDeclaration => "claim",
        _ => "declaration",
    };

    public static bool IsKeyword(SyntaxKind kind) => kind >= SyntaxKind.SourceKeyword && kind <= SyntaxKind.TextKeyword;
    public static bool IsDeclarationKeyword(SyntaxKind kind) => kind >= SyntaxKind.SourceKeyword && kind <= SyntaxKind.ClaimKeyword;
    public static bool IsTrivia(SyntaxKind kind) => kind >= SyntaxKind.WhitespaceTrivia && kind <= SyntaxKind.ByteOrderMarkTrivia;
    public static bool IsToken(SyntaxKind kind) => kind >= SyntaxKind.EndOfFileToken && kind <= SyntaxKind.TextKeyword;
    public static bool IsComment(SyntaxKind kind) => kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia or SyntaxKind.DocumentationCommentTrivia;
    public static bool IsDeclaration(SyntaxKind kind) => kind >= SyntaxKind.SourceDeclaration && kind <= SyntaxKind.SkippedDeclaration;
    public static bool IsClause(SyntaxKind kind) => kind >= SyntaxKind.PublishedClause && kind <= SyntaxKind.TagsClause;

    public static bool IsIdentifierStart(char c) =>
        c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_' : char.IsLetter(c);

    public static bool IsIdentifierPart(char c) =>
        c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_' : char.IsLetterOrDigit(c);

    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>Characters that continue a number-or-date run after its first character (the maximal-munch rule).</summary>
    public static bool IsDateRunChar(char c) => c switch
    {
        >= '0' and <= '9' => true,
        '_' or '.' or 'X' or '-' or '/' or ':' or 'T' or 'Z' or '+' or '?' or '~' or '%' => true,
        _ => false,
    };

    /// <summary>Text of a token kind that has fixed text (punctuation), or null.</summary>
    public static string? GetText(SyntaxKind kind) => kind switch
    {
        SyntaxKind.DotToken => ".",
        SyntaxKind.CommaToken => ",",
        SyntaxKind.OpenParenToken => "(",
        SyntaxKind.CloseParenToken => ")",
        SyntaxKind.ColonToken => ":",
        SyntaxKind.EqualsToken => "=",
        _ => null,
    };

    /// <summary>A readable description of a token kind for messages ("expected a string").</summary>
    public static string Describe(SyntaxKind kind) => kind switch
    {
        SyntaxKind.EndOfFileToken => "end of file",
        SyntaxKind.IdentifierToken => "a name",
        SyntaxKind.StringLiteralToken or SyntaxKind.RawStringLiteralToken => "a string",
        SyntaxKind.NumberLiteralToken => "a number",
        SyntaxKind.DateLiteralToken => "a date",
        SyntaxKind.BadToken => "an unexpected character",
        _ => GetText(kind) is { } t ? "'" + t + "'" : kind.ToString(),
    };
}
