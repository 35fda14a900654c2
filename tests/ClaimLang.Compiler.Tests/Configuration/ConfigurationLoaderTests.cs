using System.Text;
using ClaimLang.Configuration;
using ClaimLang.Diagnostics;

namespace ClaimLang.Tests.Configuration;

public class ConfigurationLoaderTests
{
    private const string FilePath = "/ws/claimlang.json";

    private static ConfigurationResult Parse(string json) => ConfigurationLoader.Parse(json, FilePath);

    /// <summary>
    /// Parses <paramref name="json"/>, expects exactly one CLM0001, and checks that its span covers exactly
    /// <paramref name="spanText"/> (the <paramref name="occurrence"/>-th occurrence, 0-based) in the input.
    /// </summary>
    private static Diagnostic SingleAt(string json, string spanText, int occurrence = 0)
    {
        var result = Parse(json);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CLM0001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(FilePath, diagnostic.Location.FilePath);
        int index = -1;
        for (int i = 0; i <= occurrence; i++) index = json.IndexOf(spanText, index + 1, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{spanText}' not in the input");
        Assert.Equal(index, diagnostic.Location.Span.Start);
        Assert.Equal(spanText.Length, diagnostic.Location.Span.Length);
        return diagnostic;
    }

    [Fact]
    public void Empty_object_gives_the_defaults()
    {
        var result = Parse("{}");
        Assert.Empty(result.Diagnostics);
        Assert.False(result.HasErrors);
        var options = result.Options;
        Assert.Equal(["**/*.claim"], options.Include);
        Assert.Empty(options.Exclude);
        Assert.Empty(options.Rules);
        Assert.Null(options.AsOf);
        Assert.False(options.StrictPredicates);
        Assert.Equal(100, options.Format.Width);
        Assert.Equal(2, options.Format.Indent);
        Assert.Null(options.Output.Directory);
        Assert.Equal(["json"], options.Output.Emit);
    }

    [Fact]
    public void Every_setting_is_read()
    {
        const string json = """
            {
              // a comment is fine
              "$schema": "./schema/claimlang.schema.json",
              "include": ["claims/**/*.claim", "extra/*.claim"],
              "exclude": ["claims/drafts/**"],
              "rules": { "CLM3006": "off", "clm3007": "warning", "CLM2014": "error" },
              "asOf": "2025-06-30",
              "strictPredicates": true,
              "format": { "width": 80, "indent": 4 },
              "output": { "directory": "out/data", "emit": ["json", "csv", "sqlite"], },
            }
            """;
        var result = Parse(json);
        Assert.Empty(result.Diagnostics);
        var options = result.Options;
        Assert.Equal(["claims/**/*.claim", "extra/*.claim"], options.Include);
        Assert.Equal(["claims/drafts/**"], options.Exclude);
        Assert.Equal(3, options.Rules.Count);
        Assert.Equal(DiagnosticSeverity.Off, options.Rules["CLM3006"]);
        Assert.Equal(DiagnosticSeverity.Warning, options.Rules["CLM3007"]); // canonical upper-case key
        Assert.Equal(DiagnosticSeverity.Error, options.Rules["CLM2014"]);
        Assert.Equal(new DateOnly(2025, 6, 30), options.AsOf);
        Assert.True(options.StrictPredicates);
        Assert.Equal(80, options.Format.Width);
        Assert.Equal(4, options.Format.Indent);
        Assert.Equal("out/data", options.Output.Directory);
        Assert.Equal(["json", "csv", "sqlite"], options.Output.Emit);
    }

    [Fact]
    public void Unknown_key_suggests_the_closest_one()
    {
        var d = SingleAt("""{ "strictPredicate": true }""", "\"strictPredicate\"");
        Assert.Contains("unknown key 'strictPredicate'", d.Message);
        Assert.Contains("did you mean 'strictPredicates'?", d.Message);
        Assert.Contains("'include'", d.Message); // lists what is allowed
    }

    [Fact]
    public void Key_differing_only_in_case_is_suggested()
    {
        var d = SingleAt("""{ "AsOf": "2025-01-01" }""", "\"AsOf\"");
        Assert.Contains("did you mean 'asOf'?", d.Message);
    }

    [Fact]
    public void Unknown_key_far_from_every_key_lists_the_allowed_ones()
    {
        var d = SingleAt("{\n  \"colour\": \"blue\"\n}", "\"colour\"");
        Assert.DoesNotContain("did you mean", d.Message);
        Assert.Contains("'strictPredicates'", d.Message);
        Assert.Equal(1, d.Location.LineSpan.Start.Line);
        Assert.Equal(2, d.Location.LineSpan.Start.Character);
    }

    [Fact]
    public void Include_that_is_not_an_array_keeps_the_default()
    {
        var result = Parse("""{ "include": "**/*.claim" }""");
        var d = SingleAt("""{ "include": "**/*.claim" }""", "\"**/*.claim\"");
        Assert.Contains("'include' must be an array of glob patterns", d.Message);
        Assert.Contains("found a string", d.Message);
        Assert.Equal(["**/*.claim"], result.Options.Include);
    }

    [Fact]
    public void Exclude_entry_of_the_wrong_type_is_dropped()
    {
        const string json = """{ "exclude": ["drafts/**", 42, {"a": 1}] }""";
        var result = Parse(json);
        Assert.Equal(2, result.Diagnostics.Count);
        Assert.Equal(json.IndexOf("42", StringComparison.Ordinal), result.Diagnostics[0].Location.Span.Start);
        Assert.Contains("found a number", result.Diagnostics[0].Message);
        Assert.Equal(json.IndexOf("{\"a\": 1}", StringComparison.Ordinal), result.Diagnostics[1].Location.Span.Start);
        Assert.Equal("{\"a\": 1}".Length, result.Diagnostics[1].Location.Span.Length);
        Assert.Contains("found an object", result.Diagnostics[1].Message);
        Assert.Equal(["drafts/**"], result.Options.Exclude);
    }

    [Theory]
    [InlineData("src/**.claim", "'**' must be a whole segment")]
    [InlineData("/abs/**/*.claim", "is absolute")]
    [InlineData("claims/[a-.claim", "without a matching ']'")]
    [InlineData("claims/{a,b.claim", "without a matching '}'")]
    [InlineData("../other/*.claim", "'..' segment")]
    [InlineData("", "may not be empty")]
    public void Bad_glob_is_reported_at_the_pattern_and_dropped(string pattern, string expected)
    {
        string json = $$"""{ "include": ["ok/*.claim", "{{pattern}}"] }""";
        var d = SingleAt(json, "\"" + pattern + "\"");
        Assert.Contains("bad pattern in 'include'", d.Message);
        Assert.Contains(expected, d.Message);
        Assert.Equal(["ok/*.claim"], Parse(json).Options.Include);
    }

    [Fact]
    public void Backslash_in_a_glob_is_reported()
    {
        const string json = """{ "exclude": ["drafts\\*.claim"] }""";
        var d = SingleAt(json, "\"drafts\\\\*.claim\"");
        Assert.Contains("use '/'", d.Message);
    }

    [Fact]
    public void Unknown_code_in_rules_is_reported_at_the_key()
    {
        var d = SingleAt("""{ "rules": { "CLM3100": "off" } }""", "\"CLM3100\"");
        Assert.Contains("unknown diagnostic code 'CLM3100'", d.Message);
        Assert.Contains("did you mean 'CLM3010'?", d.Message);
    }

    [Fact]
    public void Rules_key_that_is_not_a_code_is_reported()
    {
        var d = SingleAt("""{ "rules": { "missing-confidence": "off" } }""", "\"missing-confidence\"");
        Assert.Contains("keys must be diagnostic codes", d.Message);
    }

    [Theory]
    [InlineData("CLM1004", "syntax errors (CLM1xxx) cannot be reconfigured")]
    [InlineData("CLM0001", "configuration errors (CLM0001) cannot be reconfigured")]
    public void Rules_cannot_change_syntax_or_configuration_errors(string code, string expected)
    {
        string json = $$"""{ "rules": { "{{code}}": "off", "CLM3006": "info" } }""";
        var d = SingleAt(json, $"\"{code}\"");
        Assert.Contains(expected, d.Message);
        var options = Parse(json).Options;
        Assert.False(options.Rules.ContainsKey(code));
        Assert.Equal(DiagnosticSeverity.Info, options.Rules["CLM3006"]);
    }

    [Fact]
    public void Bad_severity_is_reported_at_the_value_with_a_suggestion()
    {
        var d = SingleAt("""{ "rules": { "CLM3006": "warn" } }""", "\"warn\"");
        Assert.Contains("the severity of 'CLM3006' must be one of \"error\", \"warning\", \"info\" or \"off\"", d.Message);
        Assert.Contains("did you mean \"warning\"?", d.Message);
    }

    [Fact]
    public void Severity_of_the_wrong_type_is_reported()
    {
        var d = SingleAt("""{ "rules": { "CLM3006": false } }""", "false");
        Assert.Contains("found true/false", d.Message);
    }

    [Fact]
    public void Rules_that_is_not_an_object_is_reported()
    {
        var d = SingleAt("""{ "rules": ["CLM3006"] }""", "[\"CLM3006\"]");
        Assert.Contains("'rules' must be an object", d.Message);
        Assert.Contains("found an array", d.Message);
    }

    [Theory]
    [InlineData("\"31/01/2025\"", "must be a date written yyyy-mm-dd")]
    [InlineData("\"2025-1-31\"", "must be a date written yyyy-mm-dd")]
    [InlineData("\"2025-02-30\"", "is not a real day")]
    [InlineData("\"2025-13-01\"", "is not a real day")]
    [InlineData("20250131", "found a number")]
    public void Bad_asOf_is_reported_at_the_value(string value, string expected)
    {
        string json = $$"""{ "asOf": {{value}} }""";
        var d = SingleAt(json, value);
        Assert.Contains("'asOf'", d.Message);
        Assert.Contains(expected, d.Message);
        Assert.Null(Parse(json).Options.AsOf);
    }

    [Fact]
    public void AsOf_may_be_null()
    {
        var result = Parse("""{ "asOf": null }""");
        Assert.Empty(result.Diagnostics);
        Assert.Null(result.Options.AsOf);
    }

    [Fact]
    public void StrictPredicates_in_quotes_is_reported_with_a_hint()
    {
        var d = SingleAt("""{ "strictPredicates": "true" }""", "\"true\"");
        Assert.Contains("'strictPredicates' must be true or false", d.Message);
        Assert.Contains("without quotes", d.Message);
    }

    [Theory]
    [InlineData("width", "20", "'format.width' must be a whole number from 40 to 400; found 20")]
    [InlineData("width", "401", "found 401")]
    [InlineData("width", "100.5", "found 100.5")]
    [InlineData("width", "\"wide\"", "found a string")]
    [InlineData("indent", "0", "'format.indent' must be a whole number from 1 to 8; found 0")]
    [InlineData("indent", "9", "found 9")]
    [InlineData("indent", "1e1", "found 1e1")]
    public void Format_values_out_of_range_are_reported_and_keep_the_default(string key, string value, string expected)
    {
        string json = $$"""{ "format": { "{{key}}": {{value}} } }""";
        var d = SingleAt(json, value);
        Assert.Contains(expected, d.Message);
        var format = Parse(json).Options.Format;
        Assert.Equal(100, format.Width);
        Assert.Equal(2, format.Indent);
    }

    [Theory]
    [InlineData("40")]
    [InlineData("400")]
    public void Format_width_limits_are_inclusive(string value)
    {
        var result = Parse($$"""{ "format": { "width": {{value}}, "indent": 8 } }""");
        Assert.Empty(result.Diagnostics);
        Assert.Equal(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture), result.Options.Format.Width);
        Assert.Equal(8, result.Options.Format.Indent);
    }

    [Fact]
    public void Unknown_format_key_suggests_the_closest()
    {
        var d = SingleAt("""{ "format": { "widht": 90 } }""", "\"widht\"");
        Assert.Contains("unknown key 'widht' in 'format'", d.Message);
        Assert.Contains("did you mean 'width'?", d.Message);
    }

    [Fact]
    public void Format_that_is_not_an_object_is_reported()
    {
        var d = SingleAt("""{ "format": 100 }""", "100");
        Assert.Contains("'format' must be an object", d.Message);
    }

    [Fact]
    public void Unknown_emit_format_is_reported_at_the_entry()
    {
        const string json = """{ "output": { "emit": ["json", "jsn", "xml"] } }""";
        var result = Parse(json);
        Assert.Equal(2, result.Diagnostics.Count);
        var first = result.Diagnostics[0];
        Assert.Equal(json.IndexOf("\"jsn\"", StringComparison.Ordinal), first.Location.Span.Start);
        Assert.Contains("unknown format \"jsn\" in 'output.emit'; did you mean \"json\"?", first.Message);
        var second = result.Diagnostics[1];
        Assert.Equal(json.IndexOf("\"xml\"", StringComparison.Ordinal), second.Location.Span.Start);
        Assert.Contains("allowed: \"json\", \"jsonl\", \"csv\" or \"sqlite\"", second.Message);
        Assert.Equal(["json"], result.Options.Output.Emit);
    }

    [Fact]
    public void Repeated_emit_format_is_reported()
    {
        const string json = """{ "output": { "emit": ["csv", "csv"] } }""";
        var d = SingleAt(json, "\"csv\"", occurrence: 1);
        Assert.Contains("listed twice", d.Message);
        Assert.Equal(["csv"], Parse(json).Options.Output.Emit);
    }

    [Fact]
    public void Empty_emit_list_is_reported_and_keeps_the_default()
    {
        const string json = """{ "output": { "emit": [ ] } }""";
        var d = SingleAt(json, "[ ]");
        Assert.Contains("at least one format", d.Message);
        Assert.Equal(["json"], Parse(json).Options.Output.Emit);
    }

    [Fact]
    public void Emit_as_a_string_is_reported_with_a_hint()
    {
        var d = SingleAt("""{ "output": { "emit": "json,csv" } }""", "\"json,csv\"");
        Assert.Contains("must be an array of formats", d.Message);
        Assert.Contains("write a list", d.Message);
    }

    [Theory]
    [InlineData("/tmp/out", "must be relative to the workspace root")]
    [InlineData("C:\\\\out", "must be relative to the workspace root")]
    [InlineData("../out", "must stay inside the workspace root")]
    [InlineData("a/../../out", "must stay inside the workspace root")]
    [InlineData("  ", "must not be empty")]
    public void Output_directory_must_stay_inside_the_root(string value, string expected)
    {
        string json = $$"""{ "output": { "directory": "{{value}}" } }""";
        var d = SingleAt(json, $"\"{value}\"");
        Assert.Contains("'output.directory' " + expected, d.Message);
        Assert.Null(Parse(json).Options.Output.Directory);
    }

    [Fact]
    public void Unknown_output_key_suggests_the_closest()
    {
        var d = SingleAt("""{ "output": { "dir": "out" } }""", "\"dir\"");
        Assert.Contains("unknown key 'dir' in 'output'", d.Message);
    }

    [Fact]
    public void Repeated_key_is_reported_at_the_second_one()
    {
        const string json = """{ "asOf": "2020-01-01", "asOf": "2021-01-01" }""";
        var d = SingleAt(json, "\"asOf\"", occurrence: 1);
        Assert.Contains("'asOf' is given twice", d.Message);
        Assert.Equal(new DateOnly(2021, 1, 1), Parse(json).Options.AsOf);
    }

    [Fact]
    public void Root_that_is_not_an_object_is_reported()
    {
        var d = SingleAt("""["**/*.claim"]""", """["**/*.claim"]""");
        Assert.Contains("must be a JSON object", d.Message);
        Assert.Contains("found an array", d.Message);
    }

    [Fact]
    public void Empty_file_is_reported_at_the_start()
    {
        var d = Assert.Single(Parse("  \n").Diagnostics);
        Assert.Contains("empty", d.Message);
        Assert.Equal(0, d.Location.Span.Start);
    }

    [Fact]
    public void Bad_json_is_reported_at_the_error_position()
    {
        const string json = "{\n  \"include\": [\"a/*.claim\" \"b/*.claim\"]\n}";
        var result = Parse(json);
        var d = Assert.Single(result.Diagnostics);
        Assert.StartsWith("invalid JSON: ", d.Message);
        Assert.DoesNotContain("LineNumber", d.Message);
        // The reader stops at the second string, which lacks a comma before it.
        Assert.Equal(1, d.Location.LineSpan.Start.Line);
        Assert.Equal(json.IndexOf("\"b/", StringComparison.Ordinal) - json.IndexOf('\n') - 1, d.Location.LineSpan.Start.Character);
        Assert.Equal(ClaimLangOptions.Default.Include, result.Options.Include);
    }

    [Fact]
    public void Unterminated_object_is_reported_at_the_end()
    {
        const string json = "{ \"asOf\": \"2020-01-01\"";
        var d = Assert.Single(Parse(json).Diagnostics);
        Assert.StartsWith("invalid JSON: ", d.Message);
        Assert.Equal(json.Length, d.Location.Span.Start);
    }

    [Fact]
    public void Content_after_the_object_is_reported()
    {
        const string json = "{}\n{}";
        var d = Assert.Single(Parse(json).Diagnostics);
        Assert.StartsWith("invalid JSON: ", d.Message);
        Assert.Equal(1, d.Location.LineSpan.Start.Line);
        Assert.Equal(0, d.Location.LineSpan.Start.Character);
    }

    [Fact]
    public void Settings_read_before_a_json_error_are_kept()
    {
        var result = Parse("{ \"strictPredicates\": true, \"asOf\": }");
        Assert.Single(result.Diagnostics);
        Assert.True(result.Options.StrictPredicates);
    }

    [Fact]
    public void Columns_count_utf16_code_units_after_non_ascii_text()
    {
        // Arabic letters are 2 UTF-8 bytes and 1 UTF-16 unit; the emoji is 4 bytes and 2 units.
        const string json = "{ /* ملاحظة 😀 */ \"widht\": 1 }";
        var d = SingleAt(json, "\"widht\"");
        Assert.Equal(0, d.Location.LineSpan.Start.Line);
        Assert.Equal(json.IndexOf("\"widht\"", StringComparison.Ordinal), d.Location.LineSpan.Start.Character);
    }

    [Fact]
    public void Json_error_columns_count_utf16_code_units_across_lines()
    {
        const string json = "{\r\n  // 😀 تعليق\r\n  \"asOf\": \"2020-01-01\" \"x\"\r\n}";
        var d = Assert.Single(Parse(json).Diagnostics);
        Assert.Equal(2, d.Location.LineSpan.Start.Line);
        Assert.Equal("  \"asOf\": \"2020-01-01\" ".Length, d.Location.LineSpan.Start.Character);
    }

    [Fact]
    public void Byte_order_mark_at_the_start_is_accepted()
    {
        const string json = "\uFEFF{ \"colour\": 1 }";
        var d = SingleAt(json, "\"colour\"");
        Assert.Equal(json.IndexOf('"'), d.Location.LineSpan.Start.Character);
    }

    [Fact]
    public void Escaped_key_is_positioned_over_its_raw_text()
    {
        const string json = """{ "col\u006Fur": 1 }""";
        var d = SingleAt(json, "\"col\\u006Fur\"");
        Assert.Contains("'colour'", d.Message);
    }

    [Fact]
    public void Deeply_nested_unknown_value_is_reported_without_throwing()
    {
        string json = "{ \"x\": " + new string('[', 200) + new string(']', 200) + " }";
        var result = Parse(json);
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.Equal("CLM0001", d.Id));
    }

    [Fact]
    public void Several_problems_are_reported_in_file_order()
    {
        const string json = """
            {
              "includes": ["*.claim"],
              "rules": { "CLM3006": "of" },
              "format": { "indent": 12 }
            }
            """;
        var result = Parse(json);
        Assert.Equal(3, result.Diagnostics.Count);
        Assert.Equal([1, 2, 3], result.Diagnostics.Select(d => d.Location.LineSpan.Start.Line));
        Assert.Contains("did you mean 'include'?", result.Diagnostics[0].Message);
        Assert.Contains("did you mean \"off\"?", result.Diagnostics[1].Message);
    }

    [Fact]
    public void Load_reads_a_file_with_a_byte_order_mark()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("claimlang.json", "");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{ \"strictPredicates\": true }")]);
        var result = ConfigurationLoader.Load(path);
        Assert.Empty(result.Diagnostics);
        Assert.True(result.Options.StrictPredicates);
        Assert.Equal(path, result.FilePath);
    }

    [Fact]
    public void Load_reports_an_unreadable_file_as_CLM0001()
    {
        using var dir = new TempDirectory();
        string path = Path.Join(dir.Path, "claimlang.json");
        var result = ConfigurationLoader.Load(path);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("CLM0001", d.Id);
        Assert.Contains("cannot read the configuration file", d.Message);
        Assert.Same(ClaimLangOptions.Default, result.Options);
    }

    [Fact]
    public void LoadForWorkspace_without_a_file_gives_the_defaults()
    {
        using var dir = new TempDirectory();
        var result = ConfigurationLoader.LoadForWorkspace(dir.Path);
        Assert.Same(ConfigurationResult.None, result);
        dir.Write("claimlang.json", "{ \"asOf\": \"2024-05-01\" }");
        Assert.Equal(new DateOnly(2024, 5, 1), ConfigurationLoader.LoadForWorkspace(dir.Path).Options.AsOf);
    }
}
