using System.Text;

namespace ClaimLang.Syntax.InternalSyntax;

/// <summary>
/// The declaration list of a compilation unit: a list node (kind <see cref="SyntaxKind.List"/>) whose slots are the
/// declarations, stored as a sequence of chunks of up to a few hundred declarations each. An edit re-parses a few
/// declarations and <see cref="Replace"/> builds the new list from the old chunks: it copies the one or two chunks
/// the edit touches and the (short) chunk directory, so its cost grows with the square root of the file's size at
/// worst, not with the file. Chunks are immutable and shared between the versions of a file.
/// </summary>
internal sealed class GreenDeclarationList : GreenNode
{
    // About the square root of a large file's declaration count: an edit copies one chunk and the directory.
    private const int TargetChunk = 512;
    private const int MaxChunk = 1024;
    private const int MinChunk = 128;

    /// <summary>Declarations of one chunk, with their total width and flags; relative starts computed on demand.</summary>
    private sealed class Chunk
    {
        public readonly GreenNode[] Items;
        public readonly int Width;
        public readonly GreenFlags Flags;
        private int[]? _starts;

        public Chunk(GreenNode[] items)
        {
            Items = items;
            int width = 0;
            var flags = GreenFlags.None;
            foreach (var item in items)
            {
                width += item.FullWidth;
                flags |= item.Flags;
            }
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
    }

    private readonly Chunk[] _chunks;
    /// <summary>Index of the first declaration of each chunk; one extra entry holds the count.</summary>
    private readonly int[] _firstIndex;
    /// <summary>Offset of each chunk from the start of the list; one extra entry holds the width.</summary>
    private readonly int[] _offset;

    private GreenDeclarationList(Chunk[] chunks, int[] firstIndex, int[] offset)
        : base(SyntaxKind.List, offset[^1])
    {
        _chunks = chunks;
        _firstIndex = firstIndex;
        _offset = offset;
        var flags = GreenFlags.None;
        foreach (var chunk in chunks) flags |= chunk.Flags;
        Flags = flags;
    }

    public static GreenDeclarationList Create(List<GreenNode> declarations)
    {
        var chunks = new List<Chunk>((declarations.Count + TargetChunk - 1) / TargetChunk);
        AddChunks(chunks, declarations, 0, declarations.Count);
        return Build(chunks);
    }

    private static void AddChunks(List<Chunk> chunks, List<GreenNode> items, int start, int count)
    {
        if (count == 0) return;
        int pieces = count <= MaxChunk ? 1 : (count + TargetChunk - 1) / TargetChunk;
        int at = start;
        for (int p = 0; p < pieces; p++)
        {
            // Spread the items evenly over the pieces.
            int size = count / pieces + (p < count % pieces ? 1 : 0);
            var array = new GreenNode[size];
            items.CopyTo(at, array, 0, size);
            at += size;
            chunks.Add(new Chunk(array));
        }
    }

    private static GreenDeclarationList Build(List<Chunk> chunks)
    {
        var firstIndex = new int[chunks.Count + 1];
        var offset = new int[chunks.Count + 1];
        for (int c = 0; c < chunks.Count; c++)
        {
            firstIndex[c + 1] = firstIndex[c] + chunks[c].Items.Length;
            offset[c + 1] = offset[c] + chunks[c].Width;
        }
        return new GreenDeclarationList([.. chunks], firstIndex, offset);
    }

    public int Count => _firstIndex[^1];
    public override bool IsList => true;
    public override int SlotCount => _firstIndex[^1];

    public override GreenNode? GetSlot(int index)
    {
        if ((uint)index >= (uint)Count) throw new IndexOutOfRangeException();
        int c = ChunkOfIndex(index);
        return _chunks[c].Items[index - _firstIndex[c]];
    }

    /// <summary>The chunk that holds declaration <paramref name="index"/> (which must be in range).</summary>
    private int ChunkOfIndex(int index)
    {
        int lo = 0, hi = _chunks.Length - 1, found = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_firstIndex[mid] <= index) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    /// <summary>Offset of declaration <paramref name="index"/> from the start of the list (the list's width for <see cref="Count"/>).</summary>
    public int GetStart(int index)
    {
        if (index >= Count) return FullWidth;
        int c = ChunkOfIndex(index);
        return _offset[c] + _chunks[c].Starts[index - _firstIndex[c]];
    }

    /// <summary>
    /// The last declaration that starts at or before <paramref name="position"/> (0 when there is none or the list is
    /// empty), by binary search over the chunks and then within one.
    /// </summary>
    public int FindIndex(int position)
    {
        if (_chunks.Length == 0) return 0;
        int lo = 0, hi = _chunks.Length - 1, c = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_offset[mid] <= position) { c = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        var starts = _chunks[c].Starts;
        int relative = position - _offset[c];
        int l = 0, h = starts.Length - 1, found = 0;
        while (l <= h)
        {
            int mid = (l + h) >>> 1;
            if (starts[mid] <= relative) { found = mid; l = mid + 1; }
            else h = mid - 1;
        }
        return _firstIndex[c] + found;
    }

    /// <summary>The first declaration at or after <paramref name="index"/> whose flags include <paramref name="flag"/>, or -1.</summary>
    public int FindFlagged(GreenFlags flag, int index, int end)
    {
        if ((Flags & flag) == 0 || index >= end) return -1;
        for (int c = ChunkOfIndex(index); c < _chunks.Length && _firstIndex[c] < end; c++)
        {
            if ((_chunks[c].Flags & flag) == 0) continue;
            var items = _chunks[c].Items;
            for (int j = Math.Max(0, index - _firstIndex[c]); j < items.Length && _firstIndex[c] + j < end; j++)
            {
                if ((items[j].Flags & flag) != 0) return _firstIndex[c] + j;
            }
        }
        return -1;
    }

    /// <summary>Copies all declarations, in order, into <paramref name="target"/>.</summary>
    public void CopyTo(GreenNode[] target)
    {
        int at = 0;
        foreach (var chunk in _chunks)
        {
            chunk.Items.CopyTo(target, at);
            at += chunk.Items.Length;
        }
    }

    /// <summary>
    /// A list in which declarations [<paramref name="first"/>, <paramref name="resume"/>) are replaced by
    /// <paramref name="fresh"/>. Copies only the chunks the replaced range touches (merged with a neighbour when they
    /// would become small) and the chunk directory.
    /// </summary>
    public GreenDeclarationList Replace(int first, int resume, List<GreenNode> fresh)
    {
        int count = Count;
        if (count == 0) return Create(fresh);
        int chunkCount = _chunks.Length;
        int cf = ChunkOfIndex(Math.Min(first, count - 1));
        int cr = Math.Max(cf, ChunkOfIndex(Math.Min(Math.Max(resume - 1, 0), count - 1)));
        int kept = (first - _firstIndex[cf]) + fresh.Count + (_firstIndex[cr + 1] - resume);
        // Keep chunks from getting small: take in a neighbour (the merged run is split again if it gets large).
        if (kept < MinChunk)
        {
            if (cf > 0) { kept += _chunks[cf - 1].Items.Length; cf--; }
            else if (cr + 1 < chunkCount) { kept += _chunks[cr + 1].Items.Length; cr++; }
        }

        var middle = new List<GreenNode>(kept);
        for (int c = cf; c < chunkCount && _firstIndex[c] < first; c++)
        {
            var items = _chunks[c].Items;
            int take = Math.Min(items.Length, first - _firstIndex[c]);
            for (int j = 0; j < take; j++) middle.Add(items[j]);
        }
        middle.AddRange(fresh);
        for (int c = Math.Max(cf, ChunkOfIndex(Math.Min(resume, count - 1))); c <= cr; c++)
        {
            var items = _chunks[c].Items;
            for (int j = Math.Max(0, resume - _firstIndex[c]); j < items.Length; j++) middle.Add(items[j]);
        }

        var made = new List<Chunk>(2);
        AddChunks(made, middle, 0, middle.Count);

        // The directory: chunks before the edit as they are, the new ones, the ones after shifted.
        int tail = chunkCount - (cr + 1);
        int newCount = cf + made.Count + tail;
        var chunks = new Chunk[newCount];
        var firstIndex = new int[newCount + 1];
        var offset = new int[newCount + 1];
        Array.Copy(_chunks, 0, chunks, 0, cf);
        Array.Copy(_firstIndex, 0, firstIndex, 0, cf + 1);
        Array.Copy(_offset, 0, offset, 0, cf + 1);
        int at = cf;
        foreach (var chunk in made)
        {
            chunks[at] = chunk;
            firstIndex[at + 1] = firstIndex[at] + chunk.Items.Length;
            offset[at + 1] = offset[at] + chunk.Width;
            at++;
        }
        Array.Copy(_chunks, cr + 1, chunks, at, tail);
        int indexShift = firstIndex[at] - _firstIndex[cr + 1];
        int offsetShift = offset[at] - _offset[cr + 1];
        for (int i = 1; i <= tail; i++)
        {
            firstIndex[at + i] = _firstIndex[cr + 1 + i] + indexShift;
            offset[at + i] = _offset[cr + 1 + i] + offsetShift;
        }
        return new GreenDeclarationList(chunks, firstIndex, offset);
    }

    public override void WriteTo(StringBuilder builder)
    {
        foreach (var chunk in _chunks)
        {
            foreach (var item in chunk.Items) item.WriteTo(builder);
        }
    }

    public override GreenNode WithTrailingTriviaAppended(GreenNode extra) =>
        throw new InvalidOperationException("The declaration list does not take trivia.");
}
