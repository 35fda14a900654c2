using System.Globalization;
using System.Text;
using ClaimLang.Binding;
using ClaimLang.Runtime;

namespace ClaimLang.LanguageServer.Features;

/// <summary>Markdown descriptions of symbols, for hover and completion.</summary>
internal static class SymbolText
{
    /// <summary>One line of pseudo-source that shows what a symbol is.</summary>
    public static string Signature(Symbol symbol) => symbol switch
    {
        SourceSymbol s => $"source {s.Name} {Quote(s.Title)}",
        ActorSymbol a => $"actor {a.Name} {Quote(a.DisplayName)}",
        PlaceSymbol p => $"place {p.Name} {Quote(p.DisplayName)}",
        HypothesisSymbol h => $"hypothesis {h.Name} {Quote(h.Statement)}",
        PredicateSymbol p => PredicateSignature(p),
        ParameterSymbol p => $"{p.Name}: {TypeWord(p.Type)}",
        ClaimSymbol c => ClaimSignature(c),
        _ => symbol.ToString(),
    };

    public static string TypeWord(ParameterType type) => type.ToString().ToLowerInvariant();

    public static string PredicateSignature(PredicateSymbol p)
    {
        var b = new StringBuilder("predicate ").Append(p.Name);
        if (p.Parameters.Length > 0 || p.Declaration?.Info.HasParameterList == true)
        {
            b.Append('(');
            for (int i = 0; i < p.Parameters.Length; i++)
            {
                if (i > 0) b.Append(", ");
                b.Append(p.Parameters[i].Name).Append(": ").Append(TypeWord(p.Parameters[i].Type));
            }
            b.Append(')');
        }
        if (!string.IsNullOrEmpty(p.Description)) b.Append(' ').Append(Quote(p.Description));
        return b.ToString();
    }

    public static string ClaimSignature(ClaimSymbol c)
    {
        var b = new StringBuilder("claim ");
        if (c.Label is not null) b.Append(c.Label).Append(" = ");
        b.Append(c.SubjectName).Append('.').Append(c.PredicateName);
        var info = c.Declaration?.Info;
        if (info is { HasArgumentList: true })
        {
            b.Append('(');
            for (int i = 0; i < info.Arguments.Length; i++)
            {
                if (i > 0) b.Append(", ");
                var argument = info.Arguments[i];
                if (argument.Name is { } name) b.Append(name.Text).Append(": ");
                b.Append(argument.Value.Text);
            }
            b.Append(')');
        }
        return b.ToString();
    }

    /// <summary>The full hover text of a symbol.</summary>
    public static string Markdown(Symbol symbol, Compilation compilation)
    {
        var b = new StringBuilder();
        b.Append("```claim\n").Append(Signature(symbol)).Append("\n```\n");
        if (!string.IsNullOrWhiteSpace(symbol.Documentation)) b.Append('\n').Append(symbol.Documentation!.Trim()).Append('\n');
        var facts = new List<string>();
        switch (symbol)
        {
            case SourceSymbol s:
                facts.Add("reliability: " + (s.Reliability is { } r ? $"**{r}** ({Grades.DescribeReliability(r)})" : "unrated"));
                if (s.Published is { } published) facts.Add("published: " + DateText(published));
                if (s.Author is not null) facts.Add("author: " + Escape(s.Author));
                if (s.Publisher is not null) facts.Add("publisher: " + Escape(s.Publisher));
                if (s.SourceKind is not null) facts.Add("kind: " + Escape(s.SourceKind));
                if (s.Lang is not null) facts.Add("language: " + Escape(s.Lang));
                if (s.Url is not null) facts.Add("url: " + Escape(s.Url));
                if (s.Document is not null) facts.Add("document: `" + s.Document.Replace("`", "'", StringComparison.Ordinal) + "`");
                if (s.Cites.Length > 0) facts.Add("cites: " + string.Join(", ", s.Cites.Select(c => "`" + c.Name + "`")));
                facts.Add("claims citing it: " + Usage.Count(compilation, s).ToString(CultureInfo.InvariantCulture));
                break;
            case ActorSymbol a:
                if (a.ActorKind is not null) facts.Add("kind: " + Escape(a.ActorKind));
                if (a.Aka.Length > 0) facts.Add("also known as: " + string.Join(", ", a.Aka.Select(Escape)));
                if (a.PartOf is not null) facts.Add("part of: `" + a.PartOf.Name + "`");
                facts.Add("claims about it: " + Usage.Count(compilation, a).ToString(CultureInfo.InvariantCulture));
                break;
            case PlaceSymbol p:
                if (p.In is not null) facts.Add("in: `" + p.In.Name + "`");
                if (p.Latitude is { } lat && p.Longitude is { } lon)
                    facts.Add(string.Create(CultureInfo.InvariantCulture, $"coordinates: {lat}, {lon}"));
                break;
            case HypothesisSymbol h:
                var (supporting, contradicting) = Relations.Count(compilation, h);
                facts.Add($"supported by {Plural(supporting, "claim")}, contradicted by {Plural(contradicting, "claim")}");
                break;
            case PredicateSymbol p:
                if (!p.IsDeclared) facts.Add("not declared");
                facts.Add("claims using it: " + Usage.Count(compilation, p).ToString(CultureInfo.InvariantCulture));
                break;
            case ParameterSymbol p:
                facts.Add($"parameter {p.Ordinal + 1} of the predicate `{p.Declaration?.Info.Name?.Text}`");
                break;
            case ClaimSymbol c:
                AddClaimFacts(c, compilation, facts);
                break;
        }
        if (facts.Count > 0)
        {
            b.Append('\n');
            foreach (string fact in facts) b.Append("- ").Append(fact).Append('\n');
        }
        return b.ToString();
    }

    private static void AddClaimFacts(ClaimSymbol c, Compilation compilation, List<string> facts)
    {
        facts.Add("id: `" + c.Id + "`");
        if (c.Date is { } date) facts.Add("date: " + DateText(date));
        if (c.Sources.Length == 0) facts.Add("sources: none");
        foreach (var source in c.Sources)
        {
            string grade = source.Reliability is { } r ? $"reliability **{r}** ({Grades.DescribeReliability(r)})" : "unrated";
            facts.Add($"source `{source.Name}` — {Escape(source.Title)}, {grade}");
        }
        facts.Add("confidence: " + (c.Confidence is { } confidence ? confidence.ToString().ToLowerInvariant() : "not given"));
        if (c.Credibility is { } credibility)
            facts.Add($"credibility: **{credibility}** ({Grades.Describe(Grades.Credibility, credibility.ToString(CultureInfo.InvariantCulture))})");
        if (c.At is not null) facts.Add("at: `" + c.At.Name + "`");
        if (c.Supersedes is { } supersedes) facts.Add("supersedes: `" + Name(supersedes.Target) + "`");
        var (supporting, contradicting) = Relations.Count(compilation, c);
        if (supporting + contradicting > 0)
            facts.Add($"supported by {Plural(supporting, "claim")}, contradicted by {Plural(contradicting, "claim")}");
        if (c.Quote is not null) facts.Add("quote: " + Escape(Shorten(c.Quote, 200)));
    }

    private static string Name(Symbol symbol) => symbol is ClaimSymbol claim ? claim.Id : symbol.Name;

    /// <summary>An EDTF value with the days it allows.</summary>
    public static string DateText(EdtfDate date)
    {
        string text = "`" + date.Text + "`";
        string? range = DateRange(date);
        return range is null ? text : text + " (" + range + ")";
    }

    /// <summary>"2017-01-01 … 2017-01-31", "from 2017-01-01", or null for a single exact day.</summary>
    public static string? DateRange(EdtfDate date)
    {
        string? earliest = date.EarliestText;
        string? latest = date.LatestText;
        var notes = new List<string>();
        if (date.IsUncertain) notes.Add("uncertain");
        if (date.IsApproximate) notes.Add("approximate");
        string suffix = notes.Count == 0 ? "" : ", " + string.Join(", ", notes);
        if (earliest is not null && latest is not null)
        {
            if (earliest == latest) return notes.Count == 0 ? null : earliest + suffix;
            return earliest + " … " + latest + suffix;
        }
        if (earliest is not null) return "from " + earliest + suffix;
        if (latest is not null) return "until " + latest + suffix;
        return notes.Count == 0 ? "unknown" : string.Join(", ", notes);
    }

    public static string Plural(int count, string word) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? word : word + "s");

    public static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    /// <summary>Escapes Markdown in free text so that a title or quote shows as written.</summary>
    public static string Escape(string text)
    {
        var b = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|') b.Append('\\');
            b.Append(c is '\r' or '\n' ? ' ' : c);
        }
        return b.ToString();
    }
}

/// <summary>Counts of the claims that support or contradict a claim or hypothesis (indexed once per compilation).</summary>
/// <summary>
/// How many claims cite each source, are about each actor or place, and use each predicate: counted once per
/// compilation (hover and completion show these for thousands of symbols; counting per symbol would scan every
/// claim each time).
/// </summary>
internal static class Usage
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Dictionary<Symbol, int>> Indexes = new();

    public static int Count(Compilation compilation, Symbol symbol) =>
        Indexes.GetValue(compilation, Build).GetValueOrDefault(symbol);

    private static Dictionary<Symbol, int> Build(Compilation compilation)
    {
        var counts = new Dictionary<Symbol, int>(ReferenceEqualityComparer.Instance);
        void Increment(Symbol symbol) => counts[symbol] = counts.GetValueOrDefault(symbol) + 1;
        foreach (var claim in compilation.Claims)
        {
            // A claim's sources are distinct (the binder drops repeats), so each cites a source once.
            foreach (var source in claim.Sources) Increment(source);
            if (claim.Subject is { } subject) Increment(subject);
            if (claim.Predicate is { } predicate) Increment(predicate);
        }
        return counts;
    }
}

internal static class Relations
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Compilation, Dictionary<Symbol, (HashSet<ClaimSymbol> Supporting, HashSet<ClaimSymbol> Contradicting)>> Indexes = new();

    /// <summary>
    /// Claims that support <paramref name="target"/>, and claims that contradict it (for a claim, contradiction is
    /// mutual: a claim that it contradicts counts too).
    /// </summary>
    public static (int Supporting, int Contradicting) Count(Compilation compilation, Symbol target)
    {
        var index = Indexes.GetValue(compilation, Build);
        return index.TryGetValue(target, out var entry) ? (entry.Supporting.Count, entry.Contradicting.Count) : (0, 0);
    }

    private static Dictionary<Symbol, (HashSet<ClaimSymbol>, HashSet<ClaimSymbol>)> Build(Compilation compilation)
    {
        var index = new Dictionary<Symbol, (HashSet<ClaimSymbol>, HashSet<ClaimSymbol>)>(ReferenceEqualityComparer.Instance);
        (HashSet<ClaimSymbol> Supporting, HashSet<ClaimSymbol> Contradicting) Entry(Symbol symbol)
        {
            if (!index.TryGetValue(symbol, out var entry))
                index[symbol] = entry = (new HashSet<ClaimSymbol>(ReferenceEqualityComparer.Instance), new HashSet<ClaimSymbol>(ReferenceEqualityComparer.Instance));
            return entry;
        }
        foreach (var claim in compilation.Claims)
        {
            foreach (var reference in claim.Supports) Entry(reference.Target).Supporting.Add(claim);
            foreach (var reference in claim.Contradicts)
            {
                Entry(reference.Target).Contradicting.Add(claim);
                if (reference.Target is ClaimSymbol other) Entry(claim).Contradicting.Add(other);
            }
        }
        return index;
    }
}
