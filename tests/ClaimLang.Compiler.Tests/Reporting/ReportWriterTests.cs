using System.Text.Json;
using ClaimLang.Diagnostics;
using ClaimLang.Reporting;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Tests.Reporting;

public class ReportWriterTests
{
    private static string Write(DiagnosticReportWriter writer) =>
        writer.WriteToString(ReportSample.Diagnostics(), ReportSample.Summary, ReportSample.CurrentDirectory);

    private static readonly string Outside = ReportSample.OutsideFile;

    [Fact]
    public void Sample_columns_count_utf16_code_units()
    {
        // 'MTE' follows Arabic letters and an emoji: UTF-16 index 35, so column 36. (Code points would give 35.)
        int index = ReportSample.SeedText.IndexOf("MTE", StringComparison.Ordinal) - ReportSample.SeedText.IndexOf('\n') - 1;
        Assert.Equal(35, index);
    }

    [Fact]
    public void Text_format_is_one_line_per_diagnostic_then_the_summary()
    {
        string expected =
            "examples/seed.claim(1,8): info CLM3007: source 'MET' («قال» 😀) is never cited\n" +
            "examples/seed.claim(2,36): error CLM2001: undefined source 'MTE'; did you mean 'MET'?\n" +
            "examples/seed.claim(3,8): error CLM2002: 'MET' is declared twice\n" +
            "notes/a,b:c 100%.claim(1,1): warning CLM3006: 100% sure? no: add 'confidence', then recheck\n" +
            $"{Outside}(3,14): warning CLM3010: claim dated 2031-01-01, after asOf 2025-06-30\n" +
            "3 files, 41 claims: 2 errors, 2 warnings, 1 info\n";
        Assert.Equal(expected, Write(new TextReportWriter()));
    }

    [Fact]
    public void Text_format_can_leave_out_the_summary()
    {
        string text = Write(new TextReportWriter(includeSummary: false));
        Assert.Equal(5, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("41 claims", text);
    }

    [Fact]
    public void Text_line_matches_the_diagnostic_ToString_for_relative_paths()
    {
        var text = SourceText.From("claim X.y\n");
        var diagnostic = new Diagnostic(DiagnosticCatalog.ClaimWithoutSource, DiagnosticSeverity.Error, "claim has no source",
            Location.Create("a/b.claim", text, new TextSpan(6, 3)));
        string line = new TextReportWriter(includeSummary: false).WriteToString([diagnostic], ReportSummary.Create(1, 1, [diagnostic]), "/any");
        Assert.Equal(diagnostic + "\n", line);
    }

    [Fact]
    public void MSBuild_format_has_start_and_end_positions()
    {
        string expected =
            "examples/seed.claim(1,8,1,11): info CLM3007: source 'MET' («قال» 😀) is never cited\n" +
            "examples/seed.claim(2,36,2,39): error CLM2001: undefined source 'MTE'; did you mean 'MET'?\n" +
            "examples/seed.claim(3,8,3,11): error CLM2002: 'MET' is declared twice\n" +
            "notes/a,b:c 100%.claim(1,1,1,6): warning CLM3006: 100% sure? no: add 'confidence', then recheck\n" +
            $"{Outside}(3,14,3,24): warning CLM3010: claim dated 2031-01-01, after asOf 2025-06-30\n";
        Assert.Equal(expected, Write(new MSBuildReportWriter()));
    }

    [Fact]
    public void GitHub_format_writes_escaped_workflow_commands()
    {
        string expected =
            "::notice file=examples/seed.claim,line=1,col=8,endLine=1,endColumn=11,title=CLM3007::source 'MET' («قال» 😀) is never cited\n" +
            "::error file=examples/seed.claim,line=2,col=36,endLine=2,endColumn=39,title=CLM2001::undefined source 'MTE'; did you mean 'MET'?\n" +
            "::error file=examples/seed.claim,line=3,col=8,endLine=3,endColumn=11,title=CLM2002::'MET' is declared twice\n" +
            "::warning file=notes/a%2Cb%3Ac 100%25.claim,line=1,col=1,endLine=1,endColumn=6,title=CLM3006::100%25 sure? no: add 'confidence', then%0Arecheck\n" +
            $"::warning file={GitHubReportWriter.EscapeProperty(Outside)},line=3,col=14,endLine=3,endColumn=24,title=CLM3010::claim dated 2031-01-01, after asOf 2025-06-30\n";
        Assert.Equal(expected, Write(new GitHubReportWriter()));
    }

    [Theory]
    [InlineData("plain text", "plain text", "plain text")]
    [InlineData("50%", "50%25", "50%25")]
    [InlineData("a\r\nb", "a%0D%0Ab", "a%0D%0Ab")]
    [InlineData("a: b, c", "a: b, c", "a%3A b%2C c")]
    [InlineData("%0A", "%250A", "%250A")]
    public void GitHub_escaping(string value, string asData, string asProperty)
    {
        Assert.Equal(asData, GitHubReportWriter.EscapeData(value));
        Assert.Equal(asProperty, GitHubReportWriter.EscapeProperty(value));
    }

    [Fact]
    public void Json_format_is_exactly_the_specified_object()
    {
        string expected = $$"""
            {
              "diagnostics": [
                {
                  "id": "CLM3007",
                  "severity": "info",
                  "message": "source 'MET' («قال» \uD83D\uDE00) is never cited",
                  "file": "examples/seed.claim",
                  "line": 1,
                  "column": 8,
                  "endLine": 1,
                  "endColumn": 11
                },
                {
                  "id": "CLM2001",
                  "severity": "error",
                  "message": "undefined source 'MTE'; did you mean 'MET'?",
                  "file": "examples/seed.claim",
                  "line": 2,
                  "column": 36,
                  "endLine": 2,
                  "endColumn": 39
                },
                {
                  "id": "CLM2002",
                  "severity": "error",
                  "message": "'MET' is declared twice",
                  "file": "examples/seed.claim",
                  "line": 3,
                  "column": 8,
                  "endLine": 3,
                  "endColumn": 11
                },
                {
                  "id": "CLM3006",
                  "severity": "warning",
                  "message": "100% sure? no: add 'confidence', then\nrecheck",
                  "file": "notes/a,b:c 100%.claim",
                  "line": 1,
                  "column": 1,
                  "endLine": 1,
                  "endColumn": 6
                },
                {
                  "id": "CLM3010",
                  "severity": "warning",
                  "message": "claim dated 2031-01-01, after asOf 2025-06-30",
                  "file": {{JsonSerializer.Serialize(Outside)}},
                  "line": 3,
                  "column": 14,
                  "endLine": 3,
                  "endColumn": 24
                }
              ],
              "summary": {
                "files": 3,
                "claims": 41,
                "errors": 2,
                "warnings": 2,
                "infos": 1
              }
            }

            """.Replace("\r\n", "\n");
        Assert.Equal(expected, Write(new JsonReportWriter()));
    }

    [Fact]
    public void Json_format_with_no_diagnostics()
    {
        string json = new JsonReportWriter().WriteToString([], new ReportSummary(2, 5, 0, 0, 0), ReportSample.CurrentDirectory);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("diagnostics").ValueKind);
        Assert.Equal(0, document.RootElement.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal(5, document.RootElement.GetProperty("summary").GetProperty("claims").GetInt32());
    }

    [Fact]
    public void Every_format_is_deterministic_whatever_the_input_order()
    {
        var forward = ReportSample.Diagnostics();
        var backward = forward.Reverse().ToList();
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            var writer = DiagnosticReportWriter.Create(format);
            Assert.Equal(format, writer.Format);
            string a = writer.WriteToString(forward, ReportSample.Summary, ReportSample.CurrentDirectory);
            string b = writer.WriteToString(backward, ReportSample.Summary, ReportSample.CurrentDirectory);
            Assert.Equal(a, b);
            Assert.DoesNotContain("\r", a.Replace("%0D", ""));
            Assert.DoesNotContain("never written", a);
        }
    }

    [Fact]
    public void Diagnostic_without_a_file_is_attributed_to_the_tool()
    {
        var diagnostic = new Diagnostic(DiagnosticCatalog.BadConfiguration, DiagnosticSeverity.Error, "bad", Location.FileOnly(""));
        var summary = ReportSummary.Create(0, 0, [diagnostic]);
        Assert.Equal("claimc: error CLM0001: bad\n", new TextReportWriter(false).WriteToString([diagnostic], summary, "/x"));
        Assert.Equal("claimc : error CLM0001: bad\n", new MSBuildReportWriter().WriteToString([diagnostic], summary, "/x"));
        Assert.Equal("::error title=CLM0001::bad\n", new GitHubReportWriter().WriteToString([diagnostic], summary, "/x"));
    }

    [Theory]
    [InlineData("text", ReportFormat.Text)]
    [InlineData("json", ReportFormat.Json)]
    [InlineData("SARIF", ReportFormat.Sarif)]
    [InlineData("github", ReportFormat.GitHub)]
    [InlineData("msbuild", ReportFormat.MSBuild)]
    public void Format_names_parse(string name, ReportFormat expected)
    {
        Assert.True(ReportFormats.TryParse(name, out var format));
        Assert.Equal(expected, format);
    }

    [Fact]
    public void Unknown_format_name_is_rejected()
    {
        Assert.False(ReportFormats.TryParse("xml", out _));
        Assert.False(ReportFormats.TryParse(null, out _));
        Assert.Equal(["text", "json", "sarif", "github", "msbuild"], ReportFormats.Names);
    }

    [Fact]
    public void Summary_counts_by_severity()
    {
        var summary = ReportSummary.Create(3, 41, ReportSample.Diagnostics());
        Assert.Equal(ReportSample.Summary, summary);
        Assert.Equal("1 file, 1 claim: 0 errors, 0 warnings, 2 infos", new ReportSummary(1, 1, 0, 0, 2).ToString());
    }
}
