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

    /// <remarks>
    /// Claims are first bucketed by a cheap hash of what identifies them besides their arguments (subject, predicate,
    /// date and the set of sources); the full key, which needs the argument values, is only built for claims that
    /// share a bucket with an earlier one, so a workspace without near-duplicates allocates next to nothing here.
    /// </remarks>
    private static void DuplicateClaims(IReadOnlyList<ClaimSymbol> claims, DiagnosticBag diagnostics)
    {
        var buckets = new Dictionary<int, ClaimSymbol?>(claims.Count);
        Dictionary<string, ClaimSymbol>? seen = null;
        foreach (var claim in claims)
        {
            if (claim.Declaration!.Info.HasSyntaxErrors || claim.Sources.Length == 0) continue;
            int hash = CoarseHash(claim);
            if (!buckets.TryGetValue(hash, out var pending))
            {
                buckets.Add(hash, claim); // the only claim of its bucket so far: it cannot repeat anything
                continue;
            }
            seen ??= new Dictionary<string, ClaimSymbol>(StringComparer.Ordinal);
            if (pending is not null)
            {
                seen.TryAdd(ClaimKey(pending), pending);
                buckets[hash] = null;
            }
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

    /// <summary>A hash that is equal for claims with equal <see cref="ClaimKey"/>s (the sources as a set).</summary>
    private static int CoarseHash(ClaimSymbol claim)
    {
        int sources = 0;
        foreach (var source in claim.Sources) sources += source.Name.GetHashCode(); // order-independent
        return HashCode.Combine(claim.SubjectName, claim.PredicateName, claim.Date?.Text ?? "", sources, claim.Sources.Length);
    }

    private static string ClaimKey(ClaimSymbol claim)
    {
        var b = new System.Text.StringBuilder();
        b.Append(claim.SubjectName).Append('\u0001').Append(claim.PredicateName).Append('\u0001');
        foreach (var a in claim.Arguments) b.Append(a.Name).Append('=').Append(a.Value.Value).Append('\u0002');
        b.Append('\u0001').Append(claim.Date?.Text).Append('\u0001');
        var names = new string[claim.Sources.Length];
        for (int i = 0; i < names.Length; i++) names[i] = claim.Sources[i].Name;
        Array.Sort(names, StringComparer.Ordinal);
        foreach (var s in names) b.Append(s).Append('\u0002');
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
            bool statedByOther = false;
            foreach (var r in other.Contradicts)
            {
                if (ReferenceEquals(r.Target, claim)) { statedByOther = true; break; }
            }
            if (statedByOther && Order(other, claim) < 0) continue;
            var location = claim.Declaration!.LocationOf(reference.Syntax);
            var related = other.Declaration is not null ? new[] { new RelatedLocation(Head(other), $"the contradicted claim {other.DisplayName}") } : null;
            if (claim.Confidence == Confidence.High && other.Confidence == Confidence.High)
            {
                diagnostics.Report(DiagnosticCatalog.HighConfidenceConflict, location,
                    $"{claim.DisplayName} and {other.DisplayName} both have high confidence but contradict each other; at most one of them can be right, so lower the confidence of at least one",
                    related);
            }
            List<string>? shared = null;
            foreach (var s in claim.Sources)
            {
                if (other.Sources.Contains(s)) (shared ??= []).Add(s.Name);
            }
            if (shared is not null)
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
