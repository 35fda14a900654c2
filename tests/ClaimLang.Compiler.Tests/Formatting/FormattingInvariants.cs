using System.Text;
using ClaimLang.Configuration;
using ClaimLang.Formatting;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Tests.Formatting;

/// <summary>
/// The promises the formatter makes for every input, as reusable assertions:
/// a file with syntax errors is left alone; otherwise the output parses without errors, has the same tokens
/// (kinds and texts) and the same comments in the same order, keeps the BOM and the line-break style, attaches
/// the same doc comments to the same declarations, keeps every suppression comment on the line above the same
/// tokens, is a fixed point of the formatter, and is what the whole-document edits produce.
/// </summary>
internal static class FormattingInvariants
{
    /// <summary>Checks every invariant for <paramref name="input"/> and returns the formatted text.</summary>
    public static string AssertSafe(string input, FormatOptions? options = null)
    {
        var tree = SyntaxTree.Parse(input);
        var result = Formatter.TryFormat(tree, options);
        if (tree.GetDiagnostics().Count > 0)
        {
            Assert.True(result.SkippedBecauseOfErrors, "a file with syntax errors must be skipped");
            Assert.False(result.Changed);
            Assert.Equal(input, result.Text);
            Assert.NotEmpty(result.Errors);
            Assert.Empty(Formatter.GetEdits(tree, options));
            Assert.Equal(input, Formatter.Format(tree, options));
            return input;
        }

        Assert.False(result.SkippedBecauseOfErrors);
        Assert.Empty(result.Errors);
        string output = result.Text;
        Assert.Equal(!string.Equals(input, output, StringComparison.Ordinal), result.Changed);

        var formattedTree = SyntaxTree.Parse(output);
        Assert.True(formattedTree.GetDiagnostics().Count == 0,
            "the output has syntax errors: " + string.Join("; ", formattedTree.GetDiagnostics()) + "\n--- input ---\n" + input + "\n--- output ---\n" + output);
        AssertSameTokens(tree, formattedTree, input, output);
        AssertSameComments(tree, formattedTree);
        AssertSameDataset(input, output);
        AssertSameSuppressions(tree, formattedTree);
        AssertLayoutBasics(input, output);

        string again = Formatter.Format(formattedTree, options);
        Assert.True(string.Equals(output, again, StringComparison.Ordinal),
            "formatting is not idempotent\n--- input ---\n" + input + "\n--- once ---\n" + output + "\n--- twice ---\n" + again);
        Assert.Empty(Formatter.GetEdits(formattedTree, options));

        Assert.Equal(output, Apply(input, Formatter.GetEdits(tree, options)));
        return output;
    }

    /// <summary>Same non-trivia tokens, in the same order, with the same kinds and texts.</summary>
    public static void AssertSameTokens(SyntaxTree before, SyntaxTree after, string input = "", string output = "")
    {
        var a = Tokens(before);
        var b = Tokens(after);
        int n = Math.Min(a.Count, b.Count);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
                Assert.Fail($"token {i} differs: {a[i]} became {b[i]}\n--- input ---\n{input}\n--- output ---\n{output}");
        }
        Assert.Equal(a.Count, b.Count);
    }

    /// <summary>Same comments in the same order (line comments compared without the blanks at their end).</summary>
    public static void AssertSameComments(SyntaxTree before, SyntaxTree after) => Assert.Equal(Comments(before), Comments(after));

    /// <summary>
    /// The formatted file means the same as the original: the declarations keep their kinds, clause kinds, tokens
    /// and documentation comments; compiled, both give the same dataset apart from source locations, and the same
    /// diagnostic codes.
    /// </summary>
    public static void AssertSameDataset(string original, string formatted)
    {
        Assert.Equal(Declarations(SyntaxTree.Parse(original)), Declarations(SyntaxTree.Parse(formatted)));
        var (dataset, codes) = Compile(original);
        var (formattedDataset, formattedCodes) = Compile(formatted);
        Assert.Equal(codes, formattedCodes);
        Assert.Equal(dataset, formattedDataset);
    }

    private static readonly string DatasetRoot = Path.Combine(Path.GetTempPath(), "claimlang-format-invariants");

    /// <summary>The dataset as JSON without "location" members, and the sorted diagnostic codes.</summary>
    private static (string Dataset, string Codes) Compile(string text)
    {
        var tree = SyntaxTree.Parse(text, Path.Combine(DatasetRoot, "main.claim"));
        var compilation = ClaimLang.Binding.Compilation.Create([tree], today: new DateOnly(2026, 1, 1));
        var codes = string.Join(",", compilation.GetDiagnostics().Select(d => d.Id).Order(StringComparer.Ordinal));
        var json = ClaimLang.Runtime.DatasetJson.WriteToString(ClaimLang.Emit.DatasetBuilder.Build(compilation, DatasetRoot));
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        RemoveLocations(node);
        return (node.ToJsonString(), codes);
    }

    private static void RemoveLocations(System.Text.Json.Nodes.JsonNode root)
    {
        var stack = new Stack<System.Text.Json.Nodes.JsonNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case System.Text.Json.Nodes.JsonObject obj:
                    obj.Remove("location");
                    foreach (var (_, value) in obj) if (value is not null) stack.Push(value);
                    break;
                case System.Text.Json.Nodes.JsonArray array:
                    foreach (var value in array) if (value is not null) stack.Push(value);
                    break;
            }
        }
    }

    /// <summary>
    /// Every token is on a line with the same <c>claimlang-disable-next-line</c> codes as before, so the same
    /// findings are silenced.
    /// </summary>
    public static void AssertSameSuppressions(SyntaxTree before, SyntaxTree after)
    {
        Assert.Equal(SuppressedCodes(before), SuppressedCodes(after));
    }

    /// <summary>Line breaks in one style, BOM kept, no trailing blanks, no blank first line, one final line break.</summary>
    public static void AssertLayoutBasics(string input, string output)
    {
        Assert.Equal(input.StartsWith('\uFEFF'), output.StartsWith('\uFEFF'));
        string body = output.TrimStart('\uFEFF');
        if (body.Length == 0) return;
        string newLine = FirstLineBreak(SyntaxTree.Parse(input));
        Assert.EndsWith(newLine, body);
        Assert.False(body.EndsWith(newLine + newLine, StringComparison.Ordinal), "blank line at the end");
        Assert.False(body.StartsWith(newLine, StringComparison.Ordinal), "blank line at the start");
        Assert.False(body.EndsWith(' ' + newLine, StringComparison.Ordinal), "trailing whitespace on the last line");
        var tree = SyntaxTree.Parse(output);
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            foreach (var list in new[] { token.LeadingTrivia, token.TrailingTrivia })
            {
                for (int i = 0; i < list.Count; i++)
                {
                    var trivia = list[i];
                    if (trivia.Kind == SyntaxKind.EndOfLineTrivia) Assert.Equal(newLine, trivia.Text);
                    if (trivia.Kind == SyntaxKind.WhitespaceTrivia)
                    {
                        Assert.DoesNotContain('\t', trivia.Text);
                        Assert.False(i + 1 < list.Count && list[i + 1].Kind == SyntaxKind.EndOfLineTrivia, "trailing whitespace");
                    }
                    if (trivia.Kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.DocumentationCommentTrivia)
                        Assert.False(trivia.Text.EndsWith(' ') || trivia.Text.EndsWith('\t'), "trailing blanks in a line comment");
                }
            }
        }
    }

    public static string Apply(string text, IReadOnlyList<FormatEdit> edits)
    {
        var builder = new StringBuilder();
        int position = 0;
        foreach (var edit in edits)
        {
            Assert.True(edit.Span.Start >= position, "edits overlap or are out of order");
            builder.Append(text, position, edit.Span.Start - position).Append(edit.NewText);
            position = edit.Span.End;
        }
        builder.Append(text, position, text.Length - position);
        // The same through Roslyn's own change application.
        var viaRoslyn = SourceText.From(text).WithChanges(edits.Select(e => e.ToTextChange())).ToString();
        Assert.Equal(builder.ToString(), viaRoslyn);
        return builder.ToString();
    }

    // ------------------------------------------------------------------ extraction

    public static List<(SyntaxKind Kind, string Text)> Tokens(SyntaxTree tree)
    {
        var list = new List<(SyntaxKind, string)>();
        foreach (var token in tree.GetRoot().DescendantTokens()) list.Add((token.Kind, token.Text));
        return list;
    }

    public static List<string> Comments(SyntaxTree tree)
    {
        var list = new List<string>();
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            foreach (var trivia in token.LeadingTrivia) AddComment(list, trivia);
            foreach (var trivia in token.TrailingTrivia) AddComment(list, trivia);
        }
        return list;
    }

    private static void AddComment(List<string> list, SyntaxTrivia trivia)
    {
        switch (trivia.Kind)
        {
            case SyntaxKind.MultiLineCommentTrivia:
                list.Add(trivia.Text);
                break;
            case SyntaxKind.SingleLineCommentTrivia:
            case SyntaxKind.DocumentationCommentTrivia:
                list.Add(trivia.Text.TrimEnd(' ', '\t'));
                break;
        }
    }

    /// <summary>Per declaration: its kind, its clause kinds, its tokens and its documentation comment.</summary>
    public static List<string> Declarations(SyntaxTree tree)
    {
        var list = new List<string>();
        foreach (var declaration in tree.GetRoot().Declarations)
        {
            var b = new StringBuilder();
            b.Append(declaration.Kind).Append(" [");
            foreach (var clause in declaration.Clauses) b.Append(clause.Kind).Append(' ');
            b.Append("] ");
            foreach (var token in declaration.DescendantTokens()) b.Append(token.Kind).Append(':').Append(token.Text).Append(' ');
            b.Append("doc=").Append(DocComment(declaration));
            list.Add(b.ToString());
        }
        return list;
    }

    /// <summary>
    /// The <c>///</c> lines directly above a declaration: the run of lines that hold only a doc comment right
    /// before its keyword, with no blank line or other comment in between.
    /// </summary>
    public static string DocComment(DeclarationSyntax declaration)
    {
        var trivia = declaration.GetFirstToken().LeadingTrivia;
        var lines = new List<string>();
        int i = trivia.Count - 1;
        while (i >= 0)
        {
            // Expect: [whitespace] doc EOL, read backwards.
            if (trivia[i].Kind != SyntaxKind.EndOfLineTrivia) break;
            int j = i - 1;
            if (j < 0 || trivia[j].Kind != SyntaxKind.DocumentationCommentTrivia) break;
            int k = j - 1;
            if (k >= 0 && trivia[k].Kind == SyntaxKind.WhitespaceTrivia) k--;
            if (k >= 0 && trivia[k].Kind is not (SyntaxKind.EndOfLineTrivia or SyntaxKind.ByteOrderMarkTrivia)) break;
            lines.Insert(0, trivia[j].Text.TrimEnd(' ', '\t'));
            i = k;
        }
        return string.Join("|", lines);
    }

    /// <summary>For each token in order, the codes suppressed on its line.</summary>
    public static List<string> SuppressedCodes(SyntaxTree tree)
    {
        var map = SuppressionMap.Create(tree.Text);
        var list = new List<string>();
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.Kind == SyntaxKind.EndOfFileToken) continue;
            int line = tree.Text.Lines.GetLineFromPosition(token.SpanStart).LineNumber;
            list.Add(token.Text + "=" + string.Join(",", map.CodesOn(line)));
        }
        return list;
    }

    public static string FirstLineBreak(SyntaxTree tree)
    {
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            foreach (var trivia in token.LeadingTrivia)
                if (trivia.Kind == SyntaxKind.EndOfLineTrivia) return trivia.Text;
            foreach (var trivia in token.TrailingTrivia)
                if (trivia.Kind == SyntaxKind.EndOfLineTrivia) return trivia.Text;
        }
        return "\n";
    }
}
