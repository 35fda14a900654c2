using ClaimLang.Diagnostics;

namespace ClaimLang.Syntax.InternalSyntax;

/// <summary>A token as the lexer sees it, before the parser decides its final (keyword) kind.</summary>
internal struct LexedToken
{
    public SyntaxKind Kind;
    public int FullStart;
    public int Start;
    public int End;
    public int FullEnd;
    public string Text;
    /// <summary>The <see cref="NameTable.Hash"/> of <see cref="Text"/> for names, numbers, dates and punctuation (0 for strings and bad tokens).</summary>
    public int TextHash;
    public GreenNode? Leading;
    public GreenNode? Trailing;
    /// <summary>The token is the first thing on its line, at column 1: it starts a logical line.</summary>
    public bool StartsLine;
    /// <summary>An unterminated raw string: its extent depended on the text up to the end of the file.</summary>
    public bool DependsOnRest;

    public readonly int Width => End - Start;
}

/// <summary>A lexical diagnostic at an absolute position; the parser files it under the declaration it falls in.</summary>
internal readonly record struct LexDiagnostic(int Start, int Length, DiagnosticDescriptor Descriptor, string Message);

/// <summary>
/// The hand-written lexer. It scans forward from any position (the incremental parser starts it at a declaration
/// boundary), produces identifiers for every word (keywords are contextual), and gives each token its trivia:
/// trailing trivia runs to the end of the token's line, everything else is leading trivia of the next token.
/// No regular expressions, no LINQ, one pass, no allocation for interned texts and common trivia.
/// </summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly NameTable _names;
    private readonly List<GreenTrivia> _triviaBuffer = new();
    private int _pos;

    /// <param name="text">The text, or a window of it that starts at a declaration boundary (a line start).</param>
    /// <param name="start">Where to start lexing in <paramref name="text"/>.</param>
    /// <param name="names">The table that interns token texts.</param>
    /// <param name="atTextStart">Whether index 0 of <paramref name="text"/> is the start of the file (where a BOM may stand).</param>
    public Lexer(string text, int start, NameTable names, bool atTextStart = true)
    {
        _text = text;
        _pos = start;
        _names = names;
        _atTextStart = atTextStart;
    }

    private readonly bool _atTextStart;

    public int Position => _pos;

    /// <summary>
    /// Set when a scan ran into the end of the text. The incremental parser lexes a window of the new text and
    /// must fall back to the whole text when a token (say an unterminated raw string) needed to look past it.
    /// </summary>
    public bool TouchedEnd { get; private set; }

    /// <summary>Lexical diagnostics in position order. The parser drains them.</summary>
    public List<LexDiagnostic> Diagnostics { get; } = new();

    public LexedToken Next()
    {
        LexedToken token = default;
        Next(ref token);
        return token;
    }

    /// <summary>Scans the next token into <paramref name="token"/> (the parser's lookahead slot: no copy).</summary>
    public void Next(ref LexedToken token)
    {
        token.Kind = SyntaxKind.None;
        token.TextHash = 0;
        token.DependsOnRest = false;
        token.Trailing = null;
        token.FullStart = _pos;
        token.Leading = ScanTrivia(trailing: false);
        token.Start = _pos;
        token.StartsLine = IsAtLineStart(_pos);
        ScanToken(ref token);
        token.End = _pos;
        if (token.Kind != SyntaxKind.EndOfFileToken)
        {
            token.Trailing = ScanTrivia(trailing: true);
        }
        token.FullEnd = _pos;
    }

    private bool IsAtLineStart(int pos)
    {
        if (pos == 0) return true; // the file start, or a window that starts at a declaration boundary
        char before = _text[pos - 1];
        if (before is '\n' or '\r') return true;
        return pos == 1 && before == '\uFEFF' && _atTextStart;
    }

    // ------------------------------------------------------------------ trivia

    /// <summary>
    /// Scans a run of trivia: trailing trivia stops after the first line break. The usual cases (nothing, one space,
    /// one line break) take no list and allocate nothing.
    /// </summary>
    private GreenNode? ScanTrivia(bool trailing)
    {
        var first = ScanOneTrivia(trailing, out bool stop);
        if (first is null || stop) return first;
        var second = ScanOneTrivia(trailing, out stop);
        if (second is null) return first;
        var list = _triviaBuffer;
        list.Clear();
        list.Add(first);
        list.Add(second);
        while (!stop)
        {
            var next = ScanOneTrivia(trailing, out stop);
            if (next is null) break;
            list.Add(next);
        }
        return TriviaCache.List(list);
    }

    /// <summary>One piece of trivia at the current position, or null. <paramref name="stop"/>: a line break ended trailing trivia.</summary>
    private GreenTrivia? ScanOneTrivia(bool trailing, out bool stop)
    {
        stop = false;
        string text = _text;
        int pos = _pos;
        if ((uint)pos >= (uint)text.Length) return null;
        char c = text[pos];
        if (c > ' ' && c != '/' && c != '\uFEFF') return null;
        if (c == ' ' || c == '\t')
        {
            int start = pos;
            pos++;
            while (pos < text.Length && (text[pos] == ' ' || text[pos] == '\t')) pos++;
            _pos = pos;
            return TriviaCache.Whitespace(text.AsSpan(start, pos - start));
        }
        if (c == '\n')
        {
            _pos = pos + 1;
            stop = trailing;
            return TriviaCache.Lf;
        }
        if (c == '\r')
        {
            stop = trailing;
            if (pos + 1 < text.Length && text[pos + 1] == '\n')
            {
                _pos = pos + 2;
                return TriviaCache.CrLf;
            }
            _pos = pos + 1;
            return TriviaCache.Cr;
        }
        if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '/')
        {
            int start = pos;
            int length = text.AsSpan(pos).IndexOfAny('\n', '\r');
            pos = length < 0 ? text.Length : pos + length;
            _pos = pos;
            bool doc = pos - start >= 3 && text[start + 2] == '/' && (pos - start == 3 || text[start + 3] != '/');
            return new GreenTrivia(doc ? SyntaxKind.DocumentationCommentTrivia : SyntaxKind.SingleLineCommentTrivia,
                text.Substring(start, pos - start));
        }
        if (c == '/' && pos + 1 < text.Length && text[pos + 1] == '*')
        {
            int start = pos;
            int close = text.IndexOf("*/", pos + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                TouchedEnd = true;
                pos = text.Length;
                Diagnostics.Add(new LexDiagnostic(start, 2, DiagnosticCatalog.UnterminatedComment,
                    DiagnosticCatalog.UnterminatedComment.MessageFormat));
            }
            else
            {
                pos = close + 2;
            }
            _pos = pos;
            return new GreenTrivia(SyntaxKind.MultiLineCommentTrivia, text.Substring(start, pos - start));
        }
        if (c == '\uFEFF' && pos == 0 && _atTextStart)
        {
            _pos = 1;
            return TriviaCache.Bom;
        }
        return null;
    }

    // ------------------------------------------------------------------ tokens

    private void ScanToken(ref LexedToken token)
    {
        string text = _text;
        if (_pos >= text.Length)
        {
            TouchedEnd = true;
            token.Kind = SyntaxKind.EndOfFileToken;
            token.Text = string.Empty;
            return;
        }

        char c = text[_pos];
        int start = _pos;
        switch (c)
        {
            case '.':
                if (_pos + 1 < text.Length && text[_pos + 1] == '.')
                {
                    ScanNumberOrDate(ref token);
                    return;
                }
                Punctuation(ref token, SyntaxKind.DotToken, ".");
                return;
            case ',': Punctuation(ref token, SyntaxKind.CommaToken, ","); return;
            case '(': Punctuation(ref token, SyntaxKind.OpenParenToken, "("); return;
            case ')': Punctuation(ref token, SyntaxKind.CloseParenToken, ")"); return;
            case ':': Punctuation(ref token, SyntaxKind.ColonToken, ":"); return;
            case '=': Punctuation(ref token, SyntaxKind.EqualsToken, "="); return;
            case '"':
                ScanString(ref token);
                return;
            case '-':
                if (_pos + 1 < text.Length && SyntaxFacts.IsDigit(text[_pos + 1]))
                {
                    ScanNumberOrDate(ref token);
                    return;
                }
                break;
        }

        if (SyntaxFacts.IsDigit(c))
        {
            ScanNumberOrDate(ref token);
            return;
        }

        int identLength = c < 128 ? (SyntaxFacts.IsIdentifierStart(c) ? 1 : 0) : IdentifierStartLength(_pos);
        if (identLength > 0)
        {
            // ASCII words take the fast loop, which hashes as it goes; anything else takes the general one.
            int pos = _pos;
            uint hash = NameTable.HashSeed;
            var identifierPart = IdentifierPartTable;
            while (pos < text.Length)
            {
                char p = text[pos];
                if (p >= 128 || !identifierPart[p]) break;
                hash = NameTable.Step(hash, p);
                pos++;
            }
            _pos = pos;
            if (pos < text.Length && text[pos] >= 128)
            {
                while (_pos < text.Length)
                {
                    int part = IdentifierPartLength(_pos);
                    if (part == 0) break;
                    _pos += part;
                }
                var span = text.AsSpan(start, _pos - start);
                token.Kind = SyntaxKind.IdentifierToken;
                token.TextHash = NameTable.Hash(span);
                token.Text = _names.Get(span, token.TextHash);
                return;
            }
            token.Kind = SyntaxKind.IdentifierToken;
            token.TextHash = NameTable.Finish(hash);
            token.Text = _names.Get(text.AsSpan(start, pos - start), token.TextHash);
            return;
        }

        // A run of characters that start nothing: one bad token, so one mistake gives one diagnostic.
        _pos++;
        if (char.IsHighSurrogate(c) && _pos < text.Length && char.IsLowSurrogate(text[_pos])) _pos++;
        while (_pos < text.Length && !StartsSomething(_pos)) _pos++;
        token.Kind = SyntaxKind.BadToken;
        token.Text = text.Substring(start, _pos - start);
    }

    private void Punctuation(ref LexedToken token, SyntaxKind kind, string text)
    {
        token.Kind = kind;
        token.Text = text;
        token.TextHash = NameTable.Finish(NameTable.Step(NameTable.HashSeed, text[0]));
        _pos++;
    }

    private static readonly bool[] IdentifierPartTable = CreateIdentifierPartTable();

    private static bool[] CreateIdentifierPartTable()
    {
        var table = new bool[128];
        for (char c = '\0'; c < 128; c++) table[c] = SyntaxFacts.IsIdentifierPart(c);
        return table;
    }

    /// <summary>True when the character at <paramref name="pos"/> begins trivia or a valid token.</summary>
    private bool StartsSomething(int pos)
    {
        char c = _text[pos];
        switch (c)
        {
            case ' ' or '\t' or '\r' or '\n' or '"' or '.' or ',' or '(' or ')' or ':' or '=':
                return true;
            case '/':
                return pos + 1 < _text.Length && (_text[pos + 1] == '/' || _text[pos + 1] == '*');
            case '-':
                return pos + 1 < _text.Length && SyntaxFacts.IsDigit(_text[pos + 1]);
        }
        return SyntaxFacts.IsDigit(c) || IdentifierStartLength(pos) > 0;
    }

    private int IdentifierStartLength(int pos)
    {
        char c = _text[pos];
        if (c < 128) return SyntaxFacts.IsIdentifierStart(c) ? 1 : 0;
        if (char.IsHighSurrogate(c))
        {
            if (pos + 1 < _text.Length && char.IsLowSurrogate(_text[pos + 1]))
            {
                var rune = new System.Text.Rune(c, _text[pos + 1]);
                return System.Text.Rune.IsLetter(rune) ? 2 : 0;
            }
            return 0;
        }
        return char.IsLetter(c) ? 1 : 0;
    }

    private int IdentifierPartLength(int pos)
    {
        char c = _text[pos];
        if (c < 128) return SyntaxFacts.IsIdentifierPart(c) ? 1 : 0;
        if (char.IsHighSurrogate(c))
        {
            if (pos + 1 < _text.Length && char.IsLowSurrogate(_text[pos + 1]))
            {
                var rune = new System.Text.Rune(c, _text[pos + 1]);
                return System.Text.Rune.IsLetter(rune) || System.Text.Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.DecimalDigitNumber ? 2 : 0;
            }
            return 0;
        }
        return char.IsLetter(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.DecimalDigitNumber ? 1 : 0;
    }

    /// <summary>
    /// Maximal munch: the longest run of digits and EDTF characters. A plain number (optional minus, digits and
    /// underscores, at most one decimal point, digits at both ends of each part) is a number; any other run is one
    /// date token, checked for well-formedness here (CLM1004). Impossible calendar values are left to the checker.
    /// </summary>
    private void ScanNumberOrDate(ref LexedToken token)
    {
        string text = _text;
        int start = _pos;
        _pos++;
        while (_pos < text.Length && SyntaxFacts.IsDateRunChar(text[_pos])) _pos++;
        var run = text.AsSpan(start, _pos - start);
        token.TextHash = NameTable.Hash(run);
        token.Text = _names.Get(run, token.TextHash);
        if (IsPlainNumber(run))
        {
            token.Kind = SyntaxKind.NumberLiteralToken;
            return;
        }
        token.Kind = SyntaxKind.DateLiteralToken;
        if (DateSyntax.Check(run) is { } problem)
        {
            Diagnostics.Add(new LexDiagnostic(start, run.Length, DiagnosticCatalog.MalformedDate, problem));
        }
    }

    internal static bool IsPlainNumber(ReadOnlySpan<char> run)
    {
        int i = 0;
        if (run.Length > 0 && run[0] == '-') i = 1;
        if (i >= run.Length || !SyntaxFacts.IsDigit(run[i])) return false;
        bool seenDot = false;
        char previous = run[i];
        for (i++; i < run.Length; i++)
        {
            char c = run[i];
            if (SyntaxFacts.IsDigit(c)) { previous = c; continue; }
            if (c == '_' && SyntaxFacts.IsDigit(previous) && i + 1 < run.Length && SyntaxFacts.IsDigit(run[i + 1])) { previous = c; continue; }
            if (c == '.' && !seenDot && SyntaxFacts.IsDigit(previous) && i + 1 < run.Length && SyntaxFacts.IsDigit(run[i + 1]))
            {
                seenDot = true;
                previous = c;
                continue;
            }
            return false;
        }
        return true;
    }

    private void ScanString(ref LexedToken token)
    {
        string text = _text;
        int start = _pos;
        if (_pos + 2 < text.Length && text[_pos + 1] == '"' && text[_pos + 2] == '"')
        {
            token.Kind = SyntaxKind.RawStringLiteralToken;
            int close = text.IndexOf("\"\"\"", _pos + 3, StringComparison.Ordinal);
            if (close >= 0)
            {
                _pos = close + 3;
            }
            else
            {
                TouchedEnd = true;
                token.DependsOnRest = true;
                // Unterminated: stop before the first later line that starts a declaration-like word at
                // column 1, so that the rest of the file still parses; otherwise at the end of the file.
                _pos = FindRawStringRecoveryEnd(start + 3);
                Diagnostics.Add(new LexDiagnostic(start, 3, DiagnosticCatalog.UnterminatedString,
                    "unterminated raw string; close it with \"\"\""));
            }
            token.Text = text.Substring(start, _pos - start);
            return;
        }

        token.Kind = SyntaxKind.StringLiteralToken;
        _pos++;
        while (true)
        {
            if (_pos >= text.Length || text[_pos] == '\n' || text[_pos] == '\r')
            {
                if (_pos >= text.Length) TouchedEnd = true;
                Diagnostics.Add(new LexDiagnostic(start, _pos - start, DiagnosticCatalog.UnterminatedString,
                    "unterminated string; add the closing '\"' on the same line (use \"\"\"…\"\"\" for text that spans lines)"));
                break;
            }
            char c = text[_pos];
            if (c == '"')
            {
                _pos++;
                break;
            }
            if (c == '\\')
            {
                _pos += ScanEscape(_pos);
                continue;
            }
            _pos++;
        }
        token.Text = _names.Get(text.AsSpan(start, _pos - start));
    }

    /// <summary>Checks the escape at <paramref name="pos"/> (a backslash) and returns how many characters it spans.</summary>
    private int ScanEscape(int pos)
    {
        string text = _text;
        if (pos + 1 >= text.Length || text[pos + 1] is '\n' or '\r')
        {
            Diagnostics.Add(new LexDiagnostic(pos, 1, DiagnosticCatalog.InvalidEscape,
                "invalid escape sequence '\\' at the end of the line; write '\\\\' for a backslash"));
            return 1;
        }
        char e = text[pos + 1];
        switch (e)
        {
            case '"' or '\\' or 'n' or 't':
                return 2;
            case 'u':
                if (pos + 2 < text.Length && text[pos + 2] == '{')
                {
                    int i = pos + 3;
                    int value = 0, digits = 0;
                    while (i < text.Length && digits <= 6 && char.IsAsciiHexDigit(text[i]))
                    {
                        value = value * 16 + HexValue(text[i]);
                        digits++;
                        i++;
                    }
                    if (i < text.Length && text[i] == '}' && digits is >= 1 and <= 6)
                    {
                        if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
                        {
                            Diagnostics.Add(new LexDiagnostic(pos, i + 1 - pos, DiagnosticCatalog.InvalidEscape,
                                $"invalid escape sequence '{text.Substring(pos, i + 1 - pos)}': U+{value:X} is not a Unicode scalar value"));
                        }
                        return i + 1 - pos;
                    }
                    int end = i < text.Length && text[i] == '}' ? i + 1 : i;
                    Diagnostics.Add(new LexDiagnostic(pos, Math.Max(end - pos, 2), DiagnosticCatalog.InvalidEscape,
                        "invalid escape sequence; write a code point as \\u{1F600} (1 to 6 hex digits in braces)"));
                    return Math.Max(end - pos, 2);
                }
                Diagnostics.Add(new LexDiagnostic(pos, 2, DiagnosticCatalog.InvalidEscape,
                    "invalid escape sequence '\\u'; write a code point as \\u{1F600}"));
                return 2;
            default:
                int width = char.IsHighSurrogate(e) && pos + 2 < text.Length && char.IsLowSurrogate(text[pos + 2]) ? 3 : 2;
                Diagnostics.Add(new LexDiagnostic(pos, width, DiagnosticCatalog.InvalidEscape,
                    $"invalid escape sequence '{text.Substring(pos, width)}'; valid escapes are \\\" \\\\ \\n \\t and \\u{{…}}"));
                return width;
        }
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private int FindRawStringRecoveryEnd(int from)
    {
        string text = _text;
        int i = from;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n' || c == '\r')
            {
                int lineStart = i + 1;
                if (c == '\r' && lineStart < text.Length && text[lineStart] == '\n') lineStart++;
                if (lineStart < text.Length && IdentifierStartLength(lineStart) > 0) return i;
                i = lineStart;
                continue;
            }
            i++;
        }
        return text.Length;
    }
}

/// <summary>
/// Shared trivia instances for the common cases (a space, indentation, line breaks, and the usual pairs). Each has a
/// distinct <see cref="GreenNode.CacheKey"/>, which is how the token cache recognises trivia worth sharing tokens on.
/// </summary>
internal static class TriviaCache
{
    private static int s_nextKey;

    private static T Keyed<T>(T node) where T : GreenNode
    {
        node.CacheKey = ++s_nextKey;
        return node;
    }

    public static readonly GreenTrivia Lf = Keyed(new GreenTrivia(SyntaxKind.EndOfLineTrivia, "\n"));
    public static readonly GreenTrivia CrLf = Keyed(new GreenTrivia(SyntaxKind.EndOfLineTrivia, "\r\n"));
    public static readonly GreenTrivia Cr = Keyed(new GreenTrivia(SyntaxKind.EndOfLineTrivia, "\r"));
    public static readonly GreenTrivia Bom = new(SyntaxKind.ByteOrderMarkTrivia, "\uFEFF");
    private static readonly GreenTrivia[] Spaces = CreateSpaces();

    private static GreenTrivia[] CreateSpaces()
    {
        var result = new GreenTrivia[17];
        for (int i = 1; i < result.Length; i++) result[i] = Keyed(new GreenTrivia(SyntaxKind.WhitespaceTrivia, new string(' ', i)));
        return result;
    }

    public static GreenTrivia Whitespace(ReadOnlySpan<char> text)
    {
        if (text.Length < Spaces.Length)
        {
            int i = 0;
            while (i < text.Length && text[i] == ' ') i++;
            if (i == text.Length) return Spaces[text.Length];
        }
        return new GreenTrivia(SyntaxKind.WhitespaceTrivia, text.ToString());
    }

    // Common two-element lists: "<spaces>\n" after the last token of a line.
    private static readonly GreenTriviaList[] SpacesLf = CreatePairs(Lf);
    private static readonly GreenTriviaList[] SpacesCrLf = CreatePairs(CrLf);
    private static readonly GreenTriviaList LfLf = Keyed(new GreenTriviaList([Lf, Lf]));
    private static readonly GreenTriviaList CrLfCrLf = Keyed(new GreenTriviaList([CrLf, CrLf]));

    private static GreenTriviaList[] CreatePairs(GreenTrivia eol)
    {
        var result = new GreenTriviaList[17];
        for (int i = 1; i < result.Length; i++) result[i] = Keyed(new GreenTriviaList([Spaces[i], eol]));
        return result;
    }

    public static GreenNode List(List<GreenTrivia> items)
    {
        if (items.Count == 2)
        {
            var a = items[0];
            var b = items[1];
            if (a.Kind == SyntaxKind.WhitespaceTrivia && a.Text.Length < Spaces.Length && ReferenceEquals(a, Spaces[a.Text.Length]))
            {
                if (ReferenceEquals(b, Lf)) return SpacesLf[a.Text.Length];
                if (ReferenceEquals(b, CrLf)) return SpacesCrLf[a.Text.Length];
            }
            if (ReferenceEquals(a, Lf) && ReferenceEquals(b, Lf)) return LfLf;
            if (ReferenceEquals(a, CrLf) && ReferenceEquals(b, CrLf)) return CrLfCrLf;
        }
        return new GreenTriviaList([.. items]);
    }
}
