using System.Text.Json;
using ClaimLang.Cli.Tests.Support;

namespace ClaimLang.Cli.Tests;

public sealed class QueryCommandTests : IDisposable
{
    private readonly TempFolder _ws = new();

    public QueryCommandTests()
    {
        Workspaces.Write(_ws.Path, Workspaces.Small);
    }

    public void Dispose() => _ws.Dispose();

    private CliResult Query(params string[] args) => Claimc.Run(_ws.Path, ["query", .. args]);

    private void BuildAll()
    {
        var result = Claimc.Run(_ws.Path, "build", "-o", "out", "--emit", "json,jsonl,sqlite");
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public void Compiles_the_workspace_and_prints_a_table_in_timeline_order()
    {
        var result = Query("confidence >= low");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        static string Row(params string[] c) => $"{c[0],-28}  {c[1],-10}  {c[2],-7}  {c[3],-12}  {c[4],-10}  {c[5]}".TrimEnd() + "\n";
        var expected =
            Row("id", "date", "subject", "predicate", "confidence", "sources") +
            Row(new string('-', 28), new string('-', 10), new string('-', 7), new string('-', 12), new string('-', 10), new string('-', 7)) +
            Row("IRGC.withdrew@2015-11/WIB", "2015-11", "IRGC", "withdrew", "high", "WIB") +
            Row("coup", "2017-01-28", "IRGC", "coup_attempt", "moderate", "MET") +
            Row("Bashar.denied@2017-01-30/WIB", "2017-01-30", "Bashar", "denied", "low", "WIB") +
            "3 claims\n";
        Assert.Equal(expected,
            result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void No_match_is_not_an_error()
    {
        var result = Query("subject = Nobody");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No claim matches.\n", result.Output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Json_output_holds_the_dataset_objects_of_the_matching_claims()
    {
        BuildAll();
        var result = Query("subject = IRGC", "--format", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal("subject = IRGC", root.GetProperty("query").GetString());
        Assert.Equal(2, root.GetProperty("count").GetInt32());
        var claims = root.GetProperty("claims").EnumerateArray().ToList();
        Assert.Equal(["IRGC.withdrew@2015-11/WIB", "coup"], claims.Select(c => c.GetProperty("id").GetString()));

        // Each object is exactly the one dataset.json holds for the claim.
        using var dataset = JsonDocument.Parse(File.ReadAllBytes(_ws.Full("out/dataset.json")));
        var coup = dataset.RootElement.GetProperty("claims").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "coup");
        Assert.Equal(JsonSerializer.Serialize(coup), JsonSerializer.Serialize(claims[1]));
    }

    [Fact]
    public void Csv_output_is_rfc4180_with_formulas_neutralised()
    {
        var result = Query("id = coup", "--format", "csv");
        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Output.Split("\r\n");
        Assert.StartsWith("id,label,subject,predicate,date,date_start,date_end,confidence,credibility,sources,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("coup,coup,IRGC,coup_attempt,2017-01-28,2017-01-28,2017-01-28,moderate,,MET,,,,,,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",", lines[1], StringComparison.Ordinal);
        Assert.Equal([""], lines[2..]);
    }

    [Theory]
    [InlineData("out/dataset.json")]
    [InlineData("out/dataset.jsonl")]
    [InlineData("out/dataset.db")]
    public void A_built_dataset_gives_the_same_answer_as_the_claim_files(string file)
    {
        BuildAll();
        foreach (var format in new[] { "table", "json", "csv" })
        {
            var fromFiles = Query("source in (MET, WIB) and not superseded", "--format", format);
            var fromDataset = Query("source in (MET, WIB) and not superseded", "--dataset", file, "--format", format);
            Assert.True(fromDataset.ExitCode == 0, fromDataset.ToString());
            Assert.Equal(fromFiles.Output, fromDataset.Output);
        }
    }

    [Theory]
    [InlineData("confidence >= medium", 15, "'medium' is not a confidence level")]
    [InlineData("subjct = IRGC", 1, "unknown field 'subjct'")]
    [InlineData("subject IRGC", 9, "unexpected 'IRGC'")]
    [InlineData("(subject = IRGC", 16, "end of query")]
    [InlineData("subject = IRGC and date overlaps 2017-13", 39, "month 13 does not exist")]
    public void A_query_that_does_not_parse_exits_2_with_a_caret_under_the_column(string query, int column, string message)
    {
        var result = Query(query);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        var lines = result.Error.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith($"claimc: invalid query: column {column}: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(message, lines[0], StringComparison.Ordinal);
        Assert.Equal("  " + query, lines[1]);
        Assert.Equal(new string(' ', 2 + column - 1) + "^", lines[2]);
    }

    [Fact]
    public void The_caret_lines_up_under_tabs_and_on_the_right_line()
    {
        var result = Query("subject = IRGC\nand\tconfidence >= nope");
        Assert.Equal(2, result.ExitCode);
        var lines = result.Error.ReplaceLineEndings("\n").Split('\n');
        Assert.StartsWith("claimc: invalid query: line 2, column 19: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("  and\tconfidence >= nope", lines[1]);
        Assert.Equal("     \t" + new string(' ', 14) + "^", lines[2]);
    }

    [Fact]
    public void Compile_errors_exit_1_with_the_diagnostics_on_standard_error()
    {
        _ws.Write("c.claim", "claim IRGC.left source MTE confidence low\n");
        var result = Query("subject = IRGC");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("c.claim(1,24): error CLM2001: undefined source 'MTE'", result.Error, StringComparison.Ordinal);
        Assert.Contains("the query was not run", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_inputs_are_bad_usage()
    {
        BuildAll();
        var both = Query("subject = IRGC", "--dataset", "out/dataset.json", "a.claim");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("not both", both.Error, StringComparison.Ordinal);

        var missing = Query("subject = IRGC", "--dataset", "out/nothing.json");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such dataset file", missing.Error, StringComparison.Ordinal);

        _ws.Write("bad.json", "{ \"format\": \"claimlang-dataset\", \"version\": 2 }");
        var version = Query("subject = IRGC", "--dataset", "bad.json");
        Assert.Equal(2, version.ExitCode);
        Assert.Contains("unsupported dataset version 2", version.Error, StringComparison.Ordinal);

        _ws.Write("notes.txt", "hello");
        var notADataset = Query("subject = IRGC", "--dataset", "notes.txt");
        Assert.Equal(2, notADataset.ExitCode);
        Assert.Contains("not a ClaimLang dataset", notADataset.Error, StringComparison.Ordinal);

        var format = Query("subject = IRGC", "--format", "xml");
        Assert.Equal(2, format.ExitCode);

        var noExpression = Claimc.Run(_ws.Path, "query");
        Assert.Equal(2, noExpression.ExitCode);
    }

    [Fact]
    public void Paths_of_several_workspaces_are_refused()
    {
        using var other = new TempFolder();
        Workspaces.Write(other.Path, Workspaces.Small);
        var result = Query("subject = IRGC", _ws.Path, other.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("2 workspaces", result.Error, StringComparison.Ordinal);
    }
}
