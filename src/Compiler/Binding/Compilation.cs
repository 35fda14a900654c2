using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ClaimLang.Analysis;
using ClaimLang.Configuration;
using ClaimLang.Diagnostics;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Binding;

/// <summary>
/// A set of parsed files plus the workspace's options: the unit that is bound and checked. Immutable; results are
/// computed lazily, once, and are safe to read from several threads. Changing a file gives a new compilation that
/// reuses the per-declaration summaries of every unchanged declaration.
/// </summary>
public sealed class Compilation
{
    private readonly Lazy<BoundWorkspace> _bound;
    private ImmutableArray<Diagnostic>? _diagnostics;
    private readonly Dictionary<string, SyntaxTree> _byPath;
    private Dictionary<Symbol, List<(SyntaxTree Tree, BoundReference Reference)>>? _referencesBySymbol;
    private readonly object _gate = new();

    private Compilation(ImmutableArray<SyntaxTree> trees, ClaimLangOptions options, string? workspaceRoot,
        IDocumentProvider documents, ImmutableArray<Diagnostic> configurationDiagnostics, DateOnly? today, NameTableMemo? previousMemo = null)
    {
        // Files are ordered by path so that results never depend on the order they were given in.
        SyntaxTrees = trees.Sort(static (a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
        Options = options;
        WorkspaceRoot = workspaceRoot;
        Documents = documents;
        ConfigurationDiagnostics = configurationDiagnostics;
        Today = options.AsOf ?? today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        _byPath = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
        foreach (var tree in SyntaxTrees) _byPath.TryAdd(tree.FilePath, tree);
        _bound = new Lazy<BoundWorkspace>(() => new Binder(SyntaxTrees, CancellationToken.None, previousMemo).Bind(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Creates a compilation.</summary>
    /// <param name="trees">The files.</param>
    /// <param name="options">The workspace's options (claimlang.json); defaults when null.</param>
    /// <param name="workspaceRoot">The workspace root folder, used to read source documents; none when null.</param>
    /// <param name="documents">Reads source documents; by default from <paramref name="workspaceRoot"/>.</param>
    /// <param name="configurationDiagnostics">CLM0001 diagnostics of the configuration file, reported with the rest.</param>
    /// <param name="today">The date "today" means when the options have no <c>asOf</c> (tests pin it).</param>
    /// <param name="predecessor">
    /// An earlier compilation of the same workspace (the language server's previous snapshot): binding reuses what
    /// it learnt that still holds. Results never depend on it; only the time they take does.
    /// </param>
    public static Compilation Create(IEnumerable<SyntaxTree> trees, ClaimLangOptions? options = null, string? workspaceRoot = null,
        IDocumentProvider? documents = null, IEnumerable<Diagnostic>? configurationDiagnostics = null, DateOnly? today = null,
        Compilation? predecessor = null) =>
        new([.. trees], options ?? ClaimLangOptions.Default, workspaceRoot,
            documents ?? (workspaceRoot is null ? NoDocuments.Instance : new FileDocumentProvider(workspaceRoot)),
            configurationDiagnostics?.ToImmutableArray() ?? [], today, predecessor?.MemoForNext);

    /// <summary>
    /// Does ahead of time, on the calling thread, the per-file work binding would otherwise do sequentially
    /// (declaration summaries, derived claim ids, syntax diagnostics). Optional; call it where files are parsed in
    /// parallel. With <paramref name="releaseRoot"/>, the tree then lets its syntax nodes go (they are parsed again
    /// if something asks for them): for batch checks of large workspaces, where binding and analysis need only the
    /// summaries.
    /// </summary>
    public static void Prepare(SyntaxTree tree, bool releaseRoot = false) => DeclarationInfo.Prepare(tree, releaseRoot);

    public ImmutableArray<SyntaxTree> SyntaxTrees { get; }
    public ClaimLangOptions Options { get; }
    public string? WorkspaceRoot { get; }
    public IDocumentProvider Documents { get; }
    public ImmutableArray<Diagnostic> ConfigurationDiagnostics { get; }
    public DateOnly Today { get; }

    public SyntaxTree? GetTree(string filePath) => _byPath.GetValueOrDefault(filePath);

    // ------------------------------------------------------------------ changes

    public Compilation ReplaceSyntaxTree(SyntaxTree oldTree, SyntaxTree newTree) =>
        With(SyntaxTrees.Replace(oldTree, newTree));

    public Compilation AddSyntaxTrees(params IEnumerable<SyntaxTree> trees) => With(SyntaxTrees.AddRange(trees));

    public Compilation RemoveSyntaxTrees(params IEnumerable<SyntaxTree> trees)
    {
        var remove = trees.ToHashSet();
        return With(SyntaxTrees.Where(t => !remove.Contains(t)).ToImmutableArray());
    }

    public Compilation WithOptions(ClaimLangOptions options, IEnumerable<Diagnostic>? configurationDiagnostics = null) =>
        new(SyntaxTrees, options, WorkspaceRoot, Documents, configurationDiagnostics?.ToImmutableArray() ?? ConfigurationDiagnostics, Today, MemoForNext);

    private Compilation With(ImmutableArray<SyntaxTree> trees) =>
        new(trees, Options, WorkspaceRoot, Documents, ConfigurationDiagnostics, Options.AsOf is null ? Today : null, MemoForNext);

    // What this compilation's binding learnt that its successor may reuse (nothing if it was never bound).
    internal NameTableMemo? MemoForNext => _bound.IsValueCreated ? _bound.Value.Memo : null;

    // ------------------------------------------------------------------ results

    /// <summary>The bound symbols (computed on first use).</summary>
    public BoundWorkspace Bound => _bound.Value;

    public IReadOnlyList<ClaimSymbol> Claims => Bound.Claims;

    public IEnumerable<Symbol> GetSymbols() =>
        Bound.Sources.Cast<Symbol>().Concat(Bound.Actors).Concat(Bound.Places).Concat(Bound.Predicates)
            .Concat(Bound.Hypotheses).Concat(Bound.Claims.Where(c => c.Label is not null));

    /// <summary>The symbol declared with this name (sources, actors, places, hypotheses, claim labels).</summary>
    public Symbol? Lookup(string name) => Bound.Names.GetValueOrDefault(name);

    public PredicateSymbol? LookupPredicate(string name) => Bound.PredicateTable.GetValueOrDefault(name);

    public SemanticModel GetSemanticModel(SyntaxTree tree) => new(this, tree);

    /// <summary>
    /// Every diagnostic: configuration, syntax, binding and analysis; with the configured severities, without those
    /// turned off or suppressed by a <c>claimlang-disable-next-line</c> comment; sorted by file, line, column, code.
    /// </summary>
    public ImmutableArray<Diagnostic> GetDiagnostics(CancellationToken cancellation = default)
    {
        lock (_gate)
        {
            if (_diagnostics is { } cached) return cached;
        }
        // Computed outside the lock so that a cancelled caller does not hold others up; the first result wins.
        var result = ComputeDiagnostics(cancellation);
        lock (_gate)
        {
            return _diagnostics ??= result;
        }
    }

    /// <summary>The diagnostics of one file.</summary>
    public ImmutableArray<Diagnostic> GetDiagnostics(SyntaxTree tree, CancellationToken cancellation = default) =>
        GetDiagnostics(cancellation).Where(d => d.Location.FilePath == tree.FilePath).ToImmutableArray();

    /// <summary>The analyzers, one per family of checks.</summary>
    public static IReadOnlyList<IAnalyzer> Analyzers { get; } =
        [new RelationAnalyzer(), new SourcingAnalyzer(), new UsageAnalyzer(), new ProvenanceAnalyzer()];

    private ImmutableArray<Diagnostic> ComputeDiagnostics(CancellationToken cancellation)
    {
        var bound = _bound.Value;
        var raw = new List<Diagnostic>(ConfigurationDiagnostics);
        foreach (var tree in SyntaxTrees)
        {
            cancellation.ThrowIfCancellationRequested();
            raw.AddRange(tree.GetDiagnostics());
        }
        raw.AddRange(bound.Diagnostics.Items);
        // The analyzers only read the bound workspace, so they run side by side, each with its own bag; the
        // bags are added in analyzer order, and everything is sorted below, so the result does not depend on timing.
        var context = new AnalysisContext(bound, Options, Today, Documents, cancellation);
        var bags = new DiagnosticBag[Analyzers.Count];
        Parallel.For(0, Analyzers.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var bag = new DiagnosticBag();
            Analyzers[i].Analyze(context, bag);
            bags[i] = bag;
        });
        foreach (var bag in bags) raw.AddRange(bag.Items);

        var suppressions = new Dictionary<string, SuppressionMap>(StringComparer.Ordinal);
        var result = new List<Diagnostic>(raw.Count);
        foreach (var diagnostic in raw)
        {
            var severity = Options.EffectiveSeverity(diagnostic.Descriptor);
            if (severity == DiagnosticSeverity.Off) continue;
            if (diagnostic.Descriptor.IsSuppressible && _byPath.TryGetValue(diagnostic.Location.FilePath, out var tree))
            {
                if (!suppressions.TryGetValue(tree.FilePath, out var map)) suppressions[tree.FilePath] = map = SuppressionsOf(tree.Text);
                if (map.IsSuppressed(diagnostic.Location.LineSpan.Start.Line, diagnostic.Id)) continue;
            }
            result.Add(diagnostic.WithSeverity(severity));
        }
        result.Sort(Diagnostic.Compare);
        return [.. result];
    }

    // A file's suppression comments depend on its text alone; texts are immutable and shared by the compilations of
    // an editing session, so each is scanned once.
    private static readonly ConditionalWeakTable<SourceText, SuppressionMap> s_suppressions = new();

    private static SuppressionMap SuppressionsOf(SourceText text) => s_suppressions.GetValue(text, SuppressionMap.Create);

    // ------------------------------------------------------------------ references

    /// <summary>Every place that names <paramref name="symbol"/>, its declaration included when asked for.</summary>
    public IReadOnlyList<(SyntaxTree Tree, BoundReference Reference)> FindReferences(Symbol symbol, bool includeDeclaration = true)
    {
        Dictionary<Symbol, List<(SyntaxTree, BoundReference)>> index;
        lock (_gate)
        {
            index = _referencesBySymbol ??= BuildReferenceIndex();
        }
        if (!index.TryGetValue(symbol, out var list)) return [];
        return includeDeclaration ? list : list.Where(r => !r.Item2.IsDeclaration).ToList();
    }

    private Dictionary<Symbol, List<(SyntaxTree, BoundReference)>> BuildReferenceIndex()
    {
        var index = new Dictionary<Symbol, List<(SyntaxTree, BoundReference)>>(ReferenceEqualityComparer.Instance);
        foreach (var tree in SyntaxTrees)
        {
            foreach (var reference in Bound.References[tree])
            {
                if (!index.TryGetValue(reference.Symbol, out var list)) index[reference.Symbol] = list = new List<(SyntaxTree, BoundReference)>();
                list.Add((tree, reference));
            }
        }
        return index;
    }

    internal IReadOnlyList<BoundReference> ReferencesIn(SyntaxTree tree) =>
        Bound.References.TryGetValue(tree, out var list) ? list : [];

    internal Symbol? DeclaredIn(SyntaxTree tree, int index) =>
        Bound.Declared.TryGetValue(tree, out var declared) && index < declared.Length ? declared[index] : null;
}

/// <summary>Answers questions about one file of a compilation: what a declaration declares, what a name refers to.</summary>
public sealed class SemanticModel
{
    internal SemanticModel(Compilation compilation, SyntaxTree tree)
    {
        Compilation = compilation;
        SyntaxTree = tree;
    }

    public Compilation Compilation { get; }
    public SyntaxTree SyntaxTree { get; }

    /// <summary>The symbol a declaration declares (null for skipped declarations and nameless duplicates).</summary>
    public Symbol? GetDeclaredSymbol(DeclarationSyntax declaration)
    {
        var declarations = SyntaxTree.GetRoot().Declarations;
        int index = SyntaxTree.IndexOfDeclarationStartingAt(declaration.Position);
        return index >= 0 ? Compilation.DeclaredIn(SyntaxTree, index) : null;
    }

    /// <summary>The symbol named at <paramref name="position"/> (a declaration's name or a reference), with the name's span.</summary>
    public (Symbol Symbol, TextSpan Span, ReferenceRole Role)? GetSymbolAt(int position)
    {
        var references = Compilation.ReferencesIn(SyntaxTree);
        int lo = 0, hi = references.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (references[mid].Span.Start <= position) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        // The reference whose span contains the position, or ends exactly at it (cursor after the name).
        for (int i = found; i >= 0 && i >= found - 2; i--)
        {
            var r = references[i];
            if (position >= r.Span.Start && position <= r.Span.End) return (r.Symbol, r.Span, r.Role);
        }
        return null;
    }

    /// <summary>The symbol a token names, if it names one.</summary>
    public Symbol? GetSymbol(SyntaxToken token) =>
        GetSymbolAt(token.SpanStart) is { } hit && hit.Span.Start == token.SpanStart ? hit.Symbol : null;

    /// <summary>The references in this file, in position order.</summary>
    public IReadOnlyList<BoundReference> References => Compilation.ReferencesIn(SyntaxTree);

    /// <summary>The diagnostics of this file.</summary>
    public ImmutableArray<Diagnostic> GetDiagnostics(CancellationToken cancellation = default) =>
        Compilation.GetDiagnostics(SyntaxTree, cancellation);
}
