using System.Text;
using System.Text.Json.Nodes;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Tests.Infrastructure;

namespace ClaimLang.LanguageServer.Tests;

/// <summary><c>claimc lsp</c> as a child process, over real pipes.</summary>
public sealed class RealProcessTests
{
    [Fact]
    public async Task Claimc_lsp_serves_a_session_and_exits_with_0()
    {
        using var workspace = Samples.CreateWorkspace();
        await using var client = LspTestClient.StartProcess(workspace.Root);
        await client.InitializeAsync(workspace.Root);
        string uri = workspace.Uri("claims.claim");
        string text = File.ReadAllText(workspace.PathOf("claims.claim")) + "claim IRGC.coup_attempt source MTE confidence low\n";
        client.Open(uri, text);
        var diagnostics = await client.WaitForDiagnosticsAsync(uri, version: 1);
        Assert.Contains(diagnostics.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "CLM2001");

        var hover = await client.ResultAsync("textDocument/hover", LspTestClient.Position(uri, 0, 14));
        Assert.Contains("actor IRGC", hover.GetProperty("contents").GetProperty("value").GetString());

        // Bad input does not kill it.
        await client.WriteRawAsync("Content-Length: 5\r\n\r\n{{{{{");
        var unknown = await client.RequestAsync("no/such/method", new JsonObject());
        Assert.Equal(ErrorCodes.MethodNotFound, LspTestClient.ErrorCode(unknown));

        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Claimc_lsp_exits_with_1_without_shutdown()
    {
        using var workspace = new TempWorkspace();
        await using var client = LspTestClient.StartProcess(workspace.Root);
        await client.InitializeAsync(workspace.Root);
        client.Notify("exit", null);
        Assert.Equal(1, await client.ServerTask.WaitAsync(LspTestClient.Patience));
    }

    [Fact]
    public async Task Claimc_lsp_writes_nothing_but_protocol_messages_to_stdout()
    {
        using var workspace = Samples.CreateWorkspace();
        await using var client = LspTestClient.StartProcess(workspace.Root);
        await client.InitializeAsync(workspace.Root);
        await client.SendBodyAsync(Encoding.UTF8.GetBytes("not json"));
        Assert.Equal(0, await client.ShutdownAndExitAsync());
        // Every byte the server wrote was parsed as a framed JSON-RPC message (the client would have thrown otherwise),
        // and the complaint about the bad message went to stderr.
        Assert.All(client.Messages, m => Assert.Equal("2.0", m.GetProperty("jsonrpc").GetString()));
        Assert.Contains("not valid JSON", client.Log.ToString());
    }
}
