using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimLang.Binding;
using ClaimLang.Configuration;
using ClaimLang.LanguageServer.Tests.Infrastructure;
using ClaimLang.Syntax;

namespace ClaimLang.LanguageServer.Tests;

public sealed class DiagnosticsTests
{
    private static List<(string Code, int Line, int Character, int EndLine, int EndCharacter)> Summarise(JsonElement parameters) =>
        parameters.GetProperty("diagnostics").EnumerateArray().Select(d => (
            d.GetProperty("code").GetString()!,
            d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32(),
            d.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32(),
            d.GetProperty("range").GetProperty("end").GetProperty("line").GetInt32(),
            d.GetProperty("range").GetProperty("end").GetProperty("character").GetInt32())).ToList();

    [Fact]
    public async Task Files_on_disk_get_diagnostics_without_being_opened()
    {
        using var workspace = Samples.CreateWorkspace();
        workspace.Write("broken.claim", "claim IRGC.coup_attempt source MTE confidence low\n");
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        var diagnostics = await client.WaitForDiagnosticsAsync(workspace.Uri("broken.claim"));
        var first = diagnostics.GetProperty("diagnostics")[0];
        Assert.Equal("CLM2001", first.GetProperty("code").GetString());
        Assert.Contains("did you mean 'MET'", first.GetProperty("message").GetString());
        Assert.Equal("claimlang", first.GetProperty("source").GetString());
        Assert.Equal(1, first.GetProperty("severity").GetInt32());
        Assert.EndsWith("docs/diagnostics/CLM2001.md", first.GetProperty("codeDescription").GetProperty("href").GetString());
        Assert.Equal("MET", first.GetProperty("data").GetProperty("suggestion").GetString());
        Assert.False(diagnostics.TryGetProperty("version", out _));
    }

    [Fact]
    public async Task An_edit_made_while_the_server_is_idle_is_checked_without_waiting_for_the_typing_delay()
    {
        // With a delay of an hour, diagnostics can only arrive in time if an idle server checks an edit at once.
        using var workspace = Samples.CreateWorkspace();
        workspace.Write("broken.claim", "claim IRGC.coup_attempt source MTE confidence low\n");
        await using var client = await LspTestClient.StartAsync(workspace.Root, options: new ClaimLang.LanguageServer.LanguageServerOptions { DiagnosticsDelay = TimeSpan.FromHours(1) });
        // The start-up check has published (its last step): the server is idle from here on.
        await client.WaitForDiagnosticsAsync(workspace.Uri("broken.claim"));
        string uri = workspace.Uri("typing.claim");
        client.Open(uri, "claim IRGC.coup_attempt source MTE confidence low\n");
        Assert.Contains(Summarise(await client.WaitForDiagnosticsAsync(uri, version: 1)), d => d.Code == "CLM2001");
        client.Change(uri, 2, LspTestClient.Edit(0, 31, 0, 34, "MET"));
        Assert.DoesNotContain(Summarise(await client.WaitForDiagnosticsAsync(uri, version: 2)), d => d.Code == "CLM2001");
    }

    [Fact]
    public async Task Positions_count_utf16_code_units_after_arabic_text_and_emoji()
    {
        using var workspace = Samples.CreateWorkspace();
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        string uri = workspace.Uri("new.claim");
        // "😀" is two UTF-16 code units; the Arabic quote is 11 characters.
        client.Open(uri, "claim IRGC.coup_attempt note \"😀 سوريا دمشق\" source MTE confidence low\n");
        var diagnostics = await client.WaitForDiagnosticsAsync(uri, version: 1);
        var undefined = Summarise(diagnostics).Single(d => d.Code == "CLM2001");
        int expected = "claim IRGC.coup_attempt note \"😀 سوريا دمشق\" source ".Length;
        Assert.Equal((0, expected, 0, expected + 3), (undefined.Line, undefined.Character, undefined.EndLine, undefined.EndCharacter));
    }

    [Fact]
    public async Task Line_and_paragraph_separators_do_not_start_new_lines()
    {
        using var workspace = Samples.CreateWorkspace();
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        string uri = workspace.Uri("sep.claim");
        client.Open(uri, "claim IRGC.coup_attempt note \"a\u2028b\u2029c\u0085d\" source MTE confidence low\r\nclaim X.y source MET\r\n");
        var diagnostics = Summarise(await client.WaitForDiagnosticsAsync(uri, version: 1));
        var undefined = diagnostics.First(d => d.Code == "CLM2001");
        Assert.Equal(0, undefined.Line);
        Assert.Equal("claim IRGC.coup_attempt note \"a\u2028b\u2029c\u0085d\" source ".Length, undefined.Character);
        Assert.Contains(diagnostics, d => d.Line == 1);
    }

    [Fact]
    public async Task Related_information_points_into_other_files()
    {
        using var workspace = Samples.CreateWorkspace();
        workspace.Write("zz-dup.claim", "actor IRGC \"again\"\n");
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        var diagnostics = await client.WaitForDiagnosticsAsync(workspace.Uri("zz-dup.claim"),
            where: p => p.GetProperty("diagnostics").EnumerateArray().Any(d => d.GetProperty("code").GetString() == "CLM2002"));
        var duplicate = diagnostics.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "CLM2002");
        var related = duplicate.GetProperty("relatedInformation")[0];
        Assert.Equal(workspace.Uri("entities.claim"), related.GetProperty("location").GetProperty("uri").GetString());
        Assert.Equal(0, related.GetProperty("location").GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task A_file_is_published_again_when_what_its_diagnostics_point_at_moves_and_not_otherwise()
    {
        using var workspace = Samples.CreateWorkspace();
        workspace.Write("zz-dup.claim", "actor IRGC \"again\"\n");
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        string dup = workspace.Uri("zz-dup.claim");
        string entities = workspace.Uri("entities.claim");
        static bool HasDuplicate(JsonElement p) => p.GetProperty("diagnostics").EnumerateArray().Any(d => d.GetProperty("code").GetString() == "CLM2002");
        static int RelatedLine(JsonElement p) => p.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "CLM2002")
            .GetProperty("relatedInformation")[0].GetProperty("location").GetProperty("range").GetProperty("start").GetProperty("line").GetInt32();
        Assert.Equal(0, RelatedLine(await client.WaitForDiagnosticsAsync(dup, where: HasDuplicate)));

        // The first declaration moves down a line: the duplicate's diagnostic is the same, but what it points at moved.
        string text = File.ReadAllText(workspace.PathOf("entities.claim"));
        client.Open(entities, text, version: 1);
        await client.WaitForDiagnosticsAsync(entities, version: 1);
        int before = client.MessageCount;
        client.Change(entities, 2, LspTestClient.Edit(0, 0, 0, 0, "\n"));
        Assert.Equal(1, RelatedLine(await client.WaitForDiagnosticsAsync(dup, from: before, where: HasDuplicate)));

        // A comment at the end of the file moves nothing: the other files are not published again (two checks later,
        // nothing has come for them).
        before = client.MessageCount;
        int lastLine = ("\n" + text).Split('\n').Length - 1;
        client.Change(entities, 3, LspTestClient.Edit(lastLine, 0, lastLine, 0, "// a note\n"));
        await client.WaitForDiagnosticsAsync(entities, version: 3, from: before);
        client.Change(entities, 4, LspTestClient.Edit(lastLine, 0, lastLine, 0, "// another\n"));
        await client.WaitForDiagnosticsAsync(entities, version: 4, from: before);
        Assert.DoesNotContain(client.Messages.Skip(before), m => LspTestClient.IsNotification(m, "textDocument/publishDiagnostics")
            && m.GetProperty("params").GetProperty("uri").GetString() != entities);
    }

    [Fact]
    public async Task Open_documents_override_disk_and_publish_with_versions()
    {
        using var workspace = Samples.CreateWorkspace();
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        string uri = workspace.Uri("claims.claim");
        client.Open(uri, "claim IRGC.coup_attempt source Nope confidence low\n", version: 5);
        var diagnostics = await client.WaitForDiagnosticsAsync(uri, version: 5);
        Assert.Contains(Summarise(diagnostics), d => d.Code == "CLM2001");

        client.Change(uri, 6, LspTestClient.Edit(0, 31, 0, 35, "MET"));
        diagnostics = await client.WaitForDiagnosticsAsync(uri, version: 6);
        Assert.DoesNotContain(Summarise(diagnostics), d => d.Code == "CLM2001");
    }

    [Fact]
    public async Task Renaming_a_source_republishes_the_files_that_use_it()
    {
        using var workspace = Samples.CreateWorkspace();
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        string claims = workspace.Uri("claims.claim");
        string sources = workspace.Uri("sources.claim");
        string text = File.ReadAllText(workspace.PathOf("sources.claim"));
        client.Open(sources, text, version: 1);
        int before = client.MessageCount;
        // Rename the declaration "source MET" to "source MXT": the claims file now refers to an undefined source.
        int line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("source MET", StringComparison.Ordinal));
        client.Change(sources, 2, LspTestClient.Edit(line, 7, line, 10, "MXT"));
        var republished = await client.WaitForDiagnosticsAsync(claims, from: before,
            where: p => p.GetProperty("diagnostics").EnumerateArray().Any(d => d.GetProperty("code").GetString() == "CLM2001"));
        Assert.Contains("MET", republished.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == "CLM2001").GetProperty("message").GetString());

        // And back: the error disappears again.
        before = client.MessageCount;
        client.Change(sources, 3, LspTestClient.Edit(line, 7, line, 10, "MET"));
        await client.WaitForDiagnosticsAsync(claims, from: before,
            where: p => !p.GetProperty("diagnostics").EnumerateArray().Any(d => d.GetProperty("code").GetString() == "CLM2001"));
    }

    [Fact]
    public async Task Deleted_files_get_empty_diagnostics()
    {
        using var workspace = Samples.CreateWorkspace();
        string broken = workspace.Write("broken.claim", "clam X.y\n");
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        string uri = workspace.Uri("broken.claim");
        await client.WaitForDiagnosticsAsync(uri, where: p => p.GetProperty("diagnostics").GetArrayLength() > 0);
        File.Delete(broken);
        int before = client.MessageCount;
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = uri, ["type"] = 3 }),
        });
        await client.WaitForDiagnosticsAsync(uri, from: before, where: p => p.GetProperty("diagnostics").GetArrayLength() == 0);
    }

    [Fact]
    public async Task Created_files_are_picked_up_from_watch_events()
    {
        using var workspace = Samples.CreateWorkspace();
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        workspace.Write("later.claim", "claim IRGC.coup_attempt source Nowhere confidence low\n");
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = workspace.Uri("later.claim"), ["type"] = 1 }),
        });
        var diagnostics = await client.WaitForDiagnosticsAsync(workspace.Uri("later.claim"));
        Assert.Contains(Summarise(diagnostics), d => d.Code == "CLM2001");
    }

    [Fact]
    public async Task Closing_a_document_outside_the_workspace_clears_its_diagnostics()
    {
        await using var client = await LspTestClient.StartAsync();
        string uri = "untitled:Untitled-1";
        client.Open(uri, "clam X.y\n");
        var diagnostics = await client.WaitForDiagnosticsAsync(uri, version: 1);
        Assert.Equal("CLM1007", diagnostics.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        int before = client.MessageCount;
        client.Notify("textDocument/didClose", LspTestClient.Document(uri));
        await client.WaitForDiagnosticsAsync(uri, from: before, where: p => p.GetProperty("diagnostics").GetArrayLength() == 0);
    }

    [Fact]
    public async Task Configuration_rules_and_suppressions_apply_like_claimc_check()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("claimlang.json", """{ "rules": { "CLM3006": "error" } }""");
        workspace.Write("a.claim", Samples.Normalize("""
            source S "s" reliability A
            actor A "a"
            claim A.did source S
            // claimlang-disable-next-line CLM3006
            claim A.did_again source S

            """));
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        var diagnostics = await client.WaitForDiagnosticsAsync(workspace.Uri("a.claim"));
        var missing = diagnostics.GetProperty("diagnostics").EnumerateArray().Where(d => d.GetProperty("code").GetString() == "CLM3006").ToList();
        Assert.Single(missing);
        Assert.Equal(1, missing[0].GetProperty("severity").GetInt32());
        Assert.Equal(2, missing[0].GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Bad_configuration_is_reported_on_claimlang_json()
    {
        using var workspace = new TempWorkspace();
        workspace.Write("claimlang.json", "{ \"unknownKey\": 1 }");
        workspace.Write("a.claim", "source S \"s\"\n");
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        var diagnostics = await client.WaitForDiagnosticsAsync(workspace.Uri("claimlang.json"));
        Assert.Equal("CLM0001", diagnostics.GetProperty("diagnostics")[0].GetProperty("code").GetString());

        // Fixing it on disk (a watched file) withdraws the diagnostic.
        workspace.Write("claimlang.json", "{ }");
        int before = client.MessageCount;
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = workspace.Uri("claimlang.json"), ["type"] = 2 }),
        });
        await client.WaitForDiagnosticsAsync(workspace.Uri("claimlang.json"), from: before, where: p => p.GetProperty("diagnostics").GetArrayLength() == 0);
    }

    [Fact]
    public async Task Excluded_files_are_not_indexed_but_are_checked_alone_when_opened()
    {
        using var workspace = Samples.CreateWorkspace();
        workspace.Write("claimlang.json", """{ "exclude": ["drafts/**"] }""");
        workspace.Write("drafts/d.claim", "claim IRGC.coup_attempt source MET confidence low\n");
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        var symbols = await client.ResultAsync("workspace/symbol", new JsonObject { ["query"] = "MET" });
        Assert.Contains(symbols.EnumerateArray(), s => s.GetProperty("name").GetString() == "MET");

        string uri = workspace.Uri("drafts/d.claim");
        client.Open(uri, File.ReadAllText(workspace.PathOf("drafts/d.claim")));
        var diagnostics = await client.WaitForDiagnosticsAsync(uri, version: 1);
        // Alone, it cannot see the workspace's declarations.
        Assert.Contains(Summarise(diagnostics), d => d.Code == "CLM2001");
    }

    [Fact]
    public async Task A_folder_with_its_own_claimlang_json_is_a_separate_project()
    {
        using var workspace = Samples.CreateWorkspace();
        workspace.Write("other/claimlang.json", "{ }");
        workspace.Write("other/o.claim", "claim IRGC.coup_attempt source MET confidence low\n");
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        var diagnostics = await client.WaitForDiagnosticsAsync(workspace.Uri("other/o.claim"));
        Assert.Contains(Summarise(diagnostics), d => d.Code == "CLM2001");
    }

    [Fact]
    public async Task Files_linked_from_outside_the_workspace_are_not_read()
    {
        using var outside = new TempWorkspace();
        string secret = outside.Write("secret.claim", "source SecretSource \"from outside\"\n");
        using var workspace = Samples.CreateWorkspace();
        try
        {
            File.CreateSymbolicLink(workspace.PathOf("linked.claim"), secret);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return; // Links need privileges on some systems; the check below needs a link.
        }
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = workspace.Uri("linked.claim"), ["type"] = 2 }),
        });
        // Requests see every change sent before them: the link's declarations would show here if it had been read.
        var symbols = await client.ResultAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.Contains(symbols.EnumerateArray(), s => s.GetProperty("name").GetString() == "MET");
        Assert.DoesNotContain(symbols.EnumerateArray(), s => s.GetProperty("name").GetString() == "SecretSource");
    }

    [Fact]
    public async Task Diagnostics_equal_a_fresh_compilation()
    {
        using var workspace = Samples.CreateWorkspace();
        workspace.Write("more.claim", "claim IRGC.coup_attempt on 2017-02-30 source MET, Sarkis confidence high contradicts coup\n");
        await using var client = await LspTestClient.StartAsync(workspace.Root);
        var trees = Directory.GetFiles(workspace.Root, "*.claim").Select(f => SyntaxTree.Parse(File.ReadAllText(f), f)).ToList();
        var configuration = ConfigurationLoader.LoadForWorkspace(workspace.Root);
        var expected = Compilation.Create(trees, configuration.Options, workspace.Root).GetDiagnostics()
            .Where(d => d.Location.FilePath == workspace.PathOf("more.claim"))
            .Select(d => (d.Id, d.Location.LineSpan.Start.Line, d.Location.LineSpan.Start.Character, d.Location.LineSpan.End.Line, d.Location.LineSpan.End.Character))
            .ToList();
        Assert.NotEmpty(expected);
        var published = await client.WaitForDiagnosticsAsync(workspace.Uri("more.claim"));
        Assert.Equal(expected, Summarise(published));
    }

    [Fact]
    public async Task A_change_in_another_file_asks_the_client_to_refresh_semantic_results()
    {
        using var workspace = Samples.CreateWorkspace();
        var capabilities = LspTestClient.DefaultCapabilities();
        capabilities["workspace"]!["semanticTokens"] = new JsonObject { ["refreshSupport"] = true };
        capabilities["workspace"]!["codeLens"] = new JsonObject { ["refreshSupport"] = true };
        await using var client = await LspTestClient.StartAsync(workspace.Root, capabilities);
        string claims = workspace.Uri("claims.claim");
        string entities = workspace.Uri("entities.claim");
        client.Open(claims, File.ReadAllText(workspace.PathOf("claims.claim")));
        client.Open(entities, File.ReadAllText(workspace.PathOf("entities.claim")));
        await client.WaitForDiagnosticsAsync(entities, version: 1);
        int before = client.MessageCount;
        client.Change(entities, 2, LspTestClient.Edit(0, 6, 0, 10, "IRGX"));
        await client.WaitForAsync(m => m.TryGetProperty("method", out var method) && method.GetString() == "workspace/semanticTokens/refresh", before);
        await client.WaitForAsync(m => m.TryGetProperty("method", out var method) && method.GetString() == "workspace/codeLens/refresh", before);
    }

    [Fact]
    public async Task Workspace_folders_can_be_added_and_removed()
    {
        using var first = Samples.CreateWorkspace();
        using var second = new TempWorkspace();
        second.Write("other.claim", "source OtherSource \"o\"\n");
        await using var client = await LspTestClient.StartAsync(first.Root);
        var symbols = await client.ResultAsync("workspace/symbol", new JsonObject { ["query"] = "OtherSource" });
        Assert.Equal(0, symbols.GetArrayLength());

        client.Notify("workspace/didChangeWorkspaceFolders", new JsonObject
        {
            ["event"] = new JsonObject
            {
                ["added"] = new JsonArray(new JsonObject { ["uri"] = Uris.From(second.Root), ["name"] = "second" }),
                ["removed"] = new JsonArray(new JsonObject { ["uri"] = Uris.From(first.Root), ["name"] = "first" }),
            },
        });
        symbols = await client.ResultAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        var names = symbols.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("OtherSource", names);
        Assert.DoesNotContain("MET", names);
    }
}
