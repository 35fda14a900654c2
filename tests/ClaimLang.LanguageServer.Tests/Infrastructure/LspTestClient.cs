using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimLang.LanguageServer.Server;

namespace ClaimLang.LanguageServer.Tests.Infrastructure;

/// <summary>
/// A small LSP client that runs the server in-process over in-memory pipes. It frames and parses messages itself
/// (so tests can also send broken bytes), answers the server's own requests with null, and records every message.
/// </summary>
internal sealed class LspTestClient : IAsyncDisposable
{
    /// <summary>How long a test waits for an answer before it fails (the machine may be busy; nothing is timed).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly Pipe? _toServer;
    private readonly PipeReader _fromServer;
    private readonly Stream _clientOutput;
    private readonly Task _readLoop;
    private readonly object _gate = new();
    private readonly List<JsonElement> _messages = [];
    private readonly Dictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly SemaphoreSlim _arrived = new(0, int.MaxValue);
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Process? _process;
    private long _nextId;

    /// <summary>An in-process server over in-memory pipes.</summary>
    private LspTestClient(LanguageServerOptions? options)
    {
        _toServer = new Pipe();
        var toClient = new Pipe();
        var serverInput = _toServer.Reader.AsStream();
        var serverOutput = toClient.Writer.AsStream();
        _clientOutput = _toServer.Writer.AsStream();
        _fromServer = toClient.Reader;
        var log = new SynchronizedStringWriter();
        Log = log;
        var effective = new LanguageServerOptions
        {
            Log = log,
            MaxMessageBytes = options?.MaxMessageBytes ?? new LanguageServerOptions().MaxMessageBytes,
            DiagnosticsDelay = options?.DiagnosticsDelay ?? TimeSpan.FromMilliseconds(20),
            ExtraHandlers = options?.ExtraHandlers ?? [],
        };
        ServerTask = Task.Run(async () =>
        {
            try
            {
                return await LanguageServerHost.RunAsync(serverInput, serverOutput, effective, CancellationToken.None);
            }
            finally
            {
                await toClient.Writer.CompleteAsync();
            }
        });
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>A server in a child process (real pipes).</summary>
    private LspTestClient(Process process)
    {
        _process = process;
        _clientOutput = process.StandardInput.BaseStream;
        _fromServer = PipeReader.Create(process.StandardOutput.BaseStream);
        var log = new SynchronizedStringWriter();
        Log = log;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.WriteLine(e.Data); };
        process.BeginErrorReadLine();
        ServerTask = Task.Run(async () =>
        {
            await process.WaitForExitAsync();
            return process.ExitCode;
        });
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>Starts <c>claimc lsp</c> as a child process: <c>dotnet claimc.dll lsp</c> from the test's output folder.</summary>
    public static LspTestClient StartProcess(string workingDirectory)
    {
        var start = ClaimcProcess.StartInfo(workingDirectory, "lsp");
        start.RedirectStandardInput = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start claimc");
        return new LspTestClient(process);
    }

    /// <summary>The server's stderr log.</summary>
    public StringWriter Log { get; }

    /// <summary>Completes with the server's exit code.</summary>
    public Task<int> ServerTask { get; }

    public static LspTestClient Create(LanguageServerOptions? options = null) => new(options);

    /// <summary>Starts a server and initializes it on the given folder (or none).</summary>
    public static async Task<LspTestClient> StartAsync(string? folder = null, JsonObject? capabilities = null, LanguageServerOptions? options = null)
    {
        var client = new LspTestClient(options);
        await client.InitializeAsync(folder, capabilities);
        return client;
    }

    public async Task<JsonElement> InitializeAsync(string? folder = null, JsonObject? capabilities = null)
    {
        var parameters = new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = folder is null ? null : Uris.From(folder),
            ["capabilities"] = capabilities ?? DefaultCapabilities(),
            ["workspaceFolders"] = folder is null ? null : new JsonArray(new JsonObject { ["uri"] = Uris.From(folder), ["name"] = "test" }),
        };
        var result = await ResultAsync("initialize", parameters);
        Notify("initialized", new JsonObject());
        return result;
    }

    public static JsonObject DefaultCapabilities() => new()
    {
        ["textDocument"] = new JsonObject
        {
            ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
            ["documentSymbol"] = new JsonObject { ["hierarchicalDocumentSymbolSupport"] = true },
            ["publishDiagnostics"] = new JsonObject { ["versionSupport"] = true, ["relatedInformation"] = true },
            ["completion"] = new JsonObject { ["completionItem"] = new JsonObject { ["snippetSupport"] = false } },
        },
        ["workspace"] = new JsonObject
        {
            ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true },
            ["workspaceEdit"] = new JsonObject { ["documentChanges"] = false },
        },
    };

    // ------------------------------------------------------------------ sending

    public Task WriteRawAsync(byte[] bytes) => WriteAsync(bytes);

    public Task WriteRawAsync(string text) => WriteAsync(Encoding.UTF8.GetBytes(text));

    /// <summary>Sends a body with a correct Content-Length header.</summary>
    public Task SendBodyAsync(byte[] body) =>
        WriteAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);

    private async Task WriteAsync(byte[] bytes)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _clientOutput.WriteAsync(bytes);
            await _clientOutput.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public void Notify(string method, JsonNode? parameters) =>
        SendBodyAsync(Serialize(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters?.DeepClone() })).GetAwaiter().GetResult();

    /// <summary>Sends a request and returns the whole response message.</summary>
    public Task<JsonElement> RequestAsync(string method, JsonNode? parameters, string? id = null)
    {
        id ??= Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate) _pending[id] = completion;
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = long.TryParse(id, out long n) ? n : id, ["method"] = method };
        if (parameters is not null) message["params"] = parameters.DeepClone();
        SendBodyAsync(Serialize(message)).GetAwaiter().GetResult();
        return completion.Task.WaitAsync(Patience);
    }

    /// <summary>Expects a response for an id sent by other means (raw bytes).</summary>
    public Task<JsonElement> ExpectResponseAsync(string id)
    {
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            foreach (var message in _messages)
            {
                if (IsResponse(message) && IdText(message) == id) return Task.FromResult(message);
            }
            _pending[id] = completion;
        }
        return completion.Task.WaitAsync(Patience);
    }

    /// <summary>Sends a request and returns its result; fails on an error response.</summary>
    public async Task<JsonElement> ResultAsync(string method, JsonNode? parameters)
    {
        var response = await RequestAsync(method, parameters);
        if (response.TryGetProperty("error", out var error)) throw new Xunit.Sdk.XunitException($"{method} failed: {error}\n{Log}");
        return response.GetProperty("result");
    }

    public static int ErrorCode(JsonElement response) => response.GetProperty("error").GetProperty("code").GetInt32();

    // ------------------------------------------------------------------ receiving

    public IReadOnlyList<JsonElement> Messages
    {
        get
        {
            lock (_gate) return _messages.ToList();
        }
    }

    /// <summary>Waits for a message that satisfies <paramref name="predicate"/>, looking at messages from index <paramref name="from"/>.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> predicate, int from = 0, string? what = null)
    {
        using var timeout = new CancellationTokenSource(Patience);
        int index = from;
        while (true)
        {
            lock (_gate)
            {
                for (; index < _messages.Count; index++)
                {
                    if (predicate(_messages[index])) return _messages[index];
                }
            }
            try
            {
                await _arrived.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"timed out waiting for {what ?? "a message"}\nreceived:\n{string.Join("\n", Messages.Select(m => m.ToString()))}\nlog:\n{Log}");
            }
        }
    }

    public int MessageCount
    {
        get
        {
            lock (_gate) return _messages.Count;
        }
    }

    /// <summary>Waits for diagnostics for <paramref name="uri"/> (at <paramref name="version"/> when given).</summary>
    public Task<JsonElement> WaitForDiagnosticsAsync(string uri, int? version = null, int from = 0, Func<JsonElement, bool>? where = null) =>
        WaitForAsync(m => IsNotification(m, "textDocument/publishDiagnostics")
            && m.GetProperty("params").GetProperty("uri").GetString() == uri
            && (version is null || (m.GetProperty("params").TryGetProperty("version", out var v) && v.GetInt32() == version))
            && (where is null || where(m.GetProperty("params"))), from, $"diagnostics for {uri} version {version}")
            .ContinueWith(t => t.Result.GetProperty("params"), TaskScheduler.Default);

    /// <summary>The last diagnostics received for <paramref name="uri"/>, or null.</summary>
    public JsonElement? LatestDiagnostics(string uri)
    {
        lock (_gate)
        {
            for (int i = _messages.Count - 1; i >= 0; i--)
            {
                var m = _messages[i];
                if (IsNotification(m, "textDocument/publishDiagnostics") && m.GetProperty("params").GetProperty("uri").GetString() == uri)
                    return m.GetProperty("params");
            }
        }
        return null;
    }

    public static bool IsNotification(JsonElement message, string method) =>
        !message.TryGetProperty("id", out _) && message.TryGetProperty("method", out var m) && m.GetString() == method;

    private static bool IsResponse(JsonElement message) => !message.TryGetProperty("method", out _);

    private static string? IdText(JsonElement message) =>
        message.TryGetProperty("id", out var id) ? id.ValueKind == JsonValueKind.Number ? id.GetRawText() : id.ValueKind == JsonValueKind.String ? id.GetString() : null : null;

    private async Task ReadLoopAsync()
    {
        var reader = _fromServer;
        var buffer = new List<byte>();
        while (true)
        {
            var result = await reader.ReadAsync();
            foreach (var segment in result.Buffer) buffer.AddRange(segment.Span.ToArray());
            reader.AdvanceTo(result.Buffer.End);
            while (TryTakeMessage(buffer, out var body))
            {
                var message = JsonDocument.Parse(body).RootElement.Clone();
                OnMessage(message);
            }
            if (result.IsCompleted) break;
        }
        _arrived.Release();
    }

    private static bool TryTakeMessage(List<byte> buffer, out byte[] body)
    {
        body = [];
        var bytes = buffer.ToArray();
        int headerEnd = IndexOf(bytes, "\r\n\r\n"u8);
        if (headerEnd < 0) return false;
        string header = Encoding.ASCII.GetString(bytes, 0, headerEnd);
        int length = -1;
        foreach (string line in header.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        }
        if (length < 0) throw new InvalidOperationException("the server sent a header without Content-Length: " + header);
        if (bytes.Length < headerEnd + 4 + length) return false;
        body = bytes.AsSpan(headerEnd + 4, length).ToArray();
        buffer.RemoveRange(0, headerEnd + 4 + length);
        return true;
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);

    private void OnMessage(JsonElement message)
    {
        TaskCompletionSource<JsonElement>? completion = null;
        lock (_gate)
        {
            _messages.Add(message);
            if (IsResponse(message) && IdText(message) is { } id && _pending.Remove(id, out var pending)) completion = pending;
        }
        completion?.TrySetResult(message);
        _arrived.Release();

        // Answer the server's requests (registrations, refreshes).
        if (message.TryGetProperty("method", out _) && message.TryGetProperty("id", out var requestId))
        {
            var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(requestId.GetRawText()), ["result"] = null };
            _ = SendBodyAsync(Serialize(response));
        }
    }

    private static byte[] Serialize(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    // ------------------------------------------------------------------ documents

    public void Open(string uri, string text, int version = 1) =>
        Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "claim", ["version"] = version, ["text"] = text },
        });

    public void Change(string uri, int version, params JsonObject[] changes) =>
        Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(changes.Select(c => (JsonNode)c).ToArray()),
        });

    public static JsonObject Edit(int startLine, int startCharacter, int endLine, int endCharacter, string text) => new()
    {
        ["range"] = Range(startLine, startCharacter, endLine, endCharacter),
        ["text"] = text,
    };

    public static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    public static JsonObject Position(string uri, int line, int character) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri },
        ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
    };

    public static JsonObject Document(string uri) => new() { ["textDocument"] = new JsonObject { ["uri"] = uri } };

    // ------------------------------------------------------------------ lifecycle

    public async Task<int> ShutdownAndExitAsync()
    {
        var response = await RequestAsync("shutdown", null);
        Assert.False(response.TryGetProperty("error", out _), response.ToString());
        Notify("exit", null);
        return await ServerTask.WaitAsync(Patience);
    }

    public async ValueTask DisposeAsync()
    {
        if (!ServerTask.IsCompleted)
        {
            try
            {
                Notify("exit", null);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
            {
            }
        }
        if (_toServer is not null) await _toServer.Writer.CompleteAsync();
        else
        {
            try
            {
                _clientOutput.Close();
            }
            catch (IOException)
            {
            }
        }
        try
        {
            await ServerTask.WaitAsync(Patience);
            await _readLoop.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        }
        _process?.Dispose();
    }
}

/// <summary>How to start <c>claimc</c> (copied into the test output by the project reference) as a child process.</summary>
internal static class ClaimcProcess
{
    public static string Dll
    {
        get
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "claimc.dll");
            Assert.True(File.Exists(dll), $"{dll} is missing");
            return dll;
        }
    }

    public static string Dotnet =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath) ? hostPath
        : Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host
        : "dotnet";

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }
}

/// <summary>A StringWriter that several threads may write to.</summary>
internal sealed class SynchronizedStringWriter : StringWriter
{
    private readonly object _gate = new();
    public override void Write(char value) { lock (_gate) base.Write(value); }
    public override void Write(string? value) { lock (_gate) base.Write(value); }
    public override void WriteLine(string? value) { lock (_gate) base.WriteLine(value); }
    public override string ToString() { lock (_gate) return base.ToString(); }
}

/// <summary>File URIs for test paths.</summary>
internal static class Uris
{
    public static string From(string path) => ClaimLang.Reporting.ReportPaths.ToFileUri(path);
}

/// <summary>A temporary workspace folder that deletes itself.</summary>
internal sealed class TempWorkspace : IDisposable
{
    public TempWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "claimlang-lsp-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        // Resolve links in the temporary folder's own path (macOS /var → /private/var), as the server does.
        Root = Workspace.PathUtil.Resolve(Root) ?? Root;
    }

    public string Root { get; }

    public string Write(string relative, string text)
    {
        string path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Uri(string relative) => Uris.From(PathOf(relative));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
