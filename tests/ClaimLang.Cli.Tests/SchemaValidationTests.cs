using ClaimLang.Cli.Tests.Support;

namespace ClaimLang.Cli.Tests;

/// <summary>
/// The files <c>claimc build</c> writes match the published JSON Schemas (schema/), checked with ajv through
/// tools/schema-validate. Needs Node.js and npm (as CI has them): without them these tests fail.
/// </summary>
public class SchemaValidationTests
{
    public static IEnumerable<object[]> Workspaces() => [["seeds"], ["examples"], ["spec-example"], ["small"]];

    private static TempFolder Materialise(string name)
    {
        var folder = new TempFolder();
        switch (name)
        {
            case "small":
                Support.Workspaces.Write(folder.Path, Support.Workspaces.Small);
                break;
            case "spec-example":
                File.Copy(Repository.Path("tests", "ClaimLang.Compiler.Tests", "Corpus", "spec-example.claim"), folder.Full("spec-example.claim"));
                break;
            default:
                Support.Workspaces.Copy(Repository.Path(name), folder.Path);
                break;
        }

        return folder;
    }

    [Theory]
    [MemberData(nameof(Workspaces))]
    public void Built_json_and_json_lines_match_the_schemas(string workspace)
    {
        using var ws = Materialise(workspace);
        using var output = new TempFolder();
        var target = Path.Combine(output.Path, "out");
        var build = Claimc.Run(ws.Path, "build", ".", "-o", target, "--emit", "json,jsonl");
        Assert.True(build.ExitCode == 0, build.ToString());

        var json = SchemaValidator.Validate(SchemaValidator.Schema("dataset.schema.json"), Path.Combine(target, "dataset.json"));
        Assert.True(json.ExitCode == 0, json.ToString());
        var lines = SchemaValidator.Validate(SchemaValidator.Schema("dataset-record.schema.json"), Path.Combine(target, "dataset.jsonl"));
        Assert.True(lines.ExitCode == 0, lines.ToString());
    }

    [Fact]
    public void The_validator_does_reject_a_dataset_that_breaks_the_schema()
    {
        using var ws = Materialise("small");
        using var output = new TempFolder();
        var target = Path.Combine(output.Path, "out");
        Assert.Equal(0, Claimc.Run(ws.Path, "build", "-o", target).ExitCode);

        var broken = Path.Combine(output.Path, "broken.json");
        File.WriteAllText(broken, File.ReadAllText(Path.Combine(target, "dataset.json"))
            .Replace("\"confidence\": \"moderate\"", "\"confidence\": \"medium\"", StringComparison.Ordinal));
        var result = SchemaValidator.Validate(SchemaValidator.Schema("dataset.schema.json"), broken);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("confidence", result.Error, StringComparison.Ordinal);
    }
}
