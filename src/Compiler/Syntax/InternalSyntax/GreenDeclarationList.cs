using System.Text;

namespace ClaimLang.Syntax.InternalSyntax;

/// <summary>
/// The declaration list of a compilation unit: a list node (kind <see cref="SyntaxKind.List"/>) whose slots are the
/// declarations. The declarations are stored in leaves (chunks) of 128 to 256 each, and the leaves hang under a
/// persistent B-tree whose inner nodes have up to <see cref="MaxFanout"/> children and know the declaration count,
/// width and flags of each subtree. All leaves are at the same depth.
/// <para>
/// Everything is immutable and shared between the versions of a file. An edit (<see cref="Replace"/>) copies the one
/// or two leaves it touches and the inner nodes on the path from them to the root: O(log n) small nodes, so its cost
/// does not grow (measurably) with the size of the file. Lookups by index, by position and by flag descend the tree
/// in O(log n); no method recurses.
/// </para>
/// </summary>
internal sealed class GreenDeclarationList : GreenNode
{
    // Leaves are small, because an edit copies the leaf it touches (a smaller leaf, a cheaper edit); the tree above
    // them keeps lookups logarithmic however many there are.
    private const int TargetChunk = 128;
    private const int MaxChunk = 256;
    private const int MinChunk = 32;
    /// <summary>Most children an inner node has; one that would get more is split in two.</summary>
    private const int MaxFanout = 32;

    /// <summary>A subtree: its declaration count, total width and the flags of its declarations.</summary>
    private abstract class Node
    {
        public int Count;
        public int Width;
        public GreenFlags Flags;
    }

    /// <summary>Declarations of one chunk; their starts relative to the chunk are computed on demand.</summary>
    private sealed class Leaf : Node
    {
        public readonly GreenNode[] Items;
        private int[]? _starts;

        public Leaf(GreenNode[] items)
        {
            Items = items;
            int width = 0;
            var flags = GreenFlags.None;
            foreach (var item in items)
            {
                width += item.FullWidth;
                flags |= item.Flags;
            }
            Count = items.Length;
            Width = width;
            Flags = flags & (GreenFlags.ContainsDiagnostics | GreenFlags.ContainsSkipped | GreenFlags.DependsOnRest);
        }

        /// <summary>Start of each declaration relative to the chunk's start.</summary>
        public int[] Starts
        {
            get
            {
                var starts = _starts;
                if (starts is not null) return starts;
                starts = new int[Items.Length];
                int position = 0;
                for (int i = 0; i < starts.Length; i++)
                {
                    starts[i] = position;
                    position += Items[i].FullWidth;
                }
                return _starts = starts;
            }
        }

        /// <summary>The last declaration starting at or before <paramref name="relative"/> (0 when none does).</summary>
        public int IndexAt(int relative)
        {
            var starts = Starts;
            int lo = 0, hi = starts.Length - 1, found = 0;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (starts[mid] <= relative) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            return found;
        }
    }

    /// <summary>An inner node: its children (all of the same height) with their first indices and offsets.</summary>
    private sealed class Branch : Node
    {
        public readonly Node[] Children;
        /// <summary>Index of the first declaration of each child relative to this node; one extra entry holds the count.</summary>
        public readonly int[] FirstIndex;
        /// <summary>Offset of each child from this node's start; one extra entry holds the width.</summary>
        public readonly int[] Offset;

        public Branch(Node[] children)
        {
            Children = children;
            FirstIndex = new int[children.Length + 1];
            Offset = new int[children.Length + 1];
            var flags = GreenFlags.None;
            for (int c = 0; c < children.Length; c++)
            {
                var child = children[c];
                FirstIndex[c + 1] = FirstIndex[c] + child.Count;
                Offset[c + 1] = Offset[c] + child.Width;
                flags |= child.Flags;
            }
            Count = FirstIndex[children.Length];
            Width = Offset[children.Length];
            Flags = flags;
        }

        /// <summary>The child that holds declaration <paramref name="relative"/> (the last one when it is past the end).</summary>
        public int ChildOfIndex(int relative) => LastAtOrBefore(FirstIndex, relative);

        /// <summary>The last child that starts at or before <paramref name="relative"/> (0 when none does).</summary>
        public int ChildOfPosition(int relative) => LastAtOrBefore(Offset, relative);

        private int LastAtOrBefore(int[] prefix, int value)
        {
            int lo = 0, hi = Children.Length - 1, found = 0;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                if (prefix[mid] <= value) { found = mid; lo = mid + 1; }
                else hi = mid - 1;
            }
            return found;
        }
    }

    private static readonly Leaf EmptyLeaf = new([]);

    private readonly Node _root;
    /// <summary>Number of inner levels above the leaves (0 when the root is a leaf).</summary>
    private readonly int _height;

    private GreenDeclarationList(Node root, int height)
        : base(SyntaxKind.List, root.Width)
    {
        _root = root;
        _height = height;
        Flags = root.Flags;
    }

    public static GreenDeclarationList Create(List<GreenNode> declarations)
    {
        var leaves = new List<Node>((declarations.Count + TargetChunk - 1) / TargetChunk);
        AddLeaves(leaves, declarations, 0, declarations.Count);
        return FromLevel(leaves, 0);
    }

    /// <summary>
    /// Collects the declarations of a full parse straight into leaves, so that the parser needs no list of all of them
    /// (no doubling copies, no second copy into the leaves).
    /// </summary>
    internal sealed class Builder
    {
        private readonly List<Node> _leaves = [];
        private GreenNode[] _current = new GreenNode[TargetChunk];
        private int _filled;

        public void Add(GreenNode declaration)
        {
            if (_filled == _current.Length)
            {
                _leaves.Add(new Leaf(_current));
                _current = new GreenNode[TargetChunk];
                _filled = 0;
            }
            _current[_filled++] = declaration;
        }

        public GreenDeclarationList ToList()
        {
            if (_filled > 0)
            {
                if (_filled < MinChunk && _leaves.Count > 0)
                {
                    // A short last leaf joins the one before it.
                    var previous = ((Leaf)_leaves[^1]).Items;
                    var merged = new GreenNode[previous.Length + _filled];
                    previous.CopyTo(merged, 0);
                    Array.Copy(_current, 0, merged, previous.Length, _filled);
                    _leaves[^1] = new Leaf(merged);
                }
                else
                {
                    if (_filled < _current.Length) Array.Resize(ref _current, _filled);
                    _leaves.Add(new Leaf(_current));
                }
            }
            _current = [];
            _filled = 0;
            return FromLevel(_leaves, 0);
        }
    }

    /// <summary>Cuts <paramref name="count"/> items into leaves of between about 128 and 256 items, evenly.</summary>
    private static void AddLeaves(List<Node> leaves, List<GreenNode> items, int start, int count)
    {
        if (count == 0) return;
        int pieces = count <= MaxChunk ? 1 : (count + TargetChunk - 1) / TargetChunk;
        int at = start;
        for (int p = 0; p < pieces; p++)
        {
            int size = count / pieces + (p < count % pieces ? 1 : 0);
            var array = new GreenNode[size];
            items.CopyTo(at, array, 0, size);
            at += size;
            leaves.Add(new Leaf(array));
        }
    }

    /// <summary>Groups nodes of one height under new inner nodes of at most <see cref="MaxFanout"/> children, evenly.</summary>
    private static void Group(Node[] nodes, int start, int count, List<Node> into)
    {
        if (count == 0) return;
        int pieces = (count + MaxFanout - 1) / MaxFanout;
        int at = start;
        for (int p = 0; p < pieces; p++)
        {
            int size = count / pieces + (p < count % pieces ? 1 : 0);
            Node[] children;
            if (at == 0 && size == nodes.Length) children = nodes;
            else
            {
                children = new Node[size];
                Array.Copy(nodes, at, children, 0, size);
            }
            at += size;
            into.Add(new Branch(children));
        }
    }

    private static void Group(List<Node> nodes, List<Node> into)
    {
        int count = nodes.Count;
        int pieces = (count + MaxFanout - 1) / MaxFanout;
        int at = 0;
        for (int p = 0; p < pieces; p++)
        {
            int size = count / pieces + (p < count % pieces ? 1 : 0);
            var children = new Node[size];
            nodes.CopyTo(at, children, 0, size);
            at += size;
            into.Add(new Branch(children));
        }
    }

    /// <summary>
    /// The list whose top level is <paramref name="nodes"/> (nodes of height <paramref name="height"/>, in order): adds
    /// levels until one node is left, and drops roots that have a single child.
    /// </summary>
    private static GreenDeclarationList FromLevel(List<Node> nodes, int height)
    {
        if (nodes.Count == 0) return new GreenDeclarationList(EmptyLeaf, 0);
        while (nodes.Count > 1)
        {
            var next = new List<Node>((nodes.Count + MaxFanout - 1) / MaxFanout);
            Group(nodes, next);
            nodes = next;
            height++;
        }
        var root = nodes[0];
        while (root is Branch { Children.Length: 1 } single)
        {
            root = single.Children[0];
            height--;
        }
        return new GreenDeclarationList(root, height);
    }

    public int Count => _root.Count;
    public override bool IsList => true;
    public override int SlotCount => _root.Count;

    /// <summary>The leaf that holds declaration <paramref name="index"/> (which must be in range) and the index of its first declaration.</summary>
    private Leaf LeafOfIndex(int index, out int leafStart)
    {
        Node node = _root;
        int relative = index;
        for (int level = 0; level < _height; level++)
        {
            var branch = (Branch)node;
            int c = branch.ChildOfIndex(relative);
            relative -= branch.FirstIndex[c];
            node = branch.Children[c];
        }
        leafStart = index - relative;
        return (Leaf)node;
    }

    public override GreenNode? GetSlot(int index)
    {
        if ((uint)index >= (uint)Count) throw new IndexOutOfRangeException();
        var leaf = LeafOfIndex(index, out int leafStart);
        return leaf.Items[index - leafStart];
    }

    /// <summary>Offset of declaration <paramref name="index"/> from the start of the list (the list's width for <see cref="Count"/>).</summary>
    public int GetStart(int index)
    {
        if (index >= Count) return FullWidth;
        Node node = _root;
        int relative = index;
        int offset = 0;
        for (int level = 0; level < _height; level++)
        {
            var branch = (Branch)node;
            int c = branch.ChildOfIndex(relative);
            relative -= branch.FirstIndex[c];
            offset += branch.Offset[c];
            node = branch.Children[c];
        }
        return offset + ((Leaf)node).Starts[relative];
    }

    /// <summary>
    /// The last declaration that starts at or before <paramref name="position"/> (0 when there is none or the list is
    /// empty), by descending the tree and a binary search within one leaf.
    /// </summary>
    public int FindIndex(int position)
    {
        Node node = _root;
        int relative = position;
        int index = 0;
        for (int level = 0; level < _height; level++)
        {
            var branch = (Branch)node;
            int c = branch.ChildOfPosition(relative);
            relative -= branch.Offset[c];
            index += branch.FirstIndex[c];
            node = branch.Children[c];
        }
        var leaf = (Leaf)node;
        return leaf.Items.Length == 0 ? 0 : index + leaf.IndexAt(relative);
    }

    /// <summary>
    /// The first declaration in [<paramref name="index"/>, <paramref name="end"/>) whose flags include
    /// <paramref name="flag"/>, or -1. Subtrees without the flag are skipped whole.
    /// </summary>
    public int FindFlagged(GreenFlags flag, int index, int end)
    {
        end = Math.Min(end, Count);
        if ((Flags & flag) == 0 || index >= end) return -1;
        if (index < 0) index = 0;
        // Descend to the leaf that holds the index, keeping the path.
        var (path, slot, node, relative) = Descend(index);
        int nodeStart = index - relative;
        int depth = _height;
        // Walk the subtrees in order from there: enter those with the flag, skip the others.
        while (nodeStart < end)
        {
            if ((node.Flags & flag) != 0)
            {
                if (depth == _height)
                {
                    var items = ((Leaf)node).Items;
                    for (int j = Math.Max(0, index - nodeStart); j < items.Length && nodeStart + j < end; j++)
                    {
                        if ((items[j].Flags & flag) != 0) return nodeStart + j;
                    }
                }
                else
                {
                    var branch = (Branch)node;
                    path[depth] = branch;
                    slot[depth] = 0;
                    node = branch.Children[0];
                    depth++;
                    continue;
                }
            }
            // On to the next subtree in order: the next sibling of the nearest ancestor that has one.
            nodeStart += node.Count;
            while (depth > 0 && slot[depth - 1] + 1 >= path[depth - 1].Children.Length) depth--;
            if (depth == 0) return -1;
            node = path[depth - 1].Children[++slot[depth - 1]];
        }
        return -1;
    }

    /// <summary>The leaves in order (iterative walk).</summary>
    private IEnumerable<Leaf> Leaves()
    {
        if (_height == 0)
        {
            yield return (Leaf)_root;
            yield break;
        }
        var stack = new Stack<(Branch Branch, int Next)>();
        stack.Push(((Branch)_root, 0));
        while (stack.Count > 0)
        {
            var (branch, next) = stack.Pop();
            if (next >= branch.Children.Length) continue;
            stack.Push((branch, next + 1));
            var child = branch.Children[next];
            if (child is Leaf leaf) yield return leaf;
            else stack.Push(((Branch)child, 0));
        }
    }

    /// <summary>Copies all declarations, in order, into <paramref name="target"/>.</summary>
    public void CopyTo(GreenNode[] target)
    {
        int at = 0;
        foreach (var leaf in Leaves())
        {
            leaf.Items.CopyTo(target, at);
            at += leaf.Items.Length;
        }
    }

    /// <summary>
    /// A list in which declarations [<paramref name="first"/>, <paramref name="resume"/>) are replaced by
    /// <paramref name="fresh"/>. Copies only the leaves the replaced range touches (merged with a neighbour when they
    /// would become small) and the inner nodes above them.
    /// </summary>
    public GreenDeclarationList Replace(int first, int resume, List<GreenNode> fresh)
    {
        int count = Count;
        if (count == 0) return Create(fresh);
        // The leaves from the one holding `first` to the one holding `resume - 1` (at least the first one).
        var firstLeaf = LeafOfIndex(Math.Min(first, count - 1), out int rangeStart);
        var lastLeaf = LeafOfIndex(Math.Min(Math.Max(resume - 1, 0), count - 1), out int lastStart);
        int rangeEnd = Math.Max(rangeStart + firstLeaf.Count, lastStart + lastLeaf.Count);
        int kept = (first - rangeStart) + fresh.Count + (rangeEnd - resume);
        // Keep leaves from getting small: take in a neighbour (the merged run is split again if it gets large).
        if (kept < MinChunk)
        {
            if (rangeStart > 0)
            {
                var previous = LeafOfIndex(rangeStart - 1, out int previousStart);
                kept += previous.Count;
                rangeStart = previousStart;
            }
            else if (rangeEnd < count)
            {
                var next = LeafOfIndex(rangeEnd, out _);
                kept += next.Count;
                rangeEnd += next.Count;
            }
        }

        // The old leaves of the range.
        var oldLeaves = new List<(Leaf Leaf, int Start)>(2);
        for (int at = rangeStart; at < rangeEnd;)
        {
            var leaf = LeafOfIndex(at, out int leafStart);
            oldLeaves.Add((leaf, leafStart));
            at = leafStart + leaf.Count;
        }

        // Their declarations before `first`, the fresh ones, their declarations from `resume` on.
        var middle = new GreenNode[kept];
        int filled = 0;
        foreach (var (leaf, leafStart) in oldLeaves)
        {
            int from = Math.Max(leafStart, rangeStart), to = Math.Min(leafStart + leaf.Count, first);
            if (to > from)
            {
                Array.Copy(leaf.Items, from - leafStart, middle, filled, to - from);
                filled += to - from;
            }
        }
        fresh.CopyTo(middle, filled);
        filled += fresh.Count;
        foreach (var (leaf, leafStart) in oldLeaves)
        {
            int from = Math.Max(leafStart, resume), to = Math.Min(leafStart + leaf.Count, rangeEnd);
            if (to > from)
            {
                Array.Copy(leaf.Items, from - leafStart, middle, filled, to - from);
                filled += to - from;
            }
        }

        var made = new List<Node>(2);
        if (kept <= MaxChunk)
        {
            if (kept > 0) made.Add(new Leaf(middle));
        }
        else
        {
            int pieces = (kept + TargetChunk - 1) / TargetChunk;
            for (int p = 0, at = 0; p < pieces; p++)
            {
                int size = kept / pieces + (p < kept % pieces ? 1 : 0);
                made.Add(new Leaf(middle.AsSpan(at, size).ToArray()));
                at += size;
            }
        }

        // The first old leaf becomes the new ones; the other old leaves are removed one by one (each removal costs
        // O(log n), and each removed leaf stood for dozens of declarations that the edit went through one by one).
        var result = ReplaceLeaf(rangeStart, made);
        for (int i = 1; i < oldLeaves.Count; i++) result = result.ReplaceLeaf(rangeStart + kept, []);
        return result;
    }

    /// <summary>
    /// The inner nodes on the way from the root to the leaf that holds declaration <paramref name="index"/>, the
    /// child taken at each, the leaf, and the index's position within the leaf.
    /// </summary>
    private (Branch[] Path, int[] Slot, Node Leaf, int Relative) Descend(int index)
    {
        var path = new Branch[_height];
        var slot = new int[_height];
        Node node = _root;
        int relative = index;
        for (int level = 0; level < _height; level++)
        {
            var branch = (Branch)node;
            int c = branch.ChildOfIndex(relative);
            path[level] = branch;
            slot[level] = c;
            relative -= branch.FirstIndex[c];
            node = branch.Children[c];
        }
        return (path, slot, node, relative);
    }

    /// <summary>
    /// A list in which the leaf that holds declaration <paramref name="index"/> is replaced by
    /// <paramref name="leaves"/> (any number, none included). Copies the inner nodes on the path to that leaf,
    /// splitting those that get too many children and dropping those left with none.
    /// </summary>
    private GreenDeclarationList ReplaceLeaf(int index, List<Node> leaves)
    {
        var (path, slot, node, relative) = Descend(index);

        // Bottom-up: the child on the path is replaced by the nodes made at the level below.
        var replacement = leaves;
        for (int level = _height - 1; level >= 0; level--)
        {
            var branch = path[level];
            int c = slot[level];
            var old = branch.Children;
            var children = new Node[old.Length - 1 + replacement.Count];
            Array.Copy(old, 0, children, 0, c);
            replacement.CopyTo(children, c);
            Array.Copy(old, c + 1, children, c + replacement.Count, old.Length - c - 1);
            var above = new List<Node>(1);
            if (children.Length <= MaxFanout)
            {
                if (children.Length > 0) above.Add(new Branch(children));
            }
            else Group(children, 0, children.Length, above);
            replacement = above;
        }
        return FromLevel(replacement, _height);
    }

    public override void WriteTo(StringBuilder builder)
    {
        foreach (var leaf in Leaves())
        {
            foreach (var item in leaf.Items) item.WriteTo(builder);
        }
    }

    public override GreenNode WithTrailingTriviaAppended(GreenNode extra) =>
        throw new InvalidOperationException("The declaration list does not take trivia.");

    /// <summary>Checks the tree's invariants (for tests): returns a description of the first violation, or null.</summary>
    internal string? Validate()
    {
        if (_height == 0) return _root is Leaf ? null : "a height-0 root that is not a leaf";
        if (_root is Branch { Children.Length: < 2 }) return "a root with fewer than two children";
        var stack = new Stack<(Node Node, int Depth)>();
        stack.Push((_root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (node is Leaf leaf)
            {
                if (depth != _height) return "a leaf at depth " + depth + " of " + _height;
                if (leaf.Count == 0) return "an empty leaf";
                if (leaf.Count > MaxChunk) return "a leaf of " + leaf.Count + " declarations";
                continue;
            }
            var branch = (Branch)node;
            if (depth >= _height) return "an inner node at depth " + depth;
            if (branch.Children.Length == 0 || branch.Children.Length > MaxFanout) return "an inner node with " + branch.Children.Length + " children";
            foreach (var child in branch.Children) stack.Push((child, depth + 1));
        }
        return null;
    }

    /// <summary>Index of the first declaration of each leaf, in order (for tests).</summary>
    internal List<int> LeafStarts()
    {
        var starts = new List<int>();
        int at = 0;
        foreach (var leaf in Leaves())
        {
            if (leaf.Count == 0) continue;
            starts.Add(at);
            at += leaf.Count;
        }
        return starts;
    }

    /// <summary>Number of inner levels (for tests).</summary>
    internal int Height => _height;
}
