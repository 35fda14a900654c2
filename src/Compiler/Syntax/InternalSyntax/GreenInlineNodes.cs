using System.Text;

namespace ClaimLang.Syntax.InternalSyntax;

/// <summary>
/// Interior nodes with two or three children held in fields rather than in a separate array: clauses, references,
/// labels, arguments, parameters and the parenthesised lists. They carry no diagnostics (only declarations and the
/// compilation unit do) and no semantic cache, so they are half the size of a <see cref="GreenSyntaxNode"/> plus
/// its slot array, and one allocation instead of two.
/// </summary>
internal sealed class GreenNode2 : GreenNode
{
    public override bool IsList => Kind == SyntaxKind.List;

    private readonly GreenNode? _a;
    private readonly GreenNode? _b;

    internal GreenNode? A => _a;
    internal GreenNode? B => _b;

    public GreenNode2(SyntaxKind kind, GreenNode? a, GreenNode? b)
        : base(kind, (a?.FullWidth ?? 0) + (b?.FullWidth ?? 0))
    {
        _a = a;
        _b = b;
        var flags = GreenFlags.None;
        if (a is not null) flags |= a.Flags;
        if (b is not null) flags |= b.Flags;
        Flags = flags & (GreenFlags.ContainsDiagnostics | GreenFlags.ContainsSkipped | GreenFlags.DependsOnRest);
    }

    public override int SlotCount => 2;
    public override GreenNode? GetSlot(int index) => index switch
    {
        0 => _a,
        1 => _b,
        _ => throw new IndexOutOfRangeException(),
    };

    public override void WriteTo(StringBuilder builder)
    {
        _a?.WriteTo(builder);
        _b?.WriteTo(builder);
    }

    public override GreenNode WithTrailingTriviaAppended(GreenNode extra)
    {
        if (_b is not null && (_b.FullWidth > 0 || _b is GreenToken)) return new GreenNode2(Kind, _a, _b.WithTrailingTriviaAppended(extra));
        if (_a is not null && (_a.FullWidth > 0 || _a is GreenToken)) return new GreenNode2(Kind, _a.WithTrailingTriviaAppended(extra), _b);
        throw new InvalidOperationException("A node without tokens cannot take trailing trivia.");
    }
}

/// <summary>A node (in practice a one-element list) with its single child in a field.</summary>
internal sealed class GreenNode1 : GreenNode
{
    private readonly GreenNode _a;

    internal GreenNode A => _a;

    public GreenNode1(SyntaxKind kind, GreenNode a) : base(kind, a.FullWidth)
    {
        _a = a;
        Flags = a.Flags & (GreenFlags.ContainsDiagnostics | GreenFlags.ContainsSkipped | GreenFlags.DependsOnRest);
    }

    public override bool IsList => Kind == SyntaxKind.List;
    public override int SlotCount => 1;
    public override GreenNode? GetSlot(int index) => index == 0 ? _a : throw new IndexOutOfRangeException();
    public override void WriteTo(StringBuilder builder) => _a.WriteTo(builder);

    public override GreenNode WithTrailingTriviaAppended(GreenNode extra)
    {
        if (_a.FullWidth > 0 || _a is GreenToken) return new GreenNode1(Kind, _a.WithTrailingTriviaAppended(extra));
        throw new InvalidOperationException("A node without tokens cannot take trailing trivia.");
    }
}

/// <summary>Builds list nodes: the shared empty list, an inline node for up to three elements, an array node beyond.</summary>
internal static class GreenLists
{
    public static readonly GreenSyntaxNode Empty = new(SyntaxKind.List, []);
}

/// <summary>
/// Makes the small interior nodes and lists. (Sharing identical ones through a hash table, as the token cache shares
/// tokens, saved memory but cost more parse time in cache misses and GC promotion of cached entries than it saved,
/// measured on the 100k-claim workspace.)
/// </summary>
internal sealed class GreenNodeCache
{
    [ThreadStatic] private static GreenNodeCache? s_shared;
    public static GreenNodeCache Shared => s_shared ??= new GreenNodeCache();

    public GreenNode Node1(SyntaxKind kind, GreenNode a) => new GreenNode1(kind, a);
    public GreenNode Node2(SyntaxKind kind, GreenNode? a, GreenNode? b) => new GreenNode2(kind, a, b);
    public GreenNode Node3(SyntaxKind kind, GreenNode? a, GreenNode? b, GreenNode? c) => new GreenNode3(kind, a, b, c);

    /// <summary>A list node of the items: the shared empty list, an inline node for up to three, an array node beyond.</summary>
    public GreenNode List(List<GreenNode> items) => items.Count switch
    {
        0 => GreenLists.Empty,
        1 => new GreenNode1(SyntaxKind.List, items[0]),
        2 => new GreenNode2(SyntaxKind.List, items[0], items[1]),
        3 => new GreenNode3(SyntaxKind.List, items[0], items[1], items[2]),
        _ => new GreenSyntaxNode(SyntaxKind.List, items.ToArray()),
    };
}

/// <inheritdoc cref="GreenNode2"/>
internal sealed class GreenNode3 : GreenNode
{
    public override bool IsList => Kind == SyntaxKind.List;

    private readonly GreenNode? _a;
    private readonly GreenNode? _b;
    private readonly GreenNode? _c;

    internal GreenNode? A => _a;
    internal GreenNode? B => _b;
    internal GreenNode? C => _c;

    public GreenNode3(SyntaxKind kind, GreenNode? a, GreenNode? b, GreenNode? c)
        : base(kind, (a?.FullWidth ?? 0) + (b?.FullWidth ?? 0) + (c?.FullWidth ?? 0))
    {
        _a = a;
        _b = b;
        _c = c;
        var flags = GreenFlags.None;
        if (a is not null) flags |= a.Flags;
        if (b is not null) flags |= b.Flags;
        if (c is not null) flags |= c.Flags;
        Flags = flags & (GreenFlags.ContainsDiagnostics | GreenFlags.ContainsSkipped | GreenFlags.DependsOnRest);
    }

    public override int SlotCount => 3;
    public override GreenNode? GetSlot(int index) => index switch
    {
        0 => _a,
        1 => _b,
        2 => _c,
        _ => throw new IndexOutOfRangeException(),
    };

    public override void WriteTo(StringBuilder builder)
    {
        _a?.WriteTo(builder);
        _b?.WriteTo(builder);
        _c?.WriteTo(builder);
    }

    private static bool Takes(GreenNode? node) => node is not null && (node.FullWidth > 0 || node is GreenToken);

    public override GreenNode WithTrailingTriviaAppended(GreenNode extra)
    {
        if (Takes(_c)) return new GreenNode3(Kind, _a, _b, _c!.WithTrailingTriviaAppended(extra));
        if (Takes(_b)) return new GreenNode3(Kind, _a, _b!.WithTrailingTriviaAppended(extra), _c);
        if (Takes(_a)) return new GreenNode3(Kind, _a!.WithTrailingTriviaAppended(extra), _b, _c);
        throw new InvalidOperationException("A node without tokens cannot take trailing trivia.");
    }
}
