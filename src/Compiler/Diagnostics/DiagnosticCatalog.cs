using System.Collections.Frozen;
using System.Reflection;
using static ClaimLang.Diagnostics.DiagnosticSeverity;

namespace ClaimLang.Diagnostics;

/// <summary>
/// The one catalog of diagnostic codes. Codes are stable: never renumber or reuse one.
/// Adding a code: add a field here, add it to <see cref="All"/>, write docs/diagnostics/&lt;id&gt;.md,
/// and add a baseline test that triggers it and one that does not.
/// </summary>
public static class DiagnosticCatalog
{
    // 0xxx — configuration
    public static readonly DiagnosticDescriptor BadConfiguration = new("CLM0001", "Invalid claimlang.json", Error, "{0}");

    // 1xxx — syntax (never suppressible)
    public static readonly DiagnosticDescriptor UnexpectedToken = new("CLM1001", "Unexpected token or character", Error, "{0}");
    public static readonly DiagnosticDescriptor UnterminatedString = new("CLM1002", "Unterminated string", Error, "{0}");
    public static readonly DiagnosticDescriptor UnterminatedComment = new("CLM1003", "Unterminated block comment", Error, "unterminated block comment; add '*/' to close it");
    public static readonly DiagnosticDescriptor MalformedDate = new("CLM1004", "Malformed date literal", Error, "{0}");
    public static readonly DiagnosticDescriptor InvalidEscape = new("CLM1005", "Invalid escape sequence", Error, "{0}");
    public static readonly DiagnosticDescriptor OrphanContinuation = new("CLM1006", "Indented line with no declaration above it", Error, "indented line with no declaration above it; a declaration must start at column 1");
    public static readonly DiagnosticDescriptor NotADeclaration = new("CLM1007", "Line does not start with a declaration keyword", Error, "{0}");
    public static readonly DiagnosticDescriptor NotAClause = new("CLM1008", "Not a clause of this declaration", Error, "{0}");
    public static readonly DiagnosticDescriptor MissingPart = new("CLM1009", "Missing required part", Error, "{0}");

    // 2xxx — semantic errors
    public static readonly DiagnosticDescriptor UndefinedName = new("CLM2001", "Undefined name", Error, "{0}");
    public static readonly DiagnosticDescriptor DuplicateDeclaration = new("CLM2002", "Duplicate declaration", Error, "{0}");
    public static readonly DiagnosticDescriptor ClaimWithoutSource = new("CLM2003", "Claim without a source", Error, "{0}");
    public static readonly DiagnosticDescriptor BadConfidence = new("CLM2004", "Confidence is not low, moderate or high", Error, "{0}");
    public static readonly DiagnosticDescriptor BadReliability = new("CLM2005", "Reliability is not A-F", Error, "{0}");
    public static readonly DiagnosticDescriptor BadCredibility = new("CLM2006", "Credibility is not 1-6", Error, "{0}");
    public static readonly DiagnosticDescriptor ImpossibleDate = new("CLM2007", "Impossible date or interval", Error, "{0}");
    public static readonly DiagnosticDescriptor WrongKindOfName = new("CLM2008", "Name of the wrong kind", Error, "{0}");
    public static readonly DiagnosticDescriptor AmbiguousReference = new("CLM2009", "Ambiguous Subject.predicate reference", Error, "{0}");
    public static readonly DiagnosticDescriptor ArgumentMismatch = new("CLM2010", "Arguments do not fit the predicate", Error, "{0}");
    public static readonly DiagnosticDescriptor DuplicateClause = new("CLM2011", "Clause given twice", Error, "{0}");
    public static readonly DiagnosticDescriptor SupersedesCycle = new("CLM2012", "Supersedes cycle", Error, "{0}");
    public static readonly DiagnosticDescriptor SelfReference = new("CLM2013", "Claim refers to itself", Error, "{0}");
    public static readonly DiagnosticDescriptor DuplicateClaim = new("CLM2014", "Duplicate claim", Warning, "{0}");

    // 3xxx — analytic findings
    public static readonly DiagnosticDescriptor DatedAfterPublication = new("CLM3001", "Claim dated after its source was published", Warning, "{0}");
    public static readonly DiagnosticDescriptor SupportsAndContradicts = new("CLM3002", "Claim both supports and contradicts the same target", Warning, "{0}");
    public static readonly DiagnosticDescriptor HighConfidenceConflict = new("CLM3003", "Two high-confidence claims contradict each other", Warning, "{0}");
    public static readonly DiagnosticDescriptor UnsupportedHighConfidence = new("CLM3004", "High confidence resting only on weak or unrated sources", Warning, "{0}");
    public static readonly DiagnosticDescriptor SameSourceContradiction = new("CLM3005", "Claim contradicts another claim from the same source", Info, "{0}");
    public static readonly DiagnosticDescriptor MissingConfidence = new("CLM3006", "Claim without confidence", Warning, "{0}");
    public static readonly DiagnosticDescriptor UncitedSource = new("CLM3007", "Source never cited", Info, "{0}");
    public static readonly DiagnosticDescriptor UnreferencedDeclaration = new("CLM3008", "Actor, place or hypothesis never referenced", Info, "{0}");
    public static readonly DiagnosticDescriptor UndeclaredPredicate = new("CLM3009", "Undeclared predicate", Off, "{0}");
    public static readonly DiagnosticDescriptor DatedInFuture = new("CLM3010", "Claim dated after asOf or today", Warning, "{0}");
    public static readonly DiagnosticDescriptor CircularReporting = new("CLM3011", "Sources are not independent (circular reporting)", Warning, "{0}");

    // 4xxx — provenance
    public static readonly DiagnosticDescriptor QuoteNotFound = new("CLM4001", "Quote not found in the source documents", Error, "{0}");
    public static readonly DiagnosticDescriptor DocumentNotFound = new("CLM4002", "Source document not found", Warning, "{0}");
    public static readonly DiagnosticDescriptor DocumentOutsideRoot = new("CLM4003", "Document path leaves the workspace root", Error, "{0}");
    public static readonly DiagnosticDescriptor QuoteWithoutDocument = new("CLM4004", "Quote given but no source has a document", Info, "{0}");

    /// <summary>Every descriptor, ordered by id.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        BadConfiguration,
        UnexpectedToken, UnterminatedString, UnterminatedComment, MalformedDate, InvalidEscape, OrphanContinuation,
        NotADeclaration, NotAClause, MissingPart,
        UndefinedName, DuplicateDeclaration, ClaimWithoutSource, BadConfidence, BadReliability, BadCredibility,
        ImpossibleDate, WrongKindOfName, AmbiguousReference, ArgumentMismatch, DuplicateClause, SupersedesCycle,
        SelfReference, DuplicateClaim,
        DatedAfterPublication, SupportsAndContradicts, HighConfidenceConflict, UnsupportedHighConfidence,
        SameSourceContradiction, MissingConfidence, UncitedSource, UnreferencedDeclaration, UndeclaredPredicate,
        DatedInFuture, CircularReporting,
        QuoteNotFound, DocumentNotFound, DocumentOutsideRoot, QuoteWithoutDocument,
    ];

    private static readonly FrozenDictionary<string, DiagnosticDescriptor> ById =
        All.ToFrozenDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

    public static bool TryGet(string id, out DiagnosticDescriptor descriptor) =>
        ById.TryGetValue(id, out descriptor!);

    /// <summary>
    /// The help page for a code (Markdown, from docs/diagnostics/&lt;id&gt;.md embedded at build time),
    /// or null when the code is unknown.
    /// </summary>
    public static string? GetHelp(string id)
    {
        if (!TryGet(id, out var descriptor)) return null;
        var assembly = typeof(DiagnosticCatalog).Assembly;
        using var stream = assembly.GetManifestResourceStream("ClaimLang.Diagnostics.Help." + descriptor.Id + ".md");
        if (stream is null) return descriptor.Title;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The public web address of a code's help page, for SARIF helpUri and LSP codeDescription.</summary>
    public static string HelpUri(string id) =>
        s_helpUris.TryGetValue(id, out var uri) ? uri : s_helpUris.GetOrAdd(id, static id => $"https://github.com/claimlang/claimlang/blob/main/docs/diagnostics/{id}.md");

    // Asked for once per diagnostic shown; the codes are few.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> s_helpUris = new(StringComparer.Ordinal);
}
