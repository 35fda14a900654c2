using ClaimLang.Binding;
using ClaimLang.Diagnostics;
using ClaimLang.Syntax;

namespace ClaimLang.Analysis;

/// <summary>
/// Checks on how claims rest on their sources and dates: dated after publication (CLM3001), high confidence on weak
/// sources (CLM3004), missing confidence (CLM3006), dated after asOf (CLM3010), circular reporting (CLM3011).
/// </summary>
public sealed class SourcingAnalyzer : IAnalyzer
{
    public void Analyze(AnalysisContext context, DiagnosticBag diagnostics)
    {
        var reach = new CitationReach(context.Workspace.Sources);
        foreach (var claim in context.Workspace.Claims)
        {
            context.Cancellation.ThrowIfCancellationRequested();
            var d = claim.Declaration!;
            if (d.Info.HasSyntaxErrors) continue;

            if (claim.Date is { } date)
            {
                // Warn only when the claim is certainly later: its earliest possible day after the latest one.
                if (date.Earliest is { } earliest)
                {
                    foreach (var source in claim.Sources)
                    {
                        if (source.Published?.Latest is { } published && earliest > published)
                        {
                            diagnostics.Report(DiagnosticCatalog.DatedAfterPublication, DateLocation(claim),
                                $"the claim is dated {date.Text}, after its source {source.Name} was published ({source.Published.Value.Text}); check the date or the source",
                                source.Location is { } l ? [new RelatedLocation(l, $"{source.Name} is declared here")] : null);
                        }
                    }
                    if (earliest > context.Today)
                    {
                        string asOf = context.Options.AsOf is not null ? $"asOf ({context.Today:yyyy-MM-dd})" : $"today ({context.Today:yyyy-MM-dd})";
                        diagnostics.Report(DiagnosticCatalog.DatedInFuture, DateLocation(claim),
                            $"the claim is dated {date.Text}, after {asOf}; check the date");
                    }
                }
            }

            if (d.Info.FindClause(SyntaxKind.ConfidenceClause) is null)
            {
                diagnostics.Report(DiagnosticCatalog.MissingConfidence, RelationAnalyzer.Head(claim),
                    $"the claim {claim.DisplayName} has no confidence; add 'confidence low', 'moderate' or 'high'");
            }

            if (claim.Confidence == Confidence.High && claim.Sources.Length > 0 && claim.Sources.All(s => s.Reliability is null or 'D' or 'E' or 'F'))
            {
                var clause = d.Info.FindClause(SyntaxKind.ConfidenceClause)!.Value;
                diagnostics.Report(DiagnosticCatalog.UnsupportedHighConfidence, d.LocationOf(clause.Offset, clause.Length),
                    $"high confidence rests only on sources rated D, E, F or unrated ({string.Join(", ", claim.Sources.Select(s => $"{s.Name}: {s.Reliability?.ToString() ?? "unrated"}"))}); lower the confidence or add a better source");
            }

            if (claim.Sources.Length > 1) CircularReporting(claim, reach, diagnostics);
        }
    }

    private static Location DateLocation(ClaimSymbol claim)
    {
        var d = claim.Declaration!;
        return d.Info.FindClause(SyntaxKind.OnClause) is { Values.Length: > 0 } on ? d.LocationOf(on.Values[0]) : RelationAnalyzer.Head(claim);
    }

    private static void CircularReporting(ClaimSymbol claim, CitationReach reach, DiagnosticBag diagnostics)
    {
        var d = claim.Declaration!;
        var clause = d.Info.FindClause(SyntaxKind.SourceClause)!.Value;
        for (int i = 0; i < claim.Sources.Length; i++)
        {
            for (int j = 0; j < claim.Sources.Length; j++)
            {
                if (i == j) continue;
                var a = claim.Sources[i];
                var b = claim.Sources[j];
                if (!reach.Cites(a, b, out var path)) continue;
                // Report each dependent pair once (a cycle a ↔ b is reported for the first of the two).
                if (i > j && reach.Cites(b, a, out _)) continue;
                diagnostics.Report(DiagnosticCatalog.CircularReporting, d.LocationOf(clause.Offset, clause.Length),
                    $"circular reporting: the sources of this claim are not independent — {string.Join(" cites ", path)}; count them as one source",
                    a.Location is { } l ? [new RelatedLocation(l, $"{a.Name} is declared here")] : null);
            }
        }
    }
}

/// <summary>Answers "does source A cite source B, directly or through a chain?" by breadth-first search (no recursion).</summary>
internal sealed class CitationReach
{
    private readonly Dictionary<SourceSymbol, int> _index = new(ReferenceEqualityComparer.Instance);
    private readonly SourceSymbol[] _sources;
    private int[] _stamp;
    private int[] _parent;
    private int _generation;
    private static readonly List<string> NoPath = [];

    public CitationReach(IReadOnlyList<SourceSymbol> sources)
    {
        _sources = sources.ToArray();
        for (int i = 0; i < _sources.Length; i++) _index[_sources[i]] = i;
        _stamp = new int[_sources.Length];
        _parent = new int[_sources.Length];
    }

    private readonly Queue<int> _queue = new();

    /// <summary>Whether <paramref name="from"/> cites <paramref name="to"/>; <paramref name="path"/> is the chain when it does (else empty).</summary>
    public bool Cites(SourceSymbol from, SourceSymbol to, out List<string> path)
    {
        path = NoPath;
        if (from.Cites.Length == 0 || !_index.TryGetValue(from, out int start) || !_index.TryGetValue(to, out int target)) return false;
        int generation = ++_generation;
        var queue = _queue;
        queue.Clear();
        queue.Enqueue(start);
        _stamp[start] = generation;
        _parent[start] = -1;
        while (queue.Count > 0)
        {
            int current = queue.Dequeue();
            foreach (var cited in _sources[current].Cites)
            {
                int next = _index[cited];
                if (_stamp[next] == generation) continue;
                _stamp[next] = generation;
                _parent[next] = current;
                if (next == target)
                {
                    path = [];
                    for (int at = next; at != -1; at = _parent[at]) path.Add(_sources[at].Name);
                    path.Reverse();
                    if (path.Count > 8) path = [.. path.Take(4), "…", .. path.TakeLast(3)];
                    return true;
                }
                queue.Enqueue(next);
            }
        }
        return false;
    }
}
