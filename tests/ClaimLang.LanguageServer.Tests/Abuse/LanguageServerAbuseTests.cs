using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Tests.Infrastructure;

namespace ClaimLang.LanguageServer.Tests.Abuse;

/// <summary>
/// Abuse of the language server: broken framing, huge messages, invalid UTF-8, unknown methods, requests before
/// initialize, ten thousand edits in a burst, storms of cancellations — and all of it mixed. After each, the
/// server must still answer, and its diagnostics must be exactly those of a fresh compilation of the text the
/// client holds. (TransportTests and LifecycleTests check each error response one at a time; these tests check
/// that nothing accumulates or drifts when the abuse goes on.)
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed class LanguageServerAbuseTests
{
    private const string Document = "claims.claim";

    private static async Task<(TempWorkspace Workspace, LspTestClient Client, string Uri, DocumentModel Model)> OpenAsync(LanguageServerOptions? options = null)
    {
        var workspace = Samples.CreateWorkspace();
        var client = await LspTestClient.StartAsync(workspace.Root, options: options);
        string uri = workspace.Uri(Document);
        var model = new DocumentModel(File.ReadAllText(workspace.PathOf(Document)));
        client.Open(uri, model.Text);
        return (workspace, client, uri, model);
    }

    private static async Task AssertMatchesFreshCheckAsync(LspTestClient client, TempWorkspace workspace, string uri, DocumentModel model, int version)
    {
        var published = await client.WaitForDiagnosticsAsync(uri, version);
        Assert.Equal(FreshCheck.Expected(workspace, Document, model.Text), FreshCheck.Published(published));
        await FreshCheck.AssertStillServesAsync(client);
    }

    private static void AssertAnsweredOrCancelled(JsonElement response)
    {
        if (response.TryGetProperty("result", out _)) return;
        int code = LspTestClient.ErrorCode(response);
        Assert.True(code is ErrorCodes.RequestCancelled or ErrorCodes.ContentModified, response.ToString());
    }

    // ------------------------------------------------------------------ framing

    [Fact]
    public async Task Malformed_Content_Length_headers_never_stop_the_server()
    {
        var (workspace, client, uri, model) = await OpenAsync();
        using var workspaceScope = workspace;
        await using var clientScope = client;
        const string Wide = "{\"jsonrpc\":\"2.0\",\"method\":\"custom/x\",\"params\":{\"text\":\"é😀\"}}";
        string[] frames =
        [
            "Content-Length: -5\r\n\r\n",
            "Content-Length: 99999999999999999999999999\r\n\r\n",
            "Content-Length: 1e3\r\n\r\n",
            "Content-Length: 0x10\r\n\r\n",
            "Content-Length: \r\n\r\n",
            "Content-Length: 12 13\r\n\r\n",
            "Content-Length: 0\r\n\r\n",
            "Content-Length: 7\r\n\r\n{\"a\":1}}",          // one byte left over: junk before the next header
            // A client that counts UTF-16 characters instead of UTF-8 bytes: the body's tail is left over.
            $"Content-Length: {Wide.Length}\r\n\r\n{Wide}",
            "\r\n\r\n\r\n",
            "Content-Length: 2\r\n\r\n\0\0",
            "Content-Length: 5\r\nContent-Type: application/json; charset=utf-16\r\n\r\n{\"a\"}",
        ];
        int version = 1;
        for (int i = 0; i < frames.Length; i++)
        {
            await client.WriteRawAsync(frames[i]);
            // Whatever became of that frame, the next well-formed request is answered, and edits still apply.
            JsonElement response;
            try
            {
                response = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" }, id: $"after-frame-{i}");
            }
            catch (TimeoutException)
            {
                Assert.Fail($"no answer after frame {i} {JsonSerializer.Serialize(frames[i])}\nlog:\n{client.Log}");
                throw;
            }
            Assert.True(response.TryGetProperty("result", out _), $"frame {i} {JsonSerializer.Serialize(frames[i])}: {response}");
            client.Change(uri, ++version, model.RandomChange(new Random(i)));
        }
        await AssertMatchesFreshCheckAsync(client, workspace, uri, model, version);
    }

    [Fact]
    public async Task A_100_megabyte_message_is_refused_and_the_stream_stays_in_sync()
    {
        var (workspace, client, uri, model) = await OpenAsync();
        using var workspaceScope = workspace;
        await using var clientScope = client;
        // Over the default 64 MB limit: a request and a notification (a document 100 MB long).
        string padding = new('x', 100_000_000);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        await client.SendBodyAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":\"huge\",\"method\":\"workspace/symbol\",\"params\":{\"query\":\"" + padding + "\"}}"));
        var response = await client.ExpectResponseAsync("huge");
        Assert.Equal(ErrorCodes.InvalidRequest, LspTestClient.ErrorCode(response));
        await client.SendBodyAsync(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":2},\"contentChanges\":[{\"text\":\"" + padding + "\"}]}}"));
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        // The client's own copies of the messages are most of this; the server drops the bodies in pieces.
        Assert.True(allocated < 2_000_000_000L, $"{allocated:N0} bytes allocated around two 100 MB messages");

        // The dropped change was never applied: version 3 continues from the client's text.
        client.Change(uri, 3, model.RandomChange(new Random(3)));
        await AssertMatchesFreshCheckAsync(client, workspace, uri, model, 3);
    }

    [Fact]
    public async Task Invalid_UTF8_in_a_change_drops_that_change_and_nothing_else()
    {
        var (workspace, client, uri, model) = await OpenAsync();
        using var workspaceScope = workspace;
        await using var clientScope = client;
        int version = 1;
        var random = new Random(5);
        for (int i = 0; i < 20; i++)
        {
            client.Change(uri, ++version, model.RandomChange(random));
            // A change whose text is not UTF-8: a parse error, so it must not touch the document.
            byte[] broken = [.. Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":" + (version + 1) + "},\"contentChanges\":[{\"text\":\"x"), 0xFF, 0xC0, .. Encoding.UTF8.GetBytes("\"}]}}")];
            await client.SendBodyAsync(broken);
        }
        await AssertMatchesFreshCheckAsync(client, workspace, uri, model, version);
    }

    // ------------------------------------------------------------------ methods and lifecycle

    [Fact]
    public async Task Thousands_of_unknown_methods_are_answered_one_by_one()
    {
        var (workspace, client, uri, model) = await OpenAsync();
        using var workspaceScope = workspace;
        await using var clientScope = client;
        var pending = new List<Task<JsonElement>>();
        var random = new Random(7);
        int version = 1;
        for (int i = 0; i < 2000; i++)
        {
            pending.Add(client.RequestAsync(i % 3 == 0 ? $"textDocument/nonsense{i}" : i % 3 == 1 ? $"$/custom{i}" : $"x/{new string('y', i % 50)}", new JsonObject { ["n"] = i }, id: $"unknown-{i}"));
            client.Notify(i % 2 == 0 ? $"custom/note{i}" : $"$/progressOf{i}", new JsonObject());
            if (i % 10 == 0) client.Change(uri, ++version, model.RandomChange(random));
        }
        foreach (var response in await Task.WhenAll(pending)) Assert.Equal(ErrorCodes.MethodNotFound, LspTestClient.ErrorCode(response));
        await AssertMatchesFreshCheckAsync(client, workspace, uri, model, version);
    }

    [Fact]
    public async Task Every_request_before_initialize_is_refused_and_notifications_are_dropped()
    {
        using var workspace = Samples.CreateWorkspace();
        await using var client = LspTestClient.Create();
        string uri = workspace.Uri(Document);
        string text = File.ReadAllText(workspace.PathOf(Document));
        string[] methods =
        [
            "textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/references", "textDocument/rename",
            "textDocument/prepareRename", "textDocument/documentSymbol", "textDocument/formatting", "textDocument/semanticTokens/full",
            "textDocument/foldingRange", "textDocument/codeAction", "workspace/symbol", "shutdown", "no/such/method",
        ];
        // A document opened too early must be forgotten: the server was not running.
        client.Open(uri, "claim Early.p source Nobody\n");
        foreach (string method in methods)
        {
            var response = await client.RequestAsync(method, LspTestClient.Position(uri, 0, 0));
            Assert.Equal(ErrorCodes.ServerNotInitialized, LspTestClient.ErrorCode(response));
        }
        client.Change(uri, 2, LspTestClient.Edit(0, 0, 0, 0, "junk "));

        await client.InitializeAsync(workspace.Root);
        // Nothing of the early notifications survived: whatever the server knows of the document (from disk, or
        // nothing until it is opened) holds no trace of the early text.
        var symbols = await client.RequestAsync("textDocument/documentSymbol", LspTestClient.Document(uri));
        Assert.DoesNotContain("Early", symbols.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("junk", symbols.ToString(), StringComparison.Ordinal);
        var model = new DocumentModel(text);
        client.Open(uri, model.Text, version: 5);
        client.Change(uri, 6, model.RandomChange(new Random(11)));
        await AssertMatchesFreshCheckAsync(client, workspace, uri, model, 6);
    }

    // ------------------------------------------------------------------ volume

    [Fact]
    public async Task Ten_thousand_rapid_random_edits_end_where_a_fresh_check_does()
    {
        var (workspace, client, uri, model) = await OpenAsync();
        using var workspaceScope = workspace;
        await using var clientScope = client;
        var random = new Random(10_000);
        var requests = new List<Task<JsonElement>>();
        int version = 1;
        for (int edit = 0; edit < 10_000; edit++)
        {
            int count = random.Next(20) == 0 ? random.Next(2, 5) : 1;
            var changes = new JsonObject[count];
            for (int c = 0; c < count; c++) changes[c] = model.RandomChange(random);
            client.Change(uri, ++version, changes);
            if (edit % 250 == 0)
            {
                // Questions asked in the middle of the burst are answered (or told the text moved on).
                var lines = DocumentModel.LineStarts(model.Text);
                int line = random.Next(lines.Count);
                requests.Add(client.RequestAsync("textDocument/hover", LspTestClient.Position(uri, line, random.Next(40))));
                requests.Add(client.RequestAsync("textDocument/completion", LspTestClient.Position(uri, line, random.Next(40))));
                requests.Add(client.RequestAsync("textDocument/documentSymbol", LspTestClient.Document(uri)));
            }
        }
        foreach (var response in await Task.WhenAll(requests)) AssertAnsweredOrCancelled(response);
        await AssertMatchesFreshCheckAsync(client, workspace, uri, model, version);

        // And the server's view of the text is the client's: a fresh server shows the same symbols.
        await using var fresh = await LspTestClient.StartAsync(workspace.Root);
        fresh.Open(uri, model.Text);
        var a = await client.ResultAsync("textDocument/documentSymbol", LspTestClient.Document(uri));
        var b = await fresh.ResultAsync("textDocument/documentSymbol", LspTestClient.Document(uri));
        Assert.Equal(b.ToString(), a.ToString());
    }

    [Fact]
    public async Task Cancellation_storms_leave_every_request_answered_exactly_once()
    {
        var (workspace, client, uri, model) = await OpenAsync();
        using var workspaceScope = workspace;
        await using var clientScope = client;
        var random = new Random(12);
        var requests = new List<(string Id, Task<JsonElement> Response)>();
        int version = 1;
        string[] methods = ["textDocument/completion", "textDocument/hover", "textDocument/documentSymbol", "textDocument/semanticTokens/full", "workspace/symbol", "textDocument/references"];
        for (int i = 0; i < 600; i++)
        {
            string id = $"storm-{i}";
            string method = methods[i % methods.Length];
            JsonObject parameters = method switch
            {
                "workspace/symbol" => new JsonObject { ["query"] = "" },
                "textDocument/documentSymbol" or "textDocument/semanticTokens/full" => LspTestClient.Document(uri),
                "textDocument/references" => new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri },
                    ["position"] = new JsonObject { ["line"] = 0, ["character"] = 8 },
                    ["context"] = new JsonObject { ["includeDeclaration"] = true },
                },
                _ => LspTestClient.Position(uri, random.Next(5), random.Next(30)),
            };
            requests.Add((id, client.RequestAsync(method, parameters, id)));
            // Cancel it (sometimes twice), cancel ids that were never sent or are still to come, and keep editing.
            if (random.Next(4) != 0) client.Notify("$/cancelRequest", new JsonObject { ["id"] = id });
            if (random.Next(5) == 0) client.Notify("$/cancelRequest", new JsonObject { ["id"] = id });
            if (random.Next(3) == 0) client.Notify("$/cancelRequest", new JsonObject { ["id"] = $"storm-{i + 1}" });
            if (random.Next(3) == 0) client.Notify("$/cancelRequest", new JsonObject { ["id"] = random.Next() });
            if (random.Next(10) == 0) client.Notify("$/cancelRequest", new JsonObject { ["id"] = new JsonObject { ["bad"] = true } });
            if (random.Next(10) == 0) client.Notify("$/cancelRequest", null);
            if (random.Next(4) == 0) client.Change(uri, ++version, model.RandomChange(random));
        }
        foreach (var (_, response) in requests) AssertAnsweredOrCancelled(await response);
        await AssertMatchesFreshCheckAsync(client, workspace, uri, model, version);
        // Exactly one response per request.
        var ids = client.Messages.Where(m => !m.TryGetProperty("method", out _) && m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            .Select(m => m.GetProperty("id").GetString()!).Where(id => id.StartsWith("storm-", StringComparison.Ordinal)).ToList();
        Assert.Equal(requests.Count, ids.Count);
        Assert.Equal(requests.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Everything_at_once_still_ends_where_a_fresh_check_does(int seed)
    {
        var (workspace, client, uri, model) = await OpenAsync();
        using var workspaceScope = workspace;
        await using var clientScope = client;
        var random = new Random(seed);
        var requests = new List<Task<JsonElement>>();
        int version = 1;
        for (int step = 0; step < 1500; step++)
        {
            switch (random.Next(12))
            {
                case 0:
                    await client.WriteRawAsync(random.Next(3) switch
                    {
                        0 => "Content-Length: -1\r\n\r\n",
                        1 => "Content-Length: 9\r\n\r\n{\"jsonrpc\"",
                        _ => "Content-Length: 4\r\n\r\n[1,2",
                    });
                    break;
                case 1:
                    await client.SendBodyAsync([.. "{\"jsonrpc\":\"2.0\",\"id\":\"bad-"u8, 0xFF, .. "\",\"method\":\"x\"}"u8]);
                    break;
                case 2:
                    requests.Add(client.RequestAsync("nope/" + step, null));
                    break;
                case 3:
                    string id = "mixed-" + step;
                    requests.Add(client.RequestAsync("textDocument/completion", LspTestClient.Position(uri, random.Next(6), random.Next(40)), id));
                    client.Notify("$/cancelRequest", new JsonObject { ["id"] = id });
                    break;
                case 4:
                    requests.Add(client.RequestAsync("textDocument/hover", LspTestClient.Position(uri, random.Next(6), random.Next(40))));
                    break;
                default:
                    client.Change(uri, ++version, model.RandomChange(random));
                    break;
            }
        }
        foreach (var response in await Task.WhenAll(requests))
        {
            if (response.TryGetProperty("error", out _) && LspTestClient.ErrorCode(response) == ErrorCodes.MethodNotFound) continue;
            AssertAnsweredOrCancelled(response);
        }
        await AssertMatchesFreshCheckAsync(client, workspace, uri, model, version);
    }
}

/// <summary>Abuse tests push a lot through the server: one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AbuseCollection
{
    public const string Name = "Language server abuse (one at a time)";
}
