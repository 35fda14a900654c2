namespace ClaimLang.Bench.Workload;

/// <summary>One argument of a claim: <c>name: value</c> or a positional value.</summary>
internal readonly record struct ArgumentModel(string? Name, ArgumentKind Kind, string Value);

internal enum ArgumentKind { Name, Number, Date, Text }

/// <summary>
/// A declaration as the generator builds it, rendered twice: as ClaimLang text and as JSON (the JSON peer of the
/// parse benchmark reads the same declarations). Only the fields the kind uses are set.
/// </summary>
internal sealed class DeclarationModel
{
    public required string Kind { get; init; } // source, actor, place, predicate, hypothesis, claim
    /// <summary>The keyword as written: the declaration kind, or a typo of it (an injected error).</summary>
    public string? Keyword { get; set; }
    public string? Doc { get; set; }
    public string? Comment { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }

    // source / actor / place clauses
    public List<(string Keyword, string Value, bool Quoted)> Clauses { get; } = [];
    public List<string>? Cites { get; set; }
    public List<string>? Aka { get; set; }

    // predicate
    public List<(string Name, string Type)>? Parameters { get; set; }

    // claim
    public string? Label { get; set; }
    public string? Subject { get; set; }
    public string? Predicate { get; set; }
    public List<ArgumentModel>? Arguments { get; set; }
    public string? Date { get; set; }
    public List<string>? Sources { get; set; }
    public string? Confidence { get; set; }
    public string? ConfidenceKeyword { get; set; }
    public string? Credibility { get; set; }
    public string? At { get; set; }
    public List<string>? Contradicts { get; set; }
    public List<string>? Supports { get; set; }
    public string? Supersedes { get; set; }
    public string? Quote { get; set; }
    public string? Note { get; set; }
    /// <summary>The note's closing quote is missing (an injected CLM1002).</summary>
    public bool NoteUnterminated { get; set; }
    public List<string>? Tags { get; set; }
}

/// <summary>The injected mistakes of the "errors" workspaces, and the diagnostic each one is meant to cause.</summary>
internal enum ErrorKind
{
    KeywordTypo,        // clam …                        CLM1007
    ClauseTypo,         // confidense low                CLM1008
    UndefinedSource,    // source an undeclared name     CLM2001
    BadConfidence,      // confidence medium             CLM2004
    BadCredibility,     // credibility 9                 CLM2006
    MalformedDate,      // on 2017-1-28                  CLM1004
    UnterminatedString, // note "…  (no closing quote)   CLM1002
    MissingSource,      // no source clause              CLM2003
    ImpossibleDate,     // on 2017-02-30                 CLM2007
    UndefinedSubject,   // undeclared actor as subject   CLM2001
    QuoteNotFound,      // quote absent from the doc     CLM4001
}
