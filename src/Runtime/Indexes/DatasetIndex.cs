using System.Globalization;
using System.Runtime.CompilerServices;

namespace ClaimLang.Runtime;

/// <summary>
/// Lookups and analyses over one <see cref="ClaimDataset"/>: declarations by id, claims by subject (optionally
/// following <c>part_of</c> / <c>in</c>), by source, by place and by date, the timeline, contradiction
/// clusters, support chains up to hypotheses, and supersession.
/// </summary>
/// <remarks>
/// Built once in linear time (plus sorting the timeline) and immutable afterwards, so it is safe to share
/// between threads. Every list of claims it returns is in timeline order (<see cref="CompareTimeline"/>).
/// Relations are read from the forward lists (<c>supports</c>, <c>contradicts</c>, <c>supersedes</c>), so the
/// index also works on a dataset built in memory whose inverse lists were left empty. Walks over
/// <c>part_of</c>, <c>in</c> and <c>supports</c> are iterative and stop at cycles.
/// </remarks>
public sealed class DatasetIndex
{
    private static readonly ConditionalWeakTable<ClaimDataset, DatasetIndex> Cache = new();

    private readonly Dictionary<string, EntityKind> _kinds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Source> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Actor> _actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Place> _places = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Hypothesis> _hypotheses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Predicate> _predicates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _claimOrdinals = new(StringComparer.Ordinal);

    private readonly Claim[] _claims;
    private readonly Claim[] _timeline;
    private readonly int[] _order; // position in the timeline → claim ordinal
    private readonly int[] _rank; // claim ordinal → position in the timeline

    private readonly Dictionary<string, List<int>> _bySubject = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _bySource = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byPlace = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byTag = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _supporters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _superseders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _parts = new(StringComparer.Ordinal);
    private readonly bool[] _contradicted;
    private readonly bool[] _superseded;
    private readonly int[] _clusterOf; // claim ordinal → cluster number, or -1
    private readonly ContradictionCluster[] _clusters;
    private readonly Claim[] _current;

    /// <summary>Builds the index of <paramref name="dataset"/>. Prefer <see cref="ClaimDataset.Index"/>, which builds it once.</summary>
    public DatasetIndex(ClaimDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        Dataset = dataset;

        foreach (var source in dataset.Sources)
        {
            _sources.TryAdd(source.Id, source);
            _kinds.TryAdd(source.Id, EntityKind.Source);
        }

        foreach (var actor in dataset.Actors)
        {
            _actors.TryAdd(actor.Id, actor);
            _kinds.TryAdd(actor.Id, EntityKind.Actor);
            if (actor.PartOf is { } whole)
            {
                Add(_parts, whole, actor.Id);
            }
        }

        foreach (var place in dataset.Places)
        {
            _places.TryAdd(place.Id, place);
            _kinds.TryAdd(place.Id, EntityKind.Place);
            if (place.In is { } container)
            {
                Add(_parts, container, place.Id);
            }
        }

        foreach (var hypothesis in dataset.Hypotheses)
        {
            _hypotheses.TryAdd(hypothesis.Id, hypothesis);
            _kinds.TryAdd(hypothesis.Id, EntityKind.Hypothesis);
        }

        foreach (var predicate in dataset.Predicates)
        {
            _predicates.TryAdd(predicate.Name, predicate);
        }

        _claims = dataset.Claims.AsSpan().ToArray();
        for (var i = 0; i < _claims.Length; i++)
        {
            _claimOrdinals.TryAdd(_claims[i].Id, i);
            _kinds.TryAdd(_claims[i].Id, EntityKind.Claim);
        }

        // The timeline, and each claim's rank in it.
        // Claims are told apart by position, so that even a dataset with a repeated id (which Validate
        // reports) gets a consistent index.
        var claims = _claims;
        _order = new int[claims.Length];
        for (var i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        Array.Sort(_order, (a, b) =>
        {
            var byTimeline = CompareTimeline(claims[a], claims[b]);
            return byTimeline != 0 ? byTimeline : a.CompareTo(b);
        });
        _timeline = new Claim[claims.Length];
        _rank = new int[claims.Length];
        for (var r = 0; r < _order.Length; r++)
        {
            _timeline[r] = claims[_order[r]];
            _rank[_order[r]] = r;
        }

        // Per-key lists, filled in timeline order so that they need no sorting.
        _contradicted = new bool[_claims.Length];
        _superseded = new bool[_claims.Length];
        var unions = new UnionFind(_claims.Length);
        foreach (var i in _order)
        {
            var claim = _claims[i];
            Add(_bySubject, claim.Subject, i);
            foreach (var source in claim.Sources)
            {
                Add(_bySource, source, i);
            }

            if (claim.At is { } at)
            {
                Add(_byPlace, at, i);
            }

            foreach (var tag in claim.Tags)
            {
                Add(_byTag, tag, i);
            }

            foreach (var target in claim.Supports)
            {
                Add(_supporters, target, i);
            }

            if (claim.Supersedes is { } replaced)
            {
                Add(_superseders, replaced, i);
            }

            if (claim.SupersededBy is not null)
            {
                _superseded[i] = true;
            }

            foreach (var target in claim.Contradicts)
            {
                if (_claimOrdinals.TryGetValue(target, out var other))
                {
                    _contradicted[i] = true;
                    _contradicted[other] = true;
                    unions.Union(i, other);
                }
                else if (_sources.ContainsKey(target))
                {
                    _contradicted[i] = true;
                }
            }
        }

        foreach (var (replaced, _) in _superseders)
        {
            if (_claimOrdinals.TryGetValue(replaced, out var i))
            {
                _superseded[i] = true;
            }
        }

        (_clusters, _clusterOf) = BuildClusters(unions);

        var current = new List<Claim>(_timeline.Length);
        foreach (var i in _order)
        {
            if (!_superseded[i])
            {
                current.Add(_claims[i]);
            }
        }

        _current = [.. current];
    }

    /// <summary>The index of <paramref name="dataset"/>, built on first request and kept while the dataset lives.</summary>
    public static DatasetIndex For(ClaimDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Cache.GetValue(dataset, static d => new DatasetIndex(d));
    }

    /// <summary>The dataset this index describes.</summary>
    public ClaimDataset Dataset { get; }

    // ------------------------------------------------------------------------------------------ lookups

    /// <summary>What kind of declaration <paramref name="id"/> names, or null when none does.</summary>
    public EntityKind? KindOf(string id) => _kinds.TryGetValue(id, out var kind) ? kind : null;

    /// <summary>The claim with this id, or null.</summary>
    public Claim? FindClaim(string id) => _claimOrdinals.TryGetValue(id, out var i) ? _claims[i] : null;

    /// <summary>The source with this id, or null.</summary>
    public Source? FindSource(string id) => _sources.GetValueOrDefault(id);

    /// <summary>The actor with this id, or null.</summary>
    public Actor? FindActor(string id) => _actors.GetValueOrDefault(id);

    /// <summary>The place with this id, or null.</summary>
    public Place? FindPlace(string id) => _places.GetValueOrDefault(id);

    /// <summary>The hypothesis with this id, or null.</summary>
    public Hypothesis? FindHypothesis(string id) => _hypotheses.GetValueOrDefault(id);

    /// <summary>The predicate with this name, or null.</summary>
    public Predicate? FindPredicate(string name) => _predicates.GetValueOrDefault(name);

    /// <summary>The sources of <paramref name="claim"/> (ids that do not resolve are skipped).</summary>
    public IReadOnlyList<Source> SourcesOf(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var result = new List<Source>(claim.Sources.Count);
        foreach (var id in claim.Sources)
        {
            if (_sources.TryGetValue(id, out var source))
            {
                result.Add(source);
            }
        }

        return result;
    }

    // ------------------------------------------------------------------------------------------ timeline

    /// <summary>
    /// Every claim in timeline order: by the earliest day its date allows (the latest day when the start is
    /// open or unknown), undated claims last, ties broken by id (ordinal).
    /// </summary>
    public IReadOnlyList<Claim> Timeline => _timeline;

    /// <summary>The order of <see cref="Timeline"/> as a comparer.</summary>
    public static IComparer<Claim> TimelineComparer { get; } = Comparer<Claim>.Create(CompareTimeline);

    /// <summary>Compares two claims in timeline order (see <see cref="Timeline"/>).</summary>
    public static int CompareTimeline(Claim? x, Claim? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var dx = x.Date?.SortDay;
        var dy = y.Date?.SortDay;
        if (dx is null != dy is null)
        {
            return dx is null ? 1 : -1;
        }

        if (dx is { } a && dy is { } b && a != b)
        {
            return a < b ? -1 : 1;
        }

        return string.CompareOrdinal(x.Id, y.Id);
    }

    /// <summary>The position of <paramref name="claim"/> in <see cref="Timeline"/>, or -1 when it is not in the dataset.</summary>
    public int TimelinePosition(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (_claimOrdinals.TryGetValue(claim.Id, out var i) && _claims[i].Equals(claim))
        {
            return _rank[i];
        }

        // A repeated id (an inconsistent dataset): look for the claim itself.
        for (var r = 0; r < _timeline.Length; r++)
        {
            if (_timeline[r].Equals(claim))
            {
                return r;
            }
        }

        return -1;
    }

    // ------------------------------------------------------------------------------------------ by key

    /// <summary>
    /// The claims whose subject is <paramref name="subject"/>; with <paramref name="includeParts"/>, also the
    /// claims about every actor that is part of it and every place that lies in it, transitively.
    /// </summary>
    public IReadOnlyList<Claim> ClaimsAbout(string subject, bool includeParts = false) =>
        includeParts ? Merge(_bySubject, Family(subject)) : Claims(_bySubject, subject);

    /// <summary>The claims that cite <paramref name="sourceId"/> among their sources.</summary>
    public IReadOnlyList<Claim> ClaimsFromSource(string sourceId) => Claims(_bySource, sourceId);

    /// <summary>
    /// The claims located (<c>at</c>) at <paramref name="placeId"/>; with <paramref name="includeParts"/>, also at
    /// every place that lies in it, transitively.
    /// </summary>
    public IReadOnlyList<Claim> ClaimsAt(string placeId, bool includeParts = false) =>
        includeParts ? Merge(_byPlace, Family(placeId)) : Claims(_byPlace, placeId);

    /// <summary>The claims tagged <paramref name="tag"/>.</summary>
    public IReadOnlyList<Claim> ClaimsTagged(string tag) => Claims(_byTag, tag);

    /// <summary>The dated claims whose date can share a day with <paramref name="range"/> (EDTF overlap).</summary>
    public IReadOnlyList<Claim> ClaimsOverlapping(EdtfDate range)
    {
        var result = new List<Claim>();
        foreach (var claim in _timeline)
        {
            if (claim.Date is { } date && date.Value.Overlaps(range))
            {
                result.Add(claim);
            }
        }

        return result;
    }

    /// <summary>The dated claims whose date can share a day with the days <paramref name="from"/> … <paramref name="to"/>.</summary>
    public IReadOnlyList<Claim> ClaimsOverlapping(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException("the range ends before it starts", nameof(to));
        }

        var text = from == to
            ? Day(from)
            : Day(from) + "/" + Day(to);
        return ClaimsOverlapping(EdtfDate.Parse(text));

        static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    // ------------------------------------------------------------------------------------------ part_of / in

    /// <summary>
    /// Every actor that is part of <paramref name="id"/> and every place that lies in it, directly or through
    /// others, nearest first (breadth-first, in dataset order). Cycles are followed once.
    /// </summary>
    public IReadOnlyList<string> PartsOf(string id)
    {
        var family = Family(id);
        family.RemoveAt(0);
        return family;
    }

    /// <summary>
    /// The actors <paramref name="id"/> is part of (or the places it lies in), nearest first. A cycle ends the
    /// walk before any id repeats.
    /// </summary>
    public IReadOnlyList<string> ContainersOf(string id)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { id };
        var current = Parent(id);
        while (current is not null && seen.Add(current))
        {
            result.Add(current);
            current = Parent(current);
        }

        return result;
    }

    /// <summary>
    /// True when <paramref name="id"/> is <paramref name="container"/> or is part of it / lies in it, directly
    /// or through others.
    /// </summary>
    public bool IsWithin(string id, string container)
    {
        if (string.Equals(id, container, StringComparison.Ordinal))
        {
            return true;
        }

        // At most one step per declaration: a longer walk has entered a cycle.
        var limit = _actors.Count + _places.Count;
        var current = Parent(id);
        for (var steps = 0; current is not null && steps < limit; steps++)
        {
            if (string.Equals(current, container, StringComparison.Ordinal))
            {
                return true;
            }

            current = Parent(current);
        }

        return false;
    }

    private string? Parent(string id) =>
        _actors.TryGetValue(id, out var actor) ? actor.PartOf
        : _places.TryGetValue(id, out var place) ? place.In
        : null;

    /// <summary><paramref name="id"/> followed by its transitive parts, breadth-first.</summary>
    private List<string> Family(string id)
    {
        var result = new List<string> { id };
        var seen = new HashSet<string>(StringComparer.Ordinal) { id };
        for (var next = 0; next < result.Count; next++)
        {
            if (_parts.TryGetValue(result[next], out var parts))
            {
                foreach (var part in parts)
                {
                    if (seen.Add(part))
                    {
                        result.Add(part);
                    }
                }
            }
        }

        return result;
    }

    // ------------------------------------------------------------------------------------------ contradictions

    /// <summary>
    /// The groups of claims linked by claim-to-claim <c>contradicts</c>, directly or through other claims
    /// (connected components). Only groups of two or more claims; each in timeline order; the groups ordered by
    /// their first claim.
    /// </summary>
    public IReadOnlyList<ContradictionCluster> ContradictionClusters => _clusters;

    /// <summary>The contradiction cluster <paramref name="claimId"/> belongs to, or null.</summary>
    public ContradictionCluster? ClusterOf(string claimId) =>
        _claimOrdinals.TryGetValue(claimId, out var i) && _clusterOf[i] >= 0 ? _clusters[_clusterOf[i]] : null;

    /// <summary>
    /// True when another claim contradicts <paramref name="claim"/> or it contradicts another claim (claim-to-claim
    /// contradiction is symmetric), or when it names a source in <c>contradicts</c> (that source's account
    /// disputes it). Contradicting a hypothesis does not make a claim contradicted.
    /// </summary>
    public bool IsContradicted(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return _claimOrdinals.TryGetValue(claim.Id, out var i) && _contradicted[i];
    }

    private (ContradictionCluster[] Clusters, int[] ClusterOf) BuildClusters(UnionFind unions)
    {
        var clusterOf = new int[_claims.Length];
        Array.Fill(clusterOf, -1);
        var members = new Dictionary<int, List<int>>();
        var order = new List<int>();
        foreach (var i in _order)
        {
            if (!_contradicted[i])
            {
                continue;
            }

            var root = unions.Find(i);
            if (!members.TryGetValue(root, out var list))
            {
                members[root] = list = [];
                order.Add(root);
            }

            list.Add(i);
        }

        var clusters = new List<ContradictionCluster>();
        foreach (var root in order)
        {
            var list = members[root];
            if (list.Count < 2)
            {
                continue;
            }

            foreach (var i in list)
            {
                clusterOf[i] = clusters.Count;
            }

            clusters.Add(new ContradictionCluster(clusters.Count, EquatableArray<Claim>.TakeOwnership([.. list.Select(i => _claims[i])])));
        }

        return ([.. clusters], clusterOf);
    }

    // ------------------------------------------------------------------------------------------ support

    /// <summary>The claims that name <paramref name="id"/> (a claim, hypothesis or source) in <c>supports</c>.</summary>
    public IReadOnlyList<Claim> SupportersOf(string id) => Claims(_supporters, id);

    /// <summary>
    /// The support chains from <paramref name="claimId"/> up to hypotheses: for each hypothesis reachable by
    /// following <c>supports</c> through claims, the shortest chain (the claim, the claims in between, the
    /// hypothesis). Nearest hypotheses first.
    /// </summary>
    public IReadOnlyList<SupportChain> SupportChains(string claimId)
    {
        if (!_claimOrdinals.ContainsKey(claimId))
        {
            return [];
        }

        // Breadth-first over supports; parent pointers give the shortest chain to each node.
        var parent = new Dictionary<string, string?>(StringComparer.Ordinal) { [claimId] = null };
        var queue = new Queue<string>();
        queue.Enqueue(claimId);
        var result = new List<SupportChain>();
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (_hypotheses.ContainsKey(id))
            {
                result.Add(new SupportChain(Path(parent, id)));
                continue;
            }

            if (!_claimOrdinals.TryGetValue(id, out var i))
            {
                continue;
            }

            foreach (var target in _claims[i].Supports)
            {
                if ((_claimOrdinals.ContainsKey(target) || _hypotheses.ContainsKey(target)) && parent.TryAdd(target, id))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Every claim that supports <paramref name="targetId"/> (a hypothesis or a claim), directly or through
    /// other claims: direct supporters first, then by distance; within a distance in timeline order. Each link
    /// names the next step towards the target, so <see cref="SupportTree.ChainFrom"/> rebuilds any chain.
    /// Built in time linear in the claims and links visited.
    /// </summary>
    public SupportTree SupportTree(string targetId)
    {
        ArgumentNullException.ThrowIfNull(targetId);

        // Breadth-first backwards over supports; each claim is reached once, by a shortest way.
        var reached = new HashSet<string>(StringComparer.Ordinal) { targetId };
        var level = new List<string> { targetId };
        var links = new List<SupportLink>();
        for (var distance = 1; level.Count > 0; distance++)
        {
            var found = new List<(int Claim, string Next)>();
            foreach (var id in level)
            {
                if (!_supporters.TryGetValue(id, out var supporters))
                {
                    continue;
                }

                foreach (var s in supporters)
                {
                    if (reached.Add(_claims[s].Id))
                    {
                        found.Add((s, id));
                    }
                }
            }

            found.Sort((a, b) => _rank[a.Claim].CompareTo(_rank[b.Claim]));
            level = new List<string>(found.Count);
            foreach (var (s, next) in found)
            {
                level.Add(_claims[s].Id);
                links.Add(new SupportLink(_claims[s], distance, next));
            }
        }

        return new SupportTree(targetId, links);
    }

    private static EquatableArray<string> Path(Dictionary<string, string?> parents, string to)
    {
        var steps = new List<string>();
        for (string? id = to; id is not null; id = parents[id])
        {
            steps.Add(id);
        }

        steps.Reverse();
        return EquatableArray<string>.TakeOwnership([.. steps]);
    }

    // ------------------------------------------------------------------------------------------ supersession

    /// <summary>True when some claim supersedes <paramref name="claim"/> (or its <c>supersededBy</c> is set).</summary>
    public bool IsSuperseded(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return _claimOrdinals.TryGetValue(claim.Id, out var i) && _superseded[i];
    }

    /// <summary>The claims that supersede <paramref name="claimId"/>.</summary>
    public IReadOnlyList<Claim> SupersedersOf(string claimId) => Claims(_superseders, claimId);

    /// <summary>The claims that no claim supersedes, in timeline order.</summary>
    public IReadOnlyList<Claim> CurrentClaims => _current;

    // ------------------------------------------------------------------------------------------ helpers

    private IReadOnlyList<Claim> Claims(Dictionary<string, List<int>> map, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!map.TryGetValue(key, out var ordinals))
        {
            return [];
        }

        var result = new Claim[ordinals.Count];
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = _claims[ordinals[k]];
        }

        return result;
    }

    private IReadOnlyList<Claim> Merge(Dictionary<string, List<int>> map, List<string> keys)
    {
        var ranks = new List<int>();
        foreach (var key in keys)
        {
            if (map.TryGetValue(key, out var ordinals))
            {
                foreach (var i in ordinals)
                {
                    ranks.Add(_rank[i]);
                }
            }
        }

        ranks.Sort();
        var result = new List<Claim>(ranks.Count);
        var previous = -1;
        foreach (var r in ranks)
        {
            if (r != previous)
            {
                result.Add(_timeline[r]);
                previous = r;
            }
        }

        return result;
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}

/// <summary>Claims linked to each other by claim-to-claim contradictions (a connected component).</summary>
/// <param name="Number">The cluster's 0-based position in <see cref="DatasetIndex.ContradictionClusters"/>.</param>
/// <param name="Claims">The claims, in timeline order.</param>
public sealed record ContradictionCluster(int Number, EquatableArray<Claim> Claims)
{
    /// <summary>True when the cluster holds the claim with this id.</summary>
    public bool Contains(string claimId)
    {
        foreach (var claim in Claims)
        {
            if (string.Equals(claim.Id, claimId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One claim in a <see cref="SupportTree"/>.</summary>
/// <param name="Claim">The supporting claim.</param>
/// <param name="Distance">The number of <c>supports</c> links from the claim to the target (1 = direct).</param>
/// <param name="Next">The id of the next step towards the target (the target itself when direct).</param>
public sealed record SupportLink(Claim Claim, int Distance, string Next);

/// <summary>Every claim that supports a target, directly or through other claims (see <see cref="DatasetIndex.SupportTree"/>).</summary>
public sealed class SupportTree
{
    private readonly Dictionary<string, SupportLink> _byClaim = new(StringComparer.Ordinal);

    internal SupportTree(string target, List<SupportLink> links)
    {
        Target = target;
        Links = links;
        foreach (var link in links)
        {
            _byClaim[link.Claim.Id] = link;
        }
    }

    /// <summary>The supported hypothesis or claim.</summary>
    public string Target { get; }

    /// <summary>The supporting claims, nearest first (within a distance in timeline order).</summary>
    public IReadOnlyList<SupportLink> Links { get; }

    /// <summary>True when <paramref name="claimId"/> supports the target, directly or not.</summary>
    public bool Contains(string claimId) => _byClaim.ContainsKey(claimId);

    /// <summary>The shortest chain from <paramref name="claimId"/> to the target, or null when it does not support it.</summary>
    public SupportChain? ChainFrom(string claimId)
    {
        if (!_byClaim.TryGetValue(claimId, out var link))
        {
            return null;
        }

        var steps = new List<string> { claimId };
        while (true)
        {
            steps.Add(link.Next);
            if (!_byClaim.TryGetValue(link.Next, out link))
            {
                break;
            }
        }

        return new SupportChain(EquatableArray<string>.TakeOwnership([.. steps]));
    }
}

/// <summary>A chain of <c>supports</c> links: a claim, the claims it supports on the way, and the end.</summary>
/// <param name="Steps">The ids along the chain, from the supporting claim to the supported end.</param>
public sealed record SupportChain(EquatableArray<string> Steps)
{
    /// <summary>The supporting claim at the start of the chain.</summary>
    public string From => Steps[0];

    /// <summary>The id at the end of the chain (a hypothesis, for <see cref="DatasetIndex.SupportChains"/>).</summary>
    public string To => Steps[^1];

    /// <summary>The number of <c>supports</c> links in the chain.</summary>
    public int Length => Steps.Count - 1;

    /// <summary>The chain as <c>a → b → H1</c>.</summary>
    public override string ToString() => string.Join(" → ", Steps);
}

/// <summary>Disjoint sets over 0…n-1 with path halving and union by size (no recursion).</summary>
internal sealed class UnionFind
{
    private readonly int[] _parent;
    private readonly int[] _size;

    public UnionFind(int count)
    {
        _parent = new int[count];
        _size = new int[count];
        for (var i = 0; i < count; i++)
        {
            _parent[i] = i;
            _size[i] = 1;
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    public void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return;
        }

        if (_size[ra] < _size[rb])
        {
            (ra, rb) = (rb, ra);
        }

        _parent[rb] = ra;
        _size[ra] += _size[rb];
    }
}
