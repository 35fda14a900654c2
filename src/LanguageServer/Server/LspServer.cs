using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Unicode;
using ClaimLang.LanguageServer.Handlers;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Workspace;

namespace ClaimLang.LanguageServer.Server;

/// <summary>
/// The JSON-RPC endpoint and the LSP lifecycle. One loop reads messages in order: notifications (which change the
/// workspace) run on it; requests run on the thread pool against the workspace snapshot current when they arrived,
/// so they see every edit sent before them and none sent after. Every request gets exactly one response; nothing
/// the client sends can stop the loop except <c>exit</c> or the end of the input.
/// </summary>
internal sealed class LspServer
{
    private enum State { Uninitialized, Running, ShuttingDown }

    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly LanguageServerOptions _options;
    private readonly HandlerRegistry _registry = new();
    private readonly WorkspaceManager _workspace;
    private readonly DiagnosticsScheduler _diagnostics;
    private readonly ServerServices _services;
    private readonly ConcurrentDictionary<RequestId, Inflight> _inflight = new();

    /// <summary>A running request: its cancellation, and the document it is about (for ContentModified).</summary>
    private sealed class Inflight(CancellationTokenSource cancellation, string? documentKey, bool staleOnEdit)
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;
        public string? DocumentKey { get; } = documentKey;
        public bool StaleOnEdit { get; } = staleOnEdit;
        public volatile bool ContentModified;
    }

    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement?>> _outgoing = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly TextWriter _log;
    private readonly object _logLock = new();
    private long _nextOutgoingId;
    private int _running;
    private readonly TaskCompletionSource _idle = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private State _state;
    private ClientInfo _client = ClientInfo.Default;
    private bool _initializedSeen;
    private CancellationTokenSource? _stopReading;

    public LspServer(Stream input, Stream output, LanguageServerOptions options)
    {
        _options = options;
        _log = options.Log ?? Console.Error;
        _reader = new MessageReader(PipeReader.Create(input, new StreamPipeReaderOptions(leaveOpen: true)), options.MaxMessageBytes);
        _writer = new MessageWriter(output, message => WriteStderr("error", message));
        _workspace = new WorkspaceManager(Log);
        _services = new ServerServices(Log);
        _diagnostics = new DiagnosticsScheduler(() => _workspace.Current,
            p => _writer.SendNotification("textDocument/publishDiagnostics", p, typeof(PublishDiagnosticsParams)),
            OnChecked, Log, options.DiagnosticsDelay);
        foreach (var handler in AllHandlers.Create()) handler.Register(_registry);
        foreach (var handler in options.ExtraHandlers) handler.Register(_registry);
    }

    /// <summary>Runs until <c>exit</c> or the end of the input. 0 when <c>shutdown</c> came first, else 1.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stopReading = stopReading;
        cancellationToken = stopReading.Token;
        bool exitRequested = false;
        try
        {
            while (!exitRequested)
            {
                Frame frame;
                try
                {
                    frame = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (IOException e)
                {
                    WriteStderr("error", "cannot read from the client: " + e.Message);
                    break;
                }
                switch (frame.Kind)
                {
                    case FrameKind.EndOfStream:
                        exitRequested = true;
                        if (_state != State.ShuttingDown) WriteStderr("info", "the input ended without 'shutdown' and 'exit'");
                        break;
                    case FrameKind.Error:
                        Log(MessageType.Error, frame.ErrorMessage!);
                        _writer.SendError(frame.Id, frame.ErrorCode, frame.ErrorMessage!);
                        break;
                    default:
                        exitRequested = ProcessBody(frame.Body!);
                        break;
                }
            }
        }
        finally
        {
            await StopAsync().ConfigureAwait(false);
        }
        return _state == State.ShuttingDown ? 0 : 1;
    }

    private async Task StopAsync()
    {
        _lifetime.Cancel();
        await _diagnostics.StopAsync().ConfigureAwait(false);
        foreach (var pending in _outgoing.Values) pending.TrySetCanceled();
        if (Interlocked.Decrement(ref _running) >= 0) await _idle.Task.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _writer.CompleteAsync().ConfigureAwait(false);
    }

    // ------------------------------------------------------------------ decoding

    /// <summary>Handles one message body; true when it was <c>exit</c>.</summary>
    private bool ProcessBody(byte[] body)
    {
        if (!Utf8.IsValid(body))
        {
            Fail(MessageReader.SniffId(body), ErrorCodes.ParseError, "the message is not valid UTF-8");
            return false;
        }
        LoneSurrogates.Replace(body);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 128 });
        }
        catch (JsonException e)
        {
            Fail(MessageReader.SniffId(body), ErrorCodes.ParseError, "the message is not valid JSON: " + e.Message);
            return false;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                Fail(null, ErrorCodes.InvalidRequest, "batch messages are not supported");
                return false;
            }
            if (root.ValueKind != JsonValueKind.Object)
            {
                Fail(null, ErrorCodes.InvalidRequest, "a message must be a JSON object");
                return false;
            }

            RequestId? id = null;
            if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind != JsonValueKind.Null)
            {
                if (!RequestId.TryFrom(idElement, out var parsed))
                {
                    Fail(null, ErrorCodes.InvalidRequest, "the id must be a string or an integer");
                    return false;
                }
                id = parsed;
            }
            if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
            {
                Fail(id, ErrorCodes.InvalidRequest, "the message must have \"jsonrpc\": \"2.0\"");
                return false;
            }

            if (!root.TryGetProperty("method", out var methodElement))
            {
                if (id is { } responseId && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _)))
                {
                    OnResponse(responseId, root);
                    return false;
                }
                Fail(id, ErrorCodes.InvalidRequest, "the message has no method");
                return false;
            }
            if (methodElement.ValueKind != JsonValueKind.String)
            {
                Fail(id, ErrorCodes.InvalidRequest, "the method must be a string");
                return false;
            }
            string method = methodElement.GetString()!;

            JsonElement? parameters = null;
            if (root.TryGetProperty("params", out var paramsElement))
            {
                if (paramsElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null))
                {
                    Fail(id, ErrorCodes.InvalidParams, $"{method}: params must be an object or an array");
                    return false;
                }
                parameters = paramsElement.Clone();
            }

            if (id is { } requestId)
            {
                OnRequest(requestId, method, parameters);
                return false;
            }
            return OnNotification(method, parameters);
        }
    }

    private void Fail(RequestId? id, int code, string message)
    {
        Log(MessageType.Error, message);
        _writer.SendError(id, code, message);
    }

    // ------------------------------------------------------------------ requests

    private void OnRequest(RequestId id, string method, JsonElement? parameters)
    {
        if (method == "initialize")
        {
            if (_state != State.Uninitialized)
            {
                _writer.SendError(id, ErrorCodes.InvalidRequest, "the server is already initialized");
                return;
            }
            try
            {
                var result = Initialize(HandlerRegistry.ReadParams<InitializeParams>(method, parameters));
                _writer.SendResponse(id, result, typeof(InitializeResult));
                _state = State.Running;
            }
            catch (LspException e)
            {
                _writer.SendError(id, e.Code, e.Message);
            }
            return;
        }
        if (_state == State.Uninitialized)
        {
            _writer.SendError(id, ErrorCodes.ServerNotInitialized, $"{method}: the server has not been initialized");
            return;
        }
        if (_state == State.ShuttingDown)
        {
            _writer.SendError(id, ErrorCodes.InvalidRequest, $"{method}: the server is shutting down");
            return;
        }
        if (method == "shutdown")
        {
            _state = State.ShuttingDown;
            _ = _diagnostics.StopAsync();
            _writer.SendResponse(id, null, typeof(object));
            return;
        }
        if (!_registry.TryGetRequest(method, out var registration))
        {
            _writer.SendError(id, ErrorCodes.MethodNotFound, $"unknown method '{method}'");
            return;
        }
        EnsureLoaded();

        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        var inflight = new Inflight(cancellation, DocumentKeyOf(parameters), registration.StaleOnEdit);
        if (!_inflight.TryAdd(id, inflight))
        {
            cancellation.Dispose();
            _writer.SendError(id, ErrorCodes.InvalidRequest, $"{method}: a request with the id {id} is still running");
            return;
        }
        var context = new RequestContext(_workspace.Current, _client, _services);
        Interlocked.Increment(ref _running);
        _ = Task.Run(() => Execute(id, registration, parameters, context, inflight));
    }

    private static string? DocumentKeyOf(JsonElement? parameters) =>
        parameters is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("textDocument", out var document)
        && document.ValueKind == JsonValueKind.Object && document.TryGetProperty("uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? DocumentKeys.FromUri(uri.GetString()!)
            : null;

    private void Execute(RequestId id, RequestRegistration registration, JsonElement? parameters, RequestContext context, Inflight inflight)
    {
        var cancellation = inflight.Cancellation;
        try
        {
            cancellation.Token.ThrowIfCancellationRequested();
            object? result = registration.Invoke(parameters, context, cancellation.Token);
            _writer.SendResponse(id, result, registration.ResultType);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            if (inflight.ContentModified)
                _writer.SendError(id, ErrorCodes.ContentModified, $"{registration.Method}: the document changed while the request ran");
            else
                _writer.SendError(id, ErrorCodes.RequestCancelled, $"{registration.Method}: the request was cancelled");
        }
        catch (LspException e)
        {
            if (e.Code != ErrorCodes.RequestCancelled) Log(MessageType.Warning, e.Message);
            _writer.SendError(id, e.Code, e.Message);
        }
        catch (Exception e)
        {
            Log(MessageType.Error, $"{registration.Method} failed: {e}");
            _writer.SendError(id, ErrorCodes.InternalError, $"{registration.Method} failed: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            _inflight.TryRemove(id, out _);
            cancellation.Dispose();
            if (Interlocked.Decrement(ref _running) < 0) _idle.TrySetResult();
        }
    }

    private InitializeResult Initialize(InitializeParams parameters)
    {
        _client = ClientInfo.From(parameters.Capabilities);
        var folders = new List<string>();
        if (parameters.WorkspaceFolders is { } workspaceFolders)
        {
            foreach (var folder in workspaceFolders)
            {
                if (DocumentKeys.TryGetPath(folder.Uri, out string? path)) folders.Add(path!);
                else Log(MessageType.Warning, $"workspace folder '{folder.Uri}' is not a file URI; it is ignored");
            }
        }
        else if (parameters.RootUri is { } rootUri && DocumentKeys.TryGetPath(rootUri, out string? rootPath))
        {
            folders.Add(rootPath!);
        }
        else if (!string.IsNullOrEmpty(parameters.RootPath) && Path.IsPathFullyQualified(parameters.RootPath))
        {
            folders.Add(parameters.RootPath);
        }
        _workspace.SetFolders(folders);
        if (parameters.ProcessId is int parent) WatchParent(parent);
        return new InitializeResult(ServerCapabilitiesBuilder.Build(), new ServerInfo("claimlang", LanguageServerHost.Version));
    }

    /// <summary>
    /// The protocol asks the server to exit when the process that started it is gone (so that no server outlives its
    /// editor). Checked every few seconds; the exit code is then 1.
    /// </summary>
    private void WatchParent(int processId)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                while (!_lifetime.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), _lifetime.Token).ConfigureAwait(false);
                    if (IsRunning(processId)) continue;
                    WriteStderr("info", $"the client process {processId} has exited; stopping");
                    _stopReading?.Cancel();
                    return;
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
        });
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return true; // exists, but we may not look at it
        }
        catch (NotSupportedException)
        {
            return true;
        }
    }

    private void EnsureLoaded()
    {
        if (_workspace.IsLoaded) return;
        try
        {
            _workspace.Reload();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log(MessageType.Error, "loading the workspace failed: " + e);
        }
        _diagnostics.Start();
        _diagnostics.Request();
    }

    // ------------------------------------------------------------------ notifications

    /// <summary>Handles a notification; true for <c>exit</c>.</summary>
    private bool OnNotification(string method, JsonElement? parameters)
    {
        if (method == "exit") return true;
        if (_state != State.Running)
        {
            if (_state == State.Uninitialized) WriteStderr("warning", $"{method} ignored: the server has not been initialized");
            return false;
        }
        switch (method)
        {
            case "initialized":
                if (!_initializedSeen)
                {
                    _initializedSeen = true;
                    EnsureLoaded();
                    RegisterWatchers();
                }
                return false;
            case "$/cancelRequest":
                Cancel(parameters);
                return false;
        }
        if (!_registry.TryGetNotification(method, out var registration))
        {
            // "$/" notifications may be ignored; others are logged so that a typo in a client shows up.
            if (!method.StartsWith("$/", StringComparison.Ordinal)) WriteStderr("info", $"ignored unknown notification '{method}'");
            return false;
        }
        EnsureLoaded();
        int before = _workspace.Current.Version;
        try
        {
            registration.Invoke(parameters, new NotificationContext(_workspace, _client, _services));
        }
        catch (LspException e)
        {
            Log(MessageType.Warning, e.Message);
        }
        catch (Exception e)
        {
            Log(MessageType.Error, $"{method} failed: {e}");
        }
        if (_workspace.Current.Version != before)
        {
            _diagnostics.Request();
            if (method is "textDocument/didChange" or "textDocument/didClose" && DocumentKeyOf(parameters) is { } key) MarkStale(key);
        }
        return false;
    }

    /// <summary>Cancels the running requests about a document that just changed (they answer ContentModified).</summary>
    private void MarkStale(string documentKey)
    {
        foreach (var inflight in _inflight.Values)
        {
            if (!inflight.StaleOnEdit || inflight.DocumentKey is null || !DocumentKeys.Comparer.Equals(inflight.DocumentKey, documentKey)) continue;
            inflight.ContentModified = true;
            try
            {
                inflight.Cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private void Cancel(JsonElement? parameters)
    {
        if (parameters is not { ValueKind: JsonValueKind.Object } p || !p.TryGetProperty("id", out var idElement) || !RequestId.TryFrom(idElement, out var id))
        {
            WriteStderr("warning", "$/cancelRequest without a valid id");
            return;
        }
        if (_inflight.TryGetValue(id, out var inflight))
        {
            try
            {
                inflight.Cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It finished meanwhile.
            }
        }
    }

    // ------------------------------------------------------------------ server → client

    private void RegisterWatchers()
    {
        if (!_client.WatchedFilesDynamicRegistration) return;
        var options = JsonSerializer.SerializeToElement(new
        {
            watchers = new object[]
            {
                new { globPattern = "**/*.claim" },
                new { globPattern = "**/" + Configuration.WorkspaceRoot.ConfigFileName },
            },
        }, LspJson.Options);
        _ = SendRequestAsync("client/registerCapability",
            new RegistrationParams([new Registration("claimlang-watched-files", "workspace/didChangeWatchedFiles", options)]));
    }

    private void OnChecked(bool refresh)
    {
        if (!refresh || _state != State.Running) return;
        if (_client.SemanticTokensRefresh) _ = SendRequestAsync<object>("workspace/semanticTokens/refresh", null);
        if (_client.CodeLensRefresh) _ = SendRequestAsync<object>("workspace/codeLens/refresh", null);
        if (_client.InlayHintRefresh) _ = SendRequestAsync<object>("workspace/inlayHint/refresh", null);
    }

    private async Task SendRequestAsync<T>(string method, T? parameters)
    {
        long number = Interlocked.Increment(ref _nextOutgoingId);
        var completion = new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _outgoing[number] = completion;
        _writer.SendRequest(new RequestId(number), method, parameters, typeof(T));
        try
        {
            await completion.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        catch (LspException e)
        {
            WriteStderr("warning", $"{method} failed in the client: {e.Message}");
        }
    }

    private void OnResponse(RequestId id, JsonElement root)
    {
        if (id.IsString || !_outgoing.TryRemove(id.Number, out var completion))
        {
            WriteStderr("warning", $"response to unknown request {id}");
            return;
        }
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            string message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "error";
            int code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out int n) ? n : ErrorCodes.UnknownErrorCode;
            completion.TrySetException(new LspException(code, message));
        }
        else
        {
            completion.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : null);
        }
    }

    // ------------------------------------------------------------------ logging

    private void Log(int type, string message)
    {
        WriteStderr(type switch { MessageType.Error => "error", MessageType.Warning => "warning", MessageType.Info => "info", _ => "log" }, message);
        if (type <= MessageType.Warning && _state != State.ShuttingDown)
            _writer.SendNotification("window/logMessage", new LogMessageParams(type, message), typeof(LogMessageParams));
    }

    private void WriteStderr(string level, string message)
    {
        try
        {
            lock (_logLock)
            {
                _log.WriteLine($"[claimlang {level}] {message}");
                _log.Flush();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }
}
