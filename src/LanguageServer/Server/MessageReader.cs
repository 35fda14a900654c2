using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using ClaimLang.LanguageServer.Protocol;

namespace ClaimLang.LanguageServer.Server;

internal enum FrameKind
{
    /// <summary>A complete message body (not yet checked for UTF-8 or JSON).</summary>
    Message,
    /// <summary>Something was wrong with the framing; the server answers with an error and keeps reading.</summary>
    Error,
    /// <summary>The input ended.</summary>
    EndOfStream,
}

internal readonly record struct Frame(FrameKind Kind, byte[]? Body = null, int ErrorCode = 0, string? ErrorMessage = null, RequestId? Id = null)
{
    public static Frame End => new(FrameKind.EndOfStream);
    public static Frame Failure(int code, string message, RequestId? id = null) => new(FrameKind.Error, null, code, message, id);
}

/// <summary>
/// Reads the LSP base protocol: header lines (<c>Content-Length</c> is required, <c>Content-Type</c> may name the
/// charset, which must be UTF-8), an empty line, then the body. It never trusts the input: a header section that is
/// garbage is skipped (resynchronising at the next <c>Content-Length:</c> it can find), an over-long header line is
/// dropped without being buffered, and a body larger than the limit is read and thrown away in pieces while its
/// request id is picked out of the first bytes, so that the client still gets an error response.
/// </summary>
internal sealed class MessageReader
{
    /// <summary>A header line longer than this is junk.</summary>
    internal const int MaxHeaderLineBytes = 4096;
    private const int SniffBytes = 4096;
    private static ReadOnlySpan<byte> ContentLengthName => "content-length"u8;

    private readonly PipeReader _reader;
    private readonly long _maxBodyBytes;
    private Frame? _pending;

    public MessageReader(PipeReader reader, long maxBodyBytes)
    {
        _reader = reader;
        _maxBodyBytes = maxBodyBytes;
    }

    public async ValueTask<Frame> ReadAsync(CancellationToken cancellationToken)
    {
        if (_pending is { } pending)
        {
            _pending = null;
            return pending;
        }

        var header = new HeaderState();
        if (!await ReadHeadersAsync(header, cancellationToken).ConfigureAwait(false)) return Frame.End;

        if (header.ContentLength is not long length)
        {
            string why = header.Problem ?? "the header has no Content-Length";
            return Frame.Failure(ErrorCodes.ParseError, "malformed message header: " + why);
        }

        Frame message;
        if (length > _maxBodyBytes)
        {
            var (sniffed, complete) = await DiscardAsync(length, cancellationToken).ConfigureAwait(false);
            if (!complete) return Frame.End;
            message = Frame.Failure(ErrorCodes.InvalidRequest,
                $"the message has {length} bytes, more than the limit of {_maxBodyBytes} bytes; it was ignored", sniffed);
        }
        else
        {
            var body = await ReadBodyAsync((int)length, cancellationToken).ConfigureAwait(false);
            if (body is null) return Frame.End;
            message = header.BadCharset is { } charset
                ? Frame.Failure(ErrorCodes.ParseError, $"unsupported charset '{charset}': messages must be UTF-8", SniffId(body))
                : new Frame(FrameKind.Message, body);
        }

        if (header.Junk)
        {
            // Report the garbage before the message that followed it.
            _pending = message;
            return Frame.Failure(ErrorCodes.ParseError, "malformed message header: " + (header.Problem ?? "unreadable header line") + "; skipped it");
        }
        return message;
    }

    private sealed class HeaderState
    {
        public long? ContentLength;
        public bool AnyHeader;
        public bool Junk;
        public string? Problem;
        public string? BadCharset;

        public void Fail(string problem)
        {
            Junk = true;
            Problem ??= problem;
        }
    }

    /// <summary>Reads header lines up to the empty line; false at the end of the input.</summary>
    private async ValueTask<bool> ReadHeadersAsync(HeaderState header, CancellationToken cancellationToken)
    {
        bool discardingLongLine = false;
        var lineBuffer = new byte[MaxHeaderLineBytes];
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var reader = new SequenceReader<byte>(buffer);
            bool done = false;
            while (reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
            {
                if (discardingLongLine)
                {
                    discardingLongLine = false;
                    continue;
                }
                if (line.Length > MaxHeaderLineBytes)
                {
                    header.Fail("a header line is too long");
                    continue;
                }
                Span<byte> bytes = lineBuffer.AsSpan(0, (int)line.Length);
                line.CopyTo(bytes);
                if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
                if (bytes.IsEmpty)
                {
                    // Stray empty lines between messages are harmless; the first one after headers ends them.
                    if (header.AnyHeader || header.Junk)
                    {
                        done = true;
                        break;
                    }
                    continue;
                }
                ParseHeaderLine(bytes, header);
            }

            if (done)
            {
                _reader.AdvanceTo(reader.Position);
                return true;
            }
            if (result.IsCompleted)
            {
                _reader.AdvanceTo(buffer.End);
                return false;
            }
            if (reader.Remaining > MaxHeaderLineBytes)
            {
                // A line without an end that is already too long: drop what there is and the rest of the line.
                header.Fail("a header line is too long");
                discardingLongLine = true;
                _reader.AdvanceTo(buffer.End);
                continue;
            }
            _reader.AdvanceTo(reader.Position, buffer.End);
        }
    }

    private static void ParseHeaderLine(ReadOnlySpan<byte> line, HeaderState header)
    {
        int colon = line.IndexOf((byte)':');
        if (colon <= 0 || !IsToken(line[..colon]))
        {
            // Garbage, perhaps the rest of a body followed by the next header: resynchronise on Content-Length.
            int at = IndexOfIgnoreCase(line, "content-length:"u8);
            header.Fail("unexpected data before the header");
            if (at <= 0) return;
            line = line[at..];
            colon = "content-length".Length;
        }
        var name = line[..colon];
        var value = Trim(line[(colon + 1)..]);
        header.AnyHeader = true;
        if (EqualsIgnoreCase(name, ContentLengthName))
        {
            if (!TryParseLength(value, out long length))
            {
                header.Fail("Content-Length is not a number");
                header.ContentLength = null;
                return;
            }
            header.ContentLength = length;
        }
        else if (EqualsIgnoreCase(name, "content-type"u8))
        {
            string text = Encoding.ASCII.GetString(value);
            int charsetAt = text.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
            if (charsetAt >= 0)
            {
                string charset = text[(charsetAt + "charset=".Length)..];
                int semicolon = charset.IndexOf(';');
                if (semicolon >= 0) charset = charset[..semicolon];
                charset = charset.Trim().Trim('"');
                if (!charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
                    header.BadCharset = charset;
            }
        }
        // Other headers are ignored.
    }

    private static bool TryParseLength(ReadOnlySpan<byte> value, out long length)
    {
        length = 0;
        if (value.IsEmpty || value.Length > 18) return false;
        foreach (byte b in value)
        {
            if (b < (byte)'0' || b > (byte)'9') return false;
            length = length * 10 + (b - '0');
        }
        return true;
    }

    private static bool IsToken(ReadOnlySpan<byte> name)
    {
        foreach (byte b in name)
        {
            bool ok = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_' || b == '.';
            if (!ok) return false;
        }
        return true;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> value)
    {
        int start = 0, end = value.Length;
        while (start < end && (value[start] == ' ' || value[start] == '\t')) start++;
        while (end > start && (value[end - 1] == ' ' || value[end - 1] == '\t')) end--;
        return value[start..end];
    }

    private static bool EqualsIgnoreCase(ReadOnlySpan<byte> a, ReadOnlySpan<byte> lowerB)
    {
        if (a.Length != lowerB.Length) return false;
        for (int i = 0; i < a.Length; i++)
        {
            byte c = a[i];
            if (c >= 'A' && c <= 'Z') c = (byte)(c + 32);
            if (c != lowerB[i]) return false;
        }
        return true;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> lowerNeedle)
    {
        for (int i = 0; i + lowerNeedle.Length <= haystack.Length; i++)
        {
            if (EqualsIgnoreCase(haystack.Slice(i, lowerNeedle.Length), lowerNeedle)) return i;
        }
        return -1;
    }

    private async ValueTask<byte[]?> ReadBodyAsync(int length, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length >= length)
            {
                var slice = buffer.Slice(0, length);
                byte[] body = slice.ToArray();
                _reader.AdvanceTo(slice.End);
                return body;
            }
            if (result.IsCompleted)
            {
                _reader.AdvanceTo(buffer.End);
                return null;
            }
            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Reads and drops <paramref name="length"/> bytes, keeping the first few to find the request id.</summary>
    private async ValueTask<(RequestId? Id, bool Complete)> DiscardAsync(long length, CancellationToken cancellationToken)
    {
        var head = new byte[SniffBytes];
        int headLength = 0;
        long remaining = length;
        while (remaining > 0)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            long take = Math.Min(remaining, buffer.Length);
            var slice = buffer.Slice(0, take);
            if (headLength < head.Length)
            {
                var part = slice.Slice(0, Math.Min(slice.Length, head.Length - headLength));
                part.CopyTo(head.AsSpan(headLength));
                headLength += (int)part.Length;
            }
            remaining -= take;
            _reader.AdvanceTo(slice.End);
            if (remaining > 0 && result.IsCompleted) return (null, false);
        }
        return (SniffId(head.AsSpan(0, headLength)), true);
    }

    /// <summary>
    /// Picks the top-level <c>"id"</c> out of a (possibly partial or broken) message, so that an error response can
    /// name the request it answers. Null when there is none or it cannot be read.
    /// </summary>
    internal static RequestId? SniffId(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, isFinalBlock: false, state: default);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName) return null;
                bool isId = reader.ValueTextEquals("id"u8);
                if (!reader.Read()) return null;
                if (isId)
                {
                    if (reader.TokenType == JsonTokenType.String) return new RequestId(reader.GetString()!);
                    if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long n)) return new RequestId(n);
                    return null;
                }
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) return null;
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
            // A string with invalid UTF-8.
        }
        return null;
    }
}
