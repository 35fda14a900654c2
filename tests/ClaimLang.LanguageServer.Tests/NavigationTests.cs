using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Tests.Infrastructure;

namespace ClaimLang.LanguageServer.Tests;

/// <summary>Hover, definition, references, highlights and rename over a workspace of three files.</summary>
public sealed class NavigationTests : IAsyncLifetime
{
    private TempWorkspace _workspace = null!;
    private LspTestClient _client = null!;
    private string _claimsText = null!;
    private string _claimsUri = null!;

    public async Task InitializeAsync()
    {
        _workspace = Samples.CreateWorkspace();
        _client = await LspTestClient.StartAsync(_workspace.Root);
        _claimsUri = _workspace.Uri("claims.claim");
        _claimsText = File.ReadAllText(_workspace.PathOf("claims.claim"));
        _client.Open(_claimsUri, _claimsText);
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        _workspace.Dispose();
    }

    private JsonObject At(string snippet, int occurrence = 0, int offset = 0)
    {
        var (line, character) = TextPositions.Of(_claimsText, snippet, occurrence, offset);
        return LspTestClient.Position(_claimsUri, line, character);
    }

    [Fact]
    public async Task Hover_on_a_source_shows_its_title_grade_and_documentation()
    {
        var hover = await _client.ResultAsync("textDocument/hover", At("MET", offset: 1));
        string text = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Equal("markdown", hover.GetProperty("contents").GetProperty("kind").GetString());
        Assert.Contains("source MET \"Did Tehran attempt a coup in Damascus?\"", text);
        Assert.Contains("An analysis republished by a small outlet.", text);
        Assert.Contains("**C** (fairly reliable)", text);
        var range = hover.GetProperty("range");
        var (line, character) = TextPositions.Of(_claimsText, "MET");
        Assert.Equal(line, range.GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(character, range.GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(character + 3, range.GetProperty("end").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Hover_on_a_claim_shows_its_sources_and_their_grades()
    {
        var hover = await _client.ResultAsync("textDocument/hover", At("coup =", offset: 1));
        string text = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("claim coup = IRGC.coup_attempt(target: Bashar, replacement: Maher)", text);
        Assert.Contains("source `MET`", text);
        Assert.Contains("reliability **C**", text);
        Assert.Contains("confidence: low", text);
        Assert.Contains("contradicted by 1 claim", text);
    }

    [Fact]
    public async Task Hover_on_a_date_shows_its_earliest_and_latest_days()
    {
        var hover = await _client.ResultAsync("textDocument/hover", At("2017-01 ", offset: 2));
        string text = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("earliest day: 2017-01-01", text);
        Assert.Contains("latest day: 2017-01-31", text);
    }

    [Fact]
    public async Task Hover_on_a_grade_explains_it()
    {
        var hover = await _client.ResultAsync("textDocument/hover", At("low", offset: 1));
        Assert.Contains("analytic confidence", hover.GetProperty("contents").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Hover_on_white_space_is_null()
    {
        var hover = await _client.ResultAsync("textDocument/hover", LspTestClient.Position(_claimsUri, 2, 0));
        Assert.Equal(JsonValueKind.Null, hover.ValueKind);
    }

    [Fact]
    public async Task Definition_goes_to_the_declaration_in_another_file()
    {
        var result = await _client.ResultAsync("textDocument/definition", At("Bashar"));
        var location = Assert.Single(result.EnumerateArray());
        Assert.Equal(_workspace.Uri("entities.claim"), location.GetProperty("uri").GetString());
        Assert.Equal(1, location.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(6, location.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Definition_of_a_named_argument_goes_to_the_parameter()
    {
        var result = await _client.ResultAsync("textDocument/definition", At("replacement:"));
        var location = Assert.Single(result.EnumerateArray());
        string entities = File.ReadAllText(_workspace.PathOf("entities.claim"));
        var (line, character) = TextPositions.Of(entities, "replacement");
        Assert.Equal(line, location.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(character, location.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Definition_where_there_is_no_name_is_null()
    {
        var result = await _client.ResultAsync("textDocument/definition", At("on 2017"));
        Assert.Equal(JsonValueKind.Null, result.ValueKind);
    }

    [Fact]
    public async Task References_find_every_use_across_files()
    {
        var parameters = At("Maher");
        parameters["context"] = new JsonObject { ["includeDeclaration"] = true };
        var result = await _client.ResultAsync("textDocument/references", parameters);
        var uris = result.EnumerateArray().Select(l => l.GetProperty("uri").GetString()).ToList();
        Assert.Equal(3, uris.Count); // the declaration, the argument and the subject
        Assert.Contains(_workspace.Uri("entities.claim"), uris);

        parameters["context"] = new JsonObject { ["includeDeclaration"] = false };
        result = await _client.ResultAsync("textDocument/references", parameters);
        Assert.Equal(2, result.GetArrayLength());
    }

    [Fact]
    public async Task Document_highlight_marks_the_uses_in_the_file()
    {
        var result = await _client.ResultAsync("textDocument/documentHighlight", At("coup,"));
        var kinds = result.EnumerateArray().Select(h => h.GetProperty("kind").GetInt32()).Order().ToList();
        Assert.Equal([DocumentHighlightKind.Read, DocumentHighlightKind.Write], kinds);
    }

    [Fact]
    public async Task PrepareRename_gives_the_name_and_its_range()
    {
        var result = await _client.ResultAsync("textDocument/prepareRename", At("Sarkis", offset: 2));
        Assert.Equal("Sarkis", result.GetProperty("placeholder").GetString());
        var (line, character) = TextPositions.Of(_claimsText, "Sarkis");
        Assert.Equal(character, result.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
        Assert.Equal(line, result.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task PrepareRename_is_null_where_there_is_nothing_to_rename()
    {
        var result = await _client.ResultAsync("textDocument/prepareRename", At("confidence"));
        Assert.Equal(JsonValueKind.Null, result.ValueKind);
    }

    [Fact]
    public async Task Rename_changes_every_file()
    {
        var parameters = At("MET");
        parameters["newName"] = "MidEastTransparent";
        var result = await _client.ResultAsync("textDocument/rename", parameters);
        var changes = result.GetProperty("changes");
        Assert.Equal(1, changes.GetProperty(_claimsUri).GetArrayLength());
        Assert.Equal(1, changes.GetProperty(_workspace.Uri("sources.claim")).GetArrayLength());
        foreach (var file in changes.EnumerateObject())
        {
            foreach (var edit in file.Value.EnumerateArray()) Assert.Equal("MidEastTransparent", edit.GetProperty("newText").GetString());
        }
    }

    [Fact]
    public async Task Rename_of_a_parameter_changes_named_arguments()
    {
        var parameters = At("target:");
        parameters["newName"] = "victim";
        var result = await _client.ResultAsync("textDocument/rename", parameters);
        var changes = result.GetProperty("changes");
        Assert.Equal(1, changes.GetProperty(_claimsUri).GetArrayLength());
        Assert.Equal(1, changes.GetProperty(_workspace.Uri("entities.claim")).GetArrayLength());
    }

    [Theory]
    [InlineData("9lives")]
    [InlineData("has space")]
    [InlineData("source")]
    [InlineData("confidence")]
    public async Task Rename_to_an_invalid_name_is_refused(string name)
    {
        var parameters = At("MET");
        parameters["newName"] = name;
        var response = await _client.RequestAsync("textDocument/rename", parameters);
        Assert.Equal(ErrorCodes.InvalidParams, LspTestClient.ErrorCode(response));
    }

    [Fact]
    public async Task Rename_to_a_declared_name_is_refused()
    {
        var parameters = At("MET");
        parameters["newName"] = "Sarkis";
        var response = await _client.RequestAsync("textDocument/rename", parameters);
        Assert.Equal(ErrorCodes.RequestFailed, LspTestClient.ErrorCode(response));
    }

    [Fact]
    public async Task Rename_uses_versioned_document_changes_when_the_client_supports_them()
    {
        var capabilities = LspTestClient.DefaultCapabilities();
        capabilities["workspace"]!["workspaceEdit"] = new JsonObject { ["documentChanges"] = true };
        await using var client = await LspTestClient.StartAsync(_workspace.Root, capabilities);
        client.Open(_claimsUri, _claimsText, version: 7);
        var parameters = At("H1");
        parameters["newName"] = "Hypothesis1";
        var result = await client.ResultAsync("textDocument/rename", parameters);
        var changes = result.GetProperty("documentChanges").EnumerateArray().ToList();
        Assert.Equal(2, changes.Count);
        var open = changes.Single(c => c.GetProperty("textDocument").GetProperty("uri").GetString() == _claimsUri);
        Assert.Equal(7, open.GetProperty("textDocument").GetProperty("version").GetInt32());
        Assert.Equal(2, open.GetProperty("edits").GetArrayLength());
    }

    [Fact]
    public async Task Positions_past_the_end_are_clamped()
    {
        var hover = await _client.RequestAsync("textDocument/hover", LspTestClient.Position(_claimsUri, 1000, 1000));
        Assert.True(hover.TryGetProperty("result", out _), hover.ToString());
        var negative = await _client.RequestAsync("textDocument/definition", LspTestClient.Position(_claimsUri, 0, 100_000));
        Assert.True(negative.TryGetProperty("result", out _), negative.ToString());
    }
}
