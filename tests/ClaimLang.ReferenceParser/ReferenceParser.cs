#nullable enable

using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using ClaimLang.ReferenceGrammar.Generated;

namespace ClaimLang.ReferenceGrammar;

/// <summary>One lexer or parser error of the reference parser.</summary>
/// <param name="Line">1-based line; LF, CRLF and CR all end a line.</param>
/// <param name="Column">1-based column, in UTF-16 code units.</param>
/// <param name="Offset">0-based offset of the offending text in the input.</param>
/// <param name="Message">ANTLR's message ("mismatched input … expecting …").</param>
public sealed record ReferenceSyntaxError(int Line, int Column, int Offset, string Message)
{
    public override string ToString() => $"{Line}:{Column}: {Message}";
}

/// <summary>The outcome of <see cref="ReferenceParser.Parse"/>.</summary>
public sealed class ReferenceParseResult
{
    internal ReferenceParseResult(
        ClaimLangParser.CompilationUnitContext tree,
        IReadOnlyList<IToken> tokens,
        IReadOnlyList<ReferenceSyntaxError> errors)
    {
        Tree = tree;
        Tokens = tokens;
        Errors = errors;
    }

    /// <summary>True when the grammar accepts the input: no lexer and no parser error.</summary>
    public bool Accepted => Errors.Count == 0;

    /// <summary>Every error, in the order ANTLR reported them.</summary>
    public IReadOnlyList<ReferenceSyntaxError> Errors { get; }

    /// <summary>The parse tree (built even when there are errors, with ANTLR's recovery).</summary>
    public ClaimLangParser.CompilationUnitContext Tree { get; }

    /// <summary>All tokens, including hidden-channel ones (documentation comments) and the end-of-file token.</summary>
    public IReadOnlyList<IToken> Tokens { get; }

    /// <summary>The symbolic name of a token type ("IDENTIFIER", "DATE_LITERAL", …).</summary>
    public static string TokenName(int tokenType) =>
        tokenType == TokenConstants.EOF ? "EOF" : ClaimLangLexer.DefaultVocabulary.GetSymbolicName(tokenType) ?? tokenType.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Parses ClaimLang text with the parser generated from grammar/ClaimLang.g4. This is the executable
/// form of the normative grammar; the compiler's hand-written parser must accept exactly what it accepts.
/// </summary>
public static class ReferenceParser
{
    /// <summary>
    /// Lexes and parses <paramref name="text"/>. With <paramref name="sll"/> (the default) ANTLR uses
    /// its faster SLL prediction; pass false for full LL prediction. The grammar is meant to give the same
    /// answer either way (a test checks it).
    /// </summary>
    public static ReferenceParseResult Parse(string text, bool sll = true)
    {
        ArgumentNullException.ThrowIfNull(text);

        var lineMap = new LineMap(text);
        var errors = new List<ReferenceSyntaxError>();

        // UTF-16 code units, exactly like the compiler's lexer (a surrogate pair is two characters).
        var lexer = new ClaimLangLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        lexer.AddErrorListener(new LexerErrorCollector(lexer, lineMap, errors));

        var tokens = new CommonTokenStream(lexer);
        var parser = new ClaimLangParser(tokens);
        parser.RemoveErrorListeners();
        parser.AddErrorListener(new ParserErrorCollector(lineMap, errors));
        parser.Interpreter.PredictionMode = sll ? PredictionMode.SLL : PredictionMode.LL;

        ClaimLangParser.CompilationUnitContext tree = parser.compilationUnit();
        tokens.Fill();
        return new ReferenceParseResult(tree, tokens.GetTokens().ToArray(), errors);
    }

    private sealed class LexerErrorCollector(Lexer lexer, LineMap lineMap, List<ReferenceSyntaxError> errors) : IAntlrErrorListener<int>
    {
        public void SyntaxError(TextWriter output, IRecognizer recognizer, int offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
        {
            int offset = lexer.TokenStartCharIndex;
            var (l, c) = lineMap.GetLineAndColumn(offset);
            errors.Add(new ReferenceSyntaxError(l, c, offset, msg));
        }
    }

    private sealed class ParserErrorCollector(LineMap lineMap, List<ReferenceSyntaxError> errors) : BaseErrorListener
    {
        public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
        {
            int offset = offendingSymbol?.StartIndex ?? 0;
            var (l, c) = lineMap.GetLineAndColumn(offset);
            errors.Add(new ReferenceSyntaxError(l, c, offset, msg));
        }
    }

    /// <summary>Start offsets of the lines of a text; LF, CRLF and CR each end a line.</summary>
    private sealed class LineMap
    {
        private readonly List<int> _starts = [0];

        public LineMap(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                    _starts.Add(i + 1);
                }
                else if (c == '\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) GetLineAndColumn(int offset)
        {
            int index = _starts.BinarySearch(offset);
            if (index < 0)
            {
                index = ~index - 1;
            }
            return (index + 1, offset - _starts[index] + 1);
        }
    }
}
