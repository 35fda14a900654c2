using System.Text;
using ClaimLang.Syntax;

namespace ClaimLang.Tests.Formatting;

/// <summary>
/// Rewrites the layout of an error-free file without changing its tokens: random blanks, manual line breaks and
/// (optionally) comments of every kind in every place a comment can go. Declarations still start at column 1
/// and every other token is still either after something on its line or indented, so the result parses to the
/// same tokens. Deterministic for a given seed.
/// </summary>
internal sealed class LayoutFuzzer(int seed)
{
    private readonly Random _random = new(seed);
    private int _comment;

    /// <summary>
    /// The same tokens as <paramref name="tree"/> with a new layout. With <paramref name="comments"/> false only
    /// blanks and line breaks inside declarations change, and the text between declarations is kept as it was,
    /// so the formatter must produce exactly what it produces for the original.
    /// </summary>
    public string Relayout(SyntaxTree tree, bool comments)
    {
        var b = new StringBuilder();
        string nl = _random.Next(4) switch { 0 => "\r\n", 1 => "\r", _ => "\n" };
        var root = tree.GetRoot();
        foreach (var declaration in root.Declarations)
        {
            bool first = true;
            SyntaxToken last = default;
            foreach (var token in declaration.DescendantTokens())
            {
                last = token;
                if (first)
                {
                    first = false;
                    if (comments) Gap(b, nl);
                    else AppendTrivia(b, token.LeadingTrivia);
                }
                else
                {
                    Separator(b, nl, comments);
                }
                b.Append(token.Text);
            }
            if (comments)
            {
                if (_random.Next(4) == 0) b.Append(' ').Append(Comment(lineComment: _random.Next(2) == 0));
                b.Append(nl);
            }
            else
            {
                // The original line break, so that the text between declarations is exactly as it was (a CR
                // followed by the LF that starts a blank line would make one CR LF).
                foreach (var item in last.TrailingTrivia)
                {
                    if (item.Kind == SyntaxKind.EndOfLineTrivia) b.Append(item.Text);
                }
            }
        }
        if (comments) Gap(b, nl);
        else AppendTrivia(b, root.EndOfFileToken.LeadingTrivia);
        return b.ToString();
    }

    private static void AppendTrivia(StringBuilder b, SyntaxTriviaList trivia)
    {
        foreach (var item in trivia) b.Append(item.Text);
    }

    /// <summary>Between two tokens of a declaration: never nothing (two names would merge), never a line start.</summary>
    private void Separator(StringBuilder b, string nl, bool comments)
    {
        int choice = _random.Next(comments ? 14 : 7);
        switch (choice)
        {
            case 0: case 1: case 2: b.Append(' '); break;
            case 3: b.Append(Blanks()); break;
            case 4: b.Append(nl).Append(Indentation()); break;
            case 5: b.Append(Blanks()).Append(nl).Append(nl).Append(Indentation()); break;
            case 6: b.Append(nl).Append(Blanks()).Append(nl).Append(Indentation()); break;
            case 7: b.Append(' ').Append(Comment(lineComment: false)).Append(' '); break;
            case 8: b.Append(' ').Append(Comment(lineComment: true)).Append(nl).Append(Indentation()); break;
            case 9: b.Append(nl).Append(Indentation()).Append(Comment(lineComment: _random.Next(2) == 0)).Append(nl).Append(Indentation()); break;
            case 10: b.Append(nl).Append(Comment(lineComment: false)).Append(' '); break; // a comment at column 1, then the token
            case 11: b.Append(nl).Append(Comment(lineComment: true)).Append(nl).Append(nl).Append(Indentation()); break;
            case 12: b.Append(' ').Append(Comment(lineComment: false)); break; // glued to the next token
            default: b.Append(' ').Append(MultiLineComment(nl)).Append(_random.Next(2) == 0 ? " " : nl + Indentation()); break;
        }
    }

    /// <summary>Comment lines and blank lines between declarations.</summary>
    private void Gap(StringBuilder b, string nl)
    {
        for (int i = 0, n = _random.Next(4) == 0 ? _random.Next(1, 5) : 0; i < n; i++)
        {
            switch (_random.Next(7))
            {
                case 0: b.Append(nl); break;
                case 1: b.Append(Blanks()).Append(nl); break;
                case 2: b.Append(Comment(lineComment: true)).Append(nl); break;
                case 3: b.Append(Indentation()).Append(Comment(lineComment: true)).Append(nl); break;
                case 4: b.Append("/// doc ").Append(_comment++).Append(Blanks()).Append(nl); break;
                case 5: b.Append(Comment(lineComment: false)).Append(' ').Append(Comment(lineComment: false)).Append(nl); break;
                default: b.Append(MultiLineComment(nl)).Append(nl); break;
            }
        }
    }

    // Some line comments are suppression directives: alone on their line they silence codes on the next line,
    // which the formatter must keep next to them (the invariants compare the silenced codes of every token).
    private string Comment(bool lineComment) =>
        lineComment
            ? (_random.Next(6) == 0 ? "// claimlang-disable-next-line CLM3003, CLM3011 -- c" : "// c") + _comment++ + (_random.Next(3) == 0 ? "  " : "")
            : "/* c" + _comment++ + " */";

    private string MultiLineComment(string nl) => "/* m" + _comment++ + nl +
        (_random.Next(3) == 0 ? "  // claimlang-disable-next-line CLM3003" : "claim Not.real source X") + nl + "   end */";

    private string Blanks() => _random.Next(3) switch { 0 => "  ", 1 => "\t", _ => " \t " };

    private string Indentation() => _random.Next(4) switch { 0 => " ", 1 => "\t", 2 => "    ", _ => "  " };
}
