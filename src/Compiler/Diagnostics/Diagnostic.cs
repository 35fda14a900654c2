using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Diagnostics;

/// <summary>
/// A place in a source file: the file's path (as the compilation knows it), the character span
/// and the 0-based line/character span (characters are UTF-16 code units).
/// </summary>
public sealed record Location(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static Location Create(string filePath, SourceText text, TextSpan span) =>
        new(filePath, span, text.Lines.GetLinePositionSpan(span));

    /// <summary>A location that names a file but no particular place in it (line 1, column 1).</summary>
    public static Location FileOnly(string filePath) => new(filePath, default, default);

    public override string ToString() =>
        $"{FilePath}({LineSpan.Start.Line + 1},{LineSpan.Start.Character + 1})";
}

/// <summary>A related location with a short explanation, e.g. "first declared here".</summary>
public sealed record RelatedLocation(Location Location, string Message);

/// <summary>One reported problem. Immutable.</summary>
public sealed class Diagnostic
{
    public Diagnostic(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, string message, Location location,
        IReadOnlyList<RelatedLocation>? related = null, IReadOnlyDictionary<string, string>? properties = null)
    {
        Descriptor = descriptor;
        Severity = severity;
        Message = message;
        Location = location;
        Related = related ?? [];
        Properties = properties ?? EmptyProperties;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyProperties = new Dictionary<string, string>();

    public DiagnosticDescriptor Descriptor { get; }
    public string Id => Descriptor.Id;
    public DiagnosticSeverity Severity { get; }
    public string Message { get; }
    public Location Location { get; }
    public IReadOnlyList<RelatedLocation> Related { get; }

    /// <summary>
    /// Machine-readable facts for tools, e.g. "suggestion" → the did-you-mean name that a quick fix can apply.
    /// </summary>
    public IReadOnlyDictionary<string, string> Properties { get; }

    public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
        severity == Severity ? this : new Diagnostic(Descriptor, severity, Message, Location, Related, Properties);

    public Diagnostic WithLocation(Location location) =>
        new(Descriptor, Severity, Message, location, Related, Properties);

    /// <summary>
    /// Whether two diagnostics say the same thing at the same place: code, severity, message, location (span and
    /// line span), related locations and properties. Used to tell which files' diagnostics changed between checks.
    /// </summary>
    public bool IsSameAs(Diagnostic other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (!ReferenceEquals(Descriptor, other.Descriptor) || Severity != other.Severity || Message != other.Message
            || Location != other.Location || Related.Count != other.Related.Count || Properties.Count != other.Properties.Count) return false;
        for (int i = 0; i < Related.Count; i++)
        {
            if (Related[i] != other.Related[i]) return false;
        }
        foreach (var (key, value) in Properties)
        {
            if (!other.Properties.TryGetValue(key, out var otherValue) || otherValue != value) return false;
        }
        return true;
    }

    /// <summary>The spec's text form: <c>path(line,col): error CLM2001: message</c>.</summary>
    public override string ToString() =>
        $"{Location}: {Severity.ToWord()} {Id}: {Message}";

    /// <summary>Sorts by file (ordinal), line, column, then code — the order every output uses.</summary>
    public static int Compare(Diagnostic a, Diagnostic b)
    {
        int c = string.CompareOrdinal(a.Location.FilePath, b.Location.FilePath);
        if (c != 0) return c;
        c = a.Location.LineSpan.Start.Line.CompareTo(b.Location.LineSpan.Start.Line);
        if (c != 0) return c;
        c = a.Location.LineSpan.Start.Character.CompareTo(b.Location.LineSpan.Start.Character);
        if (c != 0) return c;
        c = string.CompareOrdinal(a.Id, b.Id);
        if (c != 0) return c;
        return string.CompareOrdinal(a.Message, b.Message);
    }
}
