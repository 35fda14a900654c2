using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;
using ClaimLang.LanguageServer.Tests.Infrastructure;

namespace ClaimLang.LanguageServer.Tests;

/// <summary>Bad input of every kind gets an error response (or is dropped), and the server keeps working.</summary>
public sealed class TransportTests
{
    private static async Task AssertStillServesAsync(LspTestClient client)
    {
        var response = await client.RequestAsync("workspace/symbol", new JsonObject { ["query"] = "" });
        Assert.True(response.TryGetProperty("result", out _), response.ToString());
    }

    [Fact]
    public async Task Unknown_method_is_MethodNotFound()
    {
        await using var client = await LspTestClient.StartAsync();
        var response = await client.RequestAsync("textDocument/doesNotExist", new JsonObject());
        Assert.Equal(ErrorCodes.MethodNotFound, LspTestClient.ErrorCode(response));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task Unknown_notifications_are_ignored()
    {
        await using var client = await LspTestClient.StartAsync();
        client.Notify("$/unknownThing", new JsonObject());
        client.Notify("custom/notification", new JsonObject());
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task Invalid_params_are_InvalidParams()
    {
        await using var client = await LspTestClient.StartAsync();
        // A position without its document.
        var response = await client.RequestAsync("textDocument/hover", new JsonObject { ["position"] = new JsonObject { ["line"] = 0, ["character"] = 0 } });
        Assert.Equal(ErrorCodes.InvalidParams, LspTestClient.ErrorCode(response));
        // A line that is a string.
        response = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = "file:///a.claim" },
            ["position"] = new JsonObject { ["line"] = "zero", ["character"] = 0 },
        });
        Assert.Equal(ErrorCodes.InvalidParams, LspTestClient.ErrorCode(response));
        // No params at all.
        response = await client.RequestAsync("textDocument/definition", null);
        Assert.Equal(ErrorCodes.InvalidParams, LspTestClient.ErrorCode(response));
        // Params that are a number.
        response = await client.RequestAsync("textDocument/definition", JsonValue.Create(3));
        Assert.Equal(ErrorCodes.InvalidParams, LspTestClient.ErrorCode(response));
        // A document nobody opened.
        response = await client.RequestAsync("textDocument/hover", LspTestClient.Position("file:///nowhere/a.claim", 0, 0));
        Assert.Equal(ErrorCodes.InvalidParams, LspTestClient.ErrorCode(response));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task Bad_json_is_a_ParseError_that_names_the_request_when_it_can()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.SendBodyAsync(Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":"broken-1","method":"textDocument/hover","params":{"""));
        var response = await client.ExpectResponseAsync("broken-1");
        Assert.Equal(ErrorCodes.ParseError, LspTestClient.ErrorCode(response));

        int before = client.MessageCount;
        await client.SendBodyAsync(Encoding.UTF8.GetBytes("this is not json"));
        var anonymous = await client.WaitForAsync(m => m.TryGetProperty("error", out _) && m.GetProperty("id").ValueKind == JsonValueKind.Null, before);
        Assert.Equal(ErrorCodes.ParseError, LspTestClient.ErrorCode(anonymous));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task Invalid_utf8_is_a_ParseError()
    {
        await using var client = await LspTestClient.StartAsync();
        byte[] body = [.. """{"jsonrpc":"2.0","id":"utf-1","method":"workspace/symbol","params":{"query":" """u8, 0xC3, 0x28, .. "\"}}"u8];
        await client.SendBodyAsync(body);
        var response = await client.ExpectResponseAsync("utf-1");
        Assert.Equal(ErrorCodes.ParseError, LspTestClient.ErrorCode(response));
        Assert.Contains("UTF-8", response.GetProperty("error").GetProperty("message").GetString());
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task A_header_without_Content_Length_is_reported_and_skipped()
    {
        await using var client = await LspTestClient.StartAsync();
        int before = client.MessageCount;
        await client.WriteRawAsync("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n");
        var error = await client.WaitForAsync(m => m.TryGetProperty("error", out _), before);
        Assert.Equal(ErrorCodes.ParseError, LspTestClient.ErrorCode(error));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task A_non_numeric_Content_Length_is_reported_and_skipped()
    {
        await using var client = await LspTestClient.StartAsync();
        int before = client.MessageCount;
        await client.WriteRawAsync("Content-Length: twelve\r\n\r\n");
        var error = await client.WaitForAsync(m => m.TryGetProperty("error", out _), before);
        Assert.Equal(ErrorCodes.ParseError, LspTestClient.ErrorCode(error));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task Garbage_before_a_header_is_skipped_and_the_next_message_is_read()
    {
        await using var client = await LspTestClient.StartAsync();
        string body = """{"jsonrpc":"2.0","id":"after-junk","method":"workspace/symbol","params":{"query":""}}""";
        await client.WriteRawAsync("%%%garbage without a line end" + "Content-Length: " + Encoding.UTF8.GetByteCount(body) + "\r\n\r\n" + body);
        var response = await client.ExpectResponseAsync("after-junk");
        Assert.True(response.TryGetProperty("result", out _), response.ToString());
    }

    [Fact]
    public async Task An_overlong_header_line_is_dropped_without_buffering_it()
    {
        await using var client = await LspTestClient.StartAsync();
        int before = client.MessageCount;
        await client.WriteRawAsync("X-Padding: " + new string('a', MessageReader.MaxHeaderLineBytes * 4) + "\r\n\r\n");
        var error = await client.WaitForAsync(m => m.TryGetProperty("error", out _), before);
        Assert.Equal(ErrorCodes.ParseError, LspTestClient.ErrorCode(error));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task A_message_over_the_limit_is_refused_with_its_id_and_the_stream_stays_in_sync()
    {
        await using var client = await LspTestClient.StartAsync(options: new LanguageServerOptions { MaxMessageBytes = 10_000 });
        string padding = new('x', 50_000);
        await client.SendBodyAsync(Encoding.UTF8.GetBytes("""{"jsonrpc":"2.0","id":"huge-1","method":"workspace/symbol","params":{"query":""" + "\"" + padding + "\"}}"));
        var response = await client.ExpectResponseAsync("huge-1");
        Assert.Equal(ErrorCodes.InvalidRequest, LspTestClient.ErrorCode(response));
        Assert.Contains("limit", response.GetProperty("error").GetProperty("message").GetString());
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task An_unsupported_charset_is_refused()
    {
        await using var client = await LspTestClient.StartAsync();
        string body = """{"jsonrpc":"2.0","id":"latin-1","method":"workspace/symbol","params":{"query":""}}""";
        await client.WriteRawAsync($"Content-Length: {body.Length}\r\nContent-Type: application/vscode-jsonrpc; charset=latin1\r\n\r\n{body}");
        var response = await client.ExpectResponseAsync("latin-1");
        Assert.Equal(ErrorCodes.ParseError, LspTestClient.ErrorCode(response));
        await AssertStillServesAsync(client);
    }

    [Theory]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]""")]
    [InlineData("""42""")]
    [InlineData("""{"jsonrpc":"1.0","id":7,"method":"workspace/symbol","params":{"query":""}}""")]
    [InlineData("""{"jsonrpc":"2.0","id":{"nested":true},"method":"workspace/symbol"}""")]
    [InlineData("""{"jsonrpc":"2.0","id":8,"method":17}""")]
    [InlineData("""{"jsonrpc":"2.0","id":9}""")]
    public async Task Malformed_messages_are_invalid_requests(string body)
    {
        await using var client = await LspTestClient.StartAsync();
        int before = client.MessageCount;
        await client.SendBodyAsync(Encoding.UTF8.GetBytes(body));
        var error = await client.WaitForAsync(m => m.TryGetProperty("error", out _), before);
        Assert.Equal(ErrorCodes.InvalidRequest, LspTestClient.ErrorCode(error));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task An_exception_in_a_handler_is_logged_and_answered_with_InternalError()
    {
        var options = new LanguageServerOptions { ExtraHandlers = [new TestHandlers()] };
        await using var client = await LspTestClient.StartAsync(options: options);
        var response = await client.RequestAsync("test/throw", new JsonObject());
        Assert.Equal(ErrorCodes.InternalError, LspTestClient.ErrorCode(response));
        Assert.Contains("handler exploded", client.Log.ToString());
        await client.WaitForAsync(m => LspTestClient.IsNotification(m, "window/logMessage") && m.GetProperty("params").GetProperty("message").GetString()!.Contains("handler exploded"));
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task CancelRequest_cancels_a_running_request_with_RequestCancelled()
    {
        var handlers = new TestHandlers();
        await using var client = await LspTestClient.StartAsync(options: new LanguageServerOptions { ExtraHandlers = [handlers] });
        var pending = client.RequestAsync("test/wait", new JsonObject(), id: "slow-1");
        await handlers.Started.Task.WaitAsync(LspTestClient.Patience);
        client.Notify("$/cancelRequest", new JsonObject { ["id"] = "slow-1" });
        var response = await pending;
        Assert.Equal(ErrorCodes.RequestCancelled, LspTestClient.ErrorCode(response));
        // Cancelling something unknown or finished is harmless.
        client.Notify("$/cancelRequest", new JsonObject { ["id"] = 12345 });
        client.Notify("$/cancelRequest", new JsonObject { ["id"] = "slow-1" });
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task An_edit_of_the_document_ends_a_running_request_about_it_with_ContentModified()
    {
        var handlers = new TestHandlers();
        await using var client = await LspTestClient.StartAsync(options: new LanguageServerOptions { ExtraHandlers = [handlers] });
        string uri = "untitled:stale";
        client.Open(uri, "actor A \"a\"\n");
        var pending = client.RequestAsync("test/waitForEdit", LspTestClient.Document(uri), id: "stale-1");
        await handlers.Started.Task.WaitAsync(LspTestClient.Patience);
        client.Change(uri, 2, LspTestClient.Edit(0, 0, 0, 0, "// x\n"));
        var response = await pending;
        Assert.Equal(ErrorCodes.ContentModified, LspTestClient.ErrorCode(response));
    }

    [Fact]
    public async Task Lone_surrogates_in_a_document_do_not_break_the_messages_about_it()
    {
        await using var client = await LspTestClient.StartAsync();
        string uri = "untitled:surrogates";
        // JSON escapes may carry lone surrogates, which are valid JSON but not valid Unicode.
        await client.SendBodyAsync(Encoding.UTF8.GetBytes(
            """{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:surrogates","languageId":"claim","version":1,"text":"cl\ud800am \udc00X.y\n"}}}"""));
        var diagnostics = await client.WaitForDiagnosticsAsync(uri, version: 1);
        Assert.NotEqual(0, diagnostics.GetProperty("diagnostics").GetArrayLength());
        var hover = await client.RequestAsync("textDocument/hover", LspTestClient.Position(uri, 0, 3));
        Assert.True(hover.TryGetProperty("result", out _), hover.ToString());
        var symbols = await client.RequestAsync("textDocument/documentSymbol", LspTestClient.Document(uri));
        Assert.True(symbols.TryGetProperty("result", out _), symbols.ToString());
    }

    [Fact]
    public async Task Responses_keep_string_and_number_ids()
    {
        await using var client = await LspTestClient.StartAsync();
        await client.SendBodyAsync("""{"jsonrpc":"2.0","id":"abc","method":"workspace/symbol","params":{"query":""}}"""u8.ToArray());
        var text = await client.ExpectResponseAsync("abc");
        Assert.Equal(JsonValueKind.String, text.GetProperty("id").ValueKind);
        await client.SendBodyAsync("""{"jsonrpc":"2.0","id":987654321012,"method":"workspace/symbol","params":{"query":""}}"""u8.ToArray());
        var number = await client.ExpectResponseAsync("987654321012");
        Assert.Equal(987654321012, number.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Messages_split_across_writes_are_reassembled()
    {
        await using var client = await LspTestClient.StartAsync();
        byte[] body = """{"jsonrpc":"2.0","id":"split-1","method":"workspace/symbol","params":{"query":""}}"""u8.ToArray();
        byte[] all = [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];
        foreach (byte b in all) await client.WriteRawAsync([b]);
        var response = await client.ExpectResponseAsync("split-1");
        Assert.True(response.TryGetProperty("result", out _));
    }

    /// <summary>Handlers that only tests register.</summary>
    private sealed class TestHandlers : ILspHandler
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Register(HandlerRegistry registry)
        {
            registry.Request<JsonElement, object?>("test/throw", (_, _, _) => throw new InvalidOperationException("handler exploded"));
            registry.Request<JsonElement, object?>("test/wait", (_, _, cancellationToken) =>
            {
                Started.TrySetResult();
                cancellationToken.WaitHandle.WaitOne(LspTestClient.Patience);
                cancellationToken.ThrowIfCancellationRequested();
                return null;
            });
            registry.Request<JsonElement, object?>("test/waitForEdit", (_, _, cancellationToken) =>
            {
                Started.TrySetResult();
                cancellationToken.WaitHandle.WaitOne(LspTestClient.Patience);
                cancellationToken.ThrowIfCancellationRequested();
                return null;
            }, staleOnEdit: true);
        }
    }
}
