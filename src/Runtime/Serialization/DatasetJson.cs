using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClaimLang.Runtime.Serialization;

namespace ClaimLang.Runtime;

/// <summary>
/// Reads and writes <c>dataset.json</c>. This is the one JSON writer of the model: the compiler's emitter
/// writes through it. Output is deterministic: UTF-8 without a byte-order mark, two-space indentation,
/// <c>\n</c> line breaks (also on Windows), a fixed property order, every property present
/// (null or [] when absent), and a final line break.
/// </summary>
public static class DatasetJson
{
    private static readonly DatasetJsonContext IndentedContext = new(CreateOptions(indented: true));
    private static readonly DatasetJsonContext CompactContext = new(CreateOptions(indented: false));

    private static readonly byte[] NewLine = "\n"u8.ToArray();

    internal static DatasetJsonContext Indented => IndentedContext;

    internal static DatasetJsonContext Compact => CompactContext;

    /// <summary>Writes <paramref name="dataset"/> as <c>dataset.json</c> to <paramref name="stream"/>.</summary>
    public static void Write(ClaimDataset dataset, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(stream);

        // Streamed one entity at a time, each written member by member (EntityJsonWriter, the same bytes as
        // serialising the whole DatasetDto at once) without a DTO per entity or a copy of the dataset; the writer
        // flushes to the stream as its buffer fills.
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("format"u8, ClaimDataset.FormatName);
        writer.WriteNumber("version"u8, ClaimDataset.CurrentVersion);

        writer.WritePropertyName("sources"u8);
        writer.WriteStartArray();
        foreach (var source in dataset.Sources.AsSpan())
        {
            EntityJsonWriter.Write(writer, source);
            FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("actors"u8);
        writer.WriteStartArray();
        foreach (var actor in dataset.Actors.AsSpan())
        {
            EntityJsonWriter.Write(writer, actor);
            FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("places"u8);
        writer.WriteStartArray();
        foreach (var place in dataset.Places.AsSpan())
        {
            EntityJsonWriter.Write(writer, place);
            FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("predicates"u8);
        writer.WriteStartArray();
        foreach (var predicate in dataset.Predicates.AsSpan())
        {
            EntityJsonWriter.Write(writer, predicate);
            FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("hypotheses"u8);
        writer.WriteStartArray();
        foreach (var hypothesis in dataset.Hypotheses.AsSpan())
        {
            EntityJsonWriter.Write(writer, hypothesis);
            FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        writer.WritePropertyName("claims"u8);
        writer.WriteStartArray();
        if (dataset.Claims.Count >= 2 * ClaimsPerBlock && Environment.ProcessorCount > 1)
        {
            // The claims (nearly all of a large file) are written in blocks on the available cores; the blocks
            // carry the rest of the document, so this writer stops here.
            writer.Flush();
            WriteClaimsInBlocks(dataset.Claims, stream);
            return;
        }

        foreach (var claim in dataset.Claims.AsSpan())
        {
            EntityJsonWriter.Write(writer, claim);
            FlushWhenFull(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        stream.Write(NewLine);
    }

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = IndentedContext.Options.WriteIndented,
        IndentSize = IndentedContext.Options.IndentSize,
        IndentCharacter = IndentedContext.Options.IndentCharacter,
        NewLine = IndentedContext.Options.NewLine,
        Encoder = IndentedContext.Options.Encoder,
        MaxDepth = IndentedContext.Options.MaxDepth,
        SkipValidation = true,
    };

    private const int ClaimsPerBlock = 2048;

    /// <summary>
    /// Writes the items of the <c>claims</c> array and the end of the document, after <c>"claims": [</c>: each
    /// block of claims is written on the thread pool by a writer of its own, which is first brought to the same
    /// nesting (<c>{"claims":[</c>, a prefix that is then left out) so that its bytes are exactly those one writer
    /// would have written; blocks after the first are joined by the comma that separates array items. The last
    /// block also closes the array and the document. Blocks reach the stream in order; a few are in flight at a
    /// time, in buffers that are used again.
    /// </summary>
    private static void WriteClaimsInBlocks(EquatableArray<Claim> claims, Stream stream)
    {
        int blocks = (claims.Count + ClaimsPerBlock - 1) / ClaimsPerBlock;
        int window = 2 * Environment.ProcessorCount;
        var buffers = new System.Collections.Concurrent.ConcurrentBag<ArrayBufferWriter<byte>>();
        var pending = new Queue<Task<(ArrayBufferWriter<byte> Buffer, int Start)>>();

        void WriteOut(Task<(ArrayBufferWriter<byte> Buffer, int Start)> task, bool first)
        {
            var (buffer, start) = task.GetAwaiter().GetResult();
            if (!first)
            {
                stream.WriteByte((byte)',');
            }

            stream.Write(buffer.WrittenSpan[start..]);
            buffers.Add(buffer);
        }

        try
        {
            int written = 0;
            for (int block = 0; block < blocks; block++)
            {
                int from = block * ClaimsPerBlock;
                int to = Math.Min(claims.Count, from + ClaimsPerBlock);
                bool last = block == blocks - 1;
                pending.Enqueue(Task.Run(() => WriteBlock(claims, from, to, last, buffers)));
                if (pending.Count >= window)
                {
                    WriteOut(pending.Dequeue(), written++ == 0);
                }
            }

            while (pending.Count > 0)
            {
                WriteOut(pending.Dequeue(), written++ == 0);
            }
        }
        finally
        {
            // On failure, let the blocks still in flight finish before the caller closes the stream.
            foreach (var task in pending)
            {
                try
                {
                    task.Wait();
                }
                catch (AggregateException)
                {
                }
            }
        }

        stream.Write(NewLine);
    }

    private static (ArrayBufferWriter<byte> Buffer, int Start) WriteBlock(
        EquatableArray<Claim> claims, int from, int to, bool last, System.Collections.Concurrent.ConcurrentBag<ArrayBufferWriter<byte>> buffers)
    {
        if (!buffers.TryTake(out var buffer))
        {
            buffer = new ArrayBufferWriter<byte>(1 << 20);
        }

        buffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(buffer, WriterOptions);
        writer.WriteStartObject();
        writer.WritePropertyName("claims"u8);
        writer.WriteStartArray();
        writer.Flush();
        int start = buffer.WrittenCount;
        var items = claims.AsSpan();
        for (int i = from; i < to; i++)
        {
            EntityJsonWriter.Write(writer, items[i]);
        }

        if (last)
        {
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.Flush();
        return (buffer, start);
    }

    private const int FlushThreshold = 1 << 16;

    private static void FlushWhenFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushThreshold)
        {
            writer.Flush();
        }
    }

    /// <summary>The bytes <see cref="Write(ClaimDataset, Stream)"/> writes.</summary>
    public static byte[] WriteToUtf8Bytes(ClaimDataset dataset)
    {
        using var buffer = new MemoryStream();
        Write(dataset, buffer);
        return buffer.ToArray();
    }

    /// <summary>The text <see cref="Write(ClaimDataset, Stream)"/> writes.</summary>
    public static string WriteToString(ClaimDataset dataset) =>
        System.Text.Encoding.UTF8.GetString(WriteToUtf8Bytes(dataset));

    /// <summary>
    /// Writes <c>dataset.json</c> to <paramref name="path"/> through a temporary file in the same folder that then
    /// replaces the target, so that a reader never sees a half-written file.
    /// </summary>
    public static void WriteFile(ClaimDataset dataset, string path)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full) ?? ".";
        var temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Write(dataset, stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Reads a <c>dataset.json</c> document and checks it (<see cref="ClaimDataset.Validate"/>).</summary>
    /// <exception cref="DatasetFormatException">Not a dataset this library can read.</exception>
    public static ClaimDataset Read(ReadOnlySpan<byte> utf8Json) => CheckedRead.FromBytes(utf8Json, ReadUnchecked);

    /// <summary>Reads a <c>dataset.json</c> document from a stream and checks it.</summary>
    /// <exception cref="DatasetFormatException">Not a dataset this library can read.</exception>
    public static ClaimDataset Read(Stream stream) => CheckedRead.FromStream(stream, ReadUnchecked);

    /// <summary>Reads a <c>dataset.json</c> file and checks it.</summary>
    /// <exception cref="DatasetFormatException">Not a dataset this library can read.</exception>
    public static ClaimDataset ReadFile(string path) => CheckedRead.FromFile(path, ReadUnchecked);

    internal static ClaimDataset ReadUnchecked(ReadOnlySpan<byte> utf8Json)
    {
        utf8Json = SkipByteOrderMark(utf8Json);

        // Look at "format" and "version" first, so that a file of another format or version is refused
        // with a clear message instead of whatever error its different shape would cause.
        var (format, version) = ScanHeader(utf8Json);
        DtoMapper.CheckHeader(format, version, "the file");

        DatasetDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8Json, IndentedContext.DatasetDto);
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(Describe(e), e);
        }

        return dto is null
            ? throw new DatasetFormatException("the file holds null, not a dataset object")
            : DtoMapper.FromDto(dto);
    }

    internal static ReadOnlySpan<byte> SkipByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;

    /// <summary>Finds the top-level <c>format</c> and <c>version</c> members without reading the rest.</summary>
    internal static (string? Format, int? Version) ScanHeader(ReadOnlySpan<byte> utf8Json)
    {
        string? format = null;
        int? version = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { AllowMultipleValues = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new DatasetFormatException("not a ClaimLang dataset: the file does not hold a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isFormat = reader.ValueTextEquals("format"u8);
                var isVersion = !isFormat && reader.ValueTextEquals("version"u8);
                reader.Read();
                if (isFormat && reader.TokenType == JsonTokenType.String)
                {
                    format = reader.GetString();
                }
                else if (isVersion)
                {
                    version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var v)
                        ? v
                        : throw new DatasetFormatException("\"version\" must be an integer");
                }
                else
                {
                    reader.Skip();
                }

                if (format is not null && version is not null)
                {
                    break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(Describe(e), e);
        }

        return (format, version);
    }

    internal static string Describe(JsonException e)
    {
        var where = e.Path is { Length: > 0 } path ? $" at {path}" : "";
        var line = e.LineNumber is { } n ? $" (line {n + 1}" + (e.BytePositionInLine is { } b ? $", byte {b + 1})" : ")") : "";
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message[..cut];
        }

        return $"malformed dataset JSON{where}{line}: {message}";
    }

    private static System.Text.Json.JsonSerializerOptions CreateOptions(bool indented) => new()
    {
        WriteIndented = indented,
        IndentSize = 2,
        IndentCharacter = ' ',
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
        MaxDepth = 64,
    };
}
