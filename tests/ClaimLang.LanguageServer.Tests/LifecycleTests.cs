using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Tests.Infrastructure;

namespace ClaimLang.LanguageServer.Tests;

public sealed class LifecycleTests
{
    [Fact]
    public async Task Initialize_reports_capabilities_and_utf16_positions()
    {
        await using var client = LspTestClient.Create();
        var result = await client.InitializeAsync();
        var capabilities = result.GetProperty("capabilities");
        Assert.Equal("utf-16", capabilities.GetProperty("positionEncoding").GetString());
        Assert.Equal(2, capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
        Assert.True(capabilities.GetProperty("renameProvider").GetProperty("prepareProvider").GetBoolean());
        Assert.True(capabilities.GetProperty("semanticTokensProvider").GetProperty("full").GetProperty("delta").GetBoolean());
        Assert.Equal("claimlang", result.GetProperty("serverInfo").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Requests_before_initialize_are_rejected_with_ServerNotInitialized()
    {
        await using var client = LspTestClient.Create();
        var response = await client.RequestAsync("textDocument/hover", LspTestClient.Position("file:///x.claim", 0, 0));
        Assert.Equal(ErrorCodes.ServerNotInitialized, LspTestClient.ErrorCode(response));
        // The server is still usable afterwards.
        await client.InitializeAsync();
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task A_second_initialize_is_an_invalid_request()
    {
        await using var client = await LspTestClient.StartAsync();
        var response = await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        Assert.Equal(ErrorCodes.InvalidRequest, LspTestClient.ErrorCode(response));
    }

    [Fact]
    public async Task Exit_after_shutdown_gives_exit_code_0()
    {
        await using var client = await LspTestClient.StartAsync();
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Exit_without_shutdown_gives_exit_code_1()
    {
        await using var client = await LspTestClient.StartAsync();
        client.Notify("exit", null);
        Assert.Equal(1, await client.ServerTask.WaitAsync(LspTestClient.Patience));
    }

    [Fact]
    public async Task End_of_input_without_shutdown_gives_exit_code_1()
    {
        var client = await LspTestClient.StartAsync();
        await client.DisposeAsync();
        Assert.Equal(1, await client.ServerTask);
    }

    [Fact]
    public async Task Requests_after_shutdown_are_invalid_requests()
    {
        await using var client = await LspTestClient.StartAsync();
        var shutdown = await client.RequestAsync("shutdown", null);
        Assert.Equal(JsonValueKind.Null, shutdown.GetProperty("result").ValueKind);
        var response = await client.RequestAsync("textDocument/hover", LspTestClient.Position("file:///x.claim", 0, 0));
        Assert.Equal(ErrorCodes.InvalidRequest, LspTestClient.ErrorCode(response));
        client.Notify("exit", null);
        Assert.Equal(0, await client.ServerTask.WaitAsync(LspTestClient.Patience));
    }

    [Fact]
    public async Task The_server_registers_file_watchers_when_the_client_allows_it()
    {
        await using var client = await LspTestClient.StartAsync();
        var registration = await client.WaitForAsync(m => m.TryGetProperty("method", out var method) && method.GetString() == "client/registerCapability");
        string text = registration.GetProperty("params").ToString();
        Assert.Contains("workspace/didChangeWatchedFiles", text);
        Assert.Contains("**/*.claim", text);
        Assert.Contains("**/claimlang.json", text);
    }

    [Fact]
    public async Task The_server_stops_when_its_client_process_is_gone()
    {
        // A process that has already exited stands for an editor that died without closing the pipes.
        using var gone = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(ClaimcProcess.Dotnet, "--version")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        await gone.WaitForExitAsync();
        await using var client = LspTestClient.Create();
        var initialize = await client.RequestAsync("initialize", new JsonObject { ["processId"] = gone.Id, ["capabilities"] = new JsonObject() });
        Assert.True(initialize.TryGetProperty("result", out _));
        Assert.Equal(1, await client.ServerTask.WaitAsync(LspTestClient.Patience));
    }
}
