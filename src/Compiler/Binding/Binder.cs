using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using ClaimLang.Diagnostics;
using ClaimLang.Runtime;
using ClaimLang.Syntax;
using ClaimLang.Syntax.InternalSyntax;
using ClaimLang.Utilities;

namespace ClaimLang.Binding;

/// <summary>
/// Builds the symbols of a compilation and resolves every name: declaration pass (all names of all files, so order
/// never matters), then a resolution pass per declaration. Reports the binding errors of the CLM2xxx family.
/// Linear in the size of the workspace; no recursion.
/// </summary>
internal sealed class Binder
{
    private readonly IReadOnlyList<SyntaxTree> _trees;
    private readonly DiagnosticBag _diagnostics = new();
    // Shared by the per-file workers of the resolution pass, which only read them.
    private readonly Dictionary<string, Symbol> _names;
    private readonly Dictionary<string, PredicateSymbol> _predicates;
    private readonly Dictionary<SyntaxTree, BoundReference[]> _references;
    // References recorded by the sequential passes (declared names, predicate parameters), per file; each worker
    // of the resolution pass merges its file's into the references it records (in _scratch).
    private readonly Dictionary<SyntaxTree, List<BoundReference>> _earlyReferences;
    private List<BoundReference>? _scratch;
    [ThreadStatic] private static List<BoundReference>? t_scratch;
    private readonly Dictionary<SyntaxTree, Symbol?[]> _declared;
    private readonly List<SourceSymbol> _sources;
    private readonly List<ActorSymbol> _actors;
    private readonly List<PlaceSymbol> _places;
    private readonly List<HypothesisSymbol> _hypotheses;
    private readonly List<PredicateSymbol> _declaredPredicates;
    private readonly List<ClaimSymbol> _claims;
    private readonly CancellationToken _cancellation;
    private readonly ClaimIdTable _claimIds;
    // The binder a worker belongs to (null for the binder itself), and the undefined names a worker found: they are
    // reported after the parallel pass, in file order, so that did-you-mean (which has a budget) is deterministic.
    private readonly Binder? _parent;
    private List<(int Index, PendingUndefined Name)>? _pending;

    private sealed record PendingUndefined(DeclarationReference Declaration, string Name, int Offset, int Length, SymbolKind[] Kinds, string What);

    public Binder(IReadOnlyList<SyntaxTree> trees, CancellationToken cancellation, NameTableMemo? previousMemo = null)
    {
        _trees = trees;
        _previousMemo = previousMemo;
        _cancellation = cancellation;
        _names = new(StringComparer.Ordinal);
        _predicates = new(StringComparer.Ordinal);
        _references = new();
        _earlyReferences = new();
        _declared = new();
        _sources = [];
        _actors = [];
        _places = [];
        _hypotheses = [];
        _declaredPredicates = [];
        _claims = [];
        _claimIds = new ClaimIdTable(_claims);
    }

    /// <summary>A worker of the resolution pass: the parent's tables, its own diagnostics.</summary>
    private Binder(Binder parent)
    {
        _parent = parent;
        _trees = parent._trees;
        _cancellation = parent._cancellation;
        _names = parent._names;
        _predicates = parent._predicates;
        _references = parent._references;
        _earlyReferences = parent._earlyReferences;
        _declared = parent._declared;
        _sources = parent._sources;
        _actors = parent._actors;
        _places = parent._places;
        _hypotheses = parent._hypotheses;
        _declaredPredicates = parent._declaredPredicates;
        _claims = parent._claims;
        _claimIds = parent._claimIds;
    }

    public BoundWorkspace Bind()
    {
        // Declaration pass: every name of every file, in file order (so that "first declared" is well defined).
        var declarations = new DeclarationReference[_trees.Count][];
        var declaredNames = new NameTableMemo.DeclaredName[_trees.Count][];
        for (int t = 0; t < _trees.Count; t++)
        {
            _cancellation.ThrowIfCancellationRequested();
            var tree = _trees[t];
            var infos = DeclarationInfo.ForTree(tree);
            var starts = tree.DeclarationStarts;
            var declared = new Symbol?[starts.Length];
            var references = new DeclarationReference[starts.Length];
            _declared[tree] = declared;
            // At most one declared name per declaration (predicate parameters come later and are few).
            _earlyReferences[tree] = new List<BoundReference>(starts.Length);
            List<NameTableMemo.DeclaredName>? names = null;
            for (int i = 0; i < starts.Length; i++)
            {
                var reference = new DeclarationReference(tree, starts[i], infos[i], i);
                references[i] = reference;
                var symbol = declared[i] = Declare(reference);
                if (symbol is not null and not ClaimSymbol { Label: null }) (names ??= []).Add(new(symbol.Name, symbol.Kind));
            }
            declarations[t] = references;
            declaredNames[t] = names is null ? [] : [.. names];
        }
        _memo = NameTableMemo.For(_trees, declaredNames, _previousMemo);
        for (int t = 0; t < _trees.Count; t++)
        {
            var declared = _declared[_trees[t]];
            for (int i = 0; i < declared.Length; i++)
            {
                if (declared[i] is PredicateSymbol predicate) BindPredicate(declarations[t][i], predicate);
            }
        }

        // Resolution pass, one file per work item: the name tables are complete and no longer change, each symbol
        // is filled in by the worker of the file that declares it, and each file's references have their own list.
        var workers = new Binder[_trees.Count];
        var referencesOfTree = new BoundReference[_trees.Count][];
        Parallel.For(0, _trees.Count, new ParallelOptions { CancellationToken = _cancellation }, t =>
        {
            var worker = new Binder(this);
            var tree = _trees[t];
            // Each thread collects a file's references in one reusable list, then keeps an exact-size copy.
            var scratch = t_scratch ?? new List<BoundReference>(1024);
            t_scratch = null;
            scratch.Clear();
            worker._scratch = scratch;
            var declared = _declared[tree];
            var references = declarations[t];
            for (int i = 0; i < references.Length; i++)
            {
                if ((i & 1023) == 0) _cancellation.ThrowIfCancellationRequested();
                var reference = references[i];
                switch (declared[i])
                {
                    case SourceSymbol source: worker.BindSource(reference, source); break;
                    case ActorSymbol actor: worker.BindActor(reference, actor); break;
                    case PlaceSymbol place: worker.BindPlace(reference, place); break;
                    case HypothesisSymbol hypothesis: hypothesis.Statement = reference.Info.Text?.Value ?? ""; break;
                    case ClaimSymbol claim: worker.BindClaim(reference, claim); break;
                }
            }
            referencesOfTree[t] = MergeByPosition(scratch, _earlyReferences[tree]);
            scratch.Clear();
            worker._scratch = null;
            // A very large file's list is not kept alive by the thread once bound.
            if (scratch.Capacity <= 1 << 16) t_scratch = scratch;
            workers[t] = worker;
        });
        for (int t = 0; t < _trees.Count; t++) _references[_trees[t]] = referencesOfTree[t];
        foreach (var worker in workers)
        {
            var items = worker._diagnostics.Items;
            int next = 0;
            if (worker._pending is { } pending)
            {
                foreach (var (index, name) in pending)
                {
                    while (next < index) _diagnostics.Add(items[next++]);
                    ReportUndefined(name);
                }
            }
            while (next < items.Count) _diagnostics.Add(items[next++]);
        }

        return new BoundWorkspace(_sources, _actors, _places, _hypotheses, _declaredPredicates, _claims, _names, _predicates,
            _references, _declared, _diagnostics, _memo);
    }

    private static readonly Comparison<BoundReference> ByPosition = static (a, b) => a.Span.Start.CompareTo(b.Span.Start);

    /// <summary>
    /// One file's references in position order, in an exact-size array. Both lists are recorded declaration by
    /// declaration, so they are usually sorted already and a merge is enough.
    /// </summary>
    private static BoundReference[] MergeByPosition(List<BoundReference> a, List<BoundReference> b)
    {
        if (!IsSorted(a)) a.Sort(ByPosition);
        if (!IsSorted(b)) b.Sort(ByPosition);
        var result = new BoundReference[a.Count + b.Count];
        int i = 0, j = 0, k = 0;
        while (i < a.Count && j < b.Count) result[k++] = a[i].Span.Start <= b[j].Span.Start ? a[i++] : b[j++];
        while (i < a.Count) result[k++] = a[i++];
        while (j < b.Count) result[k++] = b[j++];
        return result;

        static bool IsSorted(List<BoundReference> list)
        {
            for (int n = 1; n < list.Count; n++)
            {
                if (list[n].Span.Start < list[n - 1].Span.Start) return false;
            }
            return true;
        }
    }

    // ------------------------------------------------------------------ declaration pass

    private Symbol? Declare(DeclarationReference d)
    {
        var info = d.Info;
        Symbol? symbol = info.Kind switch
        {
            SyntaxKind.SourceDeclaration when info.Name is { } n => Add(_sources, new SourceSymbol(d, n.Text)),
            SyntaxKind.ActorDeclaration when info.Name is { } n => Add(_actors, new ActorSymbol(d, n.Text)),
            SyntaxKind.PlaceDeclaration when info.Name is { } n => Add(_places, new PlaceSymbol(d, n.Text)),
            SyntaxKind.HypothesisDeclaration when info.Name is { } n => Add(_hypotheses, new HypothesisSymbol(d, n.Text)),
            SyntaxKind.PredicateDeclaration when info.Name is { } n => new PredicateSymbol(d, n.Text),
            SyntaxKind.ClaimDeclaration => Add(_claims, new ClaimSymbol(d, info.Name?.Text, _claimIds)),
            _ => null,
        };
        if (symbol is null) return null;

        if (symbol is PredicateSymbol predicate)
        {
            if (_predicates.TryGetValue(predicate.Name, out var first))
                ReportDuplicate(d, info.Name!.Value, first, "predicate");
            else
            {
                _predicates[predicate.Name] = predicate;
                _declaredPredicates.Add(predicate);
            }
            Record(d, info.Name!.Value, predicate, ReferenceRole.Declaration);
            return predicate;
        }

        if (info.Name is { } name)
        {
            if (_names.TryGetValue(name.Text, out var existing))
                ReportDuplicate(d, name, existing, existing.KindName);
            else
                _names[name.Text] = symbol;
            Record(d, name, symbol, ReferenceRole.Declaration);
        }
        return symbol;
    }

    private static T Add<T>(List<T> list, T item)
    {
        list.Add(item);
        return item;
    }

    private void ReportDuplicate(DeclarationReference d, NameUse name, Symbol first, string firstKind)
    {
        var related = first.Location is { } location ? new[] { new RelatedLocation(location, $"'{first.Name}' is first declared here") } : null;
        _diagnostics.Report(DiagnosticCatalog.DuplicateDeclaration, d.LocationOf(name),
            $"'{Q(name.Text)}' is already declared as a {firstKind}; names of sources, actors, places, hypotheses and claim labels must be unique", related);
    }

    private void Record(DeclarationReference d, NameUse use, Symbol symbol, ReferenceRole role) =>
        Record(d, use.Offset, use.Length, symbol, role);

    private SyntaxTree? _lastTree;
    private List<BoundReference>? _lastReferences;

    private void Record(DeclarationReference d, int offset, int length, Symbol symbol, ReferenceRole role)
    {
        var list = _scratch;
        if (list is null)
        {
            if (!ReferenceEquals(d.Tree, _lastTree))
            {
                _lastTree = d.Tree;
                _lastReferences = _earlyReferences[d.Tree];
            }
            list = _lastReferences!;
        }
        list.Add(new BoundReference(d.SpanOf(offset, length), symbol, role));
        if (role != ReferenceRole.Declaration) symbol.IsReferenced = true;
    }

    // ------------------------------------------------------------------ resolution helpers

    private static readonly SymbolKind[] SourceKinds = [SymbolKind.Source];
    private static readonly SymbolKind[] ActorKinds = [SymbolKind.Actor];
    private static readonly SymbolKind[] PlaceKinds = [SymbolKind.Place];
    private static readonly SymbolKind[] SubjectKinds = [SymbolKind.Actor, SymbolKind.Place];
    private static readonly SymbolKind[] RefKinds = [SymbolKind.Claim, SymbolKind.Hypothesis, SymbolKind.Source];
    private static readonly SymbolKind[] ClaimKinds = [SymbolKind.Claim];
    private static readonly SymbolKind[] AnyKinds = [SymbolKind.Source, SymbolKind.Actor, SymbolKind.Place, SymbolKind.Hypothesis, SymbolKind.Claim];

    private static string Describe(SymbolKind[] kinds) => kinds.Length switch
    {
        1 => Article(Symbol.KindWord(kinds[0])),
        2 => $"{Article(Symbol.KindWord(kinds[0]))} or {Article(Symbol.KindWord(kinds[1]))}",
        _ => string.Join(", ", kinds[..^1].Select(k => Article(Symbol.KindWord(k)))) + " or " + Article(Symbol.KindWord(kinds[^1])),
    };

    private static string Article(string word) => (word[0] is 'a' or 'e' or 'i' or 'o' or 'u' or 'h' && word != "hypothesis" ? "an " : "a ") + word;

    /// <summary>Resolves a name that must be declared as one of <paramref name="kinds"/>.</summary>
    private Symbol? Resolve(DeclarationReference d, string name, int offset, int length, SymbolKind[] kinds, ReferenceRole role, string what)
    {
        if (!_names.TryGetValue(name, out var symbol))
        {
            ReportUndefined(d, name, offset, length, kinds, what);
            return null;
        }
        Record(d, offset, length, symbol, role);
        if (Array.IndexOf(kinds, symbol.Kind) < 0)
        {
            _diagnostics.Report(DiagnosticCatalog.WrongKindOfName, d.LocationOf(offset, length),
                $"'{Q(name)}' is {Article(symbol.KindName)}, but {what} must be {Describe(kinds)}",
                symbol.Location is { } l ? [new RelatedLocation(l, $"'{Q(name)}' is declared here")] : null);
            return null;
        }
        return symbol;
    }

    // Did-you-mean costs a pass over the declared names. The same undefined name (a renamed actor used in many
    // claims) is looked up once, and after a budget of distinct names the rest get no suggestion, so a workspace
    // full of undefined names stays linear.
    private readonly Dictionary<(string Name, SymbolKind[] Kinds), IReadOnlyList<string>> _suggestions = new();
    private readonly NameTableMemo? _previousMemo;
    private NameTableMemo? _memo;
    private int _suggestionBudget = 500;

    private IReadOnlyList<string> SuggestionsFor(string name, SymbolKind[] kinds)
    {
        if (_suggestions.TryGetValue((name, kinds), out var cached)) return cached;
        if (_suggestionBudget <= 0) return [];
        _suggestionBudget--;
        uint accepted = 0;
        foreach (var kind in kinds) accepted |= 1u << (int)kind;
        var closest = _memo!.Suggest(name, accepted, () => new SuggestionIndex(_names.Values.Select(static s => (s.Name, 1u << (int)s.Kind))));
        _suggestions[(name, kinds)] = closest;
        return closest;
    }

    private static string Q(string text) => MessageText.Quote(text);

    private void ReportUndefined(DeclarationReference d, string name, int offset, int length, SymbolKind[] kinds, string what)
    {
        if (_parent is not null)
        {
            (_pending ??= []).Add((_diagnostics.Count, new PendingUndefined(d, name, offset, length, kinds, what)));
            return;
        }
        ReportUndefined(new PendingUndefined(d, name, offset, length, kinds, what));
    }

    private void ReportUndefined(PendingUndefined undefined)
    {
        var (d, name, offset, length, kinds, what) = undefined;
        var closest = SuggestionsFor(name, kinds);
        string message = $"undefined {what} '{Q(name)}'";
        if (closest.Count == 1) message += $"; did you mean '{closest[0]}'?";
        else if (closest.Count > 1) message += $"; did you mean {string.Join(", ", closest.Take(closest.Count - 1).Select(c => $"'{c}'"))} or '{closest[^1]}'?";
        var properties = new Dictionary<string, string> { ["name"] = name, ["expectedKind"] = Symbol.KindWord(kinds[0]) };
        if (closest.Count > 0) properties["suggestion"] = closest[0];
        _diagnostics.Report(DiagnosticCatalog.UndefinedName, d.LocationOf(offset, length), message, null, properties);
    }

    private Symbol? ResolveReference(DeclarationReference d, ValueInfo value, SymbolKind[] kinds, ReferenceRole role, string what)
    {
        if (value.Member is not { } member)
            return Resolve(d, value.Text, value.Offset, value.Length, kinds, role, what);

        // Subject.predicate: exactly one claim must have that subject and predicate.
        var table = ClaimsBySubjectPredicate();
        if (!table.TryGetValue((value.Text, member.Text), out var claims) || claims.Count == 0)
        {
            var suggestion = SubjectPredicateIndex().Best(value.Text + "." + member.Text);
            _diagnostics.Report(DiagnosticCatalog.UndefinedName, d.LocationOf(value),
                $"no claim has the subject '{Q(value.Text)}' and the predicate '{Q(member.Text)}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"),
                null, suggestion is null ? null : new Dictionary<string, string> { ["suggestion"] = suggestion });
            return null;
        }
        if (claims.Count > 1)
        {
            var related = AmbiguousCandidates(claims, value.Text, member.Text);
            _diagnostics.Report(DiagnosticCatalog.AmbiguousReference, d.LocationOf(value),
                $"'{value.Text}.{member.Text}' is ambiguous: {claims.Count} claims have this subject and predicate; give the one you mean a label (claim name = …) and refer to the label",
                related);
            return null;
        }
        var target = claims[0];
        Record(d, value.Offset, value.Length, target, role);
        if (Array.IndexOf(kinds, SymbolKind.Claim) < 0)
        {
            _diagnostics.Report(DiagnosticCatalog.WrongKindOfName, d.LocationOf(value), $"'{value.Text}.{member.Text}' is a claim, but {what} must be {Describe(kinds)}");
            return null;
        }
        return target;
    }

    // Apart from ResolveReference so that its lambda's closure is only allocated when there is something to report.
    private static RelatedLocation[] AmbiguousCandidates(List<ClaimSymbol> claims, string subject, string predicate) =>
        claims.Take(10).Select(c => new RelatedLocation(c.Declaration!.KeywordLocation, $"a claim {subject}.{predicate}")).ToArray();

    // Claims by Subject.predicate, for references like "contradicts IRGC.coup_attempt"; built on first use.
    private Dictionary<(string Subject, string Predicate), List<ClaimSymbol>>? _claimsBySubjectPredicateTable;

    private Dictionary<(string Subject, string Predicate), List<ClaimSymbol>> ClaimsBySubjectPredicate()
    {
        if (_parent is not null) return _parent.ClaimsBySubjectPredicate();
        if (Volatile.Read(ref _claimsBySubjectPredicateTable) is { } existing) return existing;
        lock (_claims)
        {
            return _claimsBySubjectPredicateTable ??= BuildClaimsBySubjectPredicate();
        }
    }

    // Did-you-mean for an unknown Subject.predicate, over every pair that exists; built on first use.
    private SuggestionIndex? _subjectPredicateIndex;

    private SuggestionIndex SubjectPredicateIndex()
    {
        if (_parent is not null) return _parent.SubjectPredicateIndex();
        if (Volatile.Read(ref _subjectPredicateIndex) is { } existing) return existing;
        var table = ClaimsBySubjectPredicate();
        lock (table)
        {
            return _subjectPredicateIndex ??= new SuggestionIndex(table.Keys.Select(k => k.Subject + "." + k.Predicate));
        }
    }

    private Dictionary<(string Subject, string Predicate), List<ClaimSymbol>> BuildClaimsBySubjectPredicate()
    {
        var table = new Dictionary<(string Subject, string Predicate), List<ClaimSymbol>>();
        foreach (var claim in _claims)
        {
            var info = claim.Declaration!.Info;
            if (info.Subject is { } s && info.Predicate is { } p)
            {
                var key = (s.Text, p.Text);
                if (!table.TryGetValue(key, out var list)) table[key] = list = new List<ClaimSymbol>(1);
                list.Add(claim);
            }
        }
        return table;
    }

    /// <summary>CLM2011 for clauses given twice; returns false for the repeated one (which is then ignored).</summary>
    private bool FirstOfItsKind(DeclarationReference d, ClauseInfo clause, ref ulong seen)
    {
        int bit = clause.Kind - SyntaxKind.PublishedClause;
        ulong mask = 1UL << bit;
        if ((seen & mask) != 0)
        {
            ReportDuplicateClause(d, clause);
            return false;
        }
        seen |= mask;
        return true;
    }

    // Apart from FirstOfItsKind so that its lambda's closure is only allocated when there is something to report.
    private void ReportDuplicateClause(DeclarationReference d, ClauseInfo clause)
    {
        var first = d.Info.Clauses.First(c => c.Kind == clause.Kind);
        _diagnostics.Report(DiagnosticCatalog.DuplicateClause, d.LocationOf(clause.KeywordOffset, clause.KeywordLength),
            $"'{clause.Keyword}' is given twice in this {SyntaxFacts.DeclarationName(d.Info.Kind)}; keep one (a clause may appear once)",
            [new RelatedLocation(d.LocationOf(first.KeywordOffset, first.KeywordLength), $"the first '{clause.Keyword}'")]);
    }

    private EdtfDate? BindDate(DeclarationReference d, ValueInfo value)
    {
        if (value.IsMissing) return null;
        if (value.TokenKind is not (SyntaxKind.DateLiteralToken or SyntaxKind.NumberLiteralToken)) return null;
        var result = d.Info.ParseDate(value);
        if (result.Success) return result.Value;
        if (result.ErrorKind == EdtfErrorKind.Impossible)
        {
            _diagnostics.Report(DiagnosticCatalog.ImpossibleDate, d.LocationOf(value),
                $"impossible date '{value.Text}': {result.ErrorMessage}");
        }
        return null; // malformed dates were reported by the parser (CLM1004)
    }

    // The same undeclared predicate is usually used by many claims: its suggestion is looked up once.
    // Few predicates are declared, so every distinct name gets its suggestion (no budget: the result must not depend
    // on which worker asked first). The cache is shared by the workers and read without locks.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _predicateSuggestions = new(StringComparer.Ordinal);

    private string? PredicateSuggestion(string name)
    {
        var cache = _parent?._predicateSuggestions ?? _predicateSuggestions;
        return cache.TryGetValue(name, out var cached) ? cached : cache.GetOrAdd(name, Suggestions.Best(name, _predicates.Keys));
    }

    private static string? SingleString(ClauseInfo clause) => clause.Values.Length > 0 ? clause.Values[0].Value : null;

    // ------------------------------------------------------------------ declarations

    private void BindSource(DeclarationReference d, SourceSymbol source)
    {
        source.Title = d.Info.Text?.Value ?? "";
        ulong seen = 0;
        foreach (var clause in d.Info.Clauses)
        {
            if (!FirstOfItsKind(d, clause, ref seen)) continue;
            switch (clause.Kind)
            {
                case SyntaxKind.PublishedClause when clause.Values.Length > 0: source.Published = BindDate(d, clause.Values[0]); break;
                case SyntaxKind.AuthorClause: source.Author = SingleString(clause); break;
                case SyntaxKind.PublisherClause: source.Publisher = SingleString(clause); break;
                case SyntaxKind.UrlClause: source.Url = SingleString(clause); break;
                case SyntaxKind.KindClause: source.SourceKind = SingleString(clause); break;
                case SyntaxKind.LangClause: source.Lang = SingleString(clause); break;
                case SyntaxKind.DocumentClause: source.Document = SingleString(clause); break;
                case SyntaxKind.ReliabilityClause when clause.Values.Length > 0:
                {
                    var v = clause.Values[0];
                    if (v.Text.Length == 1 && v.Text[0] is >= 'A' and <= 'F') source.Reliability = v.Text[0];
                    else
                    {
                        string hint = v.Text.Length == 1 && v.Text[0] is >= 'a' and <= 'f' ? $"; did you mean '{char.ToUpperInvariant(v.Text[0])}'?" : "";
                        _diagnostics.Report(DiagnosticCatalog.BadReliability, d.LocationOf(v),
                            $"reliability must be an Admiralty source grade from A (completely reliable) to F (cannot be judged), found '{v.Text}'{hint}",
                            null, hint.Length > 0 ? new Dictionary<string, string> { ["suggestion"] = char.ToUpperInvariant(v.Text[0]).ToString() } : null);
                    }
                    break;
                }
                case SyntaxKind.CitesClause:
                {
                    var cited = ImmutableArray.CreateBuilder<SourceSymbol>();
                    foreach (var v in clause.Values)
                    {
                        // A source named twice is cited once.
                        if (Resolve(d, v.Text, v.Offset, v.Length, SourceKinds, ReferenceRole.Cites, "source") is SourceSymbol s && !cited.Contains(s)) cited.Add(s);
                    }
                    source.Cites = cited.ToImmutable();
                    break;
                }
            }
        }
    }

    private void BindActor(DeclarationReference d, ActorSymbol actor)
    {
        actor.DisplayName = d.Info.Text?.Value ?? "";
        ulong seen = 0;
        foreach (var clause in d.Info.Clauses)
        {
            if (!FirstOfItsKind(d, clause, ref seen)) continue;
            switch (clause.Kind)
            {
                case SyntaxKind.KindClause: actor.ActorKind = SingleString(clause); break;
                case SyntaxKind.AkaClause: actor.Aka = clause.Values.Select(v => v.Value).ToImmutableArray(); break;
                case SyntaxKind.PartOfClause when clause.Values.Length > 0:
                {
                    var v = clause.Values[0];
                    actor.PartOf = Resolve(d, v.Text, v.Offset, v.Length, ActorKinds, ReferenceRole.PartOf, "actor") as ActorSymbol;
                    break;
                }
            }
        }
    }

    private void BindPlace(DeclarationReference d, PlaceSymbol place)
    {
        place.DisplayName = d.Info.Text?.Value ?? "";
        ulong seen = 0;
        foreach (var clause in d.Info.Clauses)
        {
            if (!FirstOfItsKind(d, clause, ref seen)) continue;
            switch (clause.Kind)
            {
                case SyntaxKind.InClause when clause.Values.Length > 0:
                {
                    var v = clause.Values[0];
                    place.In = Resolve(d, v.Text, v.Offset, v.Length, PlaceKinds, ReferenceRole.In, "place") as PlaceSymbol;
                    break;
                }
                case SyntaxKind.CoordinatesClause when clause.Values.Length == 2:
                    if (double.TryParse(clause.Values[0].Text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)) place.Latitude = lat;
                    if (double.TryParse(clause.Values[1].Text.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)) place.Longitude = lon;
                    break;
            }
        }
    }

    private void BindPredicate(DeclarationReference d, PredicateSymbol predicate)
    {
        predicate.Description = d.Info.Text?.Value;
        var parameters = ImmutableArray.CreateBuilder<ParameterSymbol>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in d.Info.Parameters)
        {
            var type = p.Type switch
            {
                "actor" => ParameterType.Actor,
                "place" => ParameterType.Place,
                "date" => ParameterType.Date,
                "number" => ParameterType.Number,
                "text" => ParameterType.Text,
                "claim" => ParameterType.Claim,
                _ => (ParameterType?)null,
            };
            if (type is null) continue; // reported by the parser
            if (!names.Add(p.Name.Text))
            {
                _diagnostics.Report(DiagnosticCatalog.DuplicateDeclaration, d.LocationOf(p.Name),
                    $"the parameter '{p.Name.Text}' is declared twice in predicate '{predicate.Name}'");
                continue;
            }
            var parameter = new ParameterSymbol(d, p.Name.Text, type.Value, parameters.Count, p.Name);
            parameters.Add(parameter);
            if (ReferenceEquals(_predicates.GetValueOrDefault(predicate.Name), predicate))
                Record(d, p.Name, parameter, ReferenceRole.Declaration);
        }
        predicate.Parameters = parameters.ToImmutable();
    }

    private void BindClaim(DeclarationReference d, ClaimSymbol claim)
    {
        var info = d.Info;
        if (info.Subject is { } subject)
        {
            claim.SubjectName = subject.Text;
            claim.Subject = Resolve(d, subject.Text, subject.Offset, subject.Length, SubjectKinds, ReferenceRole.Subject, "subject");
        }
        if (info.Predicate is { } predicateName)
        {
            claim.PredicateName = predicateName.Text;
            if (_predicates.TryGetValue(predicateName.Text, out var predicate))
            {
                claim.Predicate = predicate;
                Record(d, predicateName, predicate, ReferenceRole.Predicate);
            }
            else
            {
                var suggestion = PredicateSuggestion(predicateName.Text);
                _diagnostics.Report(DiagnosticCatalog.UndeclaredPredicate, d.LocationOf(predicateName),
                    $"the predicate '{Q(predicateName.Text)}' is not declared" + (suggestion is null ? "; declare it with 'predicate " + Q(predicateName.Text) + "(…)'" : $"; did you mean '{suggestion}'?"),
                    null, suggestion is null ? new Dictionary<string, string> { ["name"] = predicateName.Text } : new Dictionary<string, string> { ["suggestion"] = suggestion, ["name"] = predicateName.Text });
            }
        }
        BindArguments(d, claim);

        ulong seen = 0;
        bool hasSource = false;
        foreach (var clause in info.Clauses)
        {
            if (clause.Kind == SyntaxKind.SourceClause) hasSource = true;
            if (!FirstOfItsKind(d, clause, ref seen)) continue;
            switch (clause.Kind)
            {
                case SyntaxKind.OnClause when clause.Values.Length > 0: claim.Date = BindDate(d, clause.Values[0]); break;
                case SyntaxKind.SourceClause:
                {
                    if (clause.Values.Length == 1)
                    {
                        var v = clause.Values[0];
                        claim.Sources = Resolve(d, v.Text, v.Offset, v.Length, SourceKinds, ReferenceRole.Source, "source") is SourceSymbol only ? [only] : [];
                        break;
                    }
                    var sources = new SourceSymbol[clause.Values.Length];
                    int count = 0;
                    foreach (var v in clause.Values)
                    {
                        if (Resolve(d, v.Text, v.Offset, v.Length, SourceKinds, ReferenceRole.Source, "source") is SourceSymbol s
                            && Array.IndexOf(sources, s, 0, count) < 0) sources[count++] = s;
                    }
                    if (count < sources.Length) Array.Resize(ref sources, count);
                    claim.Sources = ImmutableCollectionsMarshal.AsImmutableArray(sources);
                    break;
                }
                case SyntaxKind.ConfidenceClause when clause.Values.Length > 0:
                {
                    var v = clause.Values[0];
                    claim.Confidence = v.Text switch
                    {
                        "low" => Confidence.Low,
                        "moderate" => Confidence.Moderate,
                        "high" => Confidence.High,
                        _ => null,
                    };
                    if (claim.Confidence is null)
                    {
                        var suggestion = Suggestions.Best(v.Text, ["low", "moderate", "high"]);
                        _diagnostics.Report(DiagnosticCatalog.BadConfidence, d.LocationOf(v),
                            $"confidence must be low, moderate or high, found '{v.Text}'" + (suggestion is null ? "" : $"; did you mean '{suggestion}'?"),
                            null, suggestion is null ? null : new Dictionary<string, string> { ["suggestion"] = suggestion });
                    }
                    break;
                }
                case SyntaxKind.CredibilityClause when clause.Values.Length > 0:
                {
                    var v = clause.Values[0];
                    if (v.Text.Length == 1 && v.Text[0] is >= '1' and <= '6') claim.Credibility = v.Text[0] - '0';
                    else
                    {
                        _diagnostics.Report(DiagnosticCatalog.BadCredibility, d.LocationOf(v),
                            $"credibility must be an Admiralty information grade from 1 (confirmed) to 6 (cannot be judged), found '{v.Text}'");
                    }
                    break;
                }
                case SyntaxKind.AtClause when clause.Values.Length > 0:
                {
                    var v = clause.Values[0];
                    claim.At = Resolve(d, v.Text, v.Offset, v.Length, PlaceKinds, ReferenceRole.At, "place") as PlaceSymbol;
                    break;
                }
                case SyntaxKind.ContradictsClause:
                    claim.Contradicts = BindReferences(d, claim, clause, RefKinds, ReferenceRole.Contradicts, "what a claim contradicts");
                    break;
                case SyntaxKind.SupportsClause:
                    claim.Supports = BindReferences(d, claim, clause, RefKinds, ReferenceRole.Supports, "what a claim supports");
                    break;
                case SyntaxKind.SupersedesClause:
                {
                    var refs = BindReferences(d, claim, clause, ClaimKinds, ReferenceRole.Supersedes, "what a claim supersedes");
                    claim.Supersedes = refs.Length > 0 ? refs[0] : null;
                    break;
                }
                case SyntaxKind.TagsClause:
                {
                    var tags = new string[clause.Values.Length];
                    for (int i = 0; i < tags.Length; i++) tags[i] = clause.Values[i].Text;
                    claim.Tags = ImmutableCollectionsMarshal.AsImmutableArray(tags);
                    break;
                }
            }
        }
        if (!hasSource && !info.HasSyntaxErrors)
        {
            _diagnostics.Report(DiagnosticCatalog.ClaimWithoutSource, d.KeywordLocation,
                $"the claim {DisplayName(info)} has no 'source' clause; add 'source <Name>' naming where the information comes from");
        }
    }

    private static string DisplayName(DeclarationInfo info) =>
        info.Name is { } label ? $"'{label.Text}'" : $"'{info.Subject?.Text}.{info.Predicate?.Text}'";

    private ImmutableArray<ClaimReference> BindReferences(DeclarationReference d, ClaimSymbol claim, ClauseInfo clause, SymbolKind[] kinds, ReferenceRole role, string what)
    {
        if (clause.Values.Length == 0) return [];
        var result = new List<ClaimReference>(clause.Values.Length);
        foreach (var v in clause.Values)
        {
            var target = ResolveReference(d, v, kinds, role, what);
            if (target is null) continue;
            if (ReferenceEquals(target, claim))
            {
                _diagnostics.Report(DiagnosticCatalog.SelfReference, d.LocationOf(v),
                    $"a claim cannot {clause.Keyword.TrimEnd('s')} itself");
                continue;
            }
            result.Add(new ClaimReference(target, v));
        }
        return [.. result];
    }

    private void BindArguments(DeclarationReference d, ClaimSymbol claim)
    {
        var info = d.Info;
        if (info.Arguments.Length == 0) return;
        var predicate = claim.Predicate;
        var result = new ClaimArgument[info.Arguments.Length];
        int count = 0;
        ulong filled = 0; // parameter ordinals already given (predicates have few parameters)
        HashSet<int>? filledBeyond64 = null;
        HashSet<string>? namesOfUndeclared = null; // named arguments of an undeclared predicate
        bool seenNamed = false;
        int position = 0;
        foreach (var argument in info.Arguments)
        {
            ParameterSymbol? parameter = null;
            string? name = argument.Name?.Text;
            if (argument.Name is { } argName)
            {
                seenNamed = true;
                if (predicate is not null)
                {
                    parameter = predicate.FindParameter(argName.Text);
                    if (parameter is null)
                    {
                        var suggestion = Suggestions.Best(argName.Text, predicate.Parameters.Select(p => p.Name));
                        _diagnostics.Report(DiagnosticCatalog.ArgumentMismatch, d.LocationOf(argName),
                            $"the predicate '{predicate.Name}' has no parameter '{Q(argName.Text)}'" +
                            (suggestion is not null ? $"; did you mean '{suggestion}'?" : $" (its parameters: {ParameterList(predicate)})"),
                            null, suggestion is null ? null : new Dictionary<string, string> { ["suggestion"] = suggestion });
                        continue;
                    }
                    Record(d, argName, parameter, ReferenceRole.ParameterName);
                }
            }
            else
            {
                if (seenNamed)
                {
                    _diagnostics.Report(DiagnosticCatalog.ArgumentMismatch, d.LocationOf(argument.Offset, argument.Length),
                        "a positional argument cannot follow a named one; put positional arguments first");
                    continue;
                }
                if (predicate is not null)
                {
                    if (position >= predicate.Parameters.Length)
                    {
                        _diagnostics.Report(DiagnosticCatalog.ArgumentMismatch, d.LocationOf(argument.Offset, argument.Length),
                            $"too many arguments: the predicate '{predicate.Name}' takes {predicate.Parameters.Length} ({ParameterList(predicate)})");
                        position++;
                        continue;
                    }
                    parameter = predicate.Parameters[position];
                }
                position++;
            }
            bool repeated = parameter is not null
                ? !MarkFilled(parameter.Ordinal, ref filled, ref filledBeyond64)
                : name is not null && !(namesOfUndeclared ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            if (repeated)
            {
                _diagnostics.Report(DiagnosticCatalog.ArgumentMismatch, d.LocationOf(argument.Offset, argument.Length),
                    $"the argument '{parameter?.Name ?? name}' is given more than once");
                continue;
            }
            result[count++] = BindArgumentValue(d, claim, name ?? parameter?.Name, parameter, argument.Value);
        }
        if (count < result.Length) Array.Resize(ref result, count);
        claim.Arguments = ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private static bool MarkFilled(int ordinal, ref ulong filled, ref HashSet<int>? beyond)
    {
        if (ordinal < 64)
        {
            ulong mask = 1UL << ordinal;
            if ((filled & mask) != 0) return false;
            filled |= mask;
            return true;
        }
        return (beyond ??= new HashSet<int>()).Add(ordinal);
    }

    private static string ParameterList(PredicateSymbol predicate) =>
        predicate.Parameters.Length == 0 ? "none" : string.Join(", ", predicate.Parameters.Select(p => $"{p.Name}: {p.Type.ToString().ToLowerInvariant()}"));

    private ClaimArgument BindArgumentValue(DeclarationReference d, ClaimSymbol claim, string? name, ParameterSymbol? parameter, ValueInfo value)
    {
        Symbol? target = null;
        EdtfDate? date = null;
        if (parameter is null)
        {
            // Undeclared predicate (or extra argument): names must still exist; dates must be possible.
            if (value.IsName) target = Resolve(d, value.Text, value.Offset, value.Length, AnyKinds, ReferenceRole.Argument, "name");
            else if (value.TokenKind == SyntaxKind.DateLiteralToken) date = BindDate(d, value);
            return new ClaimArgument(name, null, value, target, date);
        }

        bool fits;
        switch (parameter.Type)
        {
            case ParameterType.Actor or ParameterType.Place or ParameterType.Claim:
            {
                if (!value.IsName) { fits = false; break; }
                var kind = parameter.Type switch { ParameterType.Actor => SymbolKind.Actor, ParameterType.Place => SymbolKind.Place, _ => SymbolKind.Claim };
                if (!_names.TryGetValue(value.Text, out var symbol))
                {
                    ReportUndefined(d, value.Text, value.Offset, value.Length, kind switch { SymbolKind.Actor => ActorKinds, SymbolKind.Place => PlaceKinds, _ => ClaimKinds }, Symbol.KindWord(kind));
                    return new ClaimArgument(name, parameter, value, null, null);
                }
                Record(d, value.Offset, value.Length, symbol, ReferenceRole.Argument);
                fits = symbol.Kind == kind;
                if (fits) target = symbol;
                else
                {
                    _diagnostics.Report(DiagnosticCatalog.ArgumentMismatch, d.LocationOf(value),
                        $"the parameter '{parameter.Name}' of '{claim.PredicateName}' takes {Article(TypeWord(parameter.Type))}, but '{value.Text}' is {Article(symbol.KindName)}");
                    return new ClaimArgument(name, parameter, value, null, null);
                }
                break;
            }
            case ParameterType.Date:
                fits = value.TokenKind is SyntaxKind.DateLiteralToken || (value.TokenKind == SyntaxKind.NumberLiteralToken && value.Text.Length == 4 && value.Text.All(char.IsAsciiDigit));
                if (fits) date = BindDate(d, value);
                break;
            case ParameterType.Number:
                fits = value.TokenKind == SyntaxKind.NumberLiteralToken;
                break;
            default:
                fits = value.TokenKind is SyntaxKind.StringLiteralToken or SyntaxKind.RawStringLiteralToken;
                break;
        }
        if (!fits)
        {
            _diagnostics.Report(DiagnosticCatalog.ArgumentMismatch, d.LocationOf(value),
                $"the parameter '{parameter.Name}' of '{claim.PredicateName}' takes {Article(TypeWord(parameter.Type))}, found {Describe(value)}");
        }
        return new ClaimArgument(name, parameter, value, target, date);
    }

    private static string TypeWord(ParameterType type) => type.ToString().ToLowerInvariant();

    private static string Describe(ValueInfo value) => value.TokenKind switch
    {
        SyntaxKind.IdentifierToken => $"the name '{value.Text}'",
        SyntaxKind.NumberLiteralToken => $"the number {value.Text}",
        SyntaxKind.DateLiteralToken => $"the date {value.Text}",
        _ => "a string",
    };

}

/// <summary>
/// The claims' dataset ids, assigned together on first use (checking never needs them; emitting and the language
/// server's hovers do). A claim's id is its label, or one derived from its content —
/// <c>Subject.predicate(args)@date/sources</c> — which does not depend on file order or on other claims. Identical
/// derived ids get <c>#2</c>, <c>#3</c>… in file path and position order.
/// </summary>
internal sealed class ClaimIdTable(List<ClaimSymbol> claims)
{
    private readonly object _gate = new();
    private volatile bool _assigned;

    public void EnsureAssigned()
    {
        if (_assigned) return;
        lock (_gate)
        {
            if (_assigned) return;
            Assign();
            _assigned = true;
        }
    }

    private void Assign()
    {
        // Deriving an id builds a string from the claim's summary; that part needs no order, so it runs in parallel
        // (the summaries keep what they derive), and only the numbering of repeats below is sequential.
        System.Threading.Tasks.Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, claims.Count, 4096), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++)
            {
                if (claims[i].Label is null) _ = claims[i].Declaration!.Info.DerivedClaimIdHash;
            }
        });
        // Keyed by id and its hash: derived ids come with their hash from the (cached) declaration summaries.
        var used = new Dictionary<ClaimIdComparer.Key, int>(claims.Count, ClaimIdComparer.Instance);
        foreach (var claim in claims) if (claim.Label is { } label) used[ClaimIdComparer.KeyOf(label)] = 1;
        foreach (var claim in claims)
        {
            if (claim.Label is { } label) { claim.AssignId(label); continue; }
            var info = claim.Declaration!.Info;
            var id = new ClaimIdComparer.Key(info.DerivedClaimId, info.DerivedClaimIdHash);
            ref int n = ref CollectionsMarshal.GetValueRefOrAddDefault(used, id, out bool exists);
            if (!exists)
            {
                n = 1;
                claim.AssignId(id.Text);
                continue;
            }
            // The next free "#n" after the ones this id has handed out ("#2" for the second, and so on).
            int next = ++n;
            string candidate;
            do { candidate = $"{id.Text}#{next}"; next++; } while (used.ContainsKey(ClaimIdComparer.KeyOf(candidate)));
            used[ClaimIdComparer.KeyOf(candidate)] = 1;
            claim.AssignId(candidate);
        }
    }
}

/// <summary>Claim ids as dictionary keys whose hash is computed once (derived ids are long).</summary>
internal sealed class ClaimIdComparer : IEqualityComparer<ClaimIdComparer.Key>
{
    public readonly record struct Key(string Text, int Hash);

    public static readonly ClaimIdComparer Instance = new();

    public static int Hash(string id) => string.GetHashCode(id.AsSpan(), StringComparison.Ordinal);

    public static Key KeyOf(string id) => new(id, Hash(id));

    public bool Equals(Key x, Key y) => x.Hash == y.Hash && string.Equals(x.Text, y.Text, StringComparison.Ordinal);

    public int GetHashCode(Key key) => key.Hash;
}

/// <summary>The result of binding: every symbol, the name tables, and the resolved references per file.</summary>
public sealed class BoundWorkspace
{
    internal BoundWorkspace(List<SourceSymbol> sources, List<ActorSymbol> actors, List<PlaceSymbol> places,
        List<HypothesisSymbol> hypotheses, List<PredicateSymbol> predicates, List<ClaimSymbol> claims,
        Dictionary<string, Symbol> names, Dictionary<string, PredicateSymbol> predicateTable,
        Dictionary<SyntaxTree, BoundReference[]> references, Dictionary<SyntaxTree, Symbol?[]> declared, DiagnosticBag diagnostics,
        NameTableMemo memo)
    {
        Memo = memo;
        Sources = sources;
        Actors = actors;
        Places = places;
        Hypotheses = hypotheses;
        Predicates = predicates;
        Claims = claims;
        Names = names;
        PredicateTable = predicateTable;
        References = references;
        Declared = declared;
        Diagnostics = diagnostics;
    }

    public IReadOnlyList<SourceSymbol> Sources { get; }
    public IReadOnlyList<ActorSymbol> Actors { get; }
    public IReadOnlyList<PlaceSymbol> Places { get; }
    public IReadOnlyList<HypothesisSymbol> Hypotheses { get; }
    public IReadOnlyList<PredicateSymbol> Predicates { get; }
    public IReadOnlyList<ClaimSymbol> Claims { get; }
    public IReadOnlyDictionary<string, Symbol> Names { get; }
    public IReadOnlyDictionary<string, PredicateSymbol> PredicateTable { get; }
    internal Dictionary<SyntaxTree, BoundReference[]> References { get; }
    internal Dictionary<SyntaxTree, Symbol?[]> Declared { get; }
    internal DiagnosticBag Diagnostics { get; }
    /// <summary>Handed to the binding of the next compilation made from this one by an edit.</summary>
    internal NameTableMemo Memo { get; }
}
