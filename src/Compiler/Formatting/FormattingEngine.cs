using System.Text;
using ClaimLang.Configuration;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Formatting;

/// <summary>
/// Rebuilds the layout of an error-free syntax tree, one region at a time.
/// <para>
/// A file is cut into <em>regions</em> that tile it: one per declaration (its full span: the comments and blank
/// lines above it, the declaration, and the rest of its last line) and a last one for what follows the last
/// declaration (the end-of-file token's leading trivia). Every region starts at the beginning of a line both in
/// the input and in the output, so the output of a region only depends on the region itself (plus the file's
/// line-break style, the options and whether it is the first region). That is what makes range formatting and
/// per-declaration edits exact.
/// </para>
/// <para>
/// Inside a declaration the tokens and comments become a flat list of <see cref="Piece"/>s, grouped into units:
/// the head (keyword up to the first clause) and one unit per clause. Line breaks are only ever chosen between
/// units; comments add breaks that are not negotiable. Tokens, comments, raw strings and literals are copied as
/// they are (line comments lose trailing blanks). The algorithm is a single greedy pass over each declaration:
/// linear in the size of the file, no recursion.
/// </para>
/// </summary>
internal sealed class FormattingEngine
{
    private readonly SyntaxTree _tree;
    private readonly CompilationUnitSyntax _root;
    private readonly SyntaxList<DeclarationSyntax> _declarations;
    private readonly int _width;
    private readonly string _indent;
    /// <summary>The line break written between lines: the style of the file's first line break (LF without one).</summary>
    private readonly string _newLine;
    private readonly SuppressionMap _suppressions;
    private readonly List<Piece> _pieces = new();

    // Per-declaration state of the piece collection.
    private int _unit;
    private bool _unitOpen;
    private bool _pendingNewline;
    private bool _pendingBlankTarget;

    public FormattingEngine(SyntaxTree tree, FormatOptions options)
    {
        _tree = tree;
        _root = tree.GetRoot();
        _declarations = _root.Declarations;
        _width = options.Width;
        _indent = new string(' ', options.Indent);
        _newLine = DetectNewLine(_root);
        _suppressions = SuppressionMap.Create(tree.Text);
    }

    /// <summary>Number of regions: one per declaration, plus the tail of the file.</summary>
    public int RegionCount => _declarations.Count + 1;

    /// <summary>The span of the original text that region <paramref name="index"/> covers.</summary>
    public TextSpan GetRegionSpan(int index) =>
        index < _declarations.Count ? _declarations[index].FullSpan : _root.EndOfFileToken.FullSpan;

    /// <summary>The region that contains <paramref name="position"/> (the last region for the end of the text).</summary>
    public int FindRegion(int position)
    {
        int count = _tree.DeclarationCount;
        if (count == 0) return 0;
        var eof = _root.EndOfFileToken;
        // At or after the start of the tail; the end of a file whose tail is empty belongs to the last declaration.
        if (position >= eof.Position) return eof.FullSpan.Length == 0 ? count - 1 : count;
        return _tree.FindDeclarationIndex(position);
    }

    /// <summary>Appends the formatted text of region <paramref name="index"/>.</summary>
    public void FormatRegion(int index, StringBuilder output)
    {
        bool atFileStart = index == 0;
        if (index < _declarations.Count)
        {
            var declaration = _declarations[index];
            if (declaration.Kind == SyntaxKind.SkippedDeclaration) throw new UnformattableException();
            var keyword = declaration.GetFirstToken();
            FormatGap(keyword.LeadingTrivia, output, contentBefore: !atFileStart, atEnd: false);
            FormatDeclaration(declaration, output);
        }
        else
        {
            FormatGap(_root.EndOfFileToken.LeadingTrivia, output, contentBefore: !atFileStart, atEnd: true);
        }
    }

    // ------------------------------------------------------------------ between declarations

    /// <summary>
    /// The comment lines and blank lines above a declaration (or at the end of the file). Each comment line keeps
    /// its comments in order, one space apart, at column 1 when it was at column 1 and at the continuation indent
    /// when it was indented. Runs of blank lines become one; none at the start and at the end of the file.
    /// </summary>
    private void FormatGap(SyntaxTriviaList trivia, StringBuilder output, bool contentBefore, bool atEnd)
    {
        bool lineHasComment = false;
        bool lineIndented = false;
        bool pendingBlank = false;
        foreach (var item in trivia)
        {
            switch (item.Kind)
            {
                case SyntaxKind.ByteOrderMarkTrivia:
                    output.Append(item.Text);
                    break;
                case SyntaxKind.WhitespaceTrivia:
                    if (!lineHasComment) lineIndented = true;
                    break;
                case SyntaxKind.EndOfLineTrivia:
                    if (lineHasComment) output.Append(_newLine);
                    else pendingBlank = true;
                    lineHasComment = false;
                    lineIndented = false;
                    break;
                case SyntaxKind.SingleLineCommentTrivia:
                case SyntaxKind.MultiLineCommentTrivia:
                case SyntaxKind.DocumentationCommentTrivia:
                    if (!lineHasComment)
                    {
                        if (pendingBlank && contentBefore) output.Append(_newLine);
                        pendingBlank = false;
                        if (lineIndented) output.Append(_indent);
                        lineHasComment = true;
                        contentBefore = true;
                    }
                    else
                    {
                        output.Append(' ');
                    }
                    output.Append(CommentText(item));
                    break;
                default:
                    throw new UnformattableException();
            }
        }
        if (lineHasComment) output.Append(_newLine); // a comment on the last line of a file without a final line break
        if (!atEnd && pendingBlank && contentBefore) output.Append(_newLine);
    }

    // ------------------------------------------------------------------ declarations

    private void FormatDeclaration(DeclarationSyntax declaration, StringBuilder output)
    {
        _pieces.Clear();
        _unit = 0;
        _unitOpen = false;
        _pendingNewline = false;
        _pendingBlankTarget = false;
        bool first = true;
        foreach (var token in declaration.DescendantTokens())
        {
            if (token.IsMissing || token.Kind == SyntaxKind.BadToken) throw new UnformattableException();
            if (token.Parent is { } parent && SyntaxFacts.IsClause(parent.Kind) && token.Index == 0)
            {
                _unit++;
                _unitOpen = true;
            }
            if (first) first = false; // its leading trivia was the gap
            else CollectLeading(token.LeadingTrivia);
            var span = token.Span;
            AddPiece(token.Text, token.Kind, isComment: false, span.Start, span.End);
            CollectTrailing(token.TrailingTrivia);
        }
        if (_suppressions.Count > 0) ApplySuppressionLines();
        Layout(output);
    }

    private void CollectLeading(SyntaxTriviaList trivia)
    {
        bool lineHasComment = false;
        foreach (var item in trivia)
        {
            switch (item.Kind)
            {
                case SyntaxKind.WhitespaceTrivia:
                    break;
                case SyntaxKind.EndOfLineTrivia:
                    // Leading trivia starts at the beginning of a line, so an end of line with nothing before it
                    // ends a blank line. Blank lines inside a declaration go, unless a suppression comment
                    // targets one (then the blank line is what it applies to, and must stay).
                    if (!lineHasComment && _suppressions.Count > 0 && IsSuppressionTarget(LineOf(item.Position)))
                        _pendingBlankTarget = true;
                    OnLineBreak();
                    lineHasComment = false;
                    break;
                case SyntaxKind.SingleLineCommentTrivia:
                case SyntaxKind.MultiLineCommentTrivia:
                case SyntaxKind.DocumentationCommentTrivia:
                    AddPiece(CommentText(item), item.Kind, isComment: true, item.Position, item.Span.End);
                    lineHasComment = true;
                    break;
                default:
                    throw new UnformattableException();
            }
        }
    }

    private void CollectTrailing(SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            switch (item.Kind)
            {
                case SyntaxKind.WhitespaceTrivia:
                    break;
                case SyntaxKind.EndOfLineTrivia:
                    OnLineBreak();
                    break;
                case SyntaxKind.SingleLineCommentTrivia:
                case SyntaxKind.MultiLineCommentTrivia:
                case SyntaxKind.DocumentationCommentTrivia:
                    AddPiece(CommentText(item), item.Kind, isComment: true, item.Position, item.Span.End);
                    break;
                default:
                    throw new UnformattableException();
            }
        }
    }

    private void OnLineBreak()
    {
        if (!_pendingNewline && _pieces.Count > 0)
        {
            ref var last = ref System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pieces)[^1];
            if (last.IsComment) last.EndsLine = true;
        }
        _pendingNewline = true;
    }

    private void AddPiece(string text, SyntaxKind kind, bool isComment, int start, int end)
    {
        var piece = new Piece
        {
            Text = text,
            Kind = kind,
            IsComment = isComment,
            Unit = _unit,
            UnitStart = _unitOpen,
            Start = start,
            End = end,
            Multiline = text.AsSpan().IndexOfAny('\r', '\n') >= 0,
            // A line comment runs to the end of its line: nothing may follow it there.
            EndsLine = kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.DocumentationCommentTrivia,
        };
        _unitOpen = false;
        if (_pieces.Count > 0)
        {
            var previous = _pieces[^1];
            piece.BreakBefore = (isComment && _pendingNewline) || (previous.IsComment && previous.EndsLine) || _pendingBlankTarget;
            piece.BlankBefore = _pendingBlankTarget;
        }
        _pendingNewline = false;
        _pendingBlankTarget = false;
        _pieces.Add(piece);
    }

    // ------------------------------------------------------------------ suppression comments

    private int LineOf(int position) => _tree.Text.Lines.GetLineFromPosition(position).LineNumber;

    /// <summary>The line of a piece's last character (raw strings and block comments may span lines).</summary>
    private int LastLineOf(in Piece piece) => LineOf(Math.Max(piece.Start, piece.End - 1));

    private bool IsSuppressionTarget(int line) => _suppressions.CodesOn(line).Count > 0;

    /// <summary>
    /// A <c>// claimlang-disable-next-line</c> comment applies to the line right below it, so the formatter keeps
    /// that line's contents together: everything that starts on it stays on one line (no wrapping inside it), and
    /// what came after it in the source starts a new line (nothing is joined onto it).
    /// </summary>
    private void ApplySuppressionLines()
    {
        var pieces = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pieces);
        int previousEndLine = LastLineOf(pieces[0]);
        for (int i = 1; i < pieces.Length; i++)
        {
            ref var piece = ref pieces[i];
            int startLine = LineOf(piece.Start);
            if (startLine == previousEndLine)
            {
                if (IsSuppressionTarget(startLine)) piece.Glued = true;
            }
            else if (IsSuppressionTarget(previousEndLine))
            {
                piece.BreakBefore = true;
            }
            previousEndLine = LastLineOf(piece);
        }
    }

    // ------------------------------------------------------------------ layout

    private void Layout(StringBuilder output)
    {
        var pieces = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_pieces);

        // Two widths of the declaration laid out on one line. Only the lines the formatter controls count: for a
        // raw string or block comment over several lines, its first line and what follows its last line.
        //  - with its comments up to the last token (a comment after the last token stays at the end of the line
        //    whatever its length): whether the declaration can stay on one line;
        //  - with its tokens only: whether the code itself is too long, which puts the head on a line of its
        //    own. Comments do not count there, so that a comment never changes where clauses go, and a break
        //    the formatter puts after a comment (which makes it end a line the next time) changes nothing.
        int lastToken = pieces.Length - 1;
        while (pieces[lastToken].IsComment) lastToken--;
        bool forced = false;
        int column = 0, widest = 0, codeColumn = 0, codeWidest = 0, previousToken = -1;
        for (int i = 0; i < pieces.Length; i++)
        {
            ref var piece = ref pieces[i];
            if (i > 0 && piece.BreakBefore) forced = true;
            if (piece.Multiline) forced = true;
            if (i > lastToken) continue;

            if (i > 0 && SpaceBetween(pieces[i - 1], piece)) column++;
            widest = Math.Max(widest, column + FirstLineLength(piece.Text));
            column = ColumnAfter(piece.Text, column);
            widest = Math.Max(widest, column);

            if (piece.IsComment) continue;
            if (previousToken >= 0 && SpaceBetween(pieces[previousToken], piece)) codeColumn++;
            codeWidest = Math.Max(codeWidest, codeColumn + FirstLineLength(piece.Text));
            codeColumn = ColumnAfter(piece.Text, codeColumn);
            codeWidest = Math.Max(codeWidest, codeColumn);
            previousToken = i;
        }
        bool tooLong = codeWidest > _width;

        if (!forced && widest <= _width)
        {
            output.Append(pieces[0].Text);
            for (int i = 1; i < pieces.Length; i++)
            {
                if (SpaceBefore(pieces, i)) output.Append(' ');
                output.Append(pieces[i].Text);
            }
            output.Append(_newLine);
            return;
        }

        output.Append(pieces[0].Text);
        column = ColumnAfter(pieces[0].Text, 0);
        // Wrapped: when the code is too long for one line the first line holds the head only; clauses fill the
        // lines greedily and never break inside. Comments add their own breaks.
        for (int i = 1; i < pieces.Length; i++)
        {
            ref var piece = ref pieces[i];
            bool space = SpaceBefore(pieces, i);
            bool lineBreak;
            if (piece.BreakBefore) lineBreak = true;
            else if (piece.Glued || !piece.UnitStart) lineBreak = false;
            else if (tooLong && piece.Unit == 1) lineBreak = true;
            else lineBreak = column + (space ? 1 : 0) + MeasureUnit(pieces, i) > _width;

            if (lineBreak)
            {
                output.Append(_newLine);
                if (piece.BlankBefore) output.Append(_newLine);
                output.Append(_indent);
                column = _indent.Length;
            }
            else if (space)
            {
                output.Append(' ');
                column++;
            }
            output.Append(piece.Text);
            column = ColumnAfter(piece.Text, column);
        }
        output.Append(_newLine);
    }

    /// <summary>
    /// The width the unit starting at <paramref name="start"/> takes on the current line: up to its end, its
    /// first forced break, or the first line break inside a raw string or block comment. Comments count.
    /// </summary>
    private static int MeasureUnit(ReadOnlySpan<Piece> pieces, int start)
    {
        int unit = pieces[start].Unit;
        int width = 0;
        for (int j = start; j < pieces.Length && pieces[j].Unit == unit; j++)
        {
            ref readonly var piece = ref pieces[j];
            if (j > start)
            {
                if (piece.BreakBefore) break;
                if (SpaceBefore(pieces, j)) width++;
            }
            if (piece.Multiline)
            {
                width += FirstLineLength(piece.Text);
                break;
            }
            width += piece.Text.Length;
        }
        return width;
    }

    private static int FirstLineLength(string text)
    {
        int lineBreak = text.AsSpan().IndexOfAny('\r', '\n');
        return lineBreak < 0 ? text.Length : lineBreak;
    }

    private static int ColumnAfter(string text, int column)
    {
        int lastBreak = text.AsSpan().LastIndexOfAny('\r', '\n');
        return lastBreak < 0 ? column + text.Length : text.Length - lastBreak - 1;
    }

    /// <summary>
    /// Canonical spacing: one space between tokens, none before <c>, . ) : (</c> and none after <c>( .</c>;
    /// comments always have one space on each side on their line.
    /// </summary>
    private static bool SpaceBefore(ReadOnlySpan<Piece> pieces, int index) => SpaceBetween(pieces[index - 1], pieces[index]);

    private static bool SpaceBetween(in Piece previous, in Piece piece)
    {
        if (previous.IsComment || piece.IsComment) return true;
        if (piece.Kind is SyntaxKind.CommaToken or SyntaxKind.DotToken or SyntaxKind.CloseParenToken
            or SyntaxKind.ColonToken or SyntaxKind.OpenParenToken) return false;
        if (previous.Kind is SyntaxKind.OpenParenToken or SyntaxKind.DotToken) return false;
        return true;
    }

    // ------------------------------------------------------------------ helpers

    /// <summary>A comment's text as written; a line comment loses the blanks at the end of its line.</summary>
    private static string CommentText(SyntaxTrivia trivia)
    {
        string text = trivia.Text;
        if (trivia.Kind == SyntaxKind.MultiLineCommentTrivia) return text;
        int end = text.Length;
        while (end > 0 && text[end - 1] is ' ' or '\t') end--;
        return end == text.Length ? text : text[..end];
    }

    /// <summary>
    /// The style of the first line break between lines (end-of-line trivia; breaks inside raw strings and block
    /// comments are content and do not count). LF when the file has none.
    /// </summary>
    private static string DetectNewLine(CompilationUnitSyntax root)
    {
        foreach (var token in root.DescendantTokens())
        {
            foreach (var trivia in token.LeadingTrivia)
            {
                if (trivia.Kind == SyntaxKind.EndOfLineTrivia) return trivia.Text;
            }
            foreach (var trivia in token.TrailingTrivia)
            {
                if (trivia.Kind == SyntaxKind.EndOfLineTrivia) return trivia.Text;
            }
        }
        return "\n";
    }

    private struct Piece
    {
        public string Text;
        public SyntaxKind Kind;
        public bool IsComment;
        /// <summary>0 for the head, then one unit per clause.</summary>
        public int Unit;
        /// <summary>The first piece of a clause unit: where an optional line break may go.</summary>
        public bool UnitStart;
        /// <summary>A line break must come before this piece.</summary>
        public bool BreakBefore;
        /// <summary>A blank line must come before this piece (the target of a suppression comment).</summary>
        public bool BlankBefore;
        /// <summary>This piece must stay on the line of the one before it (a suppression comment's target line).</summary>
        public bool Glued;
        /// <summary>A comment that was followed by a line break in the source (always true for line comments).</summary>
        public bool EndsLine;
        /// <summary>The text spans lines (a raw string or a block comment).</summary>
        public bool Multiline;
        public int Start;
        public int End;
    }
}

/// <summary>The tree holds something the formatter cannot lay out safely (a sign of a syntax error).</summary>
internal sealed class UnformattableException : Exception
{
    public UnformattableException() : base("The syntax tree has errors and cannot be formatted.") { }
}
