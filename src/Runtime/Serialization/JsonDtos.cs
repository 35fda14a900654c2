using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ClaimLang.Runtime.Serialization;

// The JSON shape of the dataset, defined once. Property declaration order is the order written
// (System.Text.Json writes properties in declaration order), so these classes fix the layout of
// dataset.json and of each JSON Lines record. Every property is always written: null for an absent
// scalar, [] for an absent list. See docs/dataset.md and schema/dataset.schema.json.

internal sealed class DatasetDto
{
    [JsonPropertyName("format")] public string? Format { get; set; }
    [JsonPropertyName("version")] public int? Version { get; set; }
    [JsonPropertyName("sources")] public List<SourceDto>? Sources { get; set; }
    [JsonPropertyName("actors")] public List<ActorDto>? Actors { get; set; }
    [JsonPropertyName("places")] public List<PlaceDto>? Places { get; set; }
    [JsonPropertyName("predicates")] public List<PredicateDto>? Predicates { get; set; }
    [JsonPropertyName("hypotheses")] public List<HypothesisDto>? Hypotheses { get; set; }
    [JsonPropertyName("claims")] public List<ClaimDto>? Claims { get; set; }
}

internal sealed class HeaderDto
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("format")] public string? Format { get; set; }
    [JsonPropertyName("version")] public int? Version { get; set; }
}

internal sealed class SourceDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("title")] public string? Title { get; set; }
    [JsonPropertyName("published")] public DateDto? Published { get; set; }
    [JsonPropertyName("author")] public string? Author { get; set; }
    [JsonPropertyName("publisher")] public string? Publisher { get; set; }
    [JsonPropertyName("url")] public string? Url { get; set; }
    [JsonPropertyName("reliability")] public string? Reliability { get; set; }
    [JsonPropertyName("kind")] public string? Kind { get; set; }
    [JsonPropertyName("lang")] public string? Lang { get; set; }
    [JsonPropertyName("document")] public string? Document { get; set; }
    [JsonPropertyName("cites")] public List<string>? Cites { get; set; }
    [JsonPropertyName("doc")] public string? Doc { get; set; }
    [JsonPropertyName("location")] public LocationDto? Location { get; set; }
}

internal sealed class ActorDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("kind")] public string? Kind { get; set; }
    [JsonPropertyName("aka")] public List<string>? Aka { get; set; }
    [JsonPropertyName("partOf")] public string? PartOf { get; set; }
    [JsonPropertyName("doc")] public string? Doc { get; set; }
    [JsonPropertyName("location")] public LocationDto? Location { get; set; }
}

internal sealed class PlaceDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("in")] public string? In { get; set; }
    [JsonPropertyName("lat")] public double? Lat { get; set; }
    [JsonPropertyName("lon")] public double? Lon { get; set; }
    [JsonPropertyName("doc")] public string? Doc { get; set; }
    [JsonPropertyName("location")] public LocationDto? Location { get; set; }
}

internal sealed class PredicateDto
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("declared")] public bool? Declared { get; set; }
    [JsonPropertyName("params")] public List<ParameterDto>? Params { get; set; }
    [JsonPropertyName("description")] public string? Description { get; set; }
    [JsonPropertyName("doc")] public string? Doc { get; set; }
    [JsonPropertyName("location")] public LocationDto? Location { get; set; }
}

internal sealed class ParameterDto
{
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
}

internal sealed class HypothesisDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("statement")] public string? Statement { get; set; }
    [JsonPropertyName("supportedBy")] public List<string>? SupportedBy { get; set; }
    [JsonPropertyName("contradictedBy")] public List<string>? ContradictedBy { get; set; }
    [JsonPropertyName("doc")] public string? Doc { get; set; }
    [JsonPropertyName("location")] public LocationDto? Location { get; set; }
}

internal sealed class ClaimDto
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("label")] public string? Label { get; set; }
    [JsonPropertyName("subject")] public string? Subject { get; set; }
    [JsonPropertyName("predicate")] public string? Predicate { get; set; }

    [JsonPropertyName("args")]
    [JsonConverter(typeof(ArgumentListConverter))]
    public List<ArgumentDto>? Args { get; set; }

    [JsonPropertyName("date")] public DateDto? Date { get; set; }
    [JsonPropertyName("sources")] public List<string>? Sources { get; set; }
    [JsonPropertyName("confidence")] public string? Confidence { get; set; }
    [JsonPropertyName("credibility")] public int? Credibility { get; set; }
    [JsonPropertyName("at")] public string? At { get; set; }
    [JsonPropertyName("contradicts")] public List<string>? Contradicts { get; set; }
    [JsonPropertyName("supports")] public List<string>? Supports { get; set; }
    [JsonPropertyName("supportedBy")] public List<string>? SupportedBy { get; set; }
    [JsonPropertyName("supersedes")] public string? Supersedes { get; set; }
    [JsonPropertyName("supersededBy")] public string? SupersededBy { get; set; }
    [JsonPropertyName("quote")] public string? Quote { get; set; }
    [JsonPropertyName("note")] public string? Note { get; set; }
    [JsonPropertyName("tags")] public List<string>? Tags { get; set; }
    [JsonPropertyName("doc")] public string? Doc { get; set; }
    [JsonPropertyName("location")] public LocationDto? Location { get; set; }
}

internal sealed class DateDto
{
    [JsonPropertyName("edtf")] public string? Edtf { get; set; }
    [JsonPropertyName("start")] public DateOnly? Start { get; set; }
    [JsonPropertyName("end")] public DateOnly? End { get; set; }
    [JsonPropertyName("uncertain")] public bool Uncertain { get; set; }
    [JsonPropertyName("approximate")] public bool Approximate { get; set; }
}

internal sealed class LocationDto
{
    [JsonPropertyName("file")] public string? File { get; set; }
    [JsonPropertyName("line")] public int Line { get; set; }
    [JsonPropertyName("column")] public int Column { get; set; }
}

/// <summary>One argument: <c>"name": { "type": "…", "value": … }</c>.</summary>
internal sealed class ArgumentDto
{
    public string Name { get; set; } = "";
    public string? Type { get; set; }

    /// <summary>The JSON kind of <c>value</c> as read (for error messages).</summary>
    public JsonTokenType ValueToken { get; set; }

    public string? String { get; set; }
    public decimal? Number { get; set; }
    public DateDto? Date { get; set; }
}

/// <summary>
/// Reads and writes the <c>args</c> object keeping its member order (an ordered list, not a dictionary).
/// </summary>
internal sealed class ArgumentListConverter : JsonConverter<List<ArgumentDto>>
{
    public override List<ArgumentDto>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("'args' must be an object");
        }

        var dateInfo = (JsonTypeInfo<DateDto>)options.GetTypeInfo(typeof(DateDto));
        var list = new List<ArgumentDto>();
        while (true)
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return list;
            }

            var argument = new ArgumentDto { Name = reader.GetString()! };
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"argument '{argument.Name}' must be an object {{\"type\": …, \"value\": …}}");
            }

            var sawValue = false;
            while (true)
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var property = reader.GetString();
                reader.Read();
                switch (property)
                {
                    case "type":
                        argument.Type = reader.TokenType == JsonTokenType.String
                            ? reader.GetString()
                            : throw new JsonException($"argument '{argument.Name}': 'type' must be a string");
                        break;
                    case "value":
                        sawValue = true;
                        argument.ValueToken = reader.TokenType;
                        switch (reader.TokenType)
                        {
                            case JsonTokenType.String:
                                argument.String = reader.GetString();
                                break;
                            case JsonTokenType.Number:
                                argument.Number = reader.TryGetDecimal(out var number)
                                    ? number
                                    : throw new JsonException($"argument '{argument.Name}': number out of range");
                                break;
                            case JsonTokenType.StartObject:
                                argument.Date = JsonSerializer.Deserialize(ref reader, dateInfo);
                                break;
                            default:
                                reader.Skip();
                                break;
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            if (!sawValue)
            {
                argument.ValueToken = JsonTokenType.None;
            }

            list.Add(argument);
        }
    }

    public override void Write(Utf8JsonWriter writer, List<ArgumentDto> value, JsonSerializerOptions options)
    {
        var dateInfo = (JsonTypeInfo<DateDto>)options.GetTypeInfo(typeof(DateDto));
        writer.WriteStartObject();
        foreach (var argument in value)
        {
            writer.WritePropertyName(argument.Name);
            writer.WriteStartObject();
            writer.WriteString("type", argument.Type);
            writer.WritePropertyName("value");
            if (argument.Date is not null)
            {
                JsonSerializer.Serialize(writer, argument.Date, dateInfo);
            }
            else if (argument.Number is { } number)
            {
                writer.WriteNumberValue(number);
            }
            else
            {
                writer.WriteStringValue(argument.String);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false)]
[JsonSerializable(typeof(DatasetDto))]
[JsonSerializable(typeof(HeaderDto))]
[JsonSerializable(typeof(SourceDto))]
[JsonSerializable(typeof(ActorDto))]
[JsonSerializable(typeof(PlaceDto))]
[JsonSerializable(typeof(PredicateDto))]
[JsonSerializable(typeof(HypothesisDto))]
[JsonSerializable(typeof(ClaimDto))]
[JsonSerializable(typeof(DateDto))]
internal sealed partial class DatasetJsonContext : JsonSerializerContext;
