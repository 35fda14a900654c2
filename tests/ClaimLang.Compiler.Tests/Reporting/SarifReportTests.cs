using System.Text.Json;
using ClaimLang.Diagnostics;
using ClaimLang.Reporting;

namespace ClaimLang.Tests.Reporting;

public class SarifReportTests
{
    private static JsonElement Run(SarifReportWriter writer, out string text)
    {
        text = writer.WriteToString(ReportSample.Diagnostics(), ReportSample.Summary, ReportSample.CurrentDirectory);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone().GetProperty("runs")[0];
    }

    [Fact]
    public void Has_the_tool_the_rules_and_the_column_kind()
    {
        var run = Run(new SarifReportWriter { Version = "1.2.3" }, out string text);
        Assert.StartsWith("{\n  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/", text);
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("claimc", driver.GetProperty("name").GetString());
        Assert.Equal("1.2.3", driver.GetProperty("version").GetString());
        Assert.Equal("https://github.com/claimlang/claimlang", driver.GetProperty("informationUri").GetString());
        Assert.Equal("utf16CodeUnits", run.GetProperty("columnKind").GetString());

        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["CLM2001", "CLM2002", "CLM3006", "CLM3007", "CLM3010"], rules.Select(r => r.GetProperty("id").GetString()));
        var undefined = rules[0];
        Assert.Equal("UndefinedName", undefined.GetProperty("name").GetString());
        Assert.Equal("Undefined name", undefined.GetProperty("shortDescription").GetProperty("text").GetString());
        Assert.Equal(DiagnosticCatalog.HelpUri("CLM2001"), undefined.GetProperty("helpUri").GetString());
        Assert.Equal("error", undefined.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.Equal("note", rules[3].GetProperty("defaultConfiguration").GetProperty("level").GetString());
        // The full description is the help page's first paragraph, and the help is the page itself.
        string? help = DiagnosticCatalog.GetHelp("CLM2001");
        Assert.NotNull(help);
        Assert.Equal(SarifReportWriter.FirstParagraph(help!), undefined.GetProperty("fullDescription").GetProperty("markdown").GetString());
        Assert.DoesNotContain("`", undefined.GetProperty("fullDescription").GetProperty("text").GetString());
        Assert.Equal(help, undefined.GetProperty("help").GetProperty("markdown").GetString());
    }

    [Fact]
    public void Results_refer_to_their_rules_and_positions()
    {
        var run = Run(new SarifReportWriter(), out _);
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["CLM3007", "CLM2001", "CLM2002", "CLM3006", "CLM3010"], results.Select(r => r.GetProperty("ruleId").GetString()));
        foreach (var result in results)
        {
            int index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
        }
        Assert.Equal(["note", "error", "error", "warning", "warning"], results.Select(r => r.GetProperty("level").GetString()));

        var undefined = results[1];
        Assert.Equal("undefined source 'MTE'; did you mean 'MET'?", undefined.GetProperty("message").GetProperty("text").GetString());
        var physical = undefined.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("examples/seed.claim", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = physical.GetProperty("region");
        // UTF-16 columns: the emoji before 'MTE' counts twice.
        Assert.Equal([2, 36, 2, 39], new[] { "startLine", "startColumn", "endLine", "endColumn" }.Select(k => region.GetProperty(k).GetInt32()));

        string baseUri = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
        Assert.Equal(ReportPaths.ToFileUri(ReportSample.CurrentDirectory, asFolder: true), baseUri);
        Assert.EndsWith("/", baseUri);

        var duplicate = results[2];
        var related = Assert.Single(duplicate.GetProperty("relatedLocations").EnumerateArray().ToList());
        Assert.Equal(0, related.GetProperty("id").GetInt32());
        Assert.Equal("first declared here", related.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(1, related.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());

        var odd = results[3].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal("notes/a%2Cb%3Ac%20100%25.claim", odd.GetProperty("uri").GetString());

        var outside = results[4].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        Assert.Equal(ReportPaths.ToFileUri(ReportSample.OutsideFile), outside.GetProperty("uri").GetString());
        Assert.False(outside.TryGetProperty("uriBaseId", out _));
    }

    [Fact]
    public void Exact_output_for_one_diagnostic()
    {
        var text = Microsoft.CodeAnalysis.Text.SourceText.From("claim X.y on 2017-01 source 😀MTE\n");
        string file = Path.Join(ReportSample.CurrentDirectory, "a.claim");
        var diagnostic = new Diagnostic(DiagnosticCatalog.UndefinedName, DiagnosticSeverity.Error, "undefined source 'MTE'",
            Location.Create(file, text, new Microsoft.CodeAnalysis.Text.TextSpan(30, 3)));
        string sarif = new SarifReportWriter { IncludeHelp = false, Version = "0.1.0" }
            .WriteToString([diagnostic], ReportSummary.Create(1, 1, [diagnostic]), ReportSample.CurrentDirectory);
        string summary = SarifReportWriter.FirstParagraph(DiagnosticCatalog.GetHelp("CLM2001")!)!;
        string expected = $$"""
            {
              "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
              "version": "2.1.0",
              "runs": [
                {
                  "tool": {
                    "driver": {
                      "name": "claimc",
                      "version": "0.1.0",
                      "informationUri": "https://github.com/claimlang/claimlang",
                      "rules": [
                        {
                          "id": "CLM2001",
                          "name": "UndefinedName",
                          "shortDescription": {
                            "text": "Undefined name"
                          },
                          "fullDescription": {
                            "text": {{JsonSerializer.Serialize(SarifReportWriter.PlainText(summary))}},
                            "markdown": {{JsonSerializer.Serialize(summary)}}
                          },
                          "helpUri": "https://github.com/claimlang/claimlang/blob/main/docs/diagnostics/CLM2001.md",
                          "defaultConfiguration": {
                            "level": "error"
                          }
                        }
                      ]
                    }
                  },
                  "originalUriBaseIds": {
                    "%SRCROOT%": {
                      "uri": "{{ReportPaths.ToFileUri(ReportSample.CurrentDirectory, asFolder: true)}}"
                    }
                  },
                  "columnKind": "utf16CodeUnits",
                  "results": [
                    {
                      "ruleId": "CLM2001",
                      "ruleIndex": 0,
                      "level": "error",
                      "message": {
                        "text": "undefined source 'MTE'"
                      },
                      "locations": [
                        {
                          "physicalLocation": {
                            "artifactLocation": {
                              "uri": "a.claim",
                              "uriBaseId": "%SRCROOT%"
                            },
                            "region": {
                              "startLine": 1,
                              "startColumn": 31,
                              "endLine": 1,
                              "endColumn": 34
                            }
                          }
                        }
                      ]
                    }
                  ]
                }
              ]
            }

            """.Replace("\r\n", "\n");
        Assert.Equal("MTE", text.ToString(diagnostic.Location.Span));
        Assert.Equal(expected, sarif);
    }

    [Fact]
    public void Can_list_every_catalog_code_as_a_rule()
    {
        var run = Run(new SarifReportWriter { IncludeAllRules = true }, out _);
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(DiagnosticCatalog.All.Select(d => d.Id), rules.Select(r => r.GetProperty("id").GetString()));
        var undeclared = rules.Single(r => r.GetProperty("id").GetString() == "CLM3009");
        var configuration = undeclared.GetProperty("defaultConfiguration");
        Assert.Equal("none", configuration.GetProperty("level").GetString());
        Assert.False(configuration.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void Empty_report_has_an_empty_result_list()
    {
        string text = new SarifReportWriter().WriteToString([], new ReportSummary(0, 0, 0, 0, 0), ReportSample.CurrentDirectory);
        using var document = JsonDocument.Parse(text);
        var run = document.RootElement.GetProperty("runs")[0];
        Assert.Equal(0, run.GetProperty("results").GetArrayLength());
        Assert.Equal(0, run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength());
    }

    [Fact]
    public void Output_validates_against_the_SARIF_2_1_0_schema()
    {
        string schema = Path.Join(RepositoryPaths.Shared, "schemas", "sarif-2.1.0", "sarif-schema-2.1.0.json");
        Assert.True(File.Exists(schema), $"the SARIF schema is missing: {schema}");
        string validator = RepositoryPaths.SchemaValidator();

        string folder = Path.Join(Path.GetTempPath(), "claimlang-sarif-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = new List<string>();
            void Save(string name, SarifReportWriter writer, IReadOnlyList<Diagnostic> diagnostics)
            {
                string path = Path.Join(folder, name);
                File.WriteAllText(path, writer.WriteToString(diagnostics, ReportSummary.Create(3, 41, diagnostics), ReportSample.CurrentDirectory));
                files.Add(path);
            }
            Save("sample.sarif", new SarifReportWriter(), ReportSample.Diagnostics());
            Save("all-rules.sarif", new SarifReportWriter { IncludeAllRules = true }, ReportSample.Diagnostics());
            Save("empty.sarif", new SarifReportWriter(), []);

            var (code, output) = RepositoryPaths.Run("node", validator, ["validate.mjs", schema, .. files]);
            Assert.True(code == 0, "SARIF output does not validate:\n" + output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_validator_rejects_a_broken_SARIF_log()
    {
        // Guards the test above: a validator that accepts anything would make it pass vacuously.
        string schema = Path.Join(RepositoryPaths.Shared, "schemas", "sarif-2.1.0", "sarif-schema-2.1.0.json");
        string validator = RepositoryPaths.SchemaValidator();
        string text = new SarifReportWriter().WriteToString(ReportSample.Diagnostics(), ReportSample.Summary, ReportSample.CurrentDirectory)
            .Replace("\"columnKind\": \"utf16CodeUnits\"", "\"columnKind\": \"bytes\"", StringComparison.Ordinal);
        string path = Path.Join(Path.GetTempPath(), "claimlang-bad-" + Guid.NewGuid().ToString("N") + ".sarif");
        File.WriteAllText(path, text);
        try
        {
            var (code, output) = RepositoryPaths.Run("node", validator, "validate.mjs", schema, path);
            Assert.True(code == 1, $"expected the validator to reject the log (exit code 1), got {code}:\n{output}");
            Assert.Contains("columnKind", output);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
