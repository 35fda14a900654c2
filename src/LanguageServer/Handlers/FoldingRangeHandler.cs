using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;
using ClaimLang.LanguageServer.Workspace;
using ClaimLang.Syntax;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>
/// textDocument/foldingRange, from the syntax tree: every declaration that spans several lines, every run of two or
/// more whole-line comments, every block comment over several lines, and <c>// #region</c> … <c>// #endregion</c>.
/// </summary>
internal sealed class FoldingRangeHandler : ILspHandler
{
    public void Register(HandlerRegistry registry) =>
        registry.Request<FoldingRangeParams, List<FoldingRange>>("textDocument/foldingRange", (p, context, cancellationToken) =>
            Build(context.GetDocument(p.TextDocument), cancellationToken), staleOnEdit: true);

    internal static List<FoldingRange> Build(DocumentSnapshot document, CancellationToken cancellationToken)
    {
        var lines = document.Lines;
        var text = document.Text;
        var result = new List<FoldingRange>();
        var regions = new Stack<int>();
        int runStart = -1, runEnd = -1;

        void Flush()
        {
            if (runStart >= 0 && runEnd > runStart) result.Add(new FoldingRange { StartLine = runStart, EndLine = runEnd, Kind = FoldingRangeKind.Comment });
            runStart = runEnd = -1;
        }

        var root = document.Tree.GetRoot();
        foreach (var declaration in root.Declarations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (declaration is not SkippedDeclarationSyntax)
            {
                int first = lines.GetLine(declaration.SpanStart);
                int last = lines.GetLine(declaration.Span.End);
                if (last > first) result.Add(new FoldingRange { StartLine = first, EndLine = last });
            }
        }

        foreach (var token in root.DescendantTokens())
        {
            foreach (var trivia in token.LeadingTrivia) Visit(trivia);
            foreach (var trivia in token.TrailingTrivia) Visit(trivia);
        }
        Flush();

        void Visit(SyntaxTrivia trivia)
        {
            switch (trivia.Kind)
            {
                case SyntaxKind.SingleLineCommentTrivia or SyntaxKind.DocumentationCommentTrivia:
                {
                    int line = lines.GetLine(trivia.Span.Start);
                    if (!StartsLine(trivia.Span.Start))
                    {
                        Flush();
                        return;
                    }
                    var body = trivia.Text.AsSpan(2).TrimStart('/').Trim();
                    if (body.StartsWith("#region", StringComparison.OrdinalIgnoreCase))
                    {
                        Flush();
                        regions.Push(line);
                        return;
                    }
                    if (body.StartsWith("#endregion", StringComparison.OrdinalIgnoreCase))
                    {
                        Flush();
                        if (regions.Count > 0 && regions.Peek() < line)
                            result.Add(new FoldingRange { StartLine = regions.Pop(), EndLine = line, Kind = FoldingRangeKind.Region });
                        return;
                    }
                    if (runStart >= 0 && runEnd == line - 1) runEnd = line;
                    else
                    {
                        Flush();
                        runStart = runEnd = line;
                    }
                    return;
                }
                case SyntaxKind.MultiLineCommentTrivia:
                {
                    Flush();
                    int first = lines.GetLine(trivia.Span.Start);
                    int last = lines.GetLine(trivia.Span.End);
                    if (last > first) result.Add(new FoldingRange { StartLine = first, EndLine = last, Kind = FoldingRangeKind.Comment });
                    return;
                }
            }
        }

        bool StartsLine(int position)
        {
            for (int i = position - 1; i >= 0; i--)
            {
                char c = text[i];
                if (c is '\n' or '\r') return true;
                if (c is not (' ' or '\t' or '\uFEFF')) return false;
            }
            return true;
        }

        result.Sort(static (a, b) => a.StartLine != b.StartLine ? a.StartLine.CompareTo(b.StartLine) : b.EndLine.CompareTo(a.EndLine));
        return result;
    }
}
