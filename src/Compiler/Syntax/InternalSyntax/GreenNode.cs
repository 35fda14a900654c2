using System.Text;
using ClaimLang.Diagnostics;

namespace ClaimLang.Syntax.InternalSyntax;

/// <summary>
/// A syntax diagnostic stored on a green declaration node. <see cref="Offset"/> is relative to the start of
/// the node's full span, so a reused node carries its diagnostics to its new position unchanged.
/// </summary>
internal sealed record SyntaxDiagnosticInfo(int Offset, int Length, DiagnosticDescriptor Descriptor, string Message, string? Suggestion = null);

[Flags]
internal enum GreenFlags : byte
{
    None = 0,
    IsMissing = 1,
    ContainsDiagnostics = 2,
    ContainsSkipped = 4,
    /// <summary>Contains an unterminated raw string, whose extent depended on the text up to the end of the file.</summary>
    DependsOnRest = 8,
}

/// <summary>
/// An immutable green node: kind, full width (text plus trivia) and children. It knows neither its parent nor its
/// position, so identical subtrees can be shared and unchanged declarations reused by the incremental parser.
/// </summary>
internal abstract class GreenNode
{
    protected GreenNode(SyntaxKind kind, int fullWidth)
    {
        Kind = kind;
        FullWidth = fullWidth;
    }

    public SyntaxKind Kind { get; }
    public int FullWidth { get; }
    public GreenFlags Flags { get; protected set; }

    /// <summary>
    /// A small non-zero number for the shared trivia instances (see <see cref="TriviaCache"/>), zero otherwise. The
    /// token cache keys on it instead of hashing object identities (which stamps a hash into each object header).
    /// Fits in the padding of the object, so it costs no memory.
    /// </summary>
    internal int CacheKey { get; set; }

    public bool IsMissing => (Flags & GreenFlags.IsMissing) != 0;
    public bool ContainsDiagnostics => (Flags & GreenFlags.ContainsDiagnostics) != 0;

    public virtual bool IsToken => false;
    public virtual bool IsTrivia => false;
    public virtual bool IsList => false;

    public abstract int SlotCount { get; }
    public abstract GreenNode? GetSlot(int index);

    /// <summary>Syntax diagnostics attached to this node (declarations and the compilation unit only).</summary>
    public virtual SyntaxDiagnosticInfo[]? Diagnostics => null;

    public virtual int LeadingTriviaWidth
    {
        get
        {
            var first = GetFirstTerminal();
            return first?.LeadingTriviaWidth ?? 0;
        }
    }

    public virtual int TrailingTriviaWidth
    {
        get
        {
            var last = GetLastTerminal();
            return last?.TrailingTriviaWidth ?? 0;
        }
    }

    public int Width => FullWidth - LeadingTriviaWidth - TrailingTriviaWidth;

    public GreenToken? GetFirstTerminal()
    {
        GreenNode? node = this;
        while (node is not null && node is not GreenToken)
        {
            GreenNode? next = null;
            for (int i = 0, n = node.SlotCount; i < n; i++)
            {
                var child = node.GetSlot(i);
                if (child is not null && (child.FullWidth > 0 || child is GreenToken))
                {
                    next = child;
                    break;
                }
            }
            node = next;
        }
        return node as GreenToken;
    }

    public GreenToken? GetLastTerminal()
    {
        GreenNode? node = this;
        while (node is not null && node is not GreenToken)
        {
            GreenNode? next = null;
            for (int i = node.SlotCount - 1; i >= 0; i--)
            {
                var child = node.GetSlot(i);
                if (child is not null && (child.FullWidth > 0 || child is GreenToken))
                {
                    next = child;
                    break;
                }
            }
            node = next;
        }
        return node as GreenToken;
    }

    /// <summary>Appends this node's text, trivia included, exactly as it was parsed.</summary>
    public abstract void WriteTo(StringBuilder builder);

    public string ToFullString()
    {
        var builder = new StringBuilder(FullWidth);
        WriteTo(builder);
        return builder.ToString();
    }

    public override string ToString() => ToFullString();

    /// <summary>Returns a copy whose last token has <paramref name="extra"/> appended to its trailing trivia.</summary>
    public abstract GreenNode WithTrailingTriviaAppended(GreenNode extra);
}

/// <summary>An interior node (declarations, clauses, lists, the compilation unit).</summary>
internal sealed class GreenSyntaxNode : GreenNode
{
    private readonly GreenNode?[] _slots;
    private readonly SyntaxDiagnosticInfo[]? _diagnostics;

    public GreenSyntaxNode(SyntaxKind kind, GreenNode?[] slots, SyntaxDiagnosticInfo[]? diagnostics = null)
        : base(kind, ComputeWidth(slots))
    {
        _slots = slots;
        _diagnostics = diagnostics is { Length: > 0 } ? diagnostics : null;
        var flags = GreenFlags.None;
        foreach (var slot in slots)
        {
            if (slot is not null) flags |= slot.Flags & (GreenFlags.ContainsDiagnostics | GreenFlags.ContainsSkipped | GreenFlags.DependsOnRest);
        }
        if (_diagnostics is not null) flags |= GreenFlags.ContainsDiagnostics;
        Flags = flags;
    }

    /// <summary>
    /// A list node whose width and flags the caller already knows (the incremental parser splices a few new
    /// declarations into a long list and must not touch every old node to sum their widths).
    /// </summary>
    internal GreenSyntaxNode(GreenNode?[] slots, int fullWidth, GreenFlags flags)
        : base(SyntaxKind.List, fullWidth)
    {
        _slots = slots;
        Flags = flags;
    }

    /// <summary>The slot array itself, for splicing; never modified.</summary>
    internal GreenNode?[] Slots => _slots;

    private static int ComputeWidth(GreenNode?[] slots)
    {
        int width = 0;
        foreach (var slot in slots) width += slot?.FullWidth ?? 0;
        return width;
    }

    public override bool IsList => Kind == SyntaxKind.List;
    public override int SlotCount => _slots.Length;
    public override GreenNode? GetSlot(int index) => _slots[index];
    public override SyntaxDiagnosticInfo[]? Diagnostics => _diagnostics;

    /// <summary>
    /// A summary computed from this node by a later phase (the binder's DeclarationInfo). Green nodes are immutable,
    /// so whatever is derived from one alone can be cached on it and survives incremental re-parses with it.
    /// </summary>
    internal object? SemanticCache { get; set; }

    public override void WriteTo(StringBuilder builder)
    {
        foreach (var slot in _slots) slot?.WriteTo(builder);
    }

    public override GreenNode WithTrailingTriviaAppended(GreenNode extra)
    {
        for (int i = _slots.Length - 1; i >= 0; i--)
        {
            var child = _slots[i];
            if (child is null) continue;
            if (child.FullWidth == 0 && child is not GreenToken) continue;
            var copy = (GreenNode?[])_slots.Clone();
            copy[i] = child.WithTrailingTriviaAppended(extra);
            var result = new GreenSyntaxNode(Kind, copy, _diagnostics);
            result.Flags |= Flags & GreenFlags.DependsOnRest;
            return result;
        }
        throw new InvalidOperationException("A node without tokens cannot take trailing trivia.");
    }

    public GreenSyntaxNode WithDiagnostics(SyntaxDiagnosticInfo[]? diagnostics, bool dependsOnRest = false)
    {
        var node = new GreenSyntaxNode(Kind, _slots, diagnostics);
        if (dependsOnRest) node.Flags |= GreenFlags.DependsOnRest;
        return node;
    }
}

/// <summary>A piece of trivia: whitespace, a line break, a comment or a skipped token.</summary>
internal sealed class GreenTrivia : GreenNode
{
    public GreenTrivia(SyntaxKind kind, string text) : base(kind, text.Length)
    {
        Text = text;
        if (kind == SyntaxKind.SkippedTokenTrivia) Flags = GreenFlags.ContainsSkipped;
    }

    public string Text { get; }
    public override bool IsTrivia => true;
    public override int SlotCount => 0;
    public override GreenNode? GetSlot(int index) => null;
    public override int LeadingTriviaWidth => 0;
    public override int TrailingTriviaWidth => 0;
    public override void WriteTo(StringBuilder builder) => builder.Append(Text);
    public override GreenNode WithTrailingTriviaAppended(GreenNode extra) => throw new InvalidOperationException();
}

/// <summary>A list of trivia (kind <see cref="SyntaxKind.List"/> holding only trivia).</summary>
internal sealed class GreenTriviaList : GreenNode
{
    private readonly GreenTrivia[] _items;

    public GreenTriviaList(GreenTrivia[] items) : base(SyntaxKind.List, Sum(items))
    {
        _items = items;
        foreach (var item in items) Flags |= item.Flags;
    }

    private static int Sum(GreenTrivia[] items)
    {
        int w = 0;
        foreach (var t in items) w += t.FullWidth;
        return w;
    }

    public override bool IsList => true;
    public override int SlotCount => _items.Length;
    public override GreenNode? GetSlot(int index) => _items[index];
    public GreenTrivia this[int index] => _items[index];
    public int Count => _items.Length;
    public override int LeadingTriviaWidth => 0;
    public override int TrailingTriviaWidth => 0;
    public override void WriteTo(StringBuilder builder)
    {
        foreach (var item in _items) builder.Append(item.Text);
    }
    public override GreenNode WithTrailingTriviaAppended(GreenNode extra) => throw new InvalidOperationException();

    /// <summary>Concatenates two trivia sequences (each null, a single trivia or a trivia list).</summary>
    public static GreenNode? Concat(GreenNode? a, GreenNode? b)
    {
        if (a is null || a.FullWidth == 0 && a.SlotCount == 0) return b;
        if (b is null || b.FullWidth == 0 && b.SlotCount == 0) return a;
        var list = new List<GreenTrivia>();
        AddTo(list, a);
        AddTo(list, b);
        return new GreenTriviaList([.. list]);
    }

    public static void AddTo(List<GreenTrivia> list, GreenNode? trivia)
    {
        switch (trivia)
        {
            case null: break;
            case GreenTrivia t: list.Add(t); break;
            case GreenTriviaList l: list.AddRange(l._items); break;
            default: throw new InvalidOperationException("Not trivia: " + trivia.Kind);
        }
    }

    public static GreenNode? Create(List<GreenTrivia> items) => items.Count switch
    {
        0 => null,
        1 => items[0],
        _ => new GreenTriviaList([.. items]),
    };
}

/// <summary>
/// A token: kind, text and its own leading and trailing trivia (each null, one <see cref="GreenTrivia"/> or a
/// <see cref="GreenTriviaList"/>). A missing token (synthesised by error recovery) has empty text.
/// </summary>
internal sealed class GreenToken : GreenNode
{
    public GreenToken(SyntaxKind kind, string text, GreenNode? leading, GreenNode? trailing, bool isMissing = false, bool dependsOnRest = false)
        : base(kind, text.Length + (leading?.FullWidth ?? 0) + (trailing?.FullWidth ?? 0))
    {
        Text = text;
        Leading = leading;
        Trailing = trailing;
        var flags = isMissing ? GreenFlags.IsMissing : GreenFlags.None;
        if (dependsOnRest) flags |= GreenFlags.DependsOnRest;
        if (leading is not null) flags |= leading.Flags & GreenFlags.ContainsSkipped;
        if (trailing is not null) flags |= trailing.Flags & GreenFlags.ContainsSkipped;
        Flags = flags;
    }

    public string Text { get; }
    public GreenNode? Leading { get; }
    public GreenNode? Trailing { get; }

    public override bool IsToken => true;
    public override int SlotCount => 0;
    public override GreenNode? GetSlot(int index) => null;
    public override int LeadingTriviaWidth => Leading?.FullWidth ?? 0;
    public override int TrailingTriviaWidth => Trailing?.FullWidth ?? 0;

    public static GreenToken Missing(SyntaxKind kind) => new(kind, string.Empty, null, null, isMissing: true);

    public override void WriteTo(StringBuilder builder)
    {
        Leading?.WriteTo(builder);
        builder.Append(Text);
        Trailing?.WriteTo(builder);
    }

    public override GreenNode WithTrailingTriviaAppended(GreenNode extra) =>
        new GreenToken(Kind, Text, Leading, GreenTriviaList.Concat(Trailing, extra), IsMissing, (Flags & GreenFlags.DependsOnRest) != 0);

    public GreenToken WithLeadingTriviaPrepended(GreenNode? extra) =>
        extra is null ? this : new GreenToken(Kind, Text, GreenTriviaList.Concat(extra, Leading), Trailing, IsMissing, (Flags & GreenFlags.DependsOnRest) != 0);
}
