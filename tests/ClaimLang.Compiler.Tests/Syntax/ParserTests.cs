using ClaimLang.Syntax;
using ClaimLang.Tests.TestSupport;

namespace ClaimLang.Tests.Syntax;

public class ParserTests
{
    private const string SpecExample = """
        /// Tom Cooper's analysis, republished by Middle East Transparent.
        source MET "Did Tehran attempt a coup in Damascus?"
          publisher "Middle East Transparent" author "Tom Cooper"
          published 2017-02-07 reliability C kind analysis
          cites WIB
        source WIB "War Is Boring" kind outlet

        actor IRGC "Islamic Revolutionary Guard Corps" kind military aka "Pasdaran"
        place Almaza "Almaza air base" in Damascus at 33.4114, 36.4156
        predicate coup_attempt(target: actor, replacement: actor) "tried to depose a head of state"
        hypothesis H1 "The IRGC tried to replace Bashar with Maher in January 2017"

        claim IRGC.coup_attempt on 2017-01-28 source MET confidence low contradicts Sarkis

        claim coup = IRGC.coup_attempt(target: Bashar, replacement: Maher) on 2017-01-28
          source MET confidence low credibility 4 supports H1
          quote "tried to depose Al Assad and replace him with his brother Maher"
        claim Bashar.health_crisis on 2017-01-23/2017-01-27 source MET confidence low
        """;

    private static IReadOnlyList<ClaimLang.Diagnostics.Diagnostic> Diagnose(string text) => SyntaxTree.Parse(text).GetDiagnostics();

    [Fact]
    public void The_spec_example_parses_without_diagnostics()
    {
        var tree = SyntaxTree.Parse(SpecExample);
        Assert.Empty(tree.GetDiagnostics());
        var declarations = tree.GetRoot().Declarations;
        Assert.Equal(9, declarations.Count);
        var coup = Assert.IsType<ClaimDeclarationSyntax>(declarations[7]);
        Assert.Equal("coup", coup.Label!.Identifier.Text);
        Assert.Equal("IRGC", coup.Subject.Text);
        Assert.Equal("coup_attempt", coup.Predicate.Text);
        Assert.Equal(2, coup.ArgumentList!.Arguments.Count);
        Assert.Equal("target", coup.ArgumentList.Arguments[0].Name.Text);
        Assert.Equal([SyntaxKind.OnClause, SyntaxKind.SourceClause, SyntaxKind.ConfidenceClause, SyntaxKind.CredibilityClause, SyntaxKind.SupportsClause, SyntaxKind.QuoteClause],
            coup.Clauses.Select(c => c.Kind));
        var place = Assert.IsType<PlaceDeclarationSyntax>(declarations[3]);
        var at = Assert.IsType<CoordinatesClauseSyntax>(place.Clauses[1]);
        Assert.Equal("33.4114", at.Latitude.Text);
        var source = Assert.IsType<SourceDeclarationSyntax>(declarations[0]);
        Assert.Contains(source.Keyword.LeadingTrivia, t => t.Kind == SyntaxKind.DocumentationCommentTrivia);
    }

    [Fact]
    public void Keywords_are_contextual()
    {
        var tree = SyntaxTree.Parse("claim X.source source S\nactor claim \"a claim-named actor\" kind source\n");
        Assert.Empty(tree.GetDiagnostics());
        var claim = (ClaimDeclarationSyntax)tree.GetRoot().Declarations[0];
        Assert.Equal("source", claim.Predicate.Text);
        Assert.Equal(SyntaxKind.IdentifierToken, claim.Predicate.Kind);
        Assert.Equal(SyntaxKind.SourceKeyword, ((TokenListClauseSyntax)claim.Clauses[0]).Keyword.Kind);
        var actor = (ActorDeclarationSyntax)tree.GetRoot().Declarations[1];
        Assert.Equal("claim", actor.Identifier.Text);
        Assert.Equal("source", ((ValueClauseSyntax)actor.Clauses[0]).Value.Text);
    }

    [Fact]
    public void Indented_lines_continue_the_declaration_above()
    {
        var tree = SyntaxTree.Parse("claim X.y\n  // comment\n\n  source S\n    confidence low\nclaim X.z source S\n");
        Assert.Empty(tree.GetDiagnostics());
        Assert.Equal(2, tree.GetRoot().Declarations.Count);
        Assert.Equal(2, tree.GetRoot().Declarations[0].Clauses.Count);
    }

    [Theory]
    [InlineData("on 2017-1-28", SyntaxKind.DateLiteralToken)]
    [InlineData("on 2016~", SyntaxKind.DateLiteralToken)]
    [InlineData("on 201X", SyntaxKind.DateLiteralToken)]
    [InlineData("on 2015-23", SyntaxKind.DateLiteralToken)]
    [InlineData("on 2017", SyntaxKind.NumberLiteralToken)]
    public void Numbers_and_dates_follow_maximal_munch(string clause, SyntaxKind expected)
    {
        var tree = SyntaxTree.Parse($"claim X.y {clause} source S\n");
        var on = (ValueClauseSyntax)tree.GetRoot().Declarations[0].Clauses[0];
        Assert.Equal(expected, on.Value.Kind);
        Assert.Equal(clause[3..], on.Value.Text);
    }

    [Theory]
    [InlineData("claim X.y source S (\n", "CLM1001", 1, 20)]
    [InlineData("claim X.y(a: b c) source S\n", "CLM1001", 1, 16)]
    [InlineData("claim X.y source S note \"open\n", "CLM1002", 1, 25)]
    [InlineData("claim X.y source S quote \"\"\"open\n", "CLM1002", 1, 26)]
    [InlineData("claim X.y source S /* open\n", "CLM1003", 1, 20)]
    [InlineData("claim X.y on 2017-1-28 source S\n", "CLM1004", 1, 14)]
    [InlineData("claim X.y on 17 source S\n", "CLM1004", 1, 14)]
    [InlineData("claim X.y source S note \"a\\qb\"\n", "CLM1005", 1, 27)]
    [InlineData("  claim X.y source S\n", "CLM1006", 1, 3)]
    [InlineData("clam X.y source S\n", "CLM1007", 1, 1)]
    [InlineData("claim X.y sorce S\n", "CLM1008", 1, 11)]
    [InlineData("source MET\n", "CLM1009", 1, 8)]
    [InlineData("claim source S\n", "CLM1009", 1, 1)]
    [InlineData("claim X.y on\n", "CLM1009", 1, 11)]
    public void Each_syntax_error_has_its_code_and_position(string text, string code, int line, int column)
    {
        var diagnostic = Assert.Single(Diagnose(text));
        Assert.Equal(code, diagnostic.Id);
        Assert.Equal(line, diagnostic.Location.LineSpan.Start.Line + 1);
        Assert.Equal(column, diagnostic.Location.LineSpan.Start.Character + 1);
    }

    [Theory]
    [InlineData("clam X.y source S\n", "did you mean 'claim'?")]
    [InlineData("claim X.y sorce S\n", "did you mean 'source'?")]
    [InlineData("actor A \"a\" published 2017\n", "not a clause of an actor")]
    [InlineData("predicate p(a: actr)\n", "did you mean 'actor'?")]
    [InlineData("claim X on 2017 source S\n", "expected '.' and a predicate")]
    public void Messages_say_what_to_do(string text, string fragment)
    {
        var diagnostic = Assert.Single(Diagnose(text));
        Assert.Contains(fragment, diagnostic.Message);
    }

    [Fact]
    public void An_error_does_not_spill_into_the_following_declarations()
    {
        var text = "claim X.y sorce MET ( ) = ,, \"x\nclaim A.b source S confidence low\nsource S \"t\"\n";
        var diagnostics = Diagnose(text);
        Assert.All(diagnostics, d => Assert.Equal(0, d.Location.LineSpan.Start.Line));
        Assert.Equal(2, diagnostics.Count); // the bad clause, and the unterminated string (a second mistake)
    }

    [Fact]
    public void One_mistake_gives_one_diagnostic()
    {
        Assert.Single(Diagnose("source\n"));
        Assert.Single(Diagnose("claim\n"));
        Assert.Single(Diagnose("claim X.y source S xyz 1 2 3 \"a\" ( ) , .\n"));
        Assert.Single(Diagnose("claim X.y(a: , , ) source S\n"));
    }

    [Fact]
    public void Missing_tokens_are_synthesised_and_skipped_tokens_kept_as_trivia()
    {
        var tree = SyntaxTree.Parse("source MET\nclaim X.y source S ??? confidence low\n");
        var source = (SourceDeclarationSyntax)tree.GetRoot().Declarations[0];
        Assert.True(source.Title.IsMissing);
        var claim = (ClaimDeclarationSyntax)tree.GetRoot().Declarations[1];
        Assert.Equal(2, claim.Clauses.Count);
        Assert.Contains(claim.Clauses[1].Keyword.LeadingTrivia, t => t.Kind == SyntaxKind.SkippedTokenTrivia && t.Text == "???");
    }

    [Fact]
    public void Unterminated_raw_string_stops_before_the_next_declaration()
    {
        var diagnostics = Diagnose("claim X.y source S quote \"\"\"never closed\n  more text\nclaim A.b source S\n");
        var d = Assert.Single(diagnostics);
        Assert.Equal("CLM1002", d.Id);
    }

    [Fact]
    public void Raw_string_lines_never_start_a_declaration()
    {
        var tree = SyntaxTree.Parse("claim X.y source S quote \"\"\"first\nclaim inside the quote\n\"\"\"\nclaim A.b source S\n");
        Assert.Empty(tree.GetDiagnostics());
        Assert.Equal(2, tree.GetRoot().Declarations.Count);
    }

    [Fact]
    public void Columns_count_utf16_code_units()
    {
        var d = Assert.Single(Diagnose("claim X.y note \"عربي 😀\" sorce S\n"));
        Assert.Equal(25, d.Location.LineSpan.Start.Character); // 16 + 4 Arabic letters + space + 2 for the emoji + 2
    }

    [Fact]
    public void String_values_are_unescaped()
    {
        var tree = SyntaxTree.Parse("claim X.y source S note \"a \\\"b\\\" \\u{1F600}\\n\" quote \"\"\"raw \\n\"\"\"\n");
        var clauses = tree.GetRoot().Declarations[0].Clauses;
        Assert.Equal("a \"b\" 😀\n", ((ValueClauseSyntax)clauses[1]).Value.ValueText);
        Assert.Equal("raw \\n", ((ValueClauseSyntax)clauses[2]).Value.ValueText);
    }

    [Fact]
    public void FindToken_finds_the_token_at_a_position()
    {
        var text = string.Concat(Enumerable.Repeat("claim X.y source S\n", 50)) + "claim Target.z source S\n";
        var root = SyntaxTree.Parse(text).GetRoot();
        var token = root.FindToken(text.IndexOf("Target", StringComparison.Ordinal) + 2);
        Assert.Equal("Target", token.Text);
        Assert.IsType<ClaimDeclarationSyntax>(token.Parent);
    }

    [Fact]
    public void Parsing_is_iterative_for_a_million_declarations()
    {
        var text = string.Concat(Enumerable.Repeat("claim X.y source S\n", 1_000_000));
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(1_000_000, tree.GetRoot().Declarations.Count);
        Assert.Empty(tree.GetDiagnostics());
    }

    [Fact]
    public void Corpus_files_parse_without_syntax_errors()
    {
        foreach (var file in TestPaths.ClaimFiles("examples", "seeds"))
        {
            var tree = SyntaxTree.Parse(File.ReadAllText(file), file);
            Assert.True(tree.GetDiagnostics().Count == 0, string.Join("\n", tree.GetDiagnostics()));
        }
    }
}
