namespace ClaimLang.Syntax;

/// <summary>
/// The kind of every token, trivia and node. Keywords are contextual: the lexer only produces
/// <see cref="IdentifierToken"/>; the parser gives a token a keyword kind when it uses it as one.
/// </summary>
public enum SyntaxKind : ushort
{
    None = 0,

    // ---- Tokens ----
    EndOfFileToken,
    IdentifierToken,
    StringLiteralToken,
    RawStringLiteralToken,
    NumberLiteralToken,
    DateLiteralToken,
    DotToken,
    CommaToken,
    OpenParenToken,
    CloseParenToken,
    ColonToken,
    EqualsToken,
    /// <summary>One or more characters that start no token.</summary>
    BadToken,

    // Declaration keywords (also used as parameter type words where they coincide).
    SourceKeyword,
    ActorKeyword,
    PlaceKeyword,
    PredicateKeyword,
    HypothesisKeyword,
    ClaimKeyword,

    // Clause keywords.
    PublishedKeyword,
    AuthorKeyword,
    PublisherKeyword,
    UrlKeyword,
    ReliabilityKeyword,
    KindKeyword,
    LangKeyword,
    DocumentKeyword,
    CitesKeyword,
    AkaKeyword,
    PartOfKeyword,
    InKeyword,
    AtKeyword,
    OnKeyword,
    ConfidenceKeyword,
    CredibilityKeyword,
    ContradictsKeyword,
    SupportsKeyword,
    SupersedesKeyword,
    QuoteKeyword,
    NoteKeyword,
    TagsKeyword,

    // Parameter type words that are not declaration keywords.
    DateKeyword,
    NumberKeyword,
    TextKeyword,

    // ---- Trivia ----
    WhitespaceTrivia,
    EndOfLineTrivia,
    SingleLineCommentTrivia,
    MultiLineCommentTrivia,
    DocumentationCommentTrivia,
    /// <summary>A token the parser could not use, kept as trivia so that no text is lost.</summary>
    SkippedTokenTrivia,
    ByteOrderMarkTrivia,

    // ---- Nodes ----
    List,
    CompilationUnit,

    SourceDeclaration,
    ActorDeclaration,
    PlaceDeclaration,
    PredicateDeclaration,
    HypothesisDeclaration,
    ClaimDeclaration,
    /// <summary>A logical line that is not a declaration (CLM1006, CLM1007); its tokens are kept.</summary>
    SkippedDeclaration,

    ClaimLabel,
    ParameterList,
    Parameter,
    ArgumentList,
    Argument,
    Reference,

    // Clauses: one kind per clause.
    PublishedClause,
    AuthorClause,
    PublisherClause,
    UrlClause,
    ReliabilityClause,
    KindClause,
    LangClause,
    DocumentClause,
    CitesClause,
    AkaClause,
    PartOfClause,
    InClause,
    CoordinatesClause,
    OnClause,
    SourceClause,
    ConfidenceClause,
    CredibilityClause,
    AtClause,
    ContradictsClause,
    SupportsClause,
    SupersedesClause,
    QuoteClause,
    NoteClause,
    TagsClause,
}
