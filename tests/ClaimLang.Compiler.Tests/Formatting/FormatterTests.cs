using ClaimLang.Configuration;
using ClaimLang.Formatting;
using ClaimLang.Syntax;

namespace ClaimLang.Tests.Formatting;

/// <summary>One test per layout rule of docs/formatting.md; every case also checks all the invariants.</summary>
public class FormatterTests
{
    private static readonly FormatOptions Width40 = new() { Width = 40 };

    /// <summary>Formats <paramref name="input"/> (LF in the test source), checks the invariants and the expected text.</summary>
    private static void AssertFormats(string input, string expected, FormatOptions? options = null)
    {
        string output = FormattingInvariants.AssertSafe(input, options);
        Assert.Equal(expected, output);
    }

    // ------------------------------------------------------------------ spacing

    [Fact]
    public void Tokens_are_separated_by_single_spaces()
    {
        AssertFormats("claim   X.p\tsource  S  confidence\t\tlow\n", "claim X.p source S confidence low\n");
    }

    [Fact]
    public void No_space_around_dots_and_inside_parentheses_one_after_commas_and_colons()
    {
        AssertFormats("claim c  =  X . p ( target : Bashar ,replacement:Maher , 2017 ) source S\n",
            "claim c = X.p(target: Bashar, replacement: Maher, 2017) source S\n");
    }

    [Fact]
    public void Predicate_parameters_get_canonical_spacing()
    {
        AssertFormats("predicate coup ( target :actor,when : date )   \"tried\"\n",
            "predicate coup(target: actor, when: date) \"tried\"\n");
        AssertFormats("predicate p ( ) \"nothing\"\n", "predicate p() \"nothing\"\n");
    }

    [Fact]
    public void Lists_references_and_coordinates_get_canonical_spacing()
    {
        AssertFormats("source S \"s\" cites A ,B,   C\n", "source S \"s\" cites A, B, C\n");
        AssertFormats("claim X.p source S contradicts A . q , B supersedes C .r\n", "claim X.p source S contradicts A.q, B supersedes C.r\n");
        AssertFormats("place P \"p\" at 33.4114 ,-36.4156\n", "place P \"p\" at 33.4114, -36.4156\n");
        AssertFormats("actor A \"a\" aka \"x\" ,\"y\"\n", "actor A \"a\" aka \"x\", \"y\"\n");
    }

    [Fact]
    public void Literals_are_never_touched()
    {
        AssertFormats("claim X.p(n: 40_000, d: 2017-01-28T07:23+03:00) on ../2017-01-30 source S note \"a  \\\"b\\\"  \\u{1F600}\"\n",
            "claim X.p(n: 40_000, d: 2017-01-28T07:23+03:00) on ../2017-01-30 source S note \"a  \\\"b\\\"  \\u{1F600}\"\n");
        AssertFormats("claim X.p on 2016~ source S\nclaim X.q on 201X source S\nclaim X.r on 2015-23 source S\n",
            "claim X.p on 2016~ source S\nclaim X.q on 201X source S\nclaim X.r on 2015-23 source S\n");
    }

    // ------------------------------------------------------------------ declarations and lines

    [Fact]
    public void A_manually_wrapped_short_declaration_is_joined()
    {
        AssertFormats("claim X.p\n  source S\n\n\tconfidence low\n", "claim X.p source S confidence low\n");
    }

    [Fact]
    public void A_long_declaration_keeps_its_head_alone_and_fills_continuation_lines()
    {
        string input = "claim coup = IRGC.coup_attempt(target: Bashar, replacement: Maher) on 2017-01-28 source MET confidence low credibility 4 supports H1 quote \"tried to depose Al Assad and replace him with his brother Maher\"\n";
        AssertFormats(input,
            "claim coup = IRGC.coup_attempt(target: Bashar, replacement: Maher)\n" +
            "  on 2017-01-28 source MET confidence low credibility 4 supports H1\n" +
            "  quote \"tried to depose Al Assad and replace him with his brother Maher\"\n");
    }

    [Fact]
    public void Wrapping_follows_the_width()
    {
        string input = "source MET \"Did Tehran attempt a coup?\" publisher \"Middle East Transparent\" author \"Tom Cooper\" published 2017-02-07 reliability C kind analysis cites WIB\n";
        AssertFormats(input,
            "source MET \"Did Tehran attempt a coup?\"\n" +
            "  publisher \"Middle East Transparent\"\n" +
            "  author \"Tom Cooper\"\n" +
            "  published 2017-02-07 reliability C\n" +
            "  kind analysis cites WIB\n", Width40);
        AssertFormats(input,
            "source MET \"Did Tehran attempt a coup?\"\n" +
            "  publisher \"Middle East Transparent\" author \"Tom Cooper\"\n" +
            "  published 2017-02-07 reliability C kind analysis cites WIB\n", new FormatOptions { Width = 60 });
        AssertFormats(input,
            "source MET \"Did Tehran attempt a coup?\"\n" +
            "  publisher \"Middle East Transparent\" author \"Tom Cooper\" published 2017-02-07 reliability C\n" +
            "  kind analysis cites WIB\n");
        AssertFormats(input, input, new FormatOptions { Width = 400 });
    }

    [Fact]
    public void A_declaration_exactly_as_wide_as_the_width_stays_on_one_line()
    {
        string line = "claim X.p source S note \"" + new string('a', 40 - 26) + "\"";
        Assert.Equal(40, line.Length);
        AssertFormats(line + "\n", line + "\n", Width40);
        string longer = "claim X.p source S note \"" + new string('a', 41 - 26) + "\"";
        AssertFormats(longer + "\n", "claim X.p\n  source S note \"aaaaaaaaaaaaaaa\"\n", Width40);
    }

    [Fact]
    public void Indent_sets_the_continuation_indentation()
    {
        AssertFormats("claim X.p source S quote \"a quote that is long enough to wrap here\"\n",
            "claim X.p\n    source S\n    quote \"a quote that is long enough to wrap here\"\n",
            new FormatOptions { Width = 40, Indent = 4 });
        AssertFormats("claim X.p source S quote \"a quote that is long enough to wrap here\"\n",
            "claim X.p\n source S\n quote \"a quote that is long enough to wrap here\"\n",
            new FormatOptions { Width = 40, Indent = 1 });
    }

    [Fact]
    public void A_clause_longer_than_the_width_gets_a_line_of_its_own_and_is_not_broken()
    {
        AssertFormats("source S \"s\" kind blog cites Aaaaaaaaaa, Bbbbbbbbbb, Cccccccccc, Dddddddddd, Eeeeeeeeee lang en\n",
            "source S \"s\"\n  kind blog\n  cites Aaaaaaaaaa, Bbbbbbbbbb, Cccccccccc, Dddddddddd, Eeeeeeeeee\n  lang en\n", Width40);
    }

    [Fact]
    public void A_head_longer_than_the_width_is_not_broken()
    {
        AssertFormats("predicate coup_attempt(target: actor, replacement: actor, when: date) \"tried to depose a head of state\"\n",
            "predicate coup_attempt(target: actor, replacement: actor, when: date) \"tried to depose a head of state\"\n", Width40);
    }

    [Fact]
    public void Clause_order_is_kept()
    {
        AssertFormats("claim X.p tags a confidence low source S on 2017\n", "claim X.p tags a confidence low source S on 2017\n");
    }

    [Fact]
    public void Blank_lines_collapse_to_one_and_none_at_the_start_or_the_end()
    {
        AssertFormats("\n\n\nclaim X.p source S\n\n\n\nclaim X.q source S\nclaim X.r source S\n\n\n",
            "claim X.p source S\n\nclaim X.q source S\nclaim X.r source S\n");
    }

    [Fact]
    public void Exactly_one_line_break_at_the_end()
    {
        AssertFormats("claim X.p source S", "claim X.p source S\n");
        AssertFormats("claim X.p source S // last", "claim X.p source S // last\n");
        AssertFormats("claim X.p source S\n// end", "claim X.p source S\n// end\n");
    }

    [Fact]
    public void Empty_and_blank_files_become_empty()
    {
        AssertFormats("", "");
        AssertFormats("  \n\t\n\n", "");
        AssertFormats("\uFEFF", "\uFEFF");
        AssertFormats("\uFEFF\n\n", "\uFEFF");
    }

    [Fact]
    public void Trailing_whitespace_is_removed_including_at_the_end_of_line_comments()
    {
        AssertFormats("claim X.p source S   \n// note  \t\nclaim X.q source S // why \n",
            "claim X.p source S\n// note\nclaim X.q source S // why\n");
    }

    // ------------------------------------------------------------------ comments

    [Fact]
    public void A_comment_at_the_end_of_a_line_stays_there_after_one_space()
    {
        AssertFormats("claim X.p source S     // the main source\n", "claim X.p source S // the main source\n");
        AssertFormats("claim X.p source S/* block */\n", "claim X.p source S /* block */\n");
    }

    [Fact]
    public void A_line_comment_between_clauses_forces_a_break_after_it()
    {
        AssertFormats("claim X.p source S // why this source\n  confidence low\n",
            "claim X.p source S // why this source\n  confidence low\n");
        AssertFormats("claim X.p // head\n  source S confidence low\n",
            "claim X.p // head\n  source S confidence low\n");
    }

    [Fact]
    public void Comments_do_not_count_when_deciding_whether_the_code_is_too_long()
    {
        // The code alone fits in 100 columns, so the clauses flow from the first line; the comment only adds its
        // line break.
        string input = "claim Maher.aligned_with(Russia) source Sarkis // a reader comment, see below, and more\n  confidence low contradicts coup, H1\n";
        AssertFormats(input, input);
        // An inline comment that makes the one-line form too wide breaks the line, but the head keeps clauses.
        AssertFormats("claim X.p /* inline comment */ source S confidence low\n",
            "claim X.p /* inline comment */ source S\n  confidence low\n", Width40);
    }

    [Fact]
    public void A_block_comment_at_the_end_of_a_line_keeps_the_break_after_it()
    {
        AssertFormats("claim X.p source S /* checked */\n  confidence low\n",
            "claim X.p source S /* checked */\n  confidence low\n");
    }

    [Fact]
    public void An_own_line_comment_inside_a_declaration_stays_on_its_line_at_the_indent()
    {
        AssertFormats("claim X.p source S\n// at column one\n      confidence low\n",
            "claim X.p source S\n  // at column one\n  confidence low\n");
        AssertFormats("claim X.p source S\n\n\n    /* first */ /* second */\n  confidence low\n",
            "claim X.p source S\n  /* first */ /* second */\n  confidence low\n");
    }

    [Fact]
    public void A_comment_before_a_token_on_the_same_line_stays_before_it()
    {
        AssertFormats("claim X.p source S\n/* here */ confidence low\n", "claim X.p source S\n  /* here */ confidence low\n");
    }

    [Fact]
    public void An_inline_block_comment_stays_inline()
    {
        AssertFormats("source S \"s\" kind blog/* inline */published 2017\n", "source S \"s\" kind blog /* inline */ published 2017\n");
        AssertFormats("claim X.p(a: /* who */ B) source S\n", "claim X.p(a: /* who */ B) source S\n");
    }

    [Fact]
    public void A_comment_inside_a_clause_forces_a_break_there_only()
    {
        AssertFormats("claim X.p source S contradicts A, // first\n B, C\n",
            "claim X.p source S contradicts A, // first\n  B, C\n");
    }

    [Fact]
    public void Comments_in_a_wrapped_declaration()
    {
        AssertFormats(
            "claim X.p on 2017 source Sssssss // main\n  confidence low credibility 2 quote \"quoted words\" tags a\n",
            "claim X.p\n  on 2017 source Sssssss // main\n  confidence low credibility 2\n  quote \"quoted words\" tags a\n", Width40);
    }

    [Fact]
    public void Full_line_comments_between_declarations_keep_their_place()
    {
        AssertFormats(
            "// top\n\n\n   // indented\nclaim X.p source S\n  // after, indented\n\n// before the next\nclaim X.q source S\n// at the end\n\n",
            "// top\n\n  // indented\nclaim X.p source S\n  // after, indented\n\n// before the next\nclaim X.q source S\n// at the end\n");
    }

    [Fact]
    public void Doc_comments_stay_directly_above_their_declaration()
    {
        AssertFormats("/// The source.\n/// Second line.   \nsource   S \"s\"\n\n/// Detached: a blank line follows.\n\n\nsource T \"t\"\n",
            "/// The source.\n/// Second line.\nsource S \"s\"\n\n/// Detached: a blank line follows.\n\nsource T \"t\"\n");
        var formatted = SyntaxTree.Parse(Formatter.Format(SyntaxTree.Parse("/// doc\nsource S \"s\" kind x\n  lang en\n")));
        Assert.Equal("/// doc", FormattingInvariants.DocComment(formatted.GetRoot().Declarations[0]));
    }

    [Fact]
    public void Several_comments_on_one_line_stay_together()
    {
        AssertFormats("/* a */   /* b */ // c\nclaim X.p source S\n", "/* a */ /* b */ // c\nclaim X.p source S\n");
    }

    [Fact]
    public void Multi_line_block_comments_are_kept_verbatim()
    {
        string input = "/* one\n   two   \nclaim Not.a_declaration\n*/\nclaim X.p source S /* a\n  b */ confidence low\n";
        AssertFormats(input, input);
    }

    [Fact]
    public void A_comment_at_column_one_followed_by_a_continuation_is_indented()
    {
        AssertFormats("source S \"s\" kind blog\n/* col one */ lang en\n", "source S \"s\" kind blog\n  /* col one */ lang en\n");
    }

    // ------------------------------------------------------------------ raw strings

    [Fact]
    public void Raw_strings_are_kept_verbatim_even_over_several_lines()
    {
        string input = "claim A.p source S quote \"\"\"first line   \nclaim B.q source S\n    indented inside\n\"\"\"   confidence low\n";
        AssertFormats(input, "claim A.p source S quote \"\"\"first line   \nclaim B.q source S\n    indented inside\n\"\"\" confidence low\n");
    }

    [Fact]
    public void A_raw_string_that_does_not_fit_moves_to_a_continuation_line()
    {
        AssertFormats("claim A.p source S confidence low quote \"\"\"a fairly long first line\nsecond\"\"\" tags x\n",
            "claim A.p\n  source S confidence low\n  quote \"\"\"a fairly long first line\nsecond\"\"\" tags x\n", Width40);
        // One that fits stays where it is, and what follows its last line continues there.
        AssertFormats("claim A.p quote \"\"\"short\nlines\"\"\"\n  source S\n", "claim A.p quote \"\"\"short\nlines\"\"\" source S\n", Width40);
    }

    // ------------------------------------------------------------------ line endings and BOM

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void The_line_break_style_is_kept(string nl)
    {
        string input = $"// c{nl}{nl}{nl}claim X.p{nl}  source S{nl}claim X.q source S quote \"a long enough quote to wrap\"";
        string expected = $"// c{nl}{nl}claim X.p source S{nl}claim X.q{nl}  source S{nl}  quote \"a long enough quote to wrap\"{nl}";
        AssertFormats(input, expected, Width40);
    }

    [Fact]
    public void The_first_line_break_decides_in_a_mixed_file()
    {
        AssertFormats("claim X.p source S\r\nclaim X.q\n  source S\rclaim X.r source S\n",
            "claim X.p source S\r\nclaim X.q source S\r\nclaim X.r source S\r\n");
    }

    [Fact]
    public void Line_breaks_inside_raw_strings_and_comments_do_not_decide_the_style()
    {
        AssertFormats("/* a\r\nb */\nclaim X.p quote \"\"\"x\r\ny\"\"\" source S\n",
            "/* a\r\nb */\nclaim X.p quote \"\"\"x\r\ny\"\"\" source S\n");
    }

    [Fact]
    public void A_file_without_line_breaks_gets_LF()
    {
        AssertFormats("claim X.p source S", "claim X.p source S\n");
    }

    [Fact]
    public void The_byte_order_mark_is_kept()
    {
        AssertFormats("\uFEFFclaim X.p  source S\r\n", "\uFEFFclaim X.p source S\r\n");
        AssertFormats("\uFEFF\n\n// c\nclaim X.p source S\n", "\uFEFF// c\nclaim X.p source S\n");
    }

    // ------------------------------------------------------------------ suppression comments

    [Fact]
    public void The_line_below_a_suppression_comment_keeps_its_contents()
    {
        // Long enough to wrap, but the directive applies to the first line: it stays as it is, and the line below
        // it is not joined onto it.
        string input = "// claimlang-disable-next-line CLM3011\nclaim X.p on 2017 source MET, WIB confidence low credibility 3 supports H1\n  tags a\n";
        AssertFormats(input, input, Width40);
    }

    [Fact]
    public void A_suppression_comment_inside_a_declaration_keeps_its_target_line()
    {
        AssertFormats("claim X.p source S\n  // claimlang-disable-next-line CLM3003\n  credibility 9 confidence low\n  tags a\n",
            "claim X.p source S\n  // claimlang-disable-next-line CLM3003\n  credibility 9 confidence low\n  tags a\n");
        // A blank target line stays blank (the directive silences nothing, before and after).
        AssertFormats("claim X.p source S\n  // claimlang-disable-next-line CLM3003\n\n\n  credibility 9\n",
            "claim X.p source S\n  // claimlang-disable-next-line CLM3003\n\n  credibility 9\n");
    }

    [Fact]
    public void A_directive_line_inside_a_block_comment_holds_the_rest_of_the_line_where_the_comment_ends()
    {
        // The suppression scan is textual, so the line inside the comment is a directive for the line below it,
        // where the comment ends and two tokens follow.
        AssertFormats("claim X.p source S /* a\n  // claimlang-disable-next-line CLM3003\n  b */ credibility 9\n  tags x\n",
            "claim X.p source S /* a\n  // claimlang-disable-next-line CLM3003\n  b */ credibility 9\n  tags x\n");
    }

    [Fact]
    public void A_comment_that_is_not_a_directive_does_not_hold_lines()
    {
        AssertFormats("// claimlang-disable-next-line\nclaim X.p\n  source S\n", "// claimlang-disable-next-line\nclaim X.p source S\n");
    }

    // ------------------------------------------------------------------ files with errors, options

    [Theory]
    [InlineData("claim X.p source S\n  bogus 1\n")]
    [InlineData("  claim X.p source S\n")]
    [InlineData("claim X.p   quote \"unterminated\n")]
    [InlineData("claim   X.p source S /* unterminated\n")]
    [InlineData("clam X.p source S\n")]
    [InlineData("claim X.p on 2017-1-28  source S\n")]
    public void A_file_with_syntax_errors_is_left_unchanged(string input)
    {
        var tree = SyntaxTree.Parse(input);
        var result = Formatter.TryFormat(tree);
        Assert.True(result.SkippedBecauseOfErrors);
        Assert.False(result.Changed);
        Assert.Equal(input, result.Text);
        Assert.NotEmpty(result.Errors);
        Assert.StartsWith("CLM1", result.Errors[0].Id);
        Assert.Equal(input, Formatter.Format(tree));
        Assert.Empty(Formatter.GetEdits(tree));
        Assert.Empty(Formatter.FormatRange(tree, new Microsoft.CodeAnalysis.Text.TextSpan(0, input.Length)));
        Assert.True(Formatter.HasSyntaxErrors(tree));
    }

    [Fact]
    public void A_formatted_file_reports_no_change()
    {
        var result = Formatter.TryFormat(SyntaxTree.Parse("claim X.p source S\n"));
        Assert.False(result.Changed);
        Assert.False(result.SkippedBecauseOfErrors);
        Assert.Equal("claim X.p source S\n", result.Text);
    }

    [Fact]
    public void Options_outside_their_range_are_rejected()
    {
        var tree = SyntaxTree.Parse("claim X.p source S\n");
        Assert.Throws<ArgumentOutOfRangeException>(() => Formatter.Format(tree, new FormatOptions { Indent = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Formatter.Format(tree, new FormatOptions { Indent = 9 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Formatter.Format(tree, new FormatOptions { Width = 39 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Formatter.Format(tree, new FormatOptions { Width = 401 }));
        Assert.Equal("claim X.p source S\n", Formatter.Format(tree, new FormatOptions { Width = 40, Indent = 8 }));
    }

    [Fact]
    public void Contextual_keywords_used_as_names_survive()
    {
        AssertFormats("claim X.source   source S\nactor claim \"a\"   kind source\n", "claim X.source source S\nactor claim \"a\" kind source\n");
    }
}
