using System.Collections.Immutable;
using ClaimLang.Diagnostics;
using ClaimLang.Runtime;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Binding;

public enum SymbolKind
{
    Source,
    Actor,
    Place,
    Predicate,
    Hypothesis,
    Claim,
    Parameter,
}

/// <summary>Where a declaration is: its tree, its full start and its position-independent summary.</summary>
public sealed class DeclarationReference
{
    internal DeclarationReference(SyntaxTree tree, int start, DeclarationInfo info, int index)
    {
        Tree = tree;
        Start = start;
        Info = info;
        Index = index;
    }

    public SyntaxTree Tree { get; }
    /// <summary>The full start (leading trivia included) of the declaration in its tree.</summary>
    public int Start { get; }
    public DeclarationInfo Info { get; }
    /// <summary>The declaration's index in its file.</summary>
    public int Index { get; }

    public TextSpan Span => new(Start + Info.SpanOffset, Info.SpanLength);
    public TextSpan SpanOf(int offset, int length) => new(Start + offset, length);
    public Location LocationOf(int offset, int length) => Location.Create(Tree.FilePath, Tree.Text, SpanOf(offset, length));
    public Location LocationOf(NameUse use) => LocationOf(use.Offset, use.Length);
    public Location LocationOf(ValueInfo value) => LocationOf(value.Offset, value.Length);
    public Location KeywordLocation => LocationOf(Info.Keyword);

    /// <summary>The red node of the declaration (created on demand).</summary>
    public DeclarationSyntax GetSyntax() => Tree.GetRoot().Declarations[Index];
}

/// <summary>A declared thing: a source, actor, place, predicate, hypothesis or claim.</summary>
public abstract class Symbol
{
    private protected Symbol(DeclarationReference? declaration, string name)
    {
        Declaration = declaration;
        Name = name;
    }

    public abstract SymbolKind Kind { get; }
    public string Name { get; }

    /// <summary>Null for symbols that have no declaration (undeclared predicates).</summary>
    public DeclarationReference? Declaration { get; }

    /// <summary>The location of the declared name (or of the declaration keyword when there is no name).</summary>
    public Location? Location => Declaration is null ? null
        : Declaration.Info.Name is { } name ? Declaration.LocationOf(name) : Declaration.KeywordLocation;

    public string? Documentation => Declaration?.Info.Documentation;

    /// <summary>Whether any name in the workspace refers to this symbol (set while binding).</summary>
    public bool IsReferenced { get; internal set; }

    /// <summary>A word for messages: "source", "actor", …</summary>
    public string KindName => KindWord(Kind);

    public static string KindWord(SymbolKind kind) => kind switch
    {
        SymbolKind.Source => "source",
        SymbolKind.Actor => "actor",
        SymbolKind.Place => "place",
        SymbolKind.Predicate => "predicate",
        SymbolKind.Hypothesis => "hypothesis",
        SymbolKind.Claim => "claim",
        _ => "parameter",
    };

    public override string ToString() => $"{KindName} {Name}";
}

public sealed class SourceSymbol : Symbol
{
    internal SourceSymbol(DeclarationReference declaration, string name) : base(declaration, name) { }
    public override SymbolKind Kind => SymbolKind.Source;
    public string Title { get; internal set; } = "";
    public EdtfDate? Published { get; internal set; }
    public string? Author { get; internal set; }
    public string? Publisher { get; internal set; }
    public string? Url { get; internal set; }
    /// <summary>The Admiralty source grade A–F, or null when unrated or invalid.</summary>
    public char? Reliability { get; internal set; }
    public string? SourceKind { get; internal set; }
    public string? Lang { get; internal set; }
    /// <summary>The document path as written (relative to the workspace root).</summary>
    public string? Document { get; internal set; }
    public ImmutableArray<SourceSymbol> Cites { get; internal set; } = [];
}

public sealed class ActorSymbol : Symbol
{
    internal ActorSymbol(DeclarationReference declaration, string name) : base(declaration, name) { }
    public override SymbolKind Kind => SymbolKind.Actor;
    public string DisplayName { get; internal set; } = "";
    public string? ActorKind { get; internal set; }
    public ImmutableArray<string> Aka { get; internal set; } = [];
    public ActorSymbol? PartOf { get; internal set; }
}

public sealed class PlaceSymbol : Symbol
{
    internal PlaceSymbol(DeclarationReference declaration, string name) : base(declaration, name) { }
    public override SymbolKind Kind => SymbolKind.Place;
    public string DisplayName { get; internal set; } = "";
    public PlaceSymbol? In { get; internal set; }
    public double? Latitude { get; internal set; }
    public double? Longitude { get; internal set; }
}

public sealed class HypothesisSymbol : Symbol
{
    internal HypothesisSymbol(DeclarationReference declaration, string name) : base(declaration, name) { }
    public override SymbolKind Kind => SymbolKind.Hypothesis;
    public string Statement { get; internal set; } = "";
}

/// <summary>The type of a predicate parameter.</summary>
public enum ParameterType
{
    Actor,
    Place,
    Date,
    Number,
    Text,
    Claim,
}

public sealed class ParameterSymbol : Symbol
{
    internal ParameterSymbol(DeclarationReference declaration, string name, ParameterType type, int ordinal, NameUse use)
        : base(declaration, name)
    {
        Type = type;
        Ordinal = ordinal;
        Use = use;
    }

    public override SymbolKind Kind => SymbolKind.Parameter;
    public ParameterType Type { get; }
    public int Ordinal { get; }
    internal NameUse Use { get; }
    public Location ParameterLocation => Declaration!.LocationOf(Use);
}

public sealed class PredicateSymbol : Symbol
{
    internal PredicateSymbol(DeclarationReference? declaration, string name) : base(declaration, name) { }
    public override SymbolKind Kind => SymbolKind.Predicate;
    public bool IsDeclared => Declaration is not null;
    public string? Description { get; internal set; }
    public ImmutableArray<ParameterSymbol> Parameters { get; internal set; } = [];

    public ParameterSymbol? FindParameter(string name)
    {
        foreach (var p in Parameters) if (p.Name == name) return p;
        return null;
    }
}

public enum Confidence
{
    Low = 1,
    Moderate = 2,
    High = 3,
}

/// <summary>A bound argument: the parameter it fills (when the predicate is declared) and its value.</summary>
public readonly record struct ClaimArgument(string? Name, ParameterSymbol? Parameter, ValueInfo Value, Symbol? Target, EdtfDate? Date);

/// <summary>A resolved reference after contradicts/supports/supersedes.</summary>
public sealed record ClaimReference(Symbol Target, ValueInfo Syntax);

public sealed class ClaimSymbol : Symbol
{
    private readonly ClaimIdTable? _ids;
    private string? _id;

    internal ClaimSymbol(DeclarationReference declaration, string? label, ClaimIdTable? ids = null) : base(declaration, label ?? "")
    {
        Label = label;
        _ids = ids;
    }

    public override SymbolKind Kind => SymbolKind.Claim;
    public string? Label { get; }
    /// <summary>The dataset id: the label, or a readable id derived from the content.</summary>
    public string Id
    {
        get
        {
            if (Volatile.Read(ref _id) is { } id) return id;
            _ids?.EnsureAssigned();
            return _id ?? Label ?? "";
        }
    }

    internal void AssignId(string id) => Volatile.Write(ref _id, id);
    /// <summary>The subject: an actor or a place (null when undefined).</summary>
    public Symbol? Subject { get; internal set; }
    public string SubjectName { get; internal set; } = "";
    public string PredicateName { get; internal set; } = "";
    public PredicateSymbol? Predicate { get; internal set; }
    public ImmutableArray<ClaimArgument> Arguments { get; internal set; } = [];
    public EdtfDate? Date { get; internal set; }
    public ImmutableArray<SourceSymbol> Sources { get; internal set; } = [];
    public Confidence? Confidence { get; internal set; }
    public int? Credibility { get; internal set; }
    public PlaceSymbol? At { get; internal set; }
    public ImmutableArray<ClaimReference> Contradicts { get; internal set; } = [];
    public ImmutableArray<ClaimReference> Supports { get; internal set; } = [];
    public ClaimReference? Supersedes { get; internal set; }
    /// <summary>The quote's text (decoded on first use: most checks never read it, and a million claims' notes
    /// are a lot of strings).</summary>
    public string? Quote => _quote ??= Decoded(SyntaxKind.QuoteClause);
    public string? Note => _note ??= Decoded(SyntaxKind.NoteClause);

    private string? _quote, _note;

    // The first clause of its kind counts (a repeated one is reported and ignored).
    private string? Decoded(SyntaxKind kind) =>
        Declaration?.Info.FindClause(kind) is { Values.Length: > 0 } clause ? clause.Values[0].Value : null;
    public ImmutableArray<string> Tags { get; internal set; } = [];

    /// <summary>"IRGC.coup_attempt" — how messages name an unlabelled claim.</summary>
    public string DisplayName => Label ?? $"{SubjectName}.{PredicateName}";
}
