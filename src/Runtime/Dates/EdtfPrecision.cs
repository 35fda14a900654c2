namespace ClaimLang.Runtime;

/// <summary>
/// The finest calendar unit written in an EDTF value. Unspecified digits count as written:
/// <c>2017-XX</c> has month precision and <c>201X</c> year precision (see
/// <see cref="EdtfDate.HasUnspecifiedDigits"/>). For an interval it is the precision of its start,
/// or of its end when the start is open or unknown.
/// </summary>
public enum EdtfPrecision : byte
{
    /// <summary>A year: <c>2017</c>, <c>201X</c>, <c>-0044</c>, <c>Y170000</c>.</summary>
    Year,

    /// <summary>A season of a year: <c>2017-21</c> … <c>2017-24</c>.</summary>
    Season,

    /// <summary>A month: <c>2017-01</c>, <c>2017-XX</c>.</summary>
    Month,

    /// <summary>A day: <c>2017-01-28</c>, <c>2017-01-XX</c>.</summary>
    Day,

    /// <summary>A date with hours and minutes: <c>2017-01-28T07:23</c>.</summary>
    Minute,

    /// <summary>A date with hours, minutes and seconds (and possibly a fraction): <c>2017-01-28T07:23:05Z</c>.</summary>
    Second,
}
