using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using ClaimLang.LanguageServer.Protocol;

namespace ClaimLang.LanguageServer.Server;

/// <summary>
/// Writes messages with their <c>Content-Length</c> header. Any thread may enqueue; one loop writes, so messages
/// never interleave, and it flushes whenever the queue runs empty. When the output fails (the client went away)
/// further messages are dropped.
/// </summary>
internal sealed class MessageWriter
{
    private readonly Stream _output;
    private readonly Channel<byte[]> _queue = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private readonly Action<string> _log;

    public MessageWriter(Stream output, Action<string> log)
    {
        _output = output;
        _log = log;
        _loop = Task.Run(WriteLoopAsync);
    }

    public bool Failed { get; private set; }

    public void SendResponse(RequestId id, object? result, Type resultType) =>
        Enqueue(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WritePropertyName("result");
            if (result is null) writer.WriteNullValue();
            else JsonSerializer.Serialize(writer, result, resultType, LspJson.Options);
            writer.WriteEndObject();
        });

    public void SendError(RequestId? id, int code, string message) =>
        Enqueue(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            if (id is { } value) value.WriteTo(writer);
            else writer.WriteNullValue();
            writer.WriteStartObject("error");
            writer.WriteNumber("code", code);
            writer.WriteString("message", message);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    public void SendNotification(string method, object? parameters, Type parametersType) =>
        Enqueue(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("method", method);
            if (parameters is not null)
            {
                writer.WritePropertyName("params");
                JsonSerializer.Serialize(writer, parameters, parametersType, LspJson.Options);
            }
            writer.WriteEndObject();
        });

    public void SendRequest(RequestId id, string method, object? parameters, Type parametersType) =>
        Enqueue(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WritePropertyName("id");
            id.WriteTo(writer);
            writer.WriteString("method", method);
            if (parameters is not null)
            {
                writer.WritePropertyName("params");
                JsonSerializer.Serialize(writer, parameters, parametersType, LspJson.Options);
            }
            writer.WriteEndObject();
        });

    private void Enqueue(Action<Utf8JsonWriter> write)
    {
        if (Failed) return;
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }
        _queue.Writer.TryWrite(buffer.WrittenSpan.ToArray());
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var body))
                {
                    byte[] header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
                    await _output.WriteAsync(header).ConfigureAwait(false);
                    await _output.WriteAsync(body).ConfigureAwait(false);
                }
                await _output.FlushAsync().ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or NotSupportedException or InvalidOperationException)
        {
            Failed = true;
            _log("cannot write to the client: " + e.Message);
            while (reader.TryRead(out _)) { }
        }
    }

    /// <summary>Stops accepting messages and waits until everything queued has been written.</summary>
    public async Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }
}
