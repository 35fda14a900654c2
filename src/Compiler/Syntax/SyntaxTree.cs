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
    // The green root, held strongly until ReleaseRoot; then only weakly, and parsed again from the text if asked for
    // after the collector took it.
    private GreenSyntaxNode? _green;
    private WeakReference<GreenSyntaxNode>? _released;
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

    internal GreenSyntaxNode GreenRoot
    {
        get
        {
            if (Volatile.Read(ref _green) is { } green) return green;
            var released = _released!;
            lock (released)
            {
                if (released.TryGetTarget(out green)) return green;
                // The same text parses to the same tree: nothing that was computed from the old one changes.
                green = new Parser(Text.ToString()).ParseCompilationUnit();
                released.SetTarget(green);
                return green;
            }
        }
    }

    /// <summary>
    /// Lets the garbage collector reclaim the syntax nodes, which are parsed again from the text if anything asks for
    /// them later. A batch compilation calls it once a file's declarations are summarised (<c>Compilation.Prepare</c>):
    /// binding and analysis need only the summaries, so a workspace of a million claims does not keep a million
    /// declarations' nodes. No effect once the red root has been created (it holds the nodes).
    /// </summary>
    internal void ReleaseRoot()
    {
        if (_root is not null || _green is not { } green) return;
        _released = new WeakReference<GreenSyntaxNode>(green);
        Volatile.Write(ref _green, null);
    }

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
        root = new CompilationUnitSyntax(GreenRoot, null, 0);
        root.AttachTree(this);
        return Interlocked.CompareExchange(ref _root, root, null) ?? root;
    }

    public SyntaxTree WithFilePath(string filePath) => filePath == FilePath ? this : new SyntaxTree(Text, filePath, GreenRoot, _declarationStarts);

    /// <summary>The full text, exactly as parsed (the tree is lossless).</summary>
    public override string ToString() => GreenRoot.ToFullString();

    // ------------------------------------------------------------------ diagnostics

    /// <summary>The syntax diagnostics (CLM1xxx), in position order.</summary>
    public IReadOnlyList<Diagnostic> GetDiagnostics()
    {
        var cached = _diagnostics;
        if (cached is not null) return cached;
        var result = new List<Diagnostic>();
        var green = GreenRoot;
        if (green.ContainsDiagnostics)
        {
            // Only the chunks of the declaration list that hold diagnostics are visited.
            var list = (GreenDeclarationList)green.GetSlot(0)!;
            int count = list.Count;
            for (int i = list.FindFlagged(GreenFlags.ContainsDiagnostics, 0, count); i >= 0;
                 i = list.FindFlagged(GreenFlags.ContainsDiagnostics, i + 1, count))
            {
                if (list.GetSlot(i)!.Diagnostics is { } infos) Add(result, infos, list.GetStart(i));
            }
            if (green.Diagnostics is { } rootInfos) Add(result, rootInfos, list.FullWidth);
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

    // ------------------------------------------------------------------ declarations by position

    internal GreenDeclarationList DeclarationList => (GreenDeclarationList)GreenRoot.GetSlot(0)!;

    /// <summary>The number of declarations.</summary>
    internal int DeclarationCount => DeclarationList.Count;

    /// <summary>The green node of declaration <paramref name="index"/>.</summary>
    internal GreenNode GetGreenDeclaration(int index) => DeclarationList.GetSlot(index)!;

    /// <summary>The full start of declaration <paramref name="index"/> (O(log n); nothing is rebuilt per tree).</summary>
    internal int GetDeclarationStart(int index) => DeclarationList.GetStart(index);

    /// <summary>The last declaration whose full start is at or before <paramref name="position"/> (0 when there is none).</summary>
    internal int FindDeclarationIndex(int position) => DeclarationList.FindIndex(position);

    /// <summary>The index of the declaration whose full span starts exactly at <paramref name="position"/>, or -1.</summary>
    internal int IndexOfDeclarationStartingAt(int position)
    {
        var list = DeclarationList;
        if (list.Count == 0 || position < 0 || position >= list.FullWidth) return -1;
        int index = list.FindIndex(position);
        return list.GetStart(index) == position ? index : -1;
    }

    /// <summary>
    /// Full starts of all the declarations, in order: an array as long as the file's declaration list, built on first
    /// use for callers that visit every declaration anyway (the binder). Incremental parsing does not use it.
    /// </summary>
    internal int[] DeclarationStarts
    {
        get
        {
            var starts = _declarationStarts;
            if (starts is not null) return starts;
            var list = DeclarationList;
            var declarations = new GreenNode[list.Count];
            list.CopyTo(declarations);
            starts = new int[declarations.Length];
            int position = 0;
            for (int i = 0; i < starts.Length; i++)
            {
                starts[i] = position;
                position += declarations[i].FullWidth;
            }
            _declarationStarts = starts;
            return starts;
        }
    }

    // ------------------------------------------------------------------ incremental parsing

    /// <summary>
    /// The tree for <paramref name="newText"/>, which must be this tree's text with changes applied
    /// (<see cref="SourceText.WithChanges(TextChange[])"/>); unrelated texts are parsed from scratch.
    /// </summary>
    public SyntaxTree WithChangedText(SourceText newText)
    {
        if (ReferenceEquals(newText, Text)) return this;
        var changes = newText.GetChangeRanges(Text);
        if (changes.Count == 0) return new SyntaxTree(newText, FilePath, GreenRoot, _declarationStarts);
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
        var oldList = DeclarationList;
        int count = oldList.Count;
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
            first = oldList.FindIndex(probe);
            var declaration = oldList.GetSlot(first)!;
            if (probe < oldList.GetStart(first) + declaration.LeadingTriviaWidth && first > 0) first--;
        }
        // A declaration with an unterminated raw string looked for the closing quotes up to the end of the file,
        // so any later edit may change it: start there.
        int dependent = oldList.FindFlagged(GreenFlags.DependsOnRest, 0, first);
        if (dependent >= 0) first = dependent;
        int parseStart = count == 0 ? 0 : oldList.GetStart(first);

        // The first old declaration that starts at or after the end of the edit is where re-parsing may stop.
        int syncIndex = first;
        int syncStart = parseStart;
        while (syncIndex < count && syncStart < changeOldEnd)
        {
            syncStart += oldList.GetSlot(syncIndex)!.FullWidth;
            syncIndex++;
        }

        // Lex a window of the new text: from the parse start to the end of the sync declaration (plus a margin).
        int windowEnd = newText.Length;
        if (syncIndex < count)
        {
            int syncEnd = syncStart + oldList.GetSlot(syncIndex)!.FullWidth + delta;
            windowEnd = Math.Min(newText.Length, syncEnd + 256);
        }

        var result = TryReparse(newText, parseStart, windowEnd, oldList, first, syncIndex, syncStart, delta, out var tree);
        if (!result && windowEnd < newText.Length)
            result = TryReparse(newText, parseStart, newText.Length, oldList, first, syncIndex, syncStart, delta, out tree);
        return result ? tree! : Parse(newText, FilePath);
    }

    private bool TryReparse(SourceText newText, int parseStart, int windowEnd, GreenDeclarationList oldList,
        int first, int syncIndex, int syncStart, int delta, out SyntaxTree? tree)
    {
        tree = null;
        int count = oldList.Count;
        string window = newText.ToString(TextSpan.FromBounds(parseStart, windowEnd));
        bool windowIsRest = windowEnd == newText.Length;
        var parser = new Parser(window, 0, null, atTextStart: parseStart == 0);

        var fresh = new List<GreenNode>();
        int k = syncIndex;
        int kStart = syncStart; // old full start of declaration k
        while (true)
        {
            int position = parseStart + parser.Position;
            if (!windowIsRest && parser.TouchedEnd) return false;
            // Skip old declarations that the re-parsed text has already moved past.
            while (k < count && kStart + delta < position)
            {
                kStart += oldList.GetSlot(k)!.FullWidth;
                k++;
            }
            // A declaration is reused only where it keeps its place relative to the start of the file: at position 0
            // a byte-order mark is trivia, anywhere else it is a bad character, so a declaration that moves to or
            // from the very start must be parsed again.
            if (k < count && kStart + delta == position && parser.Position < window.Length && (kStart == 0) == (position == 0))
            {
                // Synchronised: the old declarations from k on are unchanged; reuse them as they are.
                var eofParser = new Parser(newText.ToString(TextSpan.FromBounds(oldList.FullWidth + delta, newText.Length)), 0, null, atTextStart: false);
                tree = Splice(newText, oldList, first, k, fresh, eofParser);
                return true;
            }
            if (parser.AtEndOfFile)
            {
                if (!windowIsRest) return false;
                tree = Splice(newText, oldList, first, count, fresh, parser);
                return true;
            }
            fresh.Add(parser.ParseDeclaration());
        }
    }

    /// <summary>
    /// Builds the new tree from old declarations [0, first), the fresh ones, and old declarations [resume, count).
    /// The declaration list is a persistent tree of chunks: only the chunks around the edit and the O(log n) inner
    /// nodes above them are copied, so the cost hardly grows with the length of the file (old nodes are not visited).
    /// </summary>
    private SyntaxTree Splice(SourceText newText, GreenDeclarationList oldList, int first, int resume,
        List<GreenNode> fresh, Parser eofParser)
    {
        var list = oldList.Replace(first, resume, fresh);
        var root = eofParser.FinishCompilationUnit(list);
        return new SyntaxTree(newText, FilePath, root, null);
    }
}
