using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace ClaimLang.Runtime;

/// <summary>
/// A date literal in the Extended Date/Time Format (ISO 8601-2, Levels 0 and 1) as ClaimLang accepts it:
/// <c>2017</c>, <c>2017-01</c>, <c>2017-01-28</c>, <c>2017-01-28T07:23[:05][Z|±hh:mm]</c>, a trailing
/// qualifier <c>?</c> <c>~</c> <c>%</c>, unspecified digits (<c>201X</c>, <c>2017-XX</c>, <c>2017-01-XX</c>),
/// seasons <c>2017-21</c>…<c>2017-24</c>, long years <c>Y170000</c>, negative years, and intervals
/// (<c>a/b</c>, <c>../b</c>, <c>a/..</c>, <c>a/</c>, <c>/b</c>). See docs/dates.md for the full rules.
/// </summary>
/// <remarks>
/// <para>
/// A value knows the literal as written (<see cref="Text"/>; equality is ordinal on it) and the range of
/// calendar days it allows (<see cref="Earliest"/> … <see cref="Latest"/>). Comparisons work on whole days.
/// </para>
/// <para>
/// Seasons follow the northern-hemisphere meteorological convention: 21 spring = March–May,
/// 22 summer = June–August, 23 autumn = September–November, 24 winter = December of the year through
/// February of the next year.
/// </para>
/// <para>
/// Open ends (<c>..</c>) extend without limit. Unknown ends (an empty side of <c>/</c>) could be anywhere
/// on their side: the comparison methods treat them so that a "certainly" answer is never given when
/// some placement of the unknown end would make it false. <c>default(EdtfDate)</c> is not a value; use
/// the parse methods.
/// </para>
/// </remarks>
[JsonConverter(typeof(EdtfDateJsonConverter))]
public readonly partial struct EdtfDate : IEquatable<EdtfDate>, IComparable<EdtfDate>
{
    private readonly string? _text;
    private readonly long _startEarliest;
    private readonly long _startLatest;
    private readonly long _endEarliest;
    private readonly long _endLatest;
    private readonly Flags _flags;
    private readonly EdtfPrecision _precision;

    private EdtfDate(string text, long startEarliest, long startLatest, long endEarliest, long endLatest, Flags flags, EdtfPrecision precision)
    {
        _text = text;
        _startEarliest = startEarliest;
        _startLatest = startLatest;
        _endEarliest = endEarliest;
        _endLatest = endLatest;
        _flags = flags | Flags.Initialized;
        _precision = precision;
    }

    [Flags]
    private enum Flags : ushort
    {
        None = 0,
        Initialized = 1 << 0,
        Interval = 1 << 1,
        StartOpen = 1 << 2,
        StartUnknown = 1 << 3,
        EndOpen = 1 << 4,
        EndUnknown = 1 << 5,
        Uncertain = 1 << 6,
        Approximate = 1 << 7,
        Unspecified = 1 << 8,
        Season = 1 << 9,
        HasTime = 1 << 10,
        LongYear = 1 << 11,
        StartUnbounded = StartOpen | StartUnknown,
        EndUnbounded = EndOpen | EndUnknown,
    }

    /// <summary>The literal exactly as written (empty for <c>default(EdtfDate)</c>).</summary>
    public string Text => _text ?? string.Empty;

    /// <summary>
    /// The earliest calendar day the value allows, or null when the start is open (<c>../b</c>) or unknown
    /// (<c>/b</c>). For an interval it is the earliest day of its start. Days outside the range of
    /// <see cref="DateOnly"/> (years before 1 or after 9999) are clamped to <see cref="DateOnly.MinValue"/> /
    /// <see cref="DateOnly.MaxValue"/>; <see cref="EarliestDayNumber"/> and <see cref="EarliestText"/> are exact.
    /// </summary>
    public DateOnly? Earliest => HasBoundedStart ? ToDateOnly(_startEarliest) : null;

    /// <summary>
    /// The latest calendar day the value allows, or null when the end is open (<c>a/..</c>) or unknown
    /// (<c>a/</c>). For an interval it is the latest day of its end. Clamped like <see cref="Earliest"/>.
    /// </summary>
    public DateOnly? Latest => HasBoundedEnd ? ToDateOnly(_endLatest) : null;

    /// <summary>
    /// <see cref="Earliest"/> as a day number on the scale of <see cref="DateOnly.DayNumber"/>
    /// (0001-01-01 is 0), extended without clamping to year 0, negative years and long years.
    /// </summary>
    public long? EarliestDayNumber => HasBoundedStart ? _startEarliest : null;

    /// <summary><see cref="Latest"/> as an exact day number (see <see cref="EarliestDayNumber"/>).</summary>
    public long? LatestDayNumber => HasBoundedEnd ? _endLatest : null;

    /// <summary>
    /// <see cref="Earliest"/> written <c>yyyy-mm-dd</c> (with a sign and more digits for years outside
    /// 0000–9999, e.g. <c>-0044-03-15</c>), exact for every value; null when the start is open or unknown.
    /// This is the form the compiled dataset uses for <c>date.start</c>.
    /// </summary>
    public string? EarliestText => HasBoundedStart ? EdtfCalendar.Format(_startEarliest) : null;

    /// <summary><see cref="Latest"/> written like <see cref="EarliestText"/> (<c>date.end</c> in the dataset).</summary>
    public string? LatestText => HasBoundedEnd ? EdtfCalendar.Format(_endLatest) : null;

    /// <summary>Whether the value, or either end of an interval, carries <c>?</c> or <c>%</c>.</summary>
    public bool IsUncertain => Has(Flags.Uncertain);

    /// <summary>Whether the value, or either end of an interval, carries <c>~</c> or <c>%</c>.</summary>
    public bool IsApproximate => Has(Flags.Approximate);

    /// <summary>Whether the value is an interval (contains <c>/</c>).</summary>
    public bool IsInterval => Has(Flags.Interval);

    /// <summary>Whether the interval's start is open (<c>../b</c>): it extends indefinitely into the past.</summary>
    public bool HasOpenStart => Has(Flags.StartOpen);

    /// <summary>Whether the interval's end is open (<c>a/..</c>): it extends indefinitely into the future.</summary>
    public bool HasOpenEnd => Has(Flags.EndOpen);

    /// <summary>Whether the interval's start is unknown (<c>/b</c>).</summary>
    public bool HasUnknownStart => Has(Flags.StartUnknown);

    /// <summary>Whether the interval's end is unknown (<c>a/</c>).</summary>
    public bool HasUnknownEnd => Has(Flags.EndUnknown);

    /// <summary>Whether the value has unspecified digits (<c>201X</c>, <c>2017-XX</c>, <c>2017-01-XX</c>).</summary>
    public bool HasUnspecifiedDigits => Has(Flags.Unspecified);

    /// <summary>Whether the value is a season (<c>2017-21</c> … <c>2017-24</c>).</summary>
    public bool IsSeason => Has(Flags.Season);

    /// <summary>Whether the value, or an end of the interval, has a time of day.</summary>
    public bool HasTime => Has(Flags.HasTime);

    /// <summary>Whether the value is a Y-prefixed long year (<c>Y170000</c>, <c>Y-12000</c>).</summary>
    public bool IsLongYear => Has(Flags.LongYear);

    /// <summary>The finest unit written (see <see cref="EdtfPrecision"/>).</summary>
    public EdtfPrecision Precision => _precision;

    private bool HasBoundedStart => Has(Flags.Initialized) && !Has(Flags.StartUnbounded);

    private bool HasBoundedEnd => Has(Flags.Initialized) && !Has(Flags.EndUnbounded);

    // The widest reading: every day the value could touch. Open and unknown ends are unbounded.
    private long WideLow => Has(Flags.StartUnbounded) ? long.MinValue : _startEarliest;

    private long WideHigh => Has(Flags.EndUnbounded) ? long.MaxValue : _endLatest;

    // The narrowest reading of an interval's extent: an unknown end may lie as close as the other end
    // allows, so the interval is only known to reach as far as its known end. Open ends stay unbounded.
    private long NarrowLow => Has(Flags.StartOpen) ? long.MinValue : Has(Flags.StartUnknown) ? _endEarliest : _startEarliest;

    private long NarrowHigh => Has(Flags.EndOpen) ? long.MaxValue : Has(Flags.EndUnknown) ? _startLatest : _endLatest;

    /// <summary>
    /// Whether the two values can share a day: the range of days one allows meets the range of the other.
    /// Open and unknown ends count as unbounded (an unknown end may lie anywhere on its side).
    /// </summary>
    public bool Overlaps(EdtfDate other)
    {
        EnsureInitialized();
        other.EnsureInitialized();
        return WideLow <= other.WideHigh && other.WideLow <= WideHigh;
    }

    /// <summary>
    /// Whether every day this value allows is before every day <paramref name="other"/> allows.
    /// False as soon as an open or unknown end could make them meet (e.g. <c>2016/</c> is not certainly
    /// before <c>2018</c>: its end is unknown).
    /// </summary>
    public bool CertainlyBefore(EdtfDate other)
    {
        EnsureInitialized();
        other.EnsureInitialized();
        return WideHigh < other.WideLow;
    }

    /// <summary>
    /// Whether some day this value allows is before some day <paramref name="other"/> allows
    /// (open and unknown ends count as unbounded). Two values on the same single day are not.
    /// </summary>
    public bool PossiblyBefore(EdtfDate other)
    {
        EnsureInitialized();
        other.EnsureInitialized();
        return WideLow < other.WideHigh;
    }

    /// <summary>
    /// Whether every day this value allows is after every day <paramref name="other"/> allows
    /// (the mirror of <see cref="CertainlyBefore(EdtfDate)"/>). CLM3001 uses it: a claim is flagged only when it is
    /// certainly dated after its source's publication date.
    /// </summary>
    public bool CertainlyAfter(EdtfDate other) => other.CertainlyBefore(this);

    /// <summary>
    /// Whether every day this value allows is after <paramref name="day"/>. CLM3010 uses it with
    /// <c>asOf</c> (or today): <c>2017-01/..</c> is certainly after 2016-12-31, <c>/2030</c> never is.
    /// </summary>
    public bool CertainlyAfter(DateOnly day)
    {
        EnsureInitialized();
        return WideLow > day.DayNumber;
    }

    /// <summary>Whether every day this value allows is before <paramref name="day"/>.</summary>
    public bool CertainlyBefore(DateOnly day)
    {
        EnsureInitialized();
        return WideHigh < day.DayNumber;
    }

    /// <summary>Whether <paramref name="day"/> is among the days this value allows (unknown ends unbounded).</summary>
    public bool Allows(DateOnly day)
    {
        EnsureInitialized();
        return WideLow <= day.DayNumber && day.DayNumber <= WideHigh;
    }

    /// <summary>
    /// Whether every day <paramref name="other"/> allows lies within the days this value covers for
    /// certain: <c>2017-01/2017-03</c> contains <c>2017-02-14</c>, <c>2017</c> contains <c>2017-21</c>.
    /// An open end of this value covers everything on its side; an unknown end of this value covers nothing
    /// beyond the known end (it might be right there), and an open or unknown end of <paramref name="other"/>
    /// is only contained by an open end on the same side.
    /// </summary>
    public bool Contains(EdtfDate other)
    {
        EnsureInitialized();
        other.EnsureInitialized();
        return NarrowLow <= other.WideLow && other.WideHigh <= NarrowHigh;
    }

    /// <summary>Parses EDTF text, throwing on failure.</summary>
    /// <exception cref="FormatException">The text is malformed or impossible; the message says why and where.</exception>
    public static EdtfDate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        EdtfParseResult result = Parse(text.AsSpan());
        if (!result.Success)
        {
            throw new FormatException($"'{text}' is not a valid date (at offset {result.ErrorOffset}): {result.ErrorMessage}");
        }

        return result.Value;
    }

    /// <summary>Parses EDTF text; false when it is malformed or impossible.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out EdtfDate value)
    {
        EdtfParseResult result = Parse(text);
        value = result.Success ? result.Value : default;
        return result.Success;
    }

    /// <summary>Parses EDTF text; false when it is null, malformed or impossible.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out EdtfDate value)
    {
        if (text is null)
        {
            value = default;
            return false;
        }

        return TryParse(text.AsSpan(), out value);
    }

    /// <summary>Returns <see cref="Text"/>.</summary>
    public override string ToString() => Text;

    /// <summary>Equality is ordinal equality of <see cref="Text"/>.</summary>
    public bool Equals(EdtfDate other) => string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EdtfDate other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <summary>
    /// Chronological order for timelines: by earliest day (open or unknown starts first), then by latest
    /// day (open or unknown ends last), then by <see cref="Text"/> (ordinal), so that it agrees with equality.
    /// </summary>
    public int CompareTo(EdtfDate other)
    {
        int byStart = WideLow.CompareTo(other.WideLow);
        if (byStart != 0)
        {
            return byStart;
        }

        int byEnd = WideHigh.CompareTo(other.WideHigh);
        return byEnd != 0 ? byEnd : string.CompareOrdinal(Text, other.Text);
    }

    /// <summary>Ordinal equality of the texts.</summary>
    public static bool operator ==(EdtfDate left, EdtfDate right) => left.Equals(right);

    /// <summary>Ordinal inequality of the texts.</summary>
    public static bool operator !=(EdtfDate left, EdtfDate right) => !left.Equals(right);

    private bool Has(Flags flag) => (_flags & flag) != 0;

    private void EnsureInitialized()
    {
        if (!Has(Flags.Initialized))
        {
            throw new InvalidOperationException("default(EdtfDate) is not a date; obtain values from EdtfDate.Parse or TryParse.");
        }
    }

    private static DateOnly ToDateOnly(long dayNumber)
    {
        if (dayNumber < DateOnly.MinValue.DayNumber)
        {
            return DateOnly.MinValue;
        }

        return dayNumber > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue : DateOnly.FromDayNumber((int)dayNumber);
    }
}
