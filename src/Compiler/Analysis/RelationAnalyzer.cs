using ClaimLang.Binding;
using ClaimLang.Diagnostics;
using ClaimLang.Syntax;

namespace ClaimLang.Analysis;

/// <summary>
/// Checks over the relations between claims: supersedes cycles (CLM2012), duplicate claims (CLM2014), supporting and
/// contradicting the same target (CLM3002), conflicts between high-confidence claims (CLM3003) and contradictions
/// between claims of the same source (CLM3005).
/// </summary>
public sealed class RelationAnalyzer : IAnalyzer
{
    public void Analyze(AnalysisContext context, DiagnosticBag diagnostics)
    {
        var claims = context.Workspace.Claims;
        SupersedesCycles(claims, diagnostics);
        context.Cancellation.ThrowIfCancellationRequested();
        DuplicateClaims(claims, diagnostics);
        context.Cancellation.ThrowIfCancellationRequested();
        foreach (var claim in claims)
        {
            SupportsAndContradicts(claim, diagnostics);
            Contradictions(claim, diagnostics);
        }
    }

    /// <summary>Each claim supersedes at most one other, so cycles are found by walking the chains once (colouring).</summary>
    private static void SupersedesCycles(IReadOnlyList<ClaimSymbol> claims, DiagnosticBag diagnostics)
    {
        var state = new Dictionary<ClaimSymbol, byte>(ReferenceEqualityComparer.Instance); // 1 on the current walk, 2 done
        var path = new List<ClaimSymbol>();
        foreach (var start in claims)
        {
            if (start.Supersedes is null || state.ContainsKey(start)) continue;
            path.Clear();
            var current = start;
            while (current is not null && !state.ContainsKey(current))
            {
                state[current] = 1;
                path.Add(current);
                current = current.Supersedes?.Target as ClaimSymbol;
            }
            if (current is not null && state[current] == 1)
            {
                int index = path.IndexOf(current);
                var cycle = path.GetRange(index, path.Count - index);
                string chain = string.Join(" → ", cycle.Take(6).Select(c => c.DisplayName)) + (cycle.Count > 6 ? " → …" : "") + " → " + cycle[0].DisplayName;
                foreach (var member in cycle)
                {
                    var reference = member.Supersedes!;
                    diagnostics.Report(DiagnosticCatalog.SupersedesCycle, member.Declaration!.LocationOf(reference.Syntax),
                        $"supersedes cycle: {chain}; a claim can only replace older reporting, so one of these 'supersedes' must go");
                }
            }
            foreach (var c in path) state[c] = 2;
        }
    }

    private static void DuplicateClaims(IReadOnlyList<ClaimSymbol> claims, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, ClaimSymbol>(StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            if (claim.Declaration!.Info.HasSyntaxErrors || claim.Sources.Length == 0) continue;
            var key = ClaimKey(claim);
            if (seen.TryGetValue(key, out var first))
            {
                diagnostics.Report(DiagnosticCatalog.DuplicateClaim, Head(claim),
                    $"this claim repeats {first.DisplayName} (same subject, predicate, arguments, date and sources); remove one or tell them apart",
                    [new RelatedLocation(Head(first), "the first occurrence")]);
            }
            else seen[key] = claim;
        }
    }

    private static string ClaimKey(ClaimSymbol claim)
    {
        var b = new System.Text.StringBuilder();
        b.Append(claim.SubjectName).Append('\u0001').Append(claim.PredicateName).Append('\u0001');
        foreach (var a in claim.Arguments) b.Append(a.Name).Append('=').Append(a.Value.Value).Append('\u0002');
        b.Append('\u0001').Append(claim.Date?.Text).Append('\u0001');
        foreach (var s in claim.Sources.Select(s => s.Name).Order(StringComparer.Ordinal)) b.Append(s).Append('\u0002');
        return b.ToString();
    }

    /// <summary>The span of <c>claim [label =] Subject.predicate</c>: where claim-level findings are shown.</summary>
    internal static Location Head(ClaimSymbol claim)
    {
        var d = claim.Declaration!;
        var info = d.Info;
        int start = info.Keyword.Offset;
        int end = info.Predicate is { } p ? p.Offset + p.Length : info.Subject is { } s ? s.Offset + s.Length : info.Keyword.Offset + info.Keyword.Length;
        return d.LocationOf(start, end - start);
    }

    private static void SupportsAndContradicts(ClaimSymbol claim, DiagnosticBag diagnostics)
    {
        if (claim.Supports.Length == 0 || claim.Contradicts.Length == 0) return;
        foreach (var contra in claim.Contradicts)
        {
            foreach (var support in claim.Supports)
            {
                if (!ReferenceEquals(contra.Target, support.Target)) continue;
                diagnostics.Report(DiagnosticCatalog.SupportsAndContradicts, claim.Declaration!.LocationOf(contra.Syntax),
                    $"this claim both supports and contradicts '{contra.Target.Name}'; keep the relation you mean",
                    [new RelatedLocation(claim.Declaration.LocationOf(support.Syntax), "supported here")]);
            }
        }
    }

    private static void Contradictions(ClaimSymbol claim, DiagnosticBag diagnostics)
    {
        foreach (var reference in claim.Contradicts)
        {
            if (reference.Target is not ClaimSymbol other) continue;
            // A pair stated on both sides is reported once, by the claim that comes first.
            bool statedByOther = other.Contradicts.Any(r => ReferenceEquals(r.Target, claim));
            if (statedByOther && Order(other, claim) < 0) continue;
            var location = claim.Declaration!.LocationOf(reference.Syntax);
            var related = other.Declaration is not null ? new[] { new RelatedLocation(Head(other), $"the contradicted claim {other.DisplayName}") } : null;
            if (claim.Confidence == Confidence.High && other.Confidence == Confidence.High)
            {
                diagnostics.Report(DiagnosticCatalog.HighConfidenceConflict, location,
                    $"{claim.DisplayName} and {other.DisplayName} both have high confidence but contradict each other; at most one of them can be right, so lower the confidence of at least one",
                    related);
            }
            var shared = claim.Sources.Where(s => other.Sources.Contains(s)).Select(s => s.Name).ToList();
            if (shared.Count > 0)
            {
                diagnostics.Report(DiagnosticCatalog.SameSourceContradiction, location,
                    $"{claim.DisplayName} contradicts {other.DisplayName}, and both come from {string.Join(", ", shared)}: the source contradicts itself",
                    related);
            }
        }
    }

    internal static int Order(ClaimSymbol a, ClaimSymbol b)
    {
        int c = string.CompareOrdinal(a.Declaration!.Tree.FilePath, b.Declaration!.Tree.FilePath);
        return c != 0 ? c : a.Declaration.Start.CompareTo(b.Declaration.Start);
    }
}
