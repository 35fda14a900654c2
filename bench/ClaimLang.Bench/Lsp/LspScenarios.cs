using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimLang.Bench.Infrastructure;
using ClaimLang.Bench.Workload;

namespace ClaimLang.Bench.Lsp;

/// <summary>The figures of the language-server scenarios (times in milliseconds).</summary>
internal sealed class LspResults
{
    public string Server { get; set; } = "";
    public string? Note { get; set; }
    public int Claims { get; set; }
    public int Files { get; set; }
    public double InitializeToFirstDiagnosticsMs { get; set; }
    public double InitializeToAllDiagnosticsMs { get; set; }
    public int DiagnosticsNotificationsAtStart { get; set; }
    public double OpenToDiagnosticsMs { get; set; }
    public List<double> KeystrokeToDiagnosticsMs { get; set; } = [];
    public List<double> CompletionMs { get; set; } = [];
    public int CompletionItems { get; set; }
    public List<double> HoverMs { get; set; } = [];
    /// <summary>The server's error answer to completion or hover (an LSP error response), if any.</summary>
    public string? CompletionError { get; set; }
    public string? HoverError { get; set; }
    public long PeakResidentBytes { get; set; }

    public int? LargeClaims { get; set; }
    public int LargeFiles { get; set; }
    public double? LargeInitializeToFirstDiagnosticsMs { get; set; }
    public double? LargeInitializeToAllDiagnosticsMs { get; set; }
    public long LargePeakResidentBytes { get; set; }
    public string? LargeError { get; set; }
    public string? Error { get; set; }
}

/// <summary>
/// Drives the language server the way an editor does, over its standard streams:
/// <list type="number">
/// <item>In the middle-sized workspace (100k claims in a full run): initialize → the first publishDiagnostics, and
/// until the start-up batch is complete; open a file of 500 claims; then type one character at a time (alternately
/// inserting and deleting a letter in a claim's subject) and time each didChange to the publishDiagnostics carrying
/// the new version; then completion after <c>source </c> and hover on a subject, one request at a time.</item>
/// <item>In the largest workspace (1M claims): initialize → the first publishDiagnostics.</item>
/// </list>
/// The server's own debounce (it waits for typing to pause before checking) is part of what a user waits for and is
/// included.
/// </summary>
internal static class LspScenarios
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);

    public static async Task<LspResults> RunAsync(ToolCommand server, IReadOnlyList<string> serverArgs, string serverDescription, TextWriter log)
    {
        bool quick = BenchSettings.Quick;
        var results = new LspResults { Server = serverDescription };
        int keystrokes = quick ? 4 : 30, requests = quick ? 5 : 100;

        var workspace = Workloads.Get(BenchSettings.MiddleSize, withErrors: true, log);
        results.Claims = workspace.Spec.Claims;
        results.Files = workspace.Manifest.Files;
        log.WriteLine($"lsp: {serverDescription} on {workspace.Spec.Name}");
        try
        {
            await RunEditingScenarioAsync(server, serverArgs, workspace, results, keystrokes, requests, log).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            results.Error = e.GetType().Name + ": " + e.Message;
            log.WriteLine("lsp: editing scenario failed: " + e);
        }

        var large = Workloads.Get(BenchSettings.LargestSize, withErrors: true, log);
        results.LargeClaims = large.Spec.Claims;
        results.LargeFiles = large.Manifest.Files;
        log.WriteLine($"lsp: start-up on {large.Spec.Name}");
        try
        {
            var (first, all, _, peak) = await StartAsync(server, serverArgs, large, TimeSpan.FromMinutes(15), shutdown: true).ConfigureAwait(false);
            results.LargeInitializeToFirstDiagnosticsMs = first;
            results.LargeInitializeToAllDiagnosticsMs = all;
            results.LargePeakResidentBytes = peak;
        }
        catch (Exception e)
        {
            results.LargeError = e.GetType().Name + ": " + e.Message;
            log.WriteLine("lsp: start-up scenario failed: " + e);
        }
        return results;
    }

    private static async Task RunEditingScenarioAsync(ToolCommand server, IReadOnlyList<string> serverArgs, GeneratedWorkspace workspace, LspResults results,
        int keystrokes, int requests, TextWriter log)
    {
        using var client = new JsonRpcClient(server, serverArgs, workspace.Root);
        var (first, all, count, _) = await InitializeAsync(client, workspace, TimeSpan.FromMinutes(10)).ConfigureAwait(false);
        results.InitializeToFirstDiagnosticsMs = first;
        results.InitializeToAllDiagnosticsMs = all;
        results.DiagnosticsNotificationsAtStart = count;
        log.WriteLine($"lsp: first diagnostics after {first:F0} ms, start-up batch complete after {all:F0} ms ({count} notifications)");

        string path = workspace.MiddleClaimFile;
        string uri = new Uri(path).AbsoluteUri;
        string text = File.ReadAllText(path);
        int version = 1;
        var opened = client.Expect(m => IsDiagnosticsFor(m, uri, version));
        long sent = Stopwatch.GetTimestamp();
        client.Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "claimlang", ["version"] = version, ["text"] = text },
        });
        var openedMessage = await JsonRpcClient.WithTimeout(opened, TimeSpan.FromMinutes(5), "diagnostics after didOpen").ConfigureAwait(false);
        results.OpenToDiagnosticsMs = Milliseconds(sent, openedMessage.Timestamp);

        // Typing: insert a letter into the subject of a claim in the middle of the file, then delete it, and so on.
        int editOffset = Suites.IncrementalBenchmarks.EditPosition(text);
        var (editLine, editCharacter) = LineAndCharacter(text, editOffset);
        for (int i = 0; i < keystrokes; i++)
        {
            version++;
            bool insert = i % 2 == 0;
            var range = Range(editLine, editCharacter, editLine, insert ? editCharacter : editCharacter + 1);
            int expected = version;
            var published = client.Expect(m => IsDiagnosticsFor(m, uri, expected));
            sent = Stopwatch.GetTimestamp();
            client.Notify("textDocument/didChange", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = range, ["text"] = insert ? "x" : "" }),
            });
            var message = await JsonRpcClient.WithTimeout(published, TimeSpan.FromMinutes(2), $"diagnostics for version {version}").ConfigureAwait(false);
            results.KeystrokeToDiagnosticsMs.Add(Milliseconds(sent, message.Timestamp));
        }
        if (keystrokes % 2 == 1) text = text.Insert(editOffset, "x");

        // Completion right after "source " in a claim near the edit, and hover on the edited claim's subject.
        int sourceOffset = text.IndexOf(" source ", editOffset, StringComparison.Ordinal);
        if (sourceOffset < 0) sourceOffset = text.IndexOf(" source ", StringComparison.Ordinal);
        var (completionLine, completionCharacter) = LineAndCharacter(text, sourceOffset + " source ".Length);
        try
        {
            for (int i = 0; i < requests; i++)
            {
                sent = Stopwatch.GetTimestamp();
                var (result, stamp) = await client.RequestAsync("textDocument/completion", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri },
                    ["position"] = new JsonObject { ["line"] = completionLine, ["character"] = completionCharacter },
                    // Invoked (Ctrl+Space), as VS Code sends it.
                    ["context"] = new JsonObject { ["triggerKind"] = 1 },
                }, TimeSpan.FromMinutes(1)).ConfigureAwait(false);
                results.CompletionMs.Add(Milliseconds(sent, stamp));
                results.CompletionItems = CountItems(result);
            }
        }
        catch (InvalidOperationException e)
        {
            results.CompletionError = e.Message;
            log.WriteLine("lsp: completion failed: " + e.Message);
        }
        try
        {
            for (int i = 0; i < requests; i++)
            {
                sent = Stopwatch.GetTimestamp();
                var (_, stamp) = await client.RequestAsync("textDocument/hover", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri },
                    ["position"] = new JsonObject { ["line"] = editLine, ["character"] = editCharacter },
                }, TimeSpan.FromMinutes(1)).ConfigureAwait(false);
                results.HoverMs.Add(Milliseconds(sent, stamp));
            }
        }
        catch (InvalidOperationException e)
        {
            results.HoverError = e.Message;
            log.WriteLine("lsp: hover failed: " + e.Message);
        }
        results.PeakResidentBytes = ChildProcess.PeakResidentBytes(client.ProcessId);
        await client.ShutdownAsync().ConfigureAwait(false);
    }

    private static async Task<(double First, double All, int Count, long Peak)> StartAsync(ToolCommand server, IReadOnlyList<string> serverArgs,
        GeneratedWorkspace workspace, TimeSpan timeout, bool shutdown)
    {
        using var client = new JsonRpcClient(server, serverArgs, workspace.Root);
        var (first, all, count, _) = await InitializeAsync(client, workspace, timeout).ConfigureAwait(false);
        long peak = ChildProcess.PeakResidentBytes(client.ProcessId);
        if (shutdown) await client.ShutdownAsync().ConfigureAwait(false);
        return (first, all, count, peak);
    }

    /// <summary>
    /// initialize + initialized; returns the times (from the process start) of the first publishDiagnostics and of
    /// the last one before the server fell quiet for <see cref="Quiet"/>.
    /// </summary>
    private static async Task<(double First, double All, int Count, long Peak)> InitializeAsync(JsonRpcClient client, GeneratedWorkspace workspace, TimeSpan timeout)
    {
        long last = 0;
        int count = 0;
        client.OnNotification = m =>
        {
            if (m.Method != "textDocument/publishDiagnostics") return;
            Interlocked.Exchange(ref last, m.Timestamp);
            Interlocked.Increment(ref count);
        };
        var firstDiagnostics = client.Expect(m => m.Method == "textDocument/publishDiagnostics");
        string rootUri = new Uri(workspace.Root).AbsoluteUri;
        await client.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = workspace.Spec.Name }),
            ["capabilities"] = new JsonObject
            {
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["didSave"] = true },
                    ["publishDiagnostics"] = new JsonObject { ["versionSupport"] = true, ["relatedInformation"] = true },
                    ["completion"] = new JsonObject { ["completionItem"] = new JsonObject { ["snippetSupport"] = false } },
                    ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
                },
                ["workspace"] = new JsonObject { ["workspaceFolders"] = true },
            },
        }, timeout).ConfigureAwait(false);
        client.Notify("initialized", new JsonObject());
        var first = await JsonRpcClient.WithTimeout(firstDiagnostics, timeout, "the first publishDiagnostics").ConfigureAwait(false);
        // The start-up batch is complete when nothing more arrives for a while.
        while (true)
        {
            long seen = Interlocked.Read(ref last);
            await Task.Delay(Quiet).ConfigureAwait(false);
            if (Interlocked.Read(ref last) == seen) break;
        }
        client.OnNotification = null;
        return (Milliseconds(client.StartTimestamp, first.Timestamp), Milliseconds(client.StartTimestamp, Interlocked.Read(ref last)), count, 0);
    }

    private static bool IsDiagnosticsFor(ServerMessage m, string uri, int version) =>
        m.Method == "textDocument/publishDiagnostics"
        && m.Params.ValueKind == JsonValueKind.Object
        && m.Params.TryGetProperty("uri", out var u) && string.Equals(u.GetString(), uri, StringComparison.OrdinalIgnoreCase)
        && m.Params.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.GetInt32() == version;

    private static int CountItems(JsonElement result) => result.ValueKind switch
    {
        JsonValueKind.Array => result.GetArrayLength(),
        JsonValueKind.Object when result.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array => items.GetArrayLength(),
        _ => 0,
    };

    private static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    /// <summary>LSP position (0-based line, UTF-16 character) of an offset; the generated files use LF only.</summary>
    private static (int Line, int Character) LineAndCharacter(string text, int offset)
    {
        int line = 0, lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, offset - lineStart);
    }

    private static double Milliseconds(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    public static void Print(LspResults r, TextWriter output) =>
        output.WriteLine(JsonSerializer.Serialize(r, new JsonSerializerOptions { WriteIndented = true }));
}
