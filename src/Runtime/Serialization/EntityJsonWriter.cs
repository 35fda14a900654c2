using System.Globalization;
using System.Text.Json;

namespace ClaimLang.Runtime.Serialization;

/// <summary>
/// Writes the model's entities straight into a <see cref="Utf8JsonWriter"/>, member by member, in the layout that
/// the DTO classes of JsonDtos.cs fix (same members, same order, the same writer calls the source-generated serialiser
/// makes, so the same bytes), without building a DTO per entity. The readers still go through the DTOs.
/// </summary>
/// <remarks>
/// Keep this in step with the DTO classes in JsonDtos.cs: a member added there must be added here, in the same
/// place. The runtime tests compare both paths on every example dataset.
/// </remarks>
internal static class EntityJsonWriter
{
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    private static readonly JsonEncodedText Published = JsonEncodedText.Encode("published");
    private static readonly JsonEncodedText Author = JsonEncodedText.Encode("author");
    private static readonly JsonEncodedText Publisher = JsonEncodedText.Encode("publisher");
    private static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText Reliability = JsonEncodedText.Encode("reliability");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Lang = JsonEncodedText.Encode("lang");
    private static readonly JsonEncodedText Document = JsonEncodedText.Encode("document");
    private static readonly JsonEncodedText Cites = JsonEncodedText.Encode("cites");
    private static readonly JsonEncodedText Doc = JsonEncodedText.Encode("doc");
    private static readonly JsonEncodedText Location = JsonEncodedText.Encode("location");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Aka = JsonEncodedText.Encode("aka");
    private static readonly JsonEncodedText PartOf = JsonEncodedText.Encode("partOf");
    private static readonly JsonEncodedText In = JsonEncodedText.Encode("in");
    private static readonly JsonEncodedText Lat = JsonEncodedText.Encode("lat");
    private static readonly JsonEncodedText Lon = JsonEncodedText.Encode("lon");
    private static readonly JsonEncodedText Declared = JsonEncodedText.Encode("declared");
    private static readonly JsonEncodedText Params = JsonEncodedText.Encode("params");
    private static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText Statement = JsonEncodedText.Encode("statement");
    private static readonly JsonEncodedText SupportedBy = JsonEncodedText.Encode("supportedBy");
    private static readonly JsonEncodedText ContradictedBy = JsonEncodedText.Encode("contradictedBy");
    private static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
    private static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
    private static readonly JsonEncodedText Predicate = JsonEncodedText.Encode("predicate");
    private static readonly JsonEncodedText Args = JsonEncodedText.Encode("args");
    private static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");
    private static readonly JsonEncodedText Sources = JsonEncodedText.Encode("sources");
    private static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");
    private static readonly JsonEncodedText Credibility = JsonEncodedText.Encode("credibility");
    private static readonly JsonEncodedText At = JsonEncodedText.Encode("at");
    private static readonly JsonEncodedText Contradicts = JsonEncodedText.Encode("contradicts");
    private static readonly JsonEncodedText Supports = JsonEncodedText.Encode("supports");
    private static readonly JsonEncodedText Supersedes = JsonEncodedText.Encode("supersedes");
    private static readonly JsonEncodedText SupersededBy = JsonEncodedText.Encode("supersededBy");
    private static readonly JsonEncodedText Quote = JsonEncodedText.Encode("quote");
    private static readonly JsonEncodedText Note = JsonEncodedText.Encode("note");
    private static readonly JsonEncodedText Tags = JsonEncodedText.Encode("tags");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText Edtf = JsonEncodedText.Encode("edtf");
    private static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText Uncertain = JsonEncodedText.Encode("uncertain");
    private static readonly JsonEncodedText Approximate = JsonEncodedText.Encode("approximate");
    private static readonly JsonEncodedText File = JsonEncodedText.Encode("file");
    private static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText Column = JsonEncodedText.Encode("column");

    /// <summary>Opens an entity's object; a JSON Lines record puts its <c>"type"</c> member first.</summary>
    private static void Open(Utf8JsonWriter writer, JsonEncodedText? recordType)
    {
        writer.WriteStartObject();
        if (recordType is { } type) writer.WriteString(Type, type);
    }

    public static void Write(Utf8JsonWriter writer, Source source, JsonEncodedText? recordType = null)
    {
        Open(writer, recordType);
        writer.WriteString(Id, source.Id);
        writer.WriteString(Title, source.Title);
        WriteDate(writer, Published, source.Published);
        writer.WriteString(Author, source.Author);
        writer.WriteString(Publisher, source.Publisher);
        writer.WriteString(Url, source.Url);
        writer.WriteString(Reliability, source.Reliability is { } grade ? Grades.ToText(grade) : null);
        writer.WriteString(Kind, source.Kind);
        writer.WriteString(Lang, source.Lang);
        writer.WriteString(Document, source.Document);
        WriteStrings(writer, Cites, source.Cites);
        writer.WriteString(Doc, source.Doc);
        WriteLocation(writer, source.Location);
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, Actor actor, JsonEncodedText? recordType = null)
    {
        Open(writer, recordType);
        writer.WriteString(Id, actor.Id);
        writer.WriteString(Name, actor.Name);
        writer.WriteString(Kind, actor.Kind);
        WriteStrings(writer, Aka, actor.Aka);
        writer.WriteString(PartOf, actor.PartOf);
        writer.WriteString(Doc, actor.Doc);
        WriteLocation(writer, actor.Location);
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, Place place, JsonEncodedText? recordType = null)
    {
        Open(writer, recordType);
        writer.WriteString(Id, place.Id);
        writer.WriteString(Name, place.Name);
        writer.WriteString(In, place.In);
        WriteNumber(writer, Lat, place.Lat);
        WriteNumber(writer, Lon, place.Lon);
        writer.WriteString(Doc, place.Doc);
        WriteLocation(writer, place.Location);
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, Predicate predicate, JsonEncodedText? recordType = null)
    {
        Open(writer, recordType);
        writer.WriteString(Name, predicate.Name);
        writer.WriteBoolean(Declared, predicate.Declared);
        writer.WritePropertyName(Params);
        writer.WriteStartArray();
        foreach (var parameter in predicate.Params)
        {
            writer.WriteStartObject();
            writer.WriteString(Name, parameter.Name);
            writer.WriteString(Type, ArgumentTypes.ToText(parameter.Type));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString(Description, predicate.Description);
        writer.WriteString(Doc, predicate.Doc);
        WriteLocation(writer, predicate.Location);
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, Hypothesis hypothesis, JsonEncodedText? recordType = null)
    {
        Open(writer, recordType);
        writer.WriteString(Id, hypothesis.Id);
        writer.WriteString(Statement, hypothesis.Statement);
        WriteStrings(writer, SupportedBy, hypothesis.SupportedBy);
        WriteStrings(writer, ContradictedBy, hypothesis.ContradictedBy);
        writer.WriteString(Doc, hypothesis.Doc);
        WriteLocation(writer, hypothesis.Location);
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, Claim claim, JsonEncodedText? recordType = null)
    {
        Open(writer, recordType);
        writer.WriteString(Id, claim.Id);
        writer.WriteString(Label, claim.Label);
        writer.WriteString(Subject, claim.Subject);
        writer.WriteString(Predicate, claim.Predicate);
        WriteArguments(writer, claim.Args);
        WriteDate(writer, Date, claim.Date);
        WriteStrings(writer, Sources, claim.Sources);
        writer.WriteString(Confidence, claim.Confidence is { } confidence ? Grades.ToText(confidence) : null);
        if (claim.Credibility is { } credibility) writer.WriteNumber(Credibility, Grades.ToNumber(credibility));
        else writer.WriteNull(Credibility);
        writer.WriteString(At, claim.At);
        WriteStrings(writer, Contradicts, claim.Contradicts);
        WriteStrings(writer, Supports, claim.Supports);
        WriteStrings(writer, SupportedBy, claim.SupportedBy);
        writer.WriteString(Supersedes, claim.Supersedes);
        writer.WriteString(SupersededBy, claim.SupersededBy);
        writer.WriteString(Quote, claim.Quote);
        writer.WriteString(Note, claim.Note);
        WriteStrings(writer, Tags, claim.Tags);
        writer.WriteString(Doc, claim.Doc);
        WriteLocation(writer, claim.Location);
        writer.WriteEndObject();
    }

    /// <summary><c>"args": { "name": { "type": "…", "value": … }, … }</c>, in the claim's order.</summary>
    private static void WriteArguments(Utf8JsonWriter writer, EquatableArray<ClaimArgument> arguments)
    {
        writer.WritePropertyName(Args);
        writer.WriteStartObject();
        foreach (var argument in arguments)
        {
            var value = argument.Value;
            writer.WritePropertyName(argument.Name);
            writer.WriteStartObject();
            writer.WriteString(Type, ArgumentTypes.ToText(value.Type));
            writer.WritePropertyName(Value);
            if (value.Date is { } date) WriteDateObject(writer, date);
            else if (value.Number is { } number) writer.WriteNumberValue(number);
            else writer.WriteStringValue(value.Type == ArgumentType.Text ? value.Text : value.Id);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, EquatableArray<string> items)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var item in items.AsSpan()) writer.WriteStringValue(item);
        writer.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, double? value)
    {
        if (value is { } number) writer.WriteNumber(name, number);
        else writer.WriteNull(name);
    }

    private static void WriteDate(Utf8JsonWriter writer, JsonEncodedText name, ClaimDate? date)
    {
        writer.WritePropertyName(name);
        if (date is null) writer.WriteNullValue();
        else WriteDateObject(writer, date);
    }

    private static void WriteDateObject(Utf8JsonWriter writer, ClaimDate date)
    {
        writer.WriteStartObject();
        writer.WriteString(Edtf, date.Edtf);
        WriteDay(writer, Start, date.Start);
        WriteDay(writer, End, date.End);
        writer.WriteBoolean(Uncertain, date.Uncertain);
        writer.WriteBoolean(Approximate, date.Approximate);
        writer.WriteEndObject();
    }

    /// <summary>A day as <c>"yyyy-MM-dd"</c> (what System.Text.Json writes for a <see cref="DateOnly"/>), or null.</summary>
    private static void WriteDay(Utf8JsonWriter writer, JsonEncodedText name, DateOnly? day)
    {
        if (day is not { } value)
        {
            writer.WriteNull(name);
            return;
        }

        Span<byte> text = stackalloc byte[16];
        value.TryFormat(text, out int length, "O", CultureInfo.InvariantCulture);
        writer.WriteString(name, text[..length]);
    }

    private static void WriteLocation(Utf8JsonWriter writer, SourceLocation? location)
    {
        writer.WritePropertyName(Location);
        if (location is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(File, location.File);
        writer.WriteNumber(Line, location.Line);
        writer.WriteNumber(Column, location.Column);
        writer.WriteEndObject();
    }
}
