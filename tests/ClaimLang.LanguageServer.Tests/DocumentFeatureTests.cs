using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Tests.Infrastructure;

namespace ClaimLang.LanguageServer.Tests;

/// <summary>Document symbols, workspace symbols, folding, semantic tokens and formatting.</summary>
public sealed class DocumentFeatureTests : IAsyncLifetime
{
    private TempWorkspace _workspace = null!;
    private LspTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _workspace = Samples.CreateWorkspace();
        _client = await LspTestClient.StartAsync(_workspace.Root);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        _workspace.Dispose();
    }

    private string Open(string name, string text)
    {
        string uri = _workspace.Uri(name);
        _client.Open(uri, text);
        return uri;
    }

    [Fact]
    public async Task Document_symbols_are_hierarchical()
    {
        string uri = _workspace.Uri("entities.claim");
        var result = await _client.ResultAsync("textDocument/documentSymbol", LspTestClient.Document(uri));
        var symbols = result.EnumerateArray().ToList();
        Assert.Equal(["IRGC", "Bashar", "Maher", "Damascus", "coup_attempt", "H1"], symbols.Select(s => s.GetProperty("name").GetString()));
        var predicate = symbols[4];
        Assert.Equal(12, predicate.GetProperty("kind").GetInt32()); // Function
        Assert.Equal(["target", "replacement"], predicate.GetProperty("children").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        Assert.Equal("Islamic Revolutionary Guard Corps", symbols[0].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Document_symbols_name_unlabelled_claims_by_subject_and_predicate()
    {
        string uri = _workspace.Uri("claims.claim");
        var result = await _client.ResultAsync("textDocument/documentSymbol", LspTestClient.Document(uri));
        Assert.Equal(["coup", "Maher.coup_attempt"], result.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Contains("source Sarkis", result[1].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Document_symbols_survive_broken_declarations()
    {
        string uri = Open("broken.claim", "source\nclaim = .\nactor A \"a\"\nclam x\n");
        var result = await _client.ResultAsync("textDocument/documentSymbol", LspTestClient.Document(uri));
        var names = result.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["source …", "claim …", "A"], names);
    }

    [Fact]
    public async Task Flat_symbols_for_clients_without_hierarchy()
    {
        var capabilities = LspTestClient.DefaultCapabilities();
        capabilities["textDocument"]!["documentSymbol"] = new JsonObject();
        await using var client = await LspTestClient.StartAsync(_workspace.Root, capabilities);
        var result = await client.ResultAsync("textDocument/documentSymbol", LspTestClient.Document(_workspace.Uri("entities.claim")));
        var parameter = result.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "target");
        Assert.Equal("coup_attempt", parameter.GetProperty("containerName").GetString());
        Assert.True(parameter.TryGetProperty("location", out _));
    }

    [Fact]
    public async Task Workspace_symbols_match_the_query_fuzzily()
    {
        var result = await _client.ResultAsync("workspace/symbol", new JsonObject { ["query"] = "cpat" });
        Assert.Equal(["coup_attempt"], result.EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        result = await _client.ResultAsync("workspace/symbol", new JsonObject { ["query"] = "ma" });
        var names = result.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal("Maher", names[0]); // a prefix match before the others
        Assert.Contains("Damascus", names);
    }

    [Fact]
    public async Task Folding_covers_multi_line_declarations_comment_runs_and_regions()
    {
        string text = "// #region people\n// one\n// two\nactor A \"a\"\n  kind person\n  aka \"x\"\n/* block\n   comment */\nactor B \"b\"\n// #endregion\n";
        string uri = Open("fold.claim", text);
        var result = await _client.ResultAsync("textDocument/foldingRange", LspTestClient.Document(uri));
        var ranges = result.EnumerateArray()
            .Select(r => (r.GetProperty("startLine").GetInt32(), r.GetProperty("endLine").GetInt32(), r.TryGetProperty("kind", out var k) ? k.GetString() : null))
            .ToList();
        Assert.Contains((0, 9, "region"), ranges);
        Assert.Contains((1, 2, "comment"), ranges);
        Assert.Contains((3, 5, (string?)null), ranges);
        Assert.Contains((6, 7, "comment"), ranges);
        Assert.Equal(4, ranges.Count);
    }

    private static List<(int Line, int Character, int Length, string Type, int Modifiers)> Decode(JsonElement data)
    {
        var values = data.EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var result = new List<(int, int, int, string, int)>();
        int line = 0, character = 0;
        for (int i = 0; i < values.Length; i += 5)
        {
            line += values[i];
            character = values[i] == 0 ? character + values[i + 1] : values[i + 1];
            result.Add((line, character, values[i + 2], SemanticTokensBuilder.TokenTypes[values[i + 3]], values[i + 4]));
        }
        return result;
    }

    [Fact]
    public async Task Semantic_tokens_classify_names_by_what_they_name()
    {
        string text = "/// doc\nclaim c = IRGC.coup_attempt(target: Bashar) on 2017-01 source MET confidence low note \"\"\"a\nb\"\"\"\n";
        string uri = Open("tokens.claim", text);
        var result = await _client.ResultAsync("textDocument/semanticTokens/full", LspTestClient.Document(uri));
        var tokens = Decode(result.GetProperty("data"));
        string TypeAt(string snippet, int occurrence = 0)
        {
            var (line, character) = TextPositions.Of(text, snippet, occurrence);
            return tokens.Single(t => t.Line == line && t.Character == character).Type;
        }
        Assert.Equal("comment", TypeAt("/// doc"));
        Assert.Equal("keyword", TypeAt("claim"));
        Assert.Equal("variable", TypeAt("c ="));
        Assert.Equal("class", TypeAt("IRGC"));
        Assert.Equal("function", TypeAt("coup_attempt"));
        Assert.Equal("parameter", TypeAt("target"));
        Assert.Equal("class", TypeAt("Bashar"));
        Assert.Equal("number", TypeAt("2017-01"));
        Assert.Equal("namespace", TypeAt("MET"));
        Assert.Equal("enumMember", TypeAt("low"));
        // The raw string is split into one token per line.
        Assert.Equal("string", TypeAt("\"\"\"a"));
        Assert.Equal("string", TypeAt("b\"\"\""));
        Assert.False(string.IsNullOrEmpty(result.GetProperty("resultId").GetString()));
    }

    [Fact]
    public async Task Semantic_tokens_for_a_range_and_as_a_delta()
    {
        string text = "actor A \"a\"\nactor B \"b\"\nclaim A.x source MET\n";
        string uri = Open("delta.claim", text);
        var range = LspTestClient.Document(uri);
        range["range"] = LspTestClient.Range(1, 0, 1, 20);
        var partial = Decode((await _client.ResultAsync("textDocument/semanticTokens/range", range)).GetProperty("data"));
        Assert.All(partial, t => Assert.Equal(1, t.Line));
        Assert.NotEmpty(partial);

        var full = await _client.ResultAsync("textDocument/semanticTokens/full", LspTestClient.Document(uri));
        int[] before = full.GetProperty("data").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        _client.Change(uri, 2, LspTestClient.Edit(1, 6, 1, 7, "Bee"));
        var deltaParams = LspTestClient.Document(uri);
        deltaParams["previousResultId"] = full.GetProperty("resultId").GetString();
        var delta = await _client.ResultAsync("textDocument/semanticTokens/full/delta", deltaParams);
        var edits = delta.GetProperty("edits").EnumerateArray().ToList();
        Assert.Single(edits);
        // Applying the delta gives the same tokens as a full request.
        var after = before.ToList();
        int start = edits[0].GetProperty("start").GetInt32();
        after.RemoveRange(start, edits[0].GetProperty("deleteCount").GetInt32());
        if (edits[0].TryGetProperty("data", out var data)) after.InsertRange(start, data.EnumerateArray().Select(v => v.GetInt32()));
        var fresh = await _client.ResultAsync("textDocument/semanticTokens/full", LspTestClient.Document(uri));
        Assert.Equal(fresh.GetProperty("data").EnumerateArray().Select(v => v.GetInt32()), after);

        // An unknown previous result gives full tokens.
        deltaParams["previousResultId"] = "nonsense";
        var fallback = await _client.ResultAsync("textDocument/semanticTokens/full/delta", deltaParams);
        Assert.True(fallback.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task Formatting_returns_edits_that_give_the_formatted_text()
    {
        string text = "actor   A    \"a\"   kind person\nclaim A.x source MET   confidence low\n";
        string uri = Open("fmt.claim", text);
        var edits = await _client.ResultAsync("textDocument/formatting", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
        });
        Assert.NotEmpty(edits.EnumerateArray());
        string formatted = Apply(text, edits);
        var expected = ClaimLang.Formatting.Formatter.Format(ClaimLang.Syntax.SyntaxTree.Parse(text));
        Assert.Equal(expected, formatted);
    }

    [Fact]
    public async Task Range_formatting_touches_only_the_declarations_in_the_range()
    {
        string text = "actor   A    \"a\"\nactor   B    \"b\"\n";
        string uri = Open("rangefmt.claim", text);
        var edits = await _client.ResultAsync("textDocument/rangeFormatting", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = LspTestClient.Range(1, 0, 1, 3),
            ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
        });
        Assert.All(edits.EnumerateArray(), e => Assert.Equal(1, e.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()));
        Assert.StartsWith("actor   A    \"a\"\nactor B \"b\"", Apply(text, edits));
    }

    [Fact]
    public async Task Formatting_leaves_a_file_with_syntax_errors_alone()
    {
        string uri = Open("bad.claim", "actor   A\nclam\n");
        var edits = await _client.ResultAsync("textDocument/formatting", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["options"] = new JsonObject { ["tabSize"] = 2, ["insertSpaces"] = true },
        });
        Assert.Equal(0, edits.GetArrayLength());
    }

    /// <summary>Applies LSP text edits (non-overlapping, any order) to a text with LF line breaks.</summary>
    internal static string Apply(string text, JsonElement edits)
    {
        var list = edits.EnumerateArray().Select(e =>
        {
            var range = e.GetProperty("range");
            int start = Offset(text, range.GetProperty("start"));
            int end = Offset(text, range.GetProperty("end"));
            return (start, end, e.GetProperty("newText").GetString()!);
        }).OrderByDescending(e => e.start).ToList();
        foreach (var (start, end, newText) in list) text = text[..start] + newText + text[end..];
        return text;
    }

    private static int Offset(string text, JsonElement position)
    {
        int line = position.GetProperty("line").GetInt32();
        int character = position.GetProperty("character").GetInt32();
        int offset = 0;
        for (int l = 0; l < line; l++) offset = text.IndexOf('\n', offset) + 1;
        return offset + character;
    }
}
