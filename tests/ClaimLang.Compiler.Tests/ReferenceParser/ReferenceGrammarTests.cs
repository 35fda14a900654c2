using System.Text;
using ClaimLang.ReferenceGrammar;
using ClaimLang.ReferenceGrammar.Generated;

namespace ClaimLang.Tests.Grammar;

/// <summary>
/// Tests of grammar/ClaimLang.g4 through the reference parser built from it. The corpus under
/// Corpus/valid and Corpus/invalid (one case per file) is shared with the differential test against
/// the hand-written parser; the inline cases pin down decisions that only the grammar tests check.
/// </summary>
public sealed class ReferenceGrammarTests
{
    private static string CorpusPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Corpus", .. parts]);

    /// <summary>Reads a corpus file as the compiler sees it: UTF-8, with a byte-order mark kept as U+FEFF.</summary>
    private static string ReadCorpus(string relativePath) =>
        Encoding.UTF8.GetString(File.ReadAllBytes(CorpusPath(relativePath.Split('/'))));

    /// <summary>The corpus files of one folder, as "folder/name.claim", in a stable order.</summary>
    private static IEnumerable<string> CorpusFiles(string folder) =>
        Directory.EnumerateFiles(CorpusPath(folder), "*.claim")
            .Select(file => folder + "/" + Path.GetFileName(file))
            .Order(StringComparer.Ordinal);

    public static TheoryData<string> ValidFiles => new(CorpusFiles("valid"));
    public static TheoryData<string> InvalidFiles => new(CorpusFiles("invalid"));

    /// <summary>Lines of a text; LF, CRLF and CR each end one.</summary>
    private static int CountLines(string text)
    {
        int lines = 1;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                lines++;
            }
        }
        return lines;
    }

    private static void AssertAccepted(string text)
    {
        var sll = ReferenceParser.Parse(text);
        Assert.True(sll.Accepted, "rejected (SLL): " + string.Join("; ", sll.Errors));
        var ll = ReferenceParser.Parse(text, sll: false);
        Assert.True(ll.Accepted, "rejected (LL): " + string.Join("; ", ll.Errors));
    }

    private static void AssertRejected(string text)
    {
        Assert.False(ReferenceParser.Parse(text).Accepted);
        Assert.False(ReferenceParser.Parse(text, sll: false).Accepted);
    }

    // ---- The corpus -------------------------------------------------------------------------------

    [Fact]
    public void Spec_example_is_accepted_with_all_of_its_declarations()
    {
        var result = ReferenceParser.Parse(ReadCorpus("spec-example.claim"));

        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        var declarations = result.Tree.declaration();
        Assert.Equal(18, declarations.Length);
        Assert.Equal(3, declarations.Count(d => d.sourceDeclaration() is not null));
        Assert.Equal(6, declarations.Count(d => d.actorDeclaration() is not null));
        Assert.Equal(2, declarations.Count(d => d.placeDeclaration() is not null));
        Assert.Single(declarations, d => d.predicateDeclaration() is not null);
        Assert.Single(declarations, d => d.hypothesisDeclaration() is not null);
        Assert.Equal(5, declarations.Count(d => d.claimDeclaration() is not null));
    }

    [Fact]
    public void Corpus_is_copied_next_to_the_tests()
    {
        int valid = CorpusFiles("valid").Count();
        int invalid = CorpusFiles("invalid").Count();
        Assert.True(valid >= 25, "valid corpus files: " + valid);
        Assert.True(invalid >= 45, "invalid corpus files: " + invalid);
    }

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void Valid_corpus_file_is_accepted(string file) => AssertAccepted(ReadCorpus(file));

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Invalid_corpus_file_is_rejected_with_errors_inside_the_text(string file)
    {
        string text = ReadCorpus(file);
        AssertRejected(text);

        int lineCount = CountLines(text);
        foreach (var error in ReferenceParser.Parse(text).Errors)
        {
            Assert.InRange(error.Offset, 0, text.Length);
            Assert.InRange(error.Line, 1, lineCount);
            Assert.True(error.Column >= 1);
        }
    }

    // ---- Logical lines -----------------------------------------------------------------------------

    [Theory]
    [InlineData("source S \"s\"\n  kind blog\n\n  // note\n\tlang en\nclaim A.p source S", 2)]
    [InlineData("source S \"s\"\nclaim A.p\n  source S\nclaim B.q source S\n", 3)]
    [InlineData("claim A.p quote \"\"\"one\nclaim B.q source S\n\"\"\"\nclaim C.r", 2)]      // lines inside a raw string
    [InlineData("claim A.p /* one\nclaim B.q source S\n*/ source S\nclaim C.r", 2)]         // lines inside a block comment
    [InlineData("claim A.p\n/* at column 1 */ source S\nclaim C.r", 2)]                    // the token after the comment is not at column 1
    [InlineData("\uFEFFclaim A.p\r\nclaim B.q\rclaim C.r\nclaim D.s", 4)]
    public void Every_column_one_declaration_keyword_starts_a_declaration(string text, int declarations)
    {
        var result = ReferenceParser.Parse(text);
        Assert.True(result.Accepted, string.Join("; ", result.Errors));
        Assert.Equal(declarations, result.Tree.declaration().Length);
    }

    [Theory]
    [InlineData(" claim A.p")]                       // indented before any declaration (CLM1006)
    [InlineData("\tclaim A.p")]
    [InlineData("\uFEFF claim A.p")]
    [InlineData("// comment\n  claim A.p")]
    [InlineData("/* comment */claim A.p")]
    [InlineData("claim A.p\nkind x")]               // a column-1 token that is no declaration keyword (CLM1007)
    [InlineData("claim A.p\n, B")]
    [InlineData("claim A.p\n\"text\"")]
    [InlineData("claim A.p\n2017")]
    [InlineData("claim A.p\n(x)")]
    [InlineData("claim A.p\nclaims B.q")]
    public void Tokens_that_do_not_follow_the_logical_line_rules_are_rejected(string text) => AssertRejected(text);

    // ---- Contextual keywords -----------------------------------------------------------------------

    [Fact]
    public void A_predicate_named_source_is_followed_by_a_source_clause()
    {
        var result = ReferenceParser.Parse("claim X.source source S");

        Assert.True(result.Accepted);
        var claim = result.Tree.declaration(0).claimDeclaration();
        Assert.Equal(new[] { "X", "source" }, claim.identifier().Select(i => i.GetText()));
        var sourceClause = Assert.Single(claim.sourceClause());
        Assert.Equal("S", Assert.Single(sourceClause.nameList().identifier()).GetText());
    }

    [Fact]
    public void An_actor_may_be_named_claim()
    {
        var result = ReferenceParser.Parse("actor claim \"x\"");

        Assert.True(result.Accepted);
        var actor = result.Tree.declaration(0).actorDeclaration();
        Assert.NotNull(actor);
        Assert.Equal("claim", actor.identifier().GetText());
        Assert.Equal(ClaimLangLexer.CLAIM, actor.identifier().Start.Type);
    }

    [Theory]
    [InlineData("claim source = claim.claim(claim: claim) source claim at at supports source.source tags claim, tags")]
    [InlineData("predicate predicate(source: claim, text: text, date: date) \"types are words too\"")]
    [InlineData("source published \"s\" kind published lang url cites cites, author")]
    public void Keywords_are_names_wherever_a_name_is_expected(string text) => AssertAccepted(text);

    [Theory]
    [InlineData("predicate p(x: person)")]
    [InlineData("predicate p(x: Actor)")]
    [InlineData("predicate p(x: string)")]
    public void Parameter_types_are_only_the_six_type_words(string text) => AssertRejected(text);

    // ---- Numbers and dates -------------------------------------------------------------------------

    [Theory]
    [InlineData("2017", "YEAR_LITERAL")]
    [InlineData("0000", "YEAR_LITERAL")]
    [InlineData("40000", "NUMBER_LITERAL")]
    [InlineData("40_000", "NUMBER_LITERAL")]
    [InlineData("-3", "NUMBER_LITERAL")]
    [InlineData("33.4114", "NUMBER_LITERAL")]
    [InlineData("1_000.000_5", "NUMBER_LITERAL")]                // `_` between digits on both sides of the point
    [InlineData("-2017", "NUMBER_LITERAL")]
    [InlineData("2017-01-28", "DATE_LITERAL")]
    [InlineData("2017-13-45", "DATE_LITERAL")]                   // impossible, but well-formed: CLM2007 is semantic
    [InlineData("2016~", "DATE_LITERAL")]
    [InlineData("201X", "DATE_LITERAL")]
    [InlineData("2015-23", "DATE_LITERAL")]
    [InlineData("2017-01-28T07:23+03:00", "DATE_LITERAL")]
    [InlineData("2017-01-23/2017-01-27", "DATE_LITERAL")]
    [InlineData("../2017-01-30", "DATE_LITERAL")]
    [InlineData("2017-1-28", "BAD_DATE")]                        // one malformed date, not three numbers
    [InlineData("2017-", "BAD_DATE")]
    [InlineData("2017_", "BAD_DATE")]
    [InlineData("1.2.3", "BAD_DATE")]
    [InlineData("1_.5", "BAD_DATE")]
    [InlineData("1._5", "BAD_DATE")]
    [InlineData("12:30", "BAD_DATE")]
    [InlineData("..", "BAD_DATE")]
    [InlineData("2017-01-28T07:23?", "BAD_DATE")]                // qualifiers go on dates, not on date-times
    [InlineData("2017-29", "BAD_DATE")]                          // EDTF Level 2 season
    [InlineData("-2017-01", "DATE_LITERAL")]
    public void A_number_or_date_run_is_one_token(string run, string expectedToken)
    {
        var tokens = ReferenceParser.Parse("claim A.p(" + run + ")").Tokens;
        int open = tokens.ToList().FindIndex(t => t.Type == ClaimLangLexer.LPAREN);

        Assert.Equal(run, tokens[open + 1].Text);
        Assert.Equal(expectedToken, ReferenceParseResult.TokenName(tokens[open + 1].Type));
        Assert.Equal(ClaimLangLexer.RPAREN, tokens[open + 2].Type);
    }

    [Theory]
    [InlineData("claim A.p on 2017-01-28T07:23:00.5Z")]             // fractional seconds
    [InlineData("claim A.p on 2017-01-28T07:23+03")]                // offsets +hh, +hh:mm, +hhmm
    [InlineData("claim A.p on 2017-01-28T07:23:00+0300")]
    [InlineData("claim A.p on 2017-01-28T07:23-00:30")]
    [InlineData("claim A.p on -2017-01-28")]                        // negative years inside date tokens
    [InlineData("claim A.p on -201X")]
    [InlineData("claim A.p on 2017/-2016")]                         // ends before it starts: semantic
    [InlineData("claim A.p on 2017-42")]                            // month 42: impossible, not malformed
    [InlineData("claim A.p on 2017-20")]
    [InlineData("claim A.p(target: Bashar, Maher)")]                // argument order is a semantic check
    [InlineData("source S \"s\" published 0000")]
    [InlineData("actor \U0001D49C \"a letter outside the Basic Multilingual Plane\"")]
    [InlineData("actor A\U0001D7D8 \"a mathematical digit after a letter\"")]
    public void Grammar_decisions_that_are_accepted(string text) => AssertAccepted(text);

    [Theory]
    [InlineData("claim A.p on -2017")]                 // a negative number, not a year
    [InlineData("claim A.p on -0000-01")]              // -0000 is not a year
    [InlineData("claim A.p on 201X-01")]               // a year with unspecified digits takes no month
    [InlineData("claim A.p on 2XXX")]                  // at most two unspecified digits in a year
    [InlineData("claim A.p on 2017-01-2X")]            // a day is two digits or XX
    [InlineData("claim A.p on 2017-XX~")]              // unspecified dates take no qualifier
    [InlineData("claim A.p on 2017/2018-XX")]          // no unspecified digits in an interval
    [InlineData("claim A.p on 2017-21~")]              // a season takes nothing after it
    [InlineData("claim A.p on 2017-21-05")]
    [InlineData("claim A.p on 2017-25")]               // EDTF Level 2 seasons
    [InlineData("claim A.p on 2017-41")]
    [InlineData("claim A.p on ../..")]
    [InlineData("claim A.p on ../")]
    [InlineData("claim A.p on 2017/../2018")]
    [InlineData("claim A.p on 2017-01-28T07")]
    [InlineData("claim A.p on 2017-01-28T07:23:00.Z")]
    [InlineData("claim A.p on 2017-01-28T07:23.5")]     // a fraction needs seconds
    [InlineData("claim A.p on 2017-01-28T07:23+3")]
    [InlineData("claim A.p on 2017-01-28T07:23-00")]    // a negative offset cannot be zero
    [InlineData("claim A.p on 2017-01-28T07:23Z+01")]
    [InlineData("claim A.p on 2017-01T07:23")]          // a time needs a full date
    [InlineData("claim A.p on 2017-01~~")]
    [InlineData("claim A.p quote \"\\u{D800}\"")]      // a surrogate is not a scalar value
    [InlineData("claim A.p quote \"\\u{110000}\"")]    // above 10FFFF
    [InlineData("claim A.p quote \"\\u{}\"")]
    [InlineData("claim A.p quote \"\"\"x\"\"\"\"")]    // the raw string ends at the first """, leaving a lone "
    [InlineData("actor \uD835 \"a lone high surrogate\"")]
    [InlineData("actor A\uDC9C \"a lone low surrogate\"")]
    public void Grammar_decisions_that_are_rejected(string text) => AssertRejected(text);

    // ---- Errors and positions ----------------------------------------------------------------------

    [Theory]
    [InlineData("claim A.p\nclam B.q", 2, 1)]
    [InlineData("claim A.p\r\nclam B.q", 2, 1)]
    [InlineData("claim A.p\rclam B.q", 2, 1)]
    [InlineData("claim A.p\r\n\r\n  source S @", 3, 12)]
    [InlineData("claim A.p quote \"\"\"a\rb\"\"\" @", 2, 6)]
    public void Errors_are_collected_with_line_and_column_for_every_line_break_style(string text, int line, int column)
    {
        var result = ReferenceParser.Parse(text);

        var error = Assert.Single(result.Errors);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.False(string.IsNullOrEmpty(error.Message));
    }

    [Fact]
    public void A_syntax_error_yields_a_tree_and_the_other_declarations()
    {
        var result = ReferenceParser.Parse("claim A.p source S @\nclaim B.q source T\n");

        Assert.False(result.Accepted);
        Assert.Equal(2, result.Tree.declaration().Length);
        Assert.Equal(ClaimLangLexer.BAD_CHARACTER, result.Tokens.Single(t => t.Text == "@").Type);
    }

    // ---- Prediction modes and size -----------------------------------------------------------------

    [Fact]
    public void Sll_and_ll_prediction_agree_on_mutated_corpus_files()
    {
        // The reference parser uses ANTLR's faster SLL prediction by default; that is only sound if the
        // grammar never needs full LL. Check it on thousands of near-valid inputs.
        string[] fragments = ["\n", "\r\n", " ", "  ", ",", ".", "(", ")", ":", "=", "\"", "\"\"\"", "/*", "*/", "//",
            "claim", "source", "at", "on", "X", "2017", "2017-01", "-", "..", "/", "~", "?"];
        var random = new Random(20170128);
        int disagreements = 0;
        var examples = new List<string>();
        foreach (string file in CorpusFiles("valid").Append("spec-example.claim"))
        {
            string original = ReadCorpus(file);
            for (int round = 0; round < 60; round++)
            {
                var text = new StringBuilder(original);
                for (int edits = random.Next(1, 4); edits > 0; edits--)
                {
                    int at = random.Next(text.Length + 1);
                    if (random.Next(2) == 0 && at < text.Length)
                    {
                        text.Remove(at, Math.Min(random.Next(1, 6), text.Length - at));
                    }
                    else
                    {
                        text.Insert(at, fragments[random.Next(fragments.Length)]);
                    }
                }
                string mutated = text.ToString();
                if (ReferenceParser.Parse(mutated).Accepted != ReferenceParser.Parse(mutated, sll: false).Accepted)
                {
                    disagreements++;
                    if (examples.Count < 3) examples.Add(mutated);
                }
            }
        }
        Assert.True(disagreements == 0, "SLL and LL disagree on, e.g.:\n" + string.Join("\n----\n", examples));
    }

    [Fact]
    public void A_large_text_is_accepted_without_deep_recursion()
    {
        string example = ReadCorpus("spec-example.claim");
        var text = new StringBuilder();
        for (int i = 0; i < 500; i++)
        {
            text.Append(example);
        }

        var result = ReferenceParser.Parse(text.ToString());

        Assert.True(result.Accepted);
        Assert.Equal(18 * 500, result.Tree.declaration().Length);
    }
}
