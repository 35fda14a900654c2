using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ClaimLang.Runtime.Serialization;

namespace ClaimLang.Runtime;

/// <summary>
/// Reads and writes the JSON Lines form of a dataset (<c>dataset.jsonl</c>): one JSON object per line, each
/// with a <c>"type"</c> member first. The first line is the header
/// (<c>{"type":"header","format":"claimlang-dataset","version":1}</c>); then one record per source, actor,
/// place, predicate, hypothesis and claim, in that order, each the same object as in <c>dataset.json</c>
/// with <c>"type"</c> added. Lines end with <c>\n</c>.
/// </summary>
public static class DatasetJsonLines
{
    /// <summary>The record types, in the order they are written.</summary>
    public static IReadOnlyList<string> RecordTypes { get; } =
        ["header", "source", "actor", "place", "predicate", "hypothesis", "claim"];

    /// <summary>Writes <paramref name="dataset"/> as JSON Lines to <paramref name="stream"/>.</summary>
    public static void Write(ClaimDataset dataset, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(stream);
        var context = DatasetJson.Compact;
        var header = new HeaderDto { Type = "header", Format = ClaimDataset.FormatName, Version = ClaimDataset.CurrentVersion };
        stream.Write(JsonSerializer.SerializeToUtf8Bytes(header, context.HeaderDto));
        stream.WriteByte((byte)'\n');

        // One buffer and one writer for every record, each written member by member (EntityJsonWriter, with
        // "type" first); the file is written through a buffered stream.
        var buffer = new ArrayBufferWriter<byte>(1024);
        var options = context.Options;
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = false,
            Encoder = options.Encoder,
            MaxDepth = options.MaxDepth,
        });
        var output = new BufferedStream(stream, 1 << 16);
        var records = new RecordWriter(output, buffer, writer);
        foreach (var source in dataset.Sources.AsSpan())
        {
            records.Start();
            EntityJsonWriter.Write(writer, source, SourceType);
            records.End();
        }

        foreach (var actor in dataset.Actors.AsSpan())
        {
            records.Start();
            EntityJsonWriter.Write(writer, actor, ActorType);
            records.End();
        }

        foreach (var place in dataset.Places.AsSpan())
        {
            records.Start();
            EntityJsonWriter.Write(writer, place, PlaceType);
            records.End();
        }

        foreach (var predicate in dataset.Predicates.AsSpan())
        {
            records.Start();
            EntityJsonWriter.Write(writer, predicate, PredicateType);
            records.End();
        }

        foreach (var hypothesis in dataset.Hypotheses.AsSpan())
        {
            records.Start();
            EntityJsonWriter.Write(writer, hypothesis, HypothesisType);
            records.End();
        }

        foreach (var claim in dataset.Claims.AsSpan())
        {
            records.Start();
            EntityJsonWriter.Write(writer, claim, ClaimType);
            records.End();
        }

        output.Flush();
    }

    private static readonly JsonEncodedText SourceType = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText ActorType = JsonEncodedText.Encode("actor");
    private static readonly JsonEncodedText PlaceType = JsonEncodedText.Encode("place");
    private static readonly JsonEncodedText PredicateType = JsonEncodedText.Encode("predicate");
    private static readonly JsonEncodedText HypothesisType = JsonEncodedText.Encode("hypothesis");
    private static readonly JsonEncodedText ClaimType = JsonEncodedText.Encode("claim");

    /// <summary>Writes records: one object per line, written into the shared buffer, then copied to the output.</summary>
    private readonly struct RecordWriter(Stream output, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        public void Start()
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
        }

        public void End()
        {
            writer.Flush();
            output.Write(buffer.WrittenSpan);
            output.WriteByte((byte)'\n');
        }
    }

    /// <summary>The bytes <see cref="Write(ClaimDataset, Stream)"/> writes.</summary>
    public static byte[] WriteToUtf8Bytes(ClaimDataset dataset)
    {
        using var buffer = new MemoryStream();
        Write(dataset, buffer);
        return buffer.ToArray();
    }

    /// <summary>Reads a JSON Lines dataset and checks it (<see cref="ClaimDataset.Validate"/>).</summary>
    /// <exception cref="DatasetFormatException">Not a dataset this library can read.</exception>
    public static ClaimDataset Read(ReadOnlySpan<byte> utf8) => CheckedRead.FromBytes(utf8, ReadUnchecked);

    /// <summary>Reads a JSON Lines dataset from a stream and checks it.</summary>
    /// <exception cref="DatasetFormatException">Not a dataset this library can read.</exception>
    public static ClaimDataset Read(Stream stream) => CheckedRead.FromStream(stream, ReadUnchecked);

    /// <summary>Reads a JSON Lines dataset file and checks it.</summary>
    /// <exception cref="DatasetFormatException">Not a dataset this library can read.</exception>
    public static ClaimDataset ReadFile(string path) => CheckedRead.FromFile(path, ReadUnchecked);

    internal static ClaimDataset ReadUnchecked(ReadOnlySpan<byte> utf8)
    {
        utf8 = DatasetJson.SkipByteOrderMark(utf8);
        var context = DatasetJson.Compact;
        var parts = new DatasetParts();
        var counts = new int[RecordTypes.Count];
        var sawHeader = false;
        var lineNumber = 0;
        while (!utf8.IsEmpty)
        {
            lineNumber++;
            var end = utf8.IndexOf((byte)'\n');
            var line = end < 0 ? utf8 : utf8[..end];
            utf8 = end < 0 ? default : utf8[(end + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            try
            {
                var type = ScanType(line);
                if (!sawHeader)
                {
                    if (type != "header")
                    {
                        throw new DatasetFormatException(
                            type is null
                                ? "not a ClaimLang dataset: the first record has no \"type\" (expected the header record)"
                                : $"the first record must be the header, not a \"{type}\" record");
                    }

                    var header = JsonSerializer.Deserialize(line, context.HeaderDto)!;
                    DtoMapper.CheckHeader(header.Format, header.Version, "the header record");
                    sawHeader = true;
                    continue;
                }

                var index = type is null ? -1 : IndexOfType(type);
                if (index < 0)
                {
                    throw new DatasetFormatException(type is null
                        ? "record without a \"type\""
                        : $"unknown record type \"{type}\" (expected one of source, actor, place, predicate, hypothesis, claim)");
                }

                var where = $"{type}[{counts[index]++}]";
                switch (index)
                {
                    case 0:
                        throw new DatasetFormatException("a second header record");
                    case 1:
                        parts.Sources.Add(DtoMapper.FromDto(Deserialize(line, context.SourceDto), where));
                        break;
                    case 2:
                        parts.Actors.Add(DtoMapper.FromDto(Deserialize(line, context.ActorDto), where));
                        break;
                    case 3:
                        parts.Places.Add(DtoMapper.FromDto(Deserialize(line, context.PlaceDto), where));
                        break;
                    case 4:
                        parts.Predicates.Add(DtoMapper.FromDto(Deserialize(line, context.PredicateDto), where));
                        break;
                    case 5:
                        parts.Hypotheses.Add(DtoMapper.FromDto(Deserialize(line, context.HypothesisDto), where));
                        break;
                    default:
                        parts.Claims.Add(DtoMapper.FromDto(Deserialize(line, context.ClaimDto), where));
                        break;
                }
            }
            catch (JsonException e)
            {
                throw new DatasetFormatException($"line {lineNumber}: {DatasetJson.Describe(e)}", e);
            }
            catch (DatasetFormatException e)
            {
                throw new DatasetFormatException($"line {lineNumber}: {e.Detail}", e.InnerException);
            }
        }

        return sawHeader
            ? parts.ToDataset()
            : throw new DatasetFormatException("not a ClaimLang dataset: the file is empty (expected a header record)");
    }

    private static T Deserialize<T>(ReadOnlySpan<byte> line, JsonTypeInfo<T> info) =>
        JsonSerializer.Deserialize(line, info) ?? throw new DatasetFormatException("null instead of a record object");

    private static int IndexOfType(string type)
    {
        for (var i = 0; i < RecordTypes.Count; i++)
        {
            if (string.Equals(RecordTypes[i], type, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The value of the record's top-level <c>type</c> member, or null.</summary>
    internal static string? ScanType(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new DatasetFormatException("a record must be a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType)
            {
                return reader.TokenType == JsonTokenType.String
                    ? reader.GetString()
                    : throw new DatasetFormatException("\"type\" must be a string");
            }

            reader.Skip();
        }

        return null;
    }
}
