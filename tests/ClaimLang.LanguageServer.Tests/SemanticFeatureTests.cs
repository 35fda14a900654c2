using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimLang.LanguageServer.Tests.Infrastructure;

namespace ClaimLang.LanguageServer.Tests;

/// <summary>Quick fixes, inlay hints and code lenses.</summary>
public sealed class SemanticFeatureTests : IAsyncLifetime
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

    private async Task<List<JsonElement>> ActionsAsync(string uri, int line, int character)
    {
        var result = await _client.ResultAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = LspTestClient.Range(line, character, line, character),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        });
        return result.EnumerateArray().ToList();
    }

    private static JsonElement Titled(List<JsonElement> actions, string title) =>
        actions.Single(a => a.GetProperty("title").GetString() == title);

    [Fact]
    public async Task Did_you_mean_replaces_the_misspelt_name()
    {
        string text = "claim IRGC.coup_attempt source MTE confidence low\n";
        string uri = _workspace.Uri("typo.claim");
        _client.Open(uri, text);
        var actions = await ActionsAsync(uri, 0, 32);
        var fix = Titled(actions, "Change 'MTE' to 'MET'");
        Assert.True(fix.GetProperty("isPreferred").GetBoolean());
        Assert.Equal("quickfix", fix.GetProperty("kind").GetString());
        Assert.Equal("CLM2001", fix.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        var edits = fix.GetProperty("edit").GetProperty("changes").GetProperty(uri);
        Assert.Equal("claim IRGC.coup_attempt source MET confidence low\n", DocumentFeatureTests.Apply(text, edits));
    }

    [Fact]
    public async Task Did_you_mean_for_a_misspelt_keyword()
    {
        string text = "clam IRGC.coup_attempt source MET confidence low\n";
        string uri = _workspace.Uri("keyword.claim");
        _client.Open(uri, text);
        var fix = Titled(await ActionsAsync(uri, 0, 1), "Change 'clam' to 'claim'");
        Assert.StartsWith("claim IRGC", DocumentFeatureTests.Apply(text, fix.GetProperty("edit").GetProperty("changes").GetProperty(uri)));
    }

    [Fact]
    public async Task Declare_the_missing_source_where_sources_live()
    {
        string text = "claim IRGC.coup_attempt source Reuters confidence low\n";
        string uri = _workspace.Uri("declare.claim");
        _client.Open(uri, text);
        var fix = Titled(await ActionsAsync(uri, 0, 33), "Declare source 'Reuters' in sources.claim");
        var changes = fix.GetProperty("edit").GetProperty("changes");
        string sourcesUri = _workspace.Uri("sources.claim");
        string sources = File.ReadAllText(_workspace.PathOf("sources.claim"));
        string after = DocumentFeatureTests.Apply(sources, changes.GetProperty(sourcesUri));
        Assert.Contains("source Sarkis \"A reader comment\" kind comment reliability F published 2017-02\nsource Reuters \"Reuters\"\n", after);
    }

    [Fact]
    public async Task Declare_an_actor_or_a_place_for_an_unknown_subject()
    {
        string text = "claim Hezbollah.coup_attempt source MET confidence low\n";
        string uri = _workspace.Uri("subject.claim");
        _client.Open(uri, text);
        var titles = (await ActionsAsync(uri, 0, 8)).Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Contains("Declare actor 'Hezbollah' in entities.claim", titles);
        Assert.Contains("Declare place 'Hezbollah' in entities.claim", titles);
    }

    [Fact]
    public async Task Add_a_missing_confidence()
    {
        string text = "claim IRGC.coup_attempt source MET\n";
        string uri = _workspace.Uri("confidence.claim");
        _client.Open(uri, text);
        var actions = await ActionsAsync(uri, 0, 2);
        var fix = Titled(actions, "Add 'confidence moderate'");
        Assert.Equal("claim IRGC.coup_attempt source MET confidence moderate\n",
            DocumentFeatureTests.Apply(text, fix.GetProperty("edit").GetProperty("changes").GetProperty(uri)));
    }

    [Fact]
    public async Task Disable_next_line_for_suppressible_codes_and_not_for_syntax_errors()
    {
        string text = "source S \"s\"\n  claim\nactor A \"a\"\n  kind person\nclaim A.x source S\n";
        string uri = _workspace.Uri("suppress.claim");
        _client.Open(uri, text);
        var actions = await ActionsAsync(uri, 4, 1);
        var fix = Titled(actions, "Disable CLM3006 on this line");
        string after = DocumentFeatureTests.Apply(text, fix.GetProperty("edit").GetProperty("changes").GetProperty(uri));
        Assert.Contains("// claimlang-disable-next-line CLM3006\nclaim A.x source S\n", after);

        // Line 2 is an indented 'claim' inside a source: a syntax error (CLM1008), which cannot be suppressed.
        var published = await _client.WaitForDiagnosticsAsync(uri, version: 1);
        Assert.Contains(published.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "CLM1008"
            && d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32() == 1);
        var syntax = await ActionsAsync(uri, 1, 3);
        Assert.DoesNotContain(syntax, a => a.GetProperty("title").GetString()!.StartsWith("Disable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Disable_adds_to_an_existing_directive()
    {
        string text = "source S \"s\"\nactor A \"a\"\n// claimlang-disable-next-line CLM3004\nclaim A.x source S\n";
        string uri = _workspace.Uri("suppress2.claim");
        _client.Open(uri, text);
        var fix = Titled(await ActionsAsync(uri, 3, 1), "Disable CLM3006 on this line");
        string after = DocumentFeatureTests.Apply(text, fix.GetProperty("edit").GetProperty("changes").GetProperty(uri));
        Assert.Contains("// claimlang-disable-next-line CLM3004, CLM3006\nclaim", after);
    }

    [Fact]
    public async Task Only_filters_out_quick_fixes()
    {
        string uri = _workspace.Uri("only.claim");
        _client.Open(uri, "claim IRGC.coup_attempt source MTE confidence low\n");
        var result = await _client.ResultAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = LspTestClient.Range(0, 32, 0, 32),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("refactor") },
        });
        Assert.Equal(0, result.GetArrayLength());
    }

    [Fact]
    public async Task Inlay_hints_show_date_ranges_source_grades_and_parameter_names()
    {
        string uri = _workspace.Uri("claims.claim");
        var result = await _client.ResultAsync("textDocument/inlayHint", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = LspTestClient.Range(0, 0, 100, 0),
        });
        var labels = result.EnumerateArray().Select(h => h.GetProperty("label").GetString()).ToList();
        Assert.Contains("2017-01-01 … 2017-01-31", labels); // on 2017-01
        Assert.Contains(": C", labels);                     // source MET
        Assert.Contains(": F", labels);                     // source Sarkis
        Assert.Contains("target:", labels);                 // Maher.coup_attempt(Bashar)
        Assert.DoesNotContain(labels, l => l!.StartsWith("2017-01-28", StringComparison.Ordinal)); // an exact day needs no hint
    }

    [Fact]
    public async Task Code_lens_counts_supporting_and_contradicting_claims()
    {
        var result = await _client.ResultAsync("textDocument/codeLens", LspTestClient.Document(_workspace.Uri("entities.claim")));
        var lens = Assert.Single(result.EnumerateArray());
        Assert.Equal("1 supporting claim · 1 contradicting claim", lens.GetProperty("command").GetProperty("title").GetString());
        Assert.Equal(7, lens.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());

        result = await _client.ResultAsync("textDocument/codeLens", LspTestClient.Document(_workspace.Uri("claims.claim")));
        var titles = result.EnumerateArray().Select(l => l.GetProperty("command").GetProperty("title").GetString()).ToList();
        Assert.Equal(["0 supporting claims · 1 contradicting claim", "0 supporting claims · 1 contradicting claim"], titles);
    }
}
