using System.Globalization;

namespace ClaimLang.Runtime;

/// <summary>What an argument value of a claim is; also the type of a predicate parameter.</summary>
public enum ArgumentType
{
    /// <summary>A declared actor (the value is its id).</summary>
    Actor,

    /// <summary>A declared place (the value is its id).</summary>
    Place,

    /// <summary>A date (the value is an EDTF value).</summary>
    Date,

    /// <summary>A number (the value is a decimal).</summary>
    Number,

    /// <summary>A string (the value is its text).</summary>
    Text,

    /// <summary>A claim, by its label (the value is the claim's id).</summary>
    Claim,

    /// <summary>
    /// Any other declared name — a source or a hypothesis (the value is its id). Never a parameter type.
    /// </summary>
    Name,
}

/// <summary>Converts <see cref="ArgumentType"/> to and from its dataset spelling.</summary>
public static class ArgumentTypes
{
    /// <summary>The dataset spelling: <c>actor</c>, <c>place</c>, <c>date</c>, <c>number</c>, <c>text</c>, <c>claim</c> or <c>name</c>.</summary>
    public static string ToText(ArgumentType type) => type switch
    {
        ArgumentType.Actor => "actor",
        ArgumentType.Place => "place",
        ArgumentType.Date => "date",
        ArgumentType.Number => "number",
        ArgumentType.Text => "text",
        ArgumentType.Claim => "claim",
        ArgumentType.Name => "name",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an argument type"),
    };

    /// <summary>Reads a dataset spelling (exact, lower case).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ArgumentType type)
    {
        switch (text)
        {
            case "actor": type = ArgumentType.Actor; return true;
            case "place": type = ArgumentType.Place; return true;
            case "date": type = ArgumentType.Date; return true;
            case "number": type = ArgumentType.Number; return true;
            case "text": type = ArgumentType.Text; return true;
            case "claim": type = ArgumentType.Claim; return true;
            case "name": type = ArgumentType.Name; return true;
            default: type = default; return false;
        }
    }

    /// <summary>True for the types that name a declaration (actor, place, claim, name).</summary>
    public static bool IsReference(ArgumentType type) =>
        type is ArgumentType.Actor or ArgumentType.Place or ArgumentType.Claim or ArgumentType.Name;
}

/// <summary>
/// The value of one argument of a claim. Exactly one of <see cref="Id"/>, <see cref="Text"/>,
/// <see cref="Number"/> and <see cref="Date"/> is set, according to <see cref="Type"/>.
/// Create values with the factory methods.
/// </summary>
public sealed record ArgumentValue
{
    private ArgumentValue(ArgumentType type, string? id, string? text, decimal? number, ClaimDate? date)
    {
        Type = type;
        Id = id;
        Text = text;
        Number = number;
        Date = date;
    }

    /// <summary>What the value is.</summary>
    public ArgumentType Type { get; }

    /// <summary>The id of the declaration named, for <see cref="ArgumentType.Actor"/>, <see cref="ArgumentType.Place"/>,
    /// <see cref="ArgumentType.Claim"/> and <see cref="ArgumentType.Name"/>.</summary>
    public string? Id { get; }

    /// <summary>The text of a <see cref="ArgumentType.Text"/> value.</summary>
    public string? Text { get; }

    /// <summary>The number of a <see cref="ArgumentType.Number"/> value.</summary>
    public decimal? Number { get; }

    /// <summary>The date of a <see cref="ArgumentType.Date"/> value.</summary>
    public ClaimDate? Date { get; }

    /// <summary>A reference to an actor.</summary>
    public static ArgumentValue Actor(string id) => Reference(ArgumentType.Actor, id);

    /// <summary>A reference to a place.</summary>
    public static ArgumentValue Place(string id) => Reference(ArgumentType.Place, id);

    /// <summary>A reference to a claim (by its id).</summary>
    public static ArgumentValue Claim(string id) => Reference(ArgumentType.Claim, id);

    /// <summary>A reference to another declared name (a source or a hypothesis).</summary>
    public static ArgumentValue Name(string id) => Reference(ArgumentType.Name, id);

    /// <summary>A reference of the given type (actor, place, claim or name).</summary>
    public static ArgumentValue Reference(ArgumentType type, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!ArgumentTypes.IsReference(type))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "not a reference type");
        }

        return new ArgumentValue(type, id, null, null, null);
    }

    /// <summary>A string value.</summary>
    public static ArgumentValue FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ArgumentValue(ArgumentType.Text, null, text, null, null);
    }

    /// <summary>A number value.</summary>
    public static ArgumentValue FromNumber(decimal number) => new(ArgumentType.Number, null, null, number, null);

    /// <summary>A date value.</summary>
    public static ArgumentValue FromDate(ClaimDate date)
    {
        ArgumentNullException.ThrowIfNull(date);
        return new ArgumentValue(ArgumentType.Date, null, null, null, date);
    }

    /// <summary>The value as text: the id, the text, the number (invariant culture) or the EDTF text.</summary>
    public override string ToString() => Type switch
    {
        ArgumentType.Text => Text!,
        ArgumentType.Number => Number!.Value.ToString(CultureInfo.InvariantCulture),
        ArgumentType.Date => Date!.Edtf,
        _ => Id!,
    };
}

/// <summary>One argument of a claim: the parameter name (or the 1-based position, as text, when the
/// predicate does not name its parameters) and the value.</summary>
/// <param name="Name">The parameter name, or <c>"1"</c>, <c>"2"</c>, … for an unnamed positional argument.</param>
/// <param name="Value">The value.</param>
public sealed record ClaimArgument(string Name, ArgumentValue Value);
