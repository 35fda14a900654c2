using System.Diagnostics.CodeAnalysis;

namespace ClaimLang.Runtime;

/// <summary>
/// A date written in a claim file (an EDTF value), with the calendar days it allows. Two dates are equal
/// when their EDTF text is equal; <see cref="Start"/>, <see cref="End"/>, <see cref="Uncertain"/> and
/// <see cref="Approximate"/> are always derived from the EDTF value.
/// </summary>
public sealed class ClaimDate : IEquatable<ClaimDate>
{
    /// <summary>Wraps a parsed EDTF value.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <c>default(EdtfDate)</c>, not a parsed value.</exception>
    public ClaimDate(EdtfDate value)
    {
        if (value.Text.Length == 0)
        {
            throw new ArgumentException("default(EdtfDate) is not a date; parse one", nameof(value));
        }

        Value = value;
    }

    /// <summary>The parsed EDTF value (interval semantics: overlaps, before, contains).</summary>
    public EdtfDate Value { get; }

    /// <summary>The EDTF text, e.g. <c>2017-01~</c> or <c>2017-01-23/2017-01-27</c>.</summary>
    public string Edtf => Value.Text;

    /// <summary>
    /// The earliest calendar day the value allows; null for an open or unknown start, or a day outside the
    /// years 0001–9999.
    /// </summary>
    public DateOnly? Start => ToDay(Value.EarliestDayNumber);

    /// <summary>
    /// The latest calendar day the value allows; null for an open or unknown end, or a day outside the
    /// years 0001–9999.
    /// </summary>
    public DateOnly? End => ToDay(Value.LatestDayNumber);

    /// <summary>
    /// The day a timeline sorts this date by: its earliest day, or its latest day when the start is open
    /// or unknown (as a <see cref="DateOnly.DayNumber"/>-scale number, not clamped); null when neither end is bounded.
    /// </summary>
    public long? SortDay => Value.EarliestDayNumber ?? Value.LatestDayNumber;

    /// <summary>True when the value is marked uncertain (<c>?</c> or <c>%</c>) anywhere.</summary>
    public bool Uncertain => Value.IsUncertain;

    /// <summary>True when the value is marked approximate (<c>~</c> or <c>%</c>) anywhere.</summary>
    public bool Approximate => Value.IsApproximate;

    /// <summary>Parses an EDTF value.</summary>
    /// <exception cref="FormatException">The text is not a valid EDTF value.</exception>
    public static ClaimDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a valid EDTF date");

    /// <summary>Parses an EDTF value; false when the text is not one.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ClaimDate? date)
    {
        if (text is not null && EdtfDate.TryParse(text, out var value))
        {
            date = new ClaimDate(value);
            return true;
        }

        date = null;
        return false;
    }

    private static DateOnly? ToDay(long? dayNumber) =>
        dayNumber is { } n && n >= DateOnly.MinValue.DayNumber && n <= DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber((int)n)
            : null;

    /// <inheritdoc />
    public bool Equals(ClaimDate? other) =>
        other is not null && string.Equals(Edtf, other.Edtf, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ClaimDate);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Edtf);

    /// <summary>Value equality.</summary>
    public static bool operator ==(ClaimDate? left, ClaimDate? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ClaimDate? left, ClaimDate? right) => !(left == right);

    /// <summary>The EDTF text.</summary>
    public override string ToString() => Edtf;
}
