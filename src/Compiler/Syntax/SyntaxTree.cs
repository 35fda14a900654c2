using ClaimLang.Diagnostics;
using ClaimLang.Syntax.InternalSyntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Syntax;

/// <summary>
/// A parsed file: its text, its lossless syntax tree and its syntax diagnostics. Immutable. An edit produces a new
/// tree through <see cref="WithChangedText"/>, which re-parses only the declarations the edit touches and shares
/// the green nodes of all the others with this tree.
/// </summary>
public sealed class SyntaxTree
{
    private readonly GreenSyntaxNode _green;
    private CompilationUnitSyntax? _root;
    private int[]? _declarationStarts;
    private IReadOnlyList<Diagnostic>? _diagnostics;

    /// <summary>The binder's per-tree summary of the declarations (owned by the binding layer).</summary>
    internal object? SummaryCache;

    private SyntaxTree(SourceText text, string filePath, GreenSyntaxNode green, int[]? declarationStarts)
    {
        Text = text;
        FilePath = filePath;
        _green = green;
        _declarationStarts = declarationStarts;
    }

    public SourceText Text { get; }

    /// <summary>The path the compilation knows the file by (workspace-relative or absolute); used in diagnostics.</summary>
    public string FilePath { get; }

    internal GreenSyntaxNode GreenRoot => _green;

    public static SyntaxTree Parse(string text, string filePath = "") => Parse(SourceText.From(text), filePath);

    public static SyntaxTree Parse(SourceText text, string filePath = "")
    {
        var parser = new Parser(text.ToString());
        return new SyntaxTree(text, filePath, parser.ParseCompilationUnit(), null);
    }

    public CompilationUnitSyntax GetRoot()
    {
        var root = _root;
        if (root is not null) return root;
        root = new CompilationUnitSyntax(_green, null, 0);
        root.AttachTree(this);
        return Interlocked.CompareExchange(ref _root, root, null) ?? root;
    }

    public SyntaxTree WithFilePath(string filePath) => filePath == FilePath ? this : new SyntaxTree(Text, filePath, _green, _declarationStarts);

    /// <summary>The full text, exactly as parsed (the tree is lossless).</summary>
    public override string ToString() => _green.ToFullString();

    // ------------------------------------------------------------------ diagnostics

    /// <summary>The syntax diagnostics (CLM1xxx), in position order.</summary>
    public IReadOnlyList<Diagnostic> GetDiagnostics()
    {
        var cached = _diagnostics;
        if (cached is not null) return cached;
        var result = new List<Diagnostic>();
        if (_green.ContainsDiagnostics)
        {
            var list = _green.GetSlot(0)!;
            int position = 0;
            for (int i = 0, n = list.SlotCount; i < n; i++)
            {
                var declaration = list.GetSlot(i)!;
                if (declaration.Diagnostics is { } infos) Add(result, infos, position);
                position += declaration.FullWidth;
            }
            if (_green.Diagnostics is { } rootInfos) Add(result, rootInfos, position);
        }
        _diagnostics = result;
        return result;
    }

    private void Add(List<Diagnostic> result, SyntaxDiagnosticInfo[] infos, int basePosition)
    {
        foreach (var info in infos)
        {
            int start = Math.Clamp(basePosition + info.Offset, 0, Text.Length);
            int length = Math.Clamp(info.Length, 0, Text.Length - start);
            var properties = info.Suggestion is null ? null : new Dictionary<string, string> { ["suggestion"] = info.Suggestion };
            result.Add(new Diagnostic(info.Descriptor, info.Descriptor.DefaultSeverity, info.Message,
                Location.Create(FilePath, Text, new TextSpan(start, length)), null, properties));
        }
    }

    // ------------------------------------------------------------------ incremental parsing

    /// <summary>Full starts of the declarations, in order (computed once per tree).</summary>
    internal int[] DeclarationStarts
    {
        get
        {
            var starts = _declarationStarts;
            if (starts is not null) return starts;
            var list = _green.GetSlot(0)!;
            starts = new int[list.SlotCount];
            int position = 0;
            for (int i = 0; i < starts.Length; i++)
            {
                starts[i] = position;
                position += list.GetSlot(i)!.FullWidth;
            }
            _declarationStarts = starts;
            return starts;
        }
    }

    /// <summary>
    /// The tree for <paramref name="newText"/>, which must be this tree's text with changes applied
    /// (<see cref="SourceText.WithChanges(TextChange[])"/>); unrelated texts are parsed from scratch.
    /// </summary>
    public SyntaxTree WithChangedText(SourceText newText)
    {
        if (ReferenceEquals(newText, Text)) return this;
        var changes = newText.GetChangeRanges(Text);
        if (changes.Count == 0) return new SyntaxTree(newText, FilePath, _green, _declarationStarts);
        if (changes.Count == 1 && changes[0].Span.Length == Text.Length && changes[0].NewLength == newText.Length)
            return Parse(newText, FilePath);
        // Merge all ranges into one: the span from the first change to the last, in old coordinates.
        int start = changes[0].Span.Start;
        int oldEnd = changes[^1].Span.End;
        int delta = newText.Length - Text.Length;
        return WithChange(newText, start, oldEnd, delta);
    }

    /// <summary>Applies one edit (replace <paramref name="span"/> with <paramref name="newText"/>).</summary>
    public SyntaxTree WithChange(TextSpan span, string newText)
    {
        var text = ClaimLang.Text.TextEdits.Apply(Text, new TextChange(span, newText));
        return WithChange(text, span.Start, span.End, newText.Length - span.Length);
    }

    private SyntaxTree WithChange(SourceText newText, int changeStart, int changeOldEnd, int delta)
    {
        var starts = DeclarationStarts;
        var oldList = (GreenSyntaxNode)_green.GetSlot(0)!;
        int count = starts.Length;
        int oldEofStart = oldList.FullWidth;

        // The first declaration that may change: the one holding the character before the edit, or the one
        // before it when that character is in its leading trivia (an indented line typed there continues the
        // previous declaration).
        int first;
        int probe = Math.Max(changeStart - 1, 0);
        if (count == 0) first = 0;
        else if (probe >= oldEofStart) first = count - 1;
        else
        {
            first = FindDeclaration(starts, probe);
            var declaration = oldList.GetSlot(first)!;
            if (probe < starts[first] + declaration.LeadingTriviaWidth && first > 0) first--;
        }
        // A declaration with an unterminated raw string looked for the closing quotes up to the end of the file,
        // so any later edit may change it: start there.
        if ((oldList.Flags & GreenFlags.DependsOnRest) != 0)
        {
            for (int i = 0; i < first; i++)
            {
                if ((oldList.GetSlot(i)!.Flags & GreenFlags.DependsOnRest) != 0) { first = i; break; }
            }
        }
        int parseStart = count == 0 ? 0 : starts[first];

        // The first old declaration that starts at or after the end of the edit is where re-parsing may stop.
        int syncIndex = first;
        while (syncIndex < count && starts[syncIndex] < changeOldEnd) syncIndex++;

        // Lex a window of the new text: from the parse start to the end of the sync declaration (plus a margin).
        int windowEnd = newText.Length;
        if (syncIndex < count)
        {
            int syncEnd = (syncIndex + 1 < count ? starts[syncIndex + 1] : oldEofStart) + delta;
            windowEnd = Math.Min(newText.Length, syncEnd + 256);
        }

        var result = TryReparse(newText, parseStart, windowEnd, starts, oldList, first, syncIndex, delta, out var tree);
        if (!result && windowEnd < newText.Length)
            result = TryReparse(newText, parseStart, newText.Length, starts, oldList, first, syncIndex, delta, out tree);
        return result ? tree! : Parse(newText, FilePath);
    }

    private bool TryReparse(SourceText newText, int parseStart, int windowEnd, int[] starts, GreenSyntaxNode oldList,
        int first, int syncIndex, int delta, out SyntaxTree? tree)
    {
        tree = null;
        int count = starts.Length;
        string window = newText.ToString(TextSpan.FromBounds(parseStart, windowEnd));
        bool windowIsRest = windowEnd == newText.Length;
        var parser = new Parser(window, 0, null, atTextStart: parseStart == 0);

        var fresh = new List<GreenNode>();
        var freshStarts = new List<int>();
        int k = syncIndex;
        while (true)
        {
            int position = parseStart + parser.Position;
            if (!windowIsRest && parser.TouchedEnd) return false;
            // Skip old declarations that the re-parsed text has already moved past.
            while (k < count && starts[k] + delta < position) k++;
            // A declaration is reused only where it keeps its place relative to the start of the file: at position 0
            // a byte-order mark is trivia, anywhere else it is a bad character, so a declaration that moves to or
            // from the very start must be parsed again.
            if (k < count && starts[k] + delta == position && parser.Position < window.Length && (starts[k] == 0) == (position == 0))
            {
                // Synchronised: the old declarations from k on are unchanged; reuse them as they are.
                var eofParser = new Parser(newText.ToString(TextSpan.FromBounds(oldList.FullWidth + delta, newText.Length)), 0, null, atTextStart: false);
                tree = Splice(newText, oldList, starts, first, k, fresh, freshStarts, delta, eofParser);
                return true;
            }
            if (parser.AtEndOfFile)
            {
                if (!windowIsRest) return false;
                tree = Splice(newText, oldList, starts, first, count, fresh, freshStarts, delta, parser);
                return true;
            }
            freshStarts.Add(position);
            fresh.Add(parser.ParseDeclaration());
        }
    }

    /// <summary>
    /// Builds the new tree from old declarations [0, first), the fresh ones, and old declarations [resume, count)
    /// shifted by <paramref name="delta"/>. Copies arrays only: old nodes are not visited, so the cost is a memory
    /// copy of the declaration list however long the file is.
    /// </summary>
    private SyntaxTree Splice(SourceText newText, GreenSyntaxNode oldList, int[] starts, int first, int resume,
        List<GreenNode> fresh, List<int> freshStarts, int delta, Parser eofParser)
    {
        int count = starts.Length;
        int tail = count - resume;
        var slots = new GreenNode?[first + fresh.Count + tail];
        var oldSlots = oldList.Slots;
        Array.Copy(oldSlots, 0, slots, 0, first);
        fresh.CopyTo(0, slots!, first, fresh.Count);
        Array.Copy(oldSlots, resume, slots, first + fresh.Count, tail);

        var newStarts = new int[slots.Length];
        Array.Copy(starts, 0, newStarts, 0, first);
        freshStarts.CopyTo(0, newStarts, first, freshStarts.Count);
        for (int i = 0, o = first + fresh.Count; i < tail; i++) newStarts[o + i] = starts[resume + i] + delta;

        int oldEnd = resume < count ? starts[resume] : oldList.FullWidth;
        int oldStart = first < count ? starts[first] : oldList.FullWidth;
        int freshWidth = 0;
        var flags = oldList.Flags & GreenFlags.ContainsDiagnostics; // may over-state; only makes GetDiagnostics look
        foreach (var node in fresh)
        {
            freshWidth += node.FullWidth;
            flags |= node.Flags & (GreenFlags.ContainsDiagnostics | GreenFlags.ContainsSkipped | GreenFlags.DependsOnRest);
        }
        if ((oldList.Flags & (GreenFlags.DependsOnRest | GreenFlags.ContainsSkipped)) != 0)
        {
            // Rare (an unterminated raw string, skipped tokens): recompute these bits exactly from the reused nodes.
            for (int i = 0; i < first; i++) flags |= slots[i]!.Flags & (GreenFlags.DependsOnRest | GreenFlags.ContainsSkipped);
            for (int i = first + fresh.Count; i < slots.Length; i++) flags |= slots[i]!.Flags & (GreenFlags.DependsOnRest | GreenFlags.ContainsSkipped);
        }
        int width = oldList.FullWidth - (oldEnd - oldStart) + freshWidth;
        var list = new GreenSyntaxNode(slots, width, flags);
        var root = eofParser.FinishCompilationUnit(list);
        return new SyntaxTree(newText, FilePath, root, newStarts);
    }

    private static int FindDeclaration(int[] starts, int position)
    {
        int lo = 0, hi = starts.Length - 1, found = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= position) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }
}
