using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimLang.Bench.Infrastructure;

namespace ClaimLang.Bench.Lsp;

/// <summary>A message the server sent, stamped when its body had been read (<see cref="Stopwatch.GetTimestamp"/>).</summary>
internal readonly record struct ServerMessage(string? Method, JsonElement Params, long Timestamp);

/// <summary>
/// A minimal LSP client over a child process's standard streams: Content-Length framing, requests with ids and
/// awaited responses, notifications, and a null answer to any request the server makes of the client (registrations,
/// configuration, progress). A dedicated thread reads the server's output and stamps each message on arrival, so
/// latencies are measured from the send to the moment the answer is in.
/// </summary>
internal sealed class JsonRpcClient : IDisposable
{
    private readonly Process _process;
    private readonly Stream _input;
    private readonly Stream _output;
    private readonly object _writeLock = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<(JsonElement Result, long Timestamp)>> _pending = new();
    private readonly List<(Func<ServerMessage, bool> Match, TaskCompletionSource<ServerMessage> Done)> _waiters = [];
    private readonly Thread _reader;
    private readonly Task<string> _stderr;
    private long _nextId;
    private volatile bool _closed;

    public long StartTimestamp { get; }
    public int ProcessId => _process.Id;
    public Action<ServerMessage>? OnNotification { get; set; }

    public JsonRpcClient(ToolCommand server, IEnumerable<string> args, string workingDirectory)
    {
        var info = ChildProcess.StartInfo(server, args, workingDirectory);
        info.StandardOutputEncoding = null;
        StartTimestamp = Stopwatch.GetTimestamp();
        _process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + server);
        _input = _process.StandardInput.BaseStream;
        _output = new BufferedStream(_process.StandardOutput.BaseStream, 1 << 16);
        _stderr = Task.Run(() =>
        {
            // Keep only the tail: the server may log a lot.
            var tail = new StringBuilder();
            string? line;
            while ((line = _process.StandardError.ReadLine()) is not null)
            {
                tail.AppendLine(line);
                if (tail.Length > 8000) tail.Remove(0, tail.Length - 4000);
            }
            return tail.ToString();
        });
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "lsp-client-reader" };
        _reader.Start();
    }

    public string StandardErrorTail => _stderr.IsCompleted ? _stderr.Result : "(still running)";

    public bool HasExited => _process.HasExited;

    // ------------------------------------------------------------------ sending

    public async Task<(JsonElement Result, long Timestamp)> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        long id = Interlocked.Increment(ref _nextId);
        var done = new TaskCompletionSource<(JsonElement, long)>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = done;
        Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var finished = await Task.WhenAny(done.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (finished != done.Task)
        {
            _pending.TryRemove(id, out _);
            throw new TimeoutException($"no answer to {method} within {timeout.TotalSeconds:F0} s; server stderr: {StandardErrorTail}");
        }
        return await done.Task.ConfigureAwait(false);
    }

    public void Notify(string method, JsonNode? parameters) =>
        Write(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>Registers a wait for a notification matching <paramref name="match"/>; call before sending what causes it.</summary>
    public Task<ServerMessage> Expect(Func<ServerMessage, bool> match)
    {
        var done = new TaskCompletionSource<ServerMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters) _waiters.Add((match, done));
        return done.Task;
    }

    public static async Task<T> WithTimeout<T>(Task<T> task, TimeSpan timeout, string what)
    {
        if (await Task.WhenAny(task, Task.Delay(timeout)).ConfigureAwait(false) != task)
            throw new TimeoutException($"timed out after {timeout.TotalSeconds:F0} s waiting for {what}");
        return await task.ConfigureAwait(false);
    }

    private void Write(JsonObject message)
    {
        byte[] body = Encoding.UTF8.GetBytes(message.ToJsonString());
        byte[] header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
        lock (_writeLock)
        {
            _input.Write(header);
            _input.Write(body);
            _input.Flush();
        }
    }

    // ------------------------------------------------------------------ receiving

    private void ReadLoop()
    {
        try
        {
            while (!_closed)
            {
                int length = ReadHeaders();
                if (length < 0) break;
                byte[] body = new byte[length];
                int read = 0;
                while (read < length)
                {
                    int n = _output.Read(body, read, length - read);
                    if (n <= 0) return;
                    read += n;
                }
                long stamp = Stopwatch.GetTimestamp();
                Dispatch(body, stamp);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
        finally
        {
            foreach (var pending in _pending.Values) pending.TrySetException(new IOException("the server closed its output"));
            lock (_waiters)
            {
                foreach (var (_, done) in _waiters) done.TrySetException(new IOException("the server closed its output"));
            }
        }
    }

    /// <summary>Reads header lines up to the empty one; the Content-Length, or -1 at the end of the stream.</summary>
    private int ReadHeaders()
    {
        int length = -1;
        var line = new StringBuilder();
        while (true)
        {
            int b = _output.ReadByte();
            if (b < 0) return -1;
            if (b == '\n')
            {
                string text = line.ToString().TrimEnd('\r');
                line.Clear();
                if (text.Length == 0)
                {
                    if (length >= 0) return length;
                    continue;
                }
                int colon = text.IndexOf(':');
                if (colon > 0 && text[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    length = int.Parse(text[(colon + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
            else
            {
                line.Append((char)b);
            }
        }
    }

    private void Dispatch(byte[] body, long stamp)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement.Clone();
        bool hasMethod = root.TryGetProperty("method", out var methodElement);
        bool hasId = root.TryGetProperty("id", out var idElement);
        if (!hasMethod && hasId)
        {
            if (idElement.ValueKind == JsonValueKind.Number && _pending.TryRemove(idElement.GetInt64(), out var done))
            {
                if (root.TryGetProperty("error", out var error)) done.TrySetException(new InvalidOperationException("LSP error: " + error.GetRawText()));
                else done.TrySetResult((root.TryGetProperty("result", out var result) ? result : default, stamp));
            }
            return;
        }
        if (hasMethod && hasId)
        {
            // A request from the server (client/registerCapability, workspace/configuration, …): answer null.
            var answer = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(idElement.GetRawText()), ["result"] = null };
            Write(answer);
            return;
        }
        var message = new ServerMessage(methodElement.GetString(), root.TryGetProperty("params", out var p) ? p : default, stamp);
        OnNotification?.Invoke(message);
        lock (_waiters)
        {
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (!_waiters[i].Match(message)) continue;
                _waiters[i].Done.TrySetResult(message);
                _waiters.RemoveAt(i);
            }
        }
    }

    // ------------------------------------------------------------------ shutting down

    /// <summary>shutdown, exit, and wait for the process (killed if it lingers).</summary>
    public async Task ShutdownAsync()
    {
        try
        {
            await RequestAsync("shutdown", null, TimeSpan.FromSeconds(60)).ConfigureAwait(false);
            Notify("exit", null);
            _input.Close();
        }
        catch (Exception e) when (e is IOException or TimeoutException or InvalidOperationException or ObjectDisposedException)
        {
        }
        if (!_process.WaitForExit(TimeSpan.FromSeconds(20))) _process.Kill(entireProcessTree: true);
    }

    public void Dispose()
    {
        _closed = true;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
