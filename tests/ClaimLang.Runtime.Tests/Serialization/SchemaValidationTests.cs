using System.Text.Json.Nodes;
using ClaimLang.Runtime.Tests.Support;

namespace ClaimLang.Runtime.Tests.Serialization;

/// <summary>
/// The dataset files match the published JSON Schemas (schema/), checked with ajv through
/// tools/schema-validate. Needs Node.js and npm: without them these tests fail.
/// </summary>
public sealed class SchemaValidationTests
{
    [Fact]
    public void The_fixture_matches_the_dataset_schema()
    {
        var (code, output, errors) = SchemaValidator.Validate(SchemaValidator.Schema("dataset.schema.json"), TestPaths.FixtureDataset);

        Assert.True(code == 0, errors);
        Assert.Contains("ok: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Written_json_and_json_lines_match_their_schemas()
    {
        using var folder = new TempFolder();
        var files = new List<(string Json, string Lines)>();
        foreach (var (name, dataset) in new[] { ("fixture", Samples.Fixture()), ("edge", Samples.EdgeCases()) })
        {
            var json = folder.File(name + ".json");
            var lines = folder.File(name + ".jsonl");
            dataset.Save(json);
            File.WriteAllBytes(lines, DatasetJsonLines.WriteToUtf8Bytes(dataset));
            files.Add((json, lines));
        }

        var jsonResult = SchemaValidator.Validate([SchemaValidator.Schema("dataset.schema.json"), .. files.Select(f => f.Json)]);
        var linesResult = SchemaValidator.Validate([SchemaValidator.Schema("dataset-record.schema.json"), .. files.Select(f => f.Lines)]);

        Assert.True(jsonResult.ExitCode == 0, jsonResult.Errors);
        Assert.True(linesResult.ExitCode == 0, linesResult.Errors);
    }

    [Fact]
    public void A_dataset_that_breaks_the_schema_is_reported_with_the_place_of_each_problem()
    {
        using var folder = new TempFolder();
        var document = JsonNode.Parse(File.ReadAllText(TestPaths.FixtureDataset))!;
        document["claims"]![0]!["confidence"] = "medium";
        document["claims"]![1]!["colour"] = "red";
        document["claims"]![6]!["args"]!["troops"]!["value"] = "many";
        document["sources"]![0]!["published"]!["start"] = "2017-02-30";
        document["actors"]![0]!.AsObject().Remove("aka");
        var path = folder.File("broken.json");
        File.WriteAllText(path, document.ToJsonString());

        var (code, _, errors) = SchemaValidator.Validate(SchemaValidator.Schema("dataset.schema.json"), path);

        Assert.Equal(1, code);
        Assert.Contains("/claims/0/confidence must be equal to one of the allowed values", errors, StringComparison.Ordinal);
        Assert.Contains("/claims/1 must NOT have unevaluated properties: 'colour'", errors, StringComparison.Ordinal);
        Assert.Contains("/claims/6/args/troops/value must be number", errors, StringComparison.Ordinal);
        Assert.Contains("/sources/0/published/start must match format \"date\"", errors, StringComparison.Ordinal);
        Assert.Contains("/actors/0 must have required property 'aka'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_lines_record_that_breaks_the_schema_is_reported_with_its_line()
    {
        using var folder = new TempFolder();
        var path = folder.File("broken.jsonl");
        var lines = System.Text.Encoding.UTF8.GetString(DatasetJsonLines.WriteToUtf8Bytes(Samples.Fixture())).Split('\n');
        lines[2] = lines[2].Replace("\"type\":\"source\"", "\"type\":\"sauce\"", StringComparison.Ordinal);
        lines[3] = lines[3].Replace("\"title\":", "\"headline\":", StringComparison.Ordinal);
        File.WriteAllText(path, string.Join('\n', lines));

        var (code, _, errors) = SchemaValidator.Validate(SchemaValidator.Schema("dataset-record.schema.json"), path);

        Assert.Equal(1, code);
        Assert.Contains("broken.jsonl:3: /type must be equal to one of the allowed values", errors, StringComparison.Ordinal);
        Assert.Contains("broken.jsonl:4: (root) must have required property 'title'", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_validator_refuses_bad_usage_with_exit_code_2()
    {
        var (noFiles, _, usage) = SchemaValidator.Validate(SchemaValidator.Schema("dataset.schema.json"));
        var (missing, _, unreadable) = SchemaValidator.Validate(SchemaValidator.Schema("no-such.schema.json"), TestPaths.FixtureDataset);

        Assert.Equal(2, noFiles);
        Assert.Contains("usage:", usage, StringComparison.Ordinal);
        Assert.Equal(2, missing);
        Assert.Contains("cannot read schema", unreadable, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_04_schemas_are_validated_as_draft_04_and_sibling_schemas_resolve()
    {
        using var folder = new TempFolder();
        var schema = folder.File("main.schema.json");
        File.WriteAllText(schema, """
            {
              "$schema": "http://json-schema.org/draft-04/schema#",
              "type": "object",
              "required": ["count"],
              "properties": { "count": { "$ref": "defs.json#/definitions/positive" } }
            }
            """);
        File.WriteAllText(folder.File("defs.json"), """
            {
              "$schema": "http://json-schema.org/draft-04/schema#",
              "definitions": { "positive": { "type": "integer", "minimum": 0, "exclusiveMinimum": true } }
            }
            """);
        var good = folder.File("good.json");
        var bad = folder.File("bad.json");
        File.WriteAllText(good, """{ "count": 1 }""");
        File.WriteAllText(bad, """{ "count": 0 }""");

        var (goodCode, _, goodErrors) = SchemaValidator.Validate(schema, good);
        var (badCode, _, badErrors) = SchemaValidator.Validate(schema, bad);

        Assert.True(goodCode == 0, goodErrors);
        Assert.Equal(1, badCode);
        Assert.Contains("/count must be > 0", badErrors, StringComparison.Ordinal);
    }
}
