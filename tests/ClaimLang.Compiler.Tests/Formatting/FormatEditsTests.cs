using ClaimLang.Configuration;
using ClaimLang.Formatting;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Tests.Formatting;

/// <summary>Whole-document edits and range formatting (what the language server uses).</summary>
public class FormatEditsTests
{
    private const string Messy =
        "claim X.p   source S\n" +        // 0: changes
        "claim X.q source S\n" +          // 1: already formatted
        "\n\n\n" +
        "// about r\n" +
        "claim X.r\n  source S\n" +       // 2: changes (blank lines above, manual wrap)
        "claim X.s source S\n";           // 3: already formatted

    [Fact]
    public void Edits_of_a_formatted_document_are_empty()
    {
        var tree = SyntaxTree.Parse("claim X.p source S\n\n// c\nclaim X.q source S\n");
        Assert.Empty(Formatter.GetEdits(tree));
    }

    [Fact]
    public void There_is_one_small_edit_per_changed_declaration()
    {
        var tree = SyntaxTree.Parse(Messy);
        var edits = Formatter.GetEdits(tree);
        Assert.Equal(Formatter.Format(tree), FormattingInvariants.Apply(Messy, edits));
        Assert.Equal(2, edits.Count);
        // "claim X.p   source S": only the extra blanks go.
        Assert.Equal(new TextSpan(10, 2), edits[0].Span);
        Assert.Equal("", edits[0].NewText);
        // X.r: the extra blank lines above its comment go and its manual wrap is joined, in one edit that
        // stays inside its region.
        int region = Messy.IndexOf("\n\n\n", StringComparison.Ordinal);
        Assert.True(edits[1].Span.Start > region && edits[1].Span.End < Messy.IndexOf("claim X.s", StringComparison.Ordinal));
        Assert.Equal("// about r\nclaim X.r", edits[1].NewText);
        // Nothing touches the declarations that were already formatted.
        int q = Messy.IndexOf("claim X.q", StringComparison.Ordinal);
        int s = Messy.IndexOf("claim X.s", StringComparison.Ordinal);
        Assert.DoesNotContain(edits, e => e.Span.IntersectsWith(new TextSpan(q, 18)) || e.Span.IntersectsWith(new TextSpan(s, 18)));
    }

    [Fact]
    public void Range_formatting_changes_only_the_declarations_in_the_range()
    {
        var tree = SyntaxTree.Parse(Messy);
        int r = Messy.IndexOf("claim X.r", StringComparison.Ordinal);
        var edits = Formatter.FormatRange(tree, new TextSpan(r + 2, 3));
        string result = FormattingInvariants.Apply(Messy, edits);
        // X.r is formatted with the comment and blank lines above it; X.p is left as it was.
        Assert.Equal("claim X.p   source S\nclaim X.q source S\n\n// about r\nclaim X.r source S\nclaim X.s source S\n", result);
    }

    [Fact]
    public void An_empty_range_formats_the_declaration_it_is_in()
    {
        var tree = SyntaxTree.Parse(Messy);
        var edits = Formatter.FormatRange(tree, new TextSpan(3, 0));
        Assert.Equal("claim X.p source S\n" + Messy["claim X.p   source S\n".Length..], FormattingInvariants.Apply(Messy, edits));
    }

    [Fact]
    public void A_range_over_everything_gives_the_same_edits_as_the_whole_document()
    {
        var tree = SyntaxTree.Parse(Messy);
        Assert.Equal(Formatter.GetEdits(tree), Formatter.FormatRange(tree, new TextSpan(0, Messy.Length)));
        Assert.Equal(Formatter.GetEdits(tree), Formatter.FormatRange(tree, new TextSpan(0, 100_000)));
    }

    [Fact]
    public void A_range_that_ends_where_a_declaration_starts_does_not_include_it()
    {
        var tree = SyntaxTree.Parse("claim X.p source S\nclaim   X.q source S\n");
        Assert.Empty(Formatter.FormatRange(tree, new TextSpan(0, "claim X.p source S\n".Length)));
        Assert.Single(Formatter.FormatRange(tree, new TextSpan(0, "claim X.p source S\n".Length + 1)));
    }

    [Fact]
    public void A_cursor_at_the_end_of_a_file_without_a_final_line_break_formats_the_last_declaration()
    {
        const string text = "claim X.p source S\nclaim   X.q source S";
        var edits = Formatter.FormatRange(SyntaxTree.Parse(text), new TextSpan(text.Length, 0));
        Assert.Equal("claim X.p source S\nclaim X.q source S\n", FormattingInvariants.Apply(text, edits));
    }

    [Fact]
    public void The_tail_of_the_file_is_a_region_of_its_own()
    {
        const string text = "claim X.p source S\n\n\n// end   \n\n";
        var edits = Formatter.FormatRange(SyntaxTree.Parse(text), new TextSpan(text.Length - 1, 1));
        Assert.Equal("claim X.p source S\n\n// end\n", FormattingInvariants.Apply(text, edits));
    }

    [Fact]
    public void Edits_never_split_a_CR_LF_pair()
    {
        const string text = "claim X.p\r\n\r\n  source S\r\nclaim X.q\r\n  source S\r\n";
        var edits = Formatter.GetEdits(SyntaxTree.Parse(text));
        Assert.NotEmpty(edits);
        foreach (var edit in edits)
        {
            Assert.False(edit.Span.Start > 0 && text[edit.Span.Start - 1] == '\r' && text[edit.Span.Start] == '\n');
            Assert.False(edit.Span.End > 0 && edit.Span.End < text.Length && text[edit.Span.End - 1] == '\r' && text[edit.Span.End] == '\n');
        }
        Assert.Equal("claim X.p source S\r\nclaim X.q source S\r\n", FormattingInvariants.Apply(text, edits));
    }

    [Fact]
    public void Range_formatting_uses_the_options()
    {
        const string text = "claim X.p source S quote \"a quote that is long enough to wrap here\"\n";
        var edits = Formatter.FormatRange(SyntaxTree.Parse(text), new TextSpan(0, 1), new FormatOptions { Width = 40, Indent = 4 });
        Assert.Equal("claim X.p\n    source S\n    quote \"a quote that is long enough to wrap here\"\n", FormattingInvariants.Apply(text, edits));
    }

    [Fact]
    public void Range_formatting_of_a_file_with_errors_does_nothing()
    {
        const string text = "claim   X.p source S\nclaim X.q bogus\n";
        Assert.Empty(Formatter.FormatRange(SyntaxTree.Parse(text), new TextSpan(0, 5)));
    }

    [Fact]
    public void Edits_work_on_an_incrementally_reparsed_tree()
    {
        var tree = SyntaxTree.Parse("claim X.p source S\nclaim X.q source S\n");
        var edited = tree.WithChange(new TextSpan(5, 0), "   ");
        string text = edited.ToString();
        var edits = Formatter.GetEdits(edited);
        Assert.Single(edits);
        Assert.Equal("claim X.p source S\nclaim X.q source S\n", FormattingInvariants.Apply(text, edits));
    }
}
