using System.Text;
using ClaimLang.Syntax.InternalSyntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Syntax;

/// <summary>
/// A red node: a green node seen at an absolute position with a parent. Created lazily and cached, so walking one
/// declaration does not materialise the rest of the file. Immutable and safe to share between threads.
/// </summary>
public abstract class SyntaxNode
{
    private readonly SyntaxNode? _parent;
    private SyntaxTree? _tree;
    private SyntaxNode?[]? _children;
    private int[]? _offsets;

    internal SyntaxNode(GreenNode green, SyntaxNode? parent, int position)
    {
        Green = green;
        _parent = parent;
        Position = position;
    }

    internal GreenNode Green { get; }
    public SyntaxNode? Parent => _parent;
    public SyntaxKind Kind => Green.Kind;

    /// <summary>Start of the full span (leading trivia included).</summary>
    public int Position { get; }
    public TextSpan FullSpan => new(Position, Green.FullWidth);
    public TextSpan Span
    {
        get
        {
            int leading = Green.LeadingTriviaWidth;
            return new TextSpan(Position + leading, Green.FullWidth - leading - Green.TrailingTriviaWidth);
        }
    }
    public int SpanStart => Position + Green.LeadingTriviaWidth;
    public int EndPosition => Position + Green.FullWidth;
    public bool IsMissing => Green.IsMissing;
    public bool ContainsDiagnostics => Green.ContainsDiagnostics;

    public SyntaxTree SyntaxTree
    {
        get
        {
            var node = this;
            while (node._parent is not null) node = node._parent;
            return node._tree ?? throw new InvalidOperationException("The node does not belong to a syntax tree.");
        }
    }

    internal void AttachTree(SyntaxTree tree) => _tree = tree;

    public int SlotCount => Green.SlotCount;

    internal int GetChildPosition(int index)
    {
        // The declaration list knows its declarations' offsets (chunk by chunk, shared between edits).
        if (Green is GreenDeclarationList declarations) return Position + declarations.GetStart(index);
        if (Green.SlotCount > 8)
        {
            var offsets = _offsets;
            if (offsets is null)
            {
                offsets = new int[Green.SlotCount];
                int running = 0;
                for (int i = 0; i < offsets.Length; i++)
                {
                    offsets[i] = running;
                    running += Green.GetSlot(i)?.FullWidth ?? 0;
                }
                _offsets = offsets;
            }
            return Position + offsets[index];
        }
        int offset = 0;
        for (int i = 0; i < index; i++) offset += Green.GetSlot(i)?.FullWidth ?? 0;
        return Position + offset;
    }

    /// <summary>The red node in slot <paramref name="index"/>, or null when the slot is empty or holds a token.</summary>
    internal SyntaxNode? GetNodeSlot(int index)
    {
        var green = Green.GetSlot(index);
        if (green is null || green.IsToken) return null;
        if (Green is GreenDeclarationList) return ((SyntaxListNode)this).GetDeclarationNode(index, green);
        var children = _children;
        if (children is null)
        {
            children = new SyntaxNode?[Green.SlotCount];
            children = Interlocked.CompareExchange(ref _children, children, null) ?? children;
        }
        var existing = Volatile.Read(ref children[index]);
        if (existing is not null) return existing;
        var created = SyntaxNodeFactory.Create(green, this, GetChildPosition(index));
        return Interlocked.CompareExchange(ref children[index], created, null) ?? created;
    }

    internal SyntaxToken GetTokenSlot(int index)
    {
        var green = Green.GetSlot(index);
        return green is GreenToken token ? new SyntaxToken(this, token, GetChildPosition(index), index) : default;
    }

    internal T? GetNode<T>(int index) where T : SyntaxNode => (T?)GetNodeSlot(index);

    /// <summary>Children in order: nodes and tokens (empty slots are left out).</summary>
    public IEnumerable<SyntaxNodeOrToken> ChildNodesAndTokens()
    {
        int position = Position;
        for (int i = 0, n = Green.SlotCount; i < n; i++)
        {
            var green = Green.GetSlot(i);
            if (green is null) continue;
            if (green is GreenToken token) yield return new SyntaxToken(this, token, position, i);
            else yield return GetNodeSlot(i)!;
            position += green.FullWidth;
        }
    }

    public IEnumerable<SyntaxNode> ChildNodes()
    {
        for (int i = 0, n = Green.SlotCount; i < n; i++)
        {
            if (GetNodeSlot(i) is { } node) yield return node;
        }
    }

    /// <summary>All nodes below this one in document order (iterative: no recursion).</summary>
    public IEnumerable<SyntaxNode> DescendantNodes(bool includeSelf = false)
    {
        if (includeSelf) yield return this;
        var stack = new Stack<(SyntaxNode Node, int Next)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            int n = node.Green.SlotCount;
            while (next < n && node.GetNodeSlot(next) is null) next++;
            if (next >= n) continue;
            stack.Push((node, next + 1));
            var child = node.GetNodeSlot(next)!;
            yield return child;
            stack.Push((child, 0));
        }
    }

    /// <summary>All tokens below this node in document order, missing tokens included.</summary>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        var stack = new Stack<(SyntaxNode Node, int Next)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            int n = node.Green.SlotCount;
            if (next >= n) continue;
            stack.Push((node, next + 1));
            var green = node.Green.GetSlot(next);
            if (green is null) continue;
            if (green is GreenToken) yield return node.GetTokenSlot(next);
            else stack.Push((node.GetNodeSlot(next)!, 0));
        }
    }

    public SyntaxToken GetFirstToken()
    {
        foreach (var token in DescendantTokens())
        {
            if (!token.IsMissing) return token;
        }
        return default;
    }

    public SyntaxToken GetLastToken()
    {
        SyntaxToken last = default;
        foreach (var token in DescendantTokens())
        {
            if (!token.IsMissing) last = token;
        }
        return last;
    }

    public IEnumerable<SyntaxNode> Ancestors(bool includeSelf = false)
    {
        for (var node = includeSelf ? this : _parent; node is not null; node = node._parent) yield return node;
    }

    /// <summary>
    /// The token whose full span contains <paramref name="position"/> (the end-of-file token at the end).
    /// Descends by binary search through large lists, so it costs O(log n) in the number of declarations.
    /// </summary>
    public SyntaxToken FindToken(int position)
    {
        SyntaxNode node = this;
        while (true)
        {
            int index = node.FindSlotIndex(position);
            if (index < 0) return node.GetLastToken();
            var green = node.Green.GetSlot(index)!;
            if (green is GreenToken) return node.GetTokenSlot(index);
            node = node.GetNodeSlot(index)!;
        }
    }

    private int FindSlotIndex(int position)
    {
        int n = Green.SlotCount;
        int relative = position - Position;
        if (relative >= Green.FullWidth) return LastNonEmpty();
        if (Green is GreenDeclarationList declarations) return declarations.FindIndex(relative);
        if (n > 8)
        {
            GetChildPosition(0); // builds the offset table
            var offsets = _offsets!;
            int lo = 0, hi = n - 1, found = 0;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (offsets[mid] <= relative) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            // The last slot starting at or before the position; an empty slot there would have a later
            // slot at the same offset, which the search prefers, so this slot is the one that contains it.
            return found;
        }
        int pos = 0;
        for (int i = 0; i < n; i++)
        {
            var g = Green.GetSlot(i);
            if (g is null) continue;
            if (relative < pos + g.FullWidth) return i;
            pos += g.FullWidth;
        }
        return LastNonEmpty();
    }

    private int LastNonEmpty()
    {
        for (int i = Green.SlotCount - 1; i >= 0; i--)
        {
            var g = Green.GetSlot(i);
            if (g is not null && g.FullWidth > 0) return i;
        }
        return -1;
    }

    public string ToFullString() => Green.ToFullString();

    /// <summary>The node's text without its outermost leading and trailing trivia.</summary>
    public override string ToString()
    {
        var full = Green.ToFullString();
        int leading = Green.LeadingTriviaWidth;
        return full.Substring(leading, full.Length - leading - Green.TrailingTriviaWidth);
    }

    public void WriteTo(StringBuilder builder) => Green.WriteTo(builder);
}

/// <summary>Either a node or a token.</summary>
public readonly struct SyntaxNodeOrToken
{
    private readonly SyntaxNode? _node;
    private readonly SyntaxToken _token;

    public SyntaxNodeOrToken(SyntaxNode node) { _node = node; _token = default; }
    public SyntaxNodeOrToken(SyntaxToken token) { _node = null; _token = token; }

    public bool IsNode => _node is not null;
    public bool IsToken => _node is null;
    public SyntaxNode? AsNode() => _node;
    public SyntaxToken AsToken() => _token;
    public SyntaxKind Kind => _node?.Kind ?? _token.Kind;
    public TextSpan FullSpan => _node?.FullSpan ?? _token.FullSpan;
    public TextSpan Span => _node?.Span ?? _token.Span;

    public static implicit operator SyntaxNodeOrToken(SyntaxNode node) => new(node);
    public static implicit operator SyntaxNodeOrToken(SyntaxToken token) => new(token);
}
