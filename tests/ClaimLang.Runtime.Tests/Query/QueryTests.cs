using ClaimLang.Runtime.Querying;
using ClaimLang.Runtime.Tests.Support;

namespace ClaimLang.Runtime.Tests.Queries;

public sealed class QueryTests
{
    private static readonly ClaimDataset Fixture = Samples.Fixture();

    private static string[] Run(string query) =>
        Querying.Query.Parse(query).Evaluate(Fixture).Select(c => c.Id).ToArray();

    [Fact]
    public void The_design_example_parses_into_the_expected_tree()
    {
        var query = Querying.Query.Parse(
            "subject = IRGC and confidence >= moderate and date overlaps 2017-01 and source in (MET, Study) " +
            "and not superseded and predicate like \"withdr*\"");

        var and = Assert.IsType<AndNode>(query.Root);
        Assert.Equal(6, and.Operands.Count);
        var subject = Assert.IsType<ConditionNode>(and.Operands[0]);
        Assert.Equal((QueryField.Subject, QueryOperator.Equal, "IRGC", 0), (subject.Field, subject.Operator, subject.Values[0].Text, subject.Position));
        var confidence = Assert.IsType<ConditionNode>(and.Operands[1]);
        Assert.Equal((QueryField.Confidence, QueryOperator.GreaterOrEqual, 2), (confidence.Field, confidence.Operator, confidence.Values[0].Rank!.Value));
        var date = Assert.IsType<ConditionNode>(and.Operands[2]);
        Assert.Equal(EdtfDate.Parse("2017-01"), date.Values[0].Date);
        var source = Assert.IsType<ConditionNode>(and.Operands[3]);
        Assert.Equal(QueryOperator.In, source.Operator);
        Assert.Equal(["MET", "Study"], source.Values.Select(v => v.Text));
        Assert.Equal([83, 88], source.Values.Select(v => v.Position));
        var not = Assert.IsType<NotNode>(and.Operands[4]);
        Assert.Equal(QueryField.Superseded, Assert.IsType<ConditionNode>(not.Operand).Field);
        var predicate = Assert.IsType<ConditionNode>(and.Operands[5]);
        Assert.Equal((QueryOperator.Like, "withdr*"), (predicate.Operator, predicate.Values[0].Text));
        Assert.Equal(
            "subject = IRGC and confidence >= moderate and date overlaps 2017-01 and source in (MET, Study) and not superseded and predicate like withdr*",
            query.ToString());
    }

    [Fact]
    public void And_binds_tighter_than_or_and_parentheses_group()
    {
        var plain = Querying.Query.Parse("tag = a or tag = b and tag = c");
        var grouped = Querying.Query.Parse("(tag = a or tag = b) and tag = c");

        Assert.Equal("tag = a or (tag = b and tag = c)", plain.ToString());
        Assert.IsType<OrNode>(plain.Root);
        Assert.Equal("(tag = a or tag = b) and tag = c", grouped.ToString());
        Assert.IsType<AndNode>(grouped.Root);
    }

    [Fact]
    public void Keywords_and_field_names_ignore_case_and_spacing()
    {
        var query = Querying.Query.Parse("  SUBJECT=IRGC   AND Not  SUPERSEDED or  Confidence>=HIGH  ");

        Assert.Equal("(subject = IRGC and not superseded) or confidence >= HIGH", query.ToString());
    }

    [Fact]
    public void A_double_not_cancels_out()
    {
        Assert.IsType<ConditionNode>(Querying.Query.Parse("not not superseded").Root);
        Assert.IsType<NotNode>(Querying.Query.Parse("not not not superseded").Root);
    }

    [Theory]
    [InlineData("subject = IRGC", new[] { "IRGC.coup_attempt@2017-01-28/MET", "coup" })]
    [InlineData("subject != IRGC and subject != Russia", new[] { "FourthDivision.high_alert@2017-01~/MET", "Bashar.health_crisis@2017-01-23/2017-01-27/MET", "Maher.aligned_with(Russia)/Sarkis" })]
    [InlineData("subject in (Maher, Bashar)", new[] { "Bashar.health_crisis@2017-01-23/2017-01-27/MET", "Maher.aligned_with(Russia)/Sarkis" })]
    [InlineData("subject under SyrianArmy", new[] { "FourthDivision.high_alert@2017-01~/MET" })]
    [InlineData("subject like \"*a*\" and subject not like \"R*\"", new[] { "Bashar.health_crisis@2017-01-23/2017-01-27/MET", "Maher.aligned_with(Russia)/Sarkis" })]
    [InlineData("id = \"IRGC.coup_attempt@2017-01-28/MET\"", new[] { "IRGC.coup_attempt@2017-01-28/MET" })]
    [InlineData("id = IRGC.coup_attempt@2017-01-28/MET", new[] { "IRGC.coup_attempt@2017-01-28/MET" })]
    [InlineData("label", new[] { "deploy", "deploy2", "coup" })]
    [InlineData("not label and date", new[] { "FourthDivision.high_alert@2017-01~/MET", "Bashar.health_crisis@2017-01-23/2017-01-27/MET", "IRGC.coup_attempt@2017-01-28/MET" })]
    [InlineData("predicate = deployed", new[] { "deploy", "deploy2" })]
    [InlineData("predicate like \"HIGH_*\"", new[] { "FourthDivision.high_alert@2017-01~/MET" })]
    [InlineData("source = WIB", new[] { "deploy", "deploy2", "Russia.denied(H1)/WIB" })]
    [InlineData("source != MET", new[] { "deploy2", "Maher.aligned_with(Russia)/Sarkis", "Russia.denied(H1)/WIB" })]
    [InlineData("source in (Sarkis, Study)", new[] { "Maher.aligned_with(Russia)/Sarkis" })]
    [InlineData("source not in (MET, WIB)", new[] { "Maher.aligned_with(Russia)/Sarkis" })]
    [InlineData("confidence >= moderate", new[] { "deploy", "deploy2" })]
    [InlineData("confidence < moderate and subject = Maher", new[] { "Maher.aligned_with(Russia)/Sarkis" })]
    [InlineData("confidence = high", new[] { "deploy2" })]
    [InlineData("not confidence", new[] { "Russia.denied(H1)/WIB" })]
    [InlineData("confidence != low", new[] { "deploy", "deploy2", "Russia.denied(H1)/WIB" })]
    [InlineData("confidence in (moderate, high)", new[] { "deploy", "deploy2" })]
    [InlineData("credibility <= 3", new[] { "deploy", "deploy2" })]
    [InlineData("credibility > 3", new[] { "coup" })]
    [InlineData("reliability = F", new[] { "Maher.aligned_with(Russia)/Sarkis" })]
    [InlineData("reliability <= C and subject = Russia", new[] { "deploy" })]
    [InlineData("not reliability", new[] { "deploy2", "Russia.denied(H1)/WIB" })]
    [InlineData("date overlaps 2017-01", new[] { "FourthDivision.high_alert@2017-01~/MET", "Bashar.health_crisis@2017-01-23/2017-01-27/MET", "IRGC.coup_attempt@2017-01-28/MET", "coup" })]
    [InlineData("date overlaps 2017-01-25", new[] { "FourthDivision.high_alert@2017-01~/MET", "Bashar.health_crisis@2017-01-23/2017-01-27/MET" })]
    [InlineData("date before 2017", new[] { "deploy", "deploy2" })]
    [InlineData("date before 2016-06", new[] { "deploy" })]
    [InlineData("date after 2016", new[] { "FourthDivision.high_alert@2017-01~/MET", "Bashar.health_crisis@2017-01-23/2017-01-27/MET", "IRGC.coup_attempt@2017-01-28/MET", "coup" })]
    [InlineData("date within 2017-01-20/2017-01-31", new[] { "Bashar.health_crisis@2017-01-23/2017-01-27/MET", "IRGC.coup_attempt@2017-01-28/MET", "coup" })]
    [InlineData("date within \"2015/..\" and not date overlaps 2017", new[] { "deploy", "deploy2" })]
    [InlineData("not date", new[] { "Maher.aligned_with(Russia)/Sarkis", "Russia.denied(H1)/WIB" })]
    [InlineData("at = Damascus", new[] { "FourthDivision.high_alert@2017-01~/MET" })]
    [InlineData("at under Damascus", new[] { "deploy", "FourthDivision.high_alert@2017-01~/MET" })]
    [InlineData("at", new[] { "deploy", "FourthDivision.high_alert@2017-01~/MET" })]
    [InlineData("tag = russia", new[] { "deploy", "deploy2" })]
    [InlineData("tag = military or tag like \"x*\"", new[] { "deploy" })]
    [InlineData("quote like \"*BROTHER*\"", new[] { "coup" })]
    [InlineData("quote", new[] { "coup" })]
    [InlineData("note = \"first estimate\"", new[] { "deploy" })]
    [InlineData("superseded", new[] { "deploy" })]
    [InlineData("not superseded and subject = Russia", new[] { "deploy2", "Russia.denied(H1)/WIB" })]
    [InlineData("contradicted", new[] { "IRGC.coup_attempt@2017-01-28/MET", "coup", "Maher.aligned_with(Russia)/Sarkis" })]
    [InlineData("supports = H1", new[] { "coup" })]
    [InlineData("supports", new[] { "FourthDivision.high_alert@2017-01~/MET", "coup" })]
    [InlineData("contradicts in (H1, Sarkis)", new[] { "IRGC.coup_attempt@2017-01-28/MET", "Maher.aligned_with(Russia)/Sarkis" })]
    [InlineData("contradicts = coup", new[] { "Maher.aligned_with(Russia)/Sarkis" })]
    [InlineData("subject = IRGC and confidence >= moderate and date overlaps 2017-01 and source in (MET, Study) and not superseded and predicate like \"withdr*\"", new string[0])]
    [InlineData("(subject = IRGC or subject = Maher) and not contradicts = Sarkis", new[] { "coup", "Maher.aligned_with(Russia)/Sarkis" })]
    public void Queries_select_the_expected_claims_in_timeline_order(string query, string[] expected)
    {
        Assert.Equal(expected, Run(query));
    }

    [Fact]
    public void Results_follow_the_timeline()
    {
        Assert.Equal(Fixture.Index.Timeline.Select(c => c.Id), Run("not superseded or superseded"));
        Assert.Equal(8, Fixture.Index.Timeline.Count);
    }

    [Fact]
    public void Matches_tests_a_single_claim()
    {
        var query = Querying.Query.Parse("tag = russia");

        Assert.True(query.Matches(Fixture.Index.FindClaim("deploy2")!, Fixture));
        Assert.False(query.Matches(Fixture.Index.FindClaim("coup")!, Fixture));
    }

    [Theory]
    [InlineData("subject = IRGC and confidence >= medium", 34, "'medium' is not a confidence level; expected low, moderate or high")]
    [InlineData("subjct = IRGC", 1, "unknown field 'subjct'; did you mean 'subject'?")]
    [InlineData("colour = red", 1, "unknown field 'colour'; the fields are id, label, subject")]
    [InlineData("subject IRGC", 9, "unexpected 'IRGC'; expected '=', '!=', 'in', 'not in', 'like', 'not like' or 'under'")]
    [InlineData("subject = IRGC and", 19, "unexpected end of query; expected a field name, 'not' or '('")]
    [InlineData("subject = IRGC and and", 20, "unexpected 'and'; expected a field name, 'not' or '('")]
    [InlineData("(subject = IRGC", 16, "unexpected end of query; expected 'and', 'or' or ')'")]
    [InlineData("subject = IRGC)", 15, "unexpected ')'; expected 'and', 'or' or end of query")]
    [InlineData("superseded foo", 12, "unexpected 'foo'; expected 'and', 'or' or end of query")]
    [InlineData("date overlaps 2017-13", 20, "'2017-13' is not an EDTF date")]
    [InlineData("date overlaps \"2017-02-30\"", 24, "'2017-02-30' is not an EDTF date")]
    [InlineData("date = 2017", 6, "'=' cannot be used with 'date'; expected 'overlaps', 'before', 'after' or 'within'")]
    [InlineData("source in (MET, )", 17, "unexpected ')'; expected a value for 'source'")]
    [InlineData("source in (MET WIB)", 16, "unexpected 'WIB'; expected ',' or ')'")]
    [InlineData("source in MET", 11, "unexpected 'MET'; expected '('")]
    [InlineData("quote = \"abc", 9, "unterminated string; add the closing '\"'")]
    [InlineData("quote = \"a\\qb\"", 11, "invalid escape '\\q'")]
    [InlineData("superseded = true", 12, "'superseded' takes no operator: write 'superseded' or 'not superseded'")]
    [InlineData("confidence like \"x\"", 12, "'like' cannot be used with 'confidence'")]
    [InlineData("credibility <= 7", 16, "'7' is not a credibility grade; expected 1, 2, 3, 4, 5 or 6")]
    [InlineData("reliability = G", 15, "'G' is not a reliability grade; expected A, B, C, D, E or F")]
    [InlineData("", 1, "unexpected end of query; expected a field name, 'not' or '('")]
    [InlineData("not", 4, "unexpected end of query; expected a field name, 'not' or '('")]
    [InlineData("tag = a or ! tag = b", 12, "unexpected '!'; expected a field name, 'not' or '('")]
    [InlineData("subject = ", 11, "unexpected end of query; expected a value for 'subject'")]
    [InlineData("subject = \"\"", 11, "empty value for 'subject'")]
    public void Parse_errors_give_the_column_and_what_was_expected(string query, int column, string message)
    {
        var error = Assert.Throws<QueryParseException>(() => Querying.Query.Parse(query));

        Assert.Equal(column, error.Column);
        Assert.Equal(1, error.Line);
        Assert.Equal(column - 1, error.Position);
        Assert.Contains(message, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"column {column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Expectations_and_the_token_found_are_exposed()
    {
        var error = Assert.Throws<QueryParseException>(() => Querying.Query.Parse("subject = IRGC or)"));

        Assert.Equal("')'", error.Found);
        Assert.Equal(["a field name", "'not'", "'('"], error.Expected);
    }

    [Fact]
    public void Errors_in_a_query_of_several_lines_give_line_and_column()
    {
        var error = Assert.Throws<QueryParseException>(() => Querying.Query.Parse("subject = IRGC\n  and confidence >= sure"));

        Assert.Equal((2, 21), (error.Line, error.Column));
        Assert.StartsWith("line 2, column 21: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_before_parsing()
    {
        var deep = new string('(', 40) + "superseded" + new string(')', 40);
        var fine = new string('(', 30) + "superseded" + new string(')', 30);

        var error = Assert.Throws<QueryParseException>(() => Querying.Query.Parse(deep));

        Assert.Equal(33, error.Column);
        Assert.Contains("nested more than 32 deep", error.Message, StringComparison.Ordinal);
        Assert.Equal(["deploy"], Querying.Query.Parse(fine).Evaluate(Fixture).Select(c => c.Id));
    }

    [Fact]
    public void Long_flat_queries_parse_and_run()
    {
        var query = string.Join(" or ", Enumerable.Range(0, 5_000).Select(i => $"tag = t{i}")) + " or tag = russia";

        var parsed = Querying.Query.Parse(query);

        Assert.Equal(5_001, Assert.IsType<OrNode>(parsed.Root).Operands.Count);
        Assert.Equal(["deploy", "deploy2"], parsed.Evaluate(Fixture).Select(c => c.Id));
    }

    [Fact]
    public void TryParse_reports_instead_of_throwing()
    {
        Assert.True(Querying.Query.TryParse("superseded", out var query, out var none));
        Assert.NotNull(query);
        Assert.Null(none);
        Assert.False(Querying.Query.TryParse("superseded =", out var nothing, out var error));
        Assert.Null(nothing);
        Assert.Equal(12, error!.Column);
    }

    [Fact]
    public void Printed_queries_parse_back_to_the_same_tree()
    {
        var texts = new[]
        {
            "subject = IRGC and (tag = \"two words\" or note like \"a \\\"quoted\\\" *\")",
            "not (date overlaps 2017-01~ or date before ../2016) and source not in (MET, \"and\")",
            "credibility in (1, 2) or reliability > B",
        };

        foreach (var text in texts)
        {
            var first = Querying.Query.Parse(text);
            var second = Querying.Query.Parse(first.ToString());

            Assert.Equal(first.ToString(), second.ToString());
            Assert.Equal(first.Evaluate(Fixture), second.Evaluate(Fixture));
        }
    }

    [Theory]
    [InlineData("withdrawal", "withdr*", true)]
    [InlineData("WITHDRAWAL", "withdr*", true)]
    [InlineData("withdrawal", "*draw*", true)]
    [InlineData("withdrawal", "w?thdrawal", true)]
    [InlineData("withdrawal", "withdr", false)]
    [InlineData("", "*", true)]
    [InlineData("", "?", false)]
    [InlineData("abcabd", "*abd", true)]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaab", "*a*a*a*a*a*a*c", false)]
    public void Like_patterns_match_whole_values(string text, string pattern, bool expected)
    {
        Assert.Equal(expected, Glob.IsMatch(text, pattern));
    }

    [Fact]
    public void The_examples_in_the_documentation_parse()
    {
        var doc = File.ReadAllLines(Path.Combine(TestPaths.RepositoryRoot, "docs", "query.md"));
        var examples = doc
            .SkipWhile(line => line != "## Examples")
            .TakeWhile(line => line != "## Errors")
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line[3..line.IndexOf("` |", StringComparison.Ordinal)])
            .ToList();

        Assert.True(examples.Count >= 8);
        foreach (var example in examples)
        {
            Assert.True(Querying.Query.TryParse(example, out _, out var error), $"{example}: {error?.Message}");
        }
    }
}
