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

        // Streamed one entity at a time (the same bytes as serialising the whole DatasetDto at once, without
        // holding a copy of the dataset as DTOs): the top-level object is written by hand, each entity by the
        // source-generated serialiser into the same writer, which flushes to the stream as it fills.
        var options = IndentedContext.Options;
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = options.WriteIndented,
            IndentSize = options.IndentSize,
            IndentCharacter = options.IndentCharacter,
            NewLine = options.NewLine,
            Encoder = options.Encoder,
            MaxDepth = options.MaxDepth,
        });
        writer.WriteStartObject();
        writer.WriteString("format"u8, ClaimDataset.FormatName);
        writer.WriteNumber("version"u8, ClaimDataset.CurrentVersion);
        WriteArray(writer, stream, "sources"u8, dataset.Sources, DtoMapper.ToDto, IndentedContext.SourceDto);
        WriteArray(writer, stream, "actors"u8, dataset.Actors, DtoMapper.ToDto, IndentedContext.ActorDto);
        WriteArray(writer, stream, "places"u8, dataset.Places, DtoMapper.ToDto, IndentedContext.PlaceDto);
        WriteArray(writer, stream, "predicates"u8, dataset.Predicates, DtoMapper.ToDto, IndentedContext.PredicateDto);
        WriteArray(writer, stream, "hypotheses"u8, dataset.Hypotheses, DtoMapper.ToDto, IndentedContext.HypothesisDto);
        WriteArray(writer, stream, "claims"u8, dataset.Claims, DtoMapper.ToDto, IndentedContext.ClaimDto);
        writer.WriteEndObject();
        writer.Flush();
        stream.Write(NewLine);
    }

    private const int FlushThreshold = 1 << 16;

    private static void WriteArray<TEntity, TDto>(
        Utf8JsonWriter writer,
        Stream stream,
        ReadOnlySpan<byte> name,
        EquatableArray<TEntity> items,
        Func<TEntity, TDto> toDto,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TDto> info)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var item in items)
        {
            JsonSerializer.Serialize(writer, toDto(item), info);
            if (writer.BytesPending >= FlushThreshold)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
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
