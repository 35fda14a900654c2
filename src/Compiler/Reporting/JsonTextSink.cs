using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ClaimLang.Reporting;

/// <summary>
/// Lets a <see cref="Utf8JsonWriter"/> write to a <see cref="TextWriter"/> in pieces: the writer fills a small
/// UTF-8 buffer, which <see cref="Drain"/> decodes into the text writer and empties, so that a report of any size
/// is never held in memory as a whole (neither as bytes nor as one string).
/// </summary>
internal sealed class JsonTextSink
{
    private const int DrainThreshold = 1 << 15;

    private readonly ArrayBufferWriter<byte> _buffer = new(DrainThreshold * 2);
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
    private readonly TextWriter _output;
    private char[] _chars = new char[DrainThreshold * 2];

    public JsonTextSink(TextWriter output) => _output = output;

    public IBufferWriter<byte> Buffer => _buffer;

    /// <summary>Passes the bytes written so far on to the text writer when enough have gathered (or always, when <paramref name="force"/>).</summary>
    public void Drain(Utf8JsonWriter json, bool force = false)
    {
        if (!force && json.BytesPending + _buffer.WrittenCount < DrainThreshold) return;
        json.Flush();
        var bytes = _buffer.WrittenSpan;
        if (!bytes.IsEmpty)
        {
            int needed = _decoder.GetCharCount(bytes, flush: force);
            if (needed > _chars.Length) _chars = new char[needed];
            int count = _decoder.GetChars(bytes, _chars, flush: force);
            _output.Write(_chars, 0, count);
            _buffer.ResetWrittenCount();
        }
    }
}
