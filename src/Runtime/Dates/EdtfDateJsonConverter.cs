using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimLang.Runtime;

/// <summary>
/// Reads and writes an <see cref="EdtfDate"/> as its EDTF text (a JSON string such as <c>"2017-01~"</c>).
/// A string that is not a valid date is a <see cref="JsonException"/> that says why.
/// </summary>
public sealed class EdtfDateJsonConverter : JsonConverter<EdtfDate>
{
    /// <inheritdoc />
    public override EdtfDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"an EDTF date must be a JSON string, found {reader.TokenType}");
        }

        string text = reader.GetString()!;
        EdtfParseResult result = EdtfDate.Parse(text.AsSpan());
        return result.Success
            ? result.Value
            : throw new JsonException($"'{text}' is not a valid EDTF date (at offset {result.ErrorOffset}): {result.ErrorMessage}");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, EdtfDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Text);
    }
}
