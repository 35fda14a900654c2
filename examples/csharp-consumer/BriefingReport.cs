using System.Globalization;
using ClaimLang.Runtime;
using ClaimLang.Runtime.Querying;

namespace ClaimLang.Examples.CsharpConsumer;

/// <summary>
/// Prints a short briefing on the coup story of the examples: the sources and their grades, where each hypothesis
/// stands, what is claimed about the IRGC, and the well-sourced claims of January 2017. Everything it names comes
/// from the generated catalog, so renaming a declaration in a .claim file breaks this code at compile time.
/// </summary>
public static class BriefingReport
{
    /// <summary>Writes the briefing; returns the process exit code (1 when the catalog is inconsistent).</summary>
    public static int Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var dataset = Claims.All;
        var index = dataset.Index;

        // The catalog is the same dataset `claimc build` writes, so the runtime's own consistency check applies.
        var problems = dataset.Validate();
        if (problems.Count > 0)
        {
            foreach (var problem in problems) output.WriteLine("inconsistent catalog: " + problem);
            return 1;
        }

        output.WriteLine(dataset.ToString());
        output.WriteLine();

        output.WriteLine("Sources");
        foreach (var source in dataset.Sources)
        {
            var grade = source.Reliability is { } r ? Grades.ToText(r) : "unrated";
            output.WriteLine($"  {source.Id,-12} {grade,-8} {Count(index.ClaimsFromSource(source.Id).Count, "claim"),-10} {source.Title}");
        }

        output.WriteLine();
        output.WriteLine("Hypotheses");
        foreach (var hypothesis in new[] { Claims.Hypotheses.H1, Claims.Hypotheses.H2 })
        {
            output.WriteLine($"  {hypothesis.Id}: {hypothesis.Statement}");
            output.WriteLine($"    supported by:    {List(hypothesis.SupportedBy)}");
            output.WriteLine($"    contradicted by: {List(hypothesis.ContradictedBy)}");
        }

        output.WriteLine();
        var irgc = Claims.Actors.IRGC;
        output.WriteLine($"What is claimed about {irgc.Name} ({irgc.Id}), in timeline order");
        foreach (var claim in index.ClaimsAbout(irgc.Id))
        {
            output.WriteLine("  " + Describe(claim, index));
        }

        output.WriteLine();
        var coup = Claims.Labelled.coup;
        output.WriteLine($"The claim '{coup.Id}' rests on {List(coup.Sources)}; contradicted: {(index.IsContradicted(coup) ? "yes" : "no")}");
        var met = Claims.Sources.MET;
        output.WriteLine($"{met.Id} cites {List(met.Cites)}; documented as: {FirstLine(met.Doc)}");

        output.WriteLine();
        var query = Query.Parse("confidence >= moderate and date overlaps 2017-01 and not superseded");
        output.WriteLine($"Query: {query}");
        foreach (var claim in query.Evaluate(dataset))
        {
            output.WriteLine("  " + Describe(claim, index));
        }

        return 0;
    }

    private static string Describe(Claim claim, DatasetIndex index)
    {
        var date = claim.Date?.Edtf ?? "undated";
        var confidence = claim.Confidence is { } c ? Grades.ToText(c) : "no confidence";
        var sources = new List<string>();
        foreach (var source in index.SourcesOf(claim))
        {
            sources.Add(source.Reliability is { } r ? $"{source.Id} ({Grades.ToText(r)})" : source.Id);
        }

        return $"{date}  {claim.Id}  [{confidence}; {string.Join(", ", sources)}]";
    }

    private static string List(EquatableArray<string> ids) => ids.Count == 0 ? "(none)" : string.Join(", ", ids);

    private static string FirstLine(string? text)
    {
        if (text is null) return "(no documentation)";
        int end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    private static string Count(int n, string noun) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun + "s");
}
