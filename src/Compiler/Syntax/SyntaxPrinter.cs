using System.Text;

namespace ClaimLang.Syntax;

/// <summary>
/// Prints a syntax tree readably: one line per node and token with its kind and span, tokens with their text and
/// trivia. Used by <c>claimc syntax</c> and by the syntax baselines. Spans are [start..end) character offsets.
/// </summary>
public static class SyntaxPrinter
{
    public static string Print(SyntaxNode root)
    {
        var builder = new StringBuilder();
        Print(root, builder);
        return builder.ToString();
    }

    public static void Print(SyntaxNode root, StringBuilder builder)
    {
        // Explicit stack: the tree is shallow, but printing should not depend on that.
        var stack = new Stack<(SyntaxNodeOrToken Item, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (item, depth) = stack.Pop();
            builder.Append(' ', depth * 2);
            if (item.AsNode() is { } node)
            {
                builder.Append(node.Kind).Append(' ').Append(FormatSpan(node.FullSpan.Start, node.FullSpan.End));
                if (node.ContainsDiagnostics && node.Green.Diagnostics is { Length: > 0 } d) builder.Append(" diagnostics=").Append(d.Length);
                builder.Append('\n');
                var children = node.ChildNodesAndTokens().ToList();
                for (int i = children.Count - 1; i >= 0; i--) stack.Push((children[i], depth + 1));
            }
            else
            {
                var token = item.AsToken();
                builder.Append(token.Kind).Append(' ');
                if (token.IsMissing) builder.Append("<missing>");
                else builder.Append(Quote(token.Text));
                builder.Append(' ').Append(FormatSpan(token.Span.Start, token.Span.End));
                AppendTrivia(builder, "lead", token.LeadingTrivia);
                AppendTrivia(builder, "trail", token.TrailingTrivia);
                builder.Append('\n');
            }
        }
    }

    private static void AppendTrivia(StringBuilder builder, string label, SyntaxTriviaList trivia)
    {
        if (trivia.Count == 0) return;
        builder.Append(' ').Append(label).Append(':');
        foreach (var t in trivia)
        {
            builder.Append(' ').Append(t.Kind switch
            {
                SyntaxKind.WhitespaceTrivia => "ws",
                SyntaxKind.EndOfLineTrivia => "eol",
                SyntaxKind.SingleLineCommentTrivia => "comment",
                SyntaxKind.MultiLineCommentTrivia => "block",
                SyntaxKind.DocumentationCommentTrivia => "doc",
                SyntaxKind.SkippedTokenTrivia => "skipped",
                SyntaxKind.ByteOrderMarkTrivia => "bom",
                _ => t.Kind.ToString(),
            });
            builder.Append(Quote(t.Text));
        }
    }

    private static string FormatSpan(int start, int end) => $"[{start}..{end})";

    /// <summary>Quotes text with escapes for control characters, so every line of the output is one line.</summary>
    public static string Quote(string text)
    {
        const int max = 60;
        var builder = new StringBuilder(Math.Min(text.Length, max) + 2);
        builder.Append('"');
        int shown = 0;
        foreach (char c in text)
        {
            if (shown++ >= max)
            {
                builder.Append("…(").Append(text.Length).Append(" chars)");
                break;
            }
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c == '\uFEFF') builder.Append("\\u").Append(((int)c).ToString("X4"));
                    else builder.Append(c);
                    break;
            }
        }
        builder.Append('"');
        return builder.ToString();
    }
}
