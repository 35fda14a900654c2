using ClaimLang.Runtime;

namespace ClaimLang.Runtime.Tests.Dates;

public class EdtfDateParseTests
{
    [Theory]
    // Level 0: year, month, day.
    [InlineData("2017", "2017-01-01", "2017-12-31", EdtfPrecision.Year)]
    [InlineData("0000", "0000-01-01", "0000-12-31", EdtfPrecision.Year)]
    [InlineData("9999", "9999-01-01", "9999-12-31", EdtfPrecision.Year)]
    [InlineData("2017-01", "2017-01-01", "2017-01-31", EdtfPrecision.Month)]
    [InlineData("2017-02", "2017-02-01", "2017-02-28", EdtfPrecision.Month)]
    [InlineData("2016-02", "2016-02-01", "2016-02-29", EdtfPrecision.Month)]
    [InlineData("1900-02", "1900-02-01", "1900-02-28", EdtfPrecision.Month)]
    [InlineData("2000-02", "2000-02-01", "2000-02-29", EdtfPrecision.Month)]
    [InlineData("2017-04", "2017-04-01", "2017-04-30", EdtfPrecision.Month)]
    [InlineData("2017-12", "2017-12-01", "2017-12-31", EdtfPrecision.Month)]
    [InlineData("2017-01-28", "2017-01-28", "2017-01-28", EdtfPrecision.Day)]
    [InlineData("2016-02-29", "2016-02-29", "2016-02-29", EdtfPrecision.Day)]
    [InlineData("2000-02-29", "2000-02-29", "2000-02-29", EdtfPrecision.Day)]
    [InlineData("0000-02-29", "0000-02-29", "0000-02-29", EdtfPrecision.Day)]
    // Level 0: date and time; the day is the calendar day as written, whatever the offset.
    [InlineData("2017-01-28T07:23", "2017-01-28", "2017-01-28", EdtfPrecision.Minute)]
    [InlineData("2017-01-28T07:23:00Z", "2017-01-28", "2017-01-28", EdtfPrecision.Second)]
    [InlineData("2017-01-28T07:23+03:00", "2017-01-28", "2017-01-28", EdtfPrecision.Minute)]
    [InlineData("2017-01-28T01:23+03:00", "2017-01-28", "2017-01-28", EdtfPrecision.Minute)]
    [InlineData("2017-01-28T23:59:59.999-05:00", "2017-01-28", "2017-01-28", EdtfPrecision.Second)]
    [InlineData("2017-01-28T07:23:00+03", "2017-01-28", "2017-01-28", EdtfPrecision.Second)]
    [InlineData("2017-01-28T07:23+0300", "2017-01-28", "2017-01-28", EdtfPrecision.Minute)]
    [InlineData("2017-01-28T00:00+14:00", "2017-01-28", "2017-01-28", EdtfPrecision.Minute)]
    [InlineData("2017-01-28T00:00-12:00", "2017-01-28", "2017-01-28", EdtfPrecision.Minute)]
    [InlineData("2017-01-28T00:00-00:30", "2017-01-28", "2017-01-28", EdtfPrecision.Minute)]
    // Level 1: qualifiers do not change the range.
    [InlineData("2017?", "2017-01-01", "2017-12-31", EdtfPrecision.Year)]
    [InlineData("2017~", "2017-01-01", "2017-12-31", EdtfPrecision.Year)]
    [InlineData("2017-01%", "2017-01-01", "2017-01-31", EdtfPrecision.Month)]
    [InlineData("2017-01-28?", "2017-01-28", "2017-01-28", EdtfPrecision.Day)]
    // Level 1: unspecified digits.
    [InlineData("201X", "2010-01-01", "2019-12-31", EdtfPrecision.Year)]
    [InlineData("20XX", "2000-01-01", "2099-12-31", EdtfPrecision.Year)]
    [InlineData("XXXX", "0000-01-01", "9999-12-31", EdtfPrecision.Year)]
    [InlineData("2017-XX", "2017-01-01", "2017-12-31", EdtfPrecision.Month)]
    [InlineData("2017-01-XX", "2017-01-01", "2017-01-31", EdtfPrecision.Day)]
    [InlineData("2017-02-XX", "2017-02-01", "2017-02-28", EdtfPrecision.Day)]
    [InlineData("2016-02-XX", "2016-02-01", "2016-02-29", EdtfPrecision.Day)]
    [InlineData("2017-11-XX", "2017-11-01", "2017-11-30", EdtfPrecision.Day)]
    [InlineData("2017-XX-XX", "2017-01-01", "2017-12-31", EdtfPrecision.Day)]
    [InlineData("XXXX-XX", "0000-01-01", "9999-12-31", EdtfPrecision.Month)]
    [InlineData("XXXX-XX-XX", "0000-01-01", "9999-12-31", EdtfPrecision.Day)]
    [InlineData("-201X", "-2019-01-01", "-2010-12-31", EdtfPrecision.Year)]
    [InlineData("-20XX", "-2099-01-01", "-2000-12-31", EdtfPrecision.Year)]
    // Level 1: seasons (northern meteorological; winter runs into the next year).
    [InlineData("2017-21", "2017-03-01", "2017-05-31", EdtfPrecision.Season)]
    [InlineData("2017-22", "2017-06-01", "2017-08-31", EdtfPrecision.Season)]
    [InlineData("2017-23", "2017-09-01", "2017-11-30", EdtfPrecision.Season)]
    [InlineData("2017-24", "2017-12-01", "2018-02-28", EdtfPrecision.Season)]
    [InlineData("2015-24", "2015-12-01", "2016-02-29", EdtfPrecision.Season)]
    [InlineData("-0001-24", "-0001-12-01", "0000-02-29", EdtfPrecision.Season)]
    // Level 1: negative and long years.
    [InlineData("-1985", "-1985-01-01", "-1985-12-31", EdtfPrecision.Year)]
    [InlineData("-0044-03-15", "-0044-03-15", "-0044-03-15", EdtfPrecision.Day)]
    [InlineData("-0004-02-29", "-0004-02-29", "-0004-02-29", EdtfPrecision.Day)]
    [InlineData("Y170000", "+170000-01-01", "+170000-12-31", EdtfPrecision.Year)]
    [InlineData("Y-170000", "-170000-01-01", "-170000-12-31", EdtfPrecision.Year)]
    [InlineData("Y10000", "+10000-01-01", "+10000-12-31", EdtfPrecision.Year)]
    [InlineData("Y999999999", "+999999999-01-01", "+999999999-12-31", EdtfPrecision.Year)]
    // Intervals.
    [InlineData("2017-01-23/2017-01-27", "2017-01-23", "2017-01-27", EdtfPrecision.Day)]
    [InlineData("2016/2017", "2016-01-01", "2017-12-31", EdtfPrecision.Year)]
    [InlineData("2017-01/2017-03-15", "2017-01-01", "2017-03-15", EdtfPrecision.Month)]
    [InlineData("2004-06~/2004-06-11%", "2004-06-01", "2004-06-11", EdtfPrecision.Month)]
    [InlineData("2017-01/..", "2017-01-01", null, EdtfPrecision.Month)]
    [InlineData("../2017-01-30", null, "2017-01-30", EdtfPrecision.Day)]
    [InlineData("2017-01/", "2017-01-01", null, EdtfPrecision.Month)]
    [InlineData("/2017-01", null, "2017-01-31", EdtfPrecision.Month)]
    [InlineData("2017/2017", "2017-01-01", "2017-12-31", EdtfPrecision.Year)]
    [InlineData("2017-01-31/2017-01", "2017-01-31", "2017-01-31", EdtfPrecision.Day)]
    [InlineData("2017-01-28T07:00Z/2017-01-28T06:30-01:00", "2017-01-28", "2017-01-28", EdtfPrecision.Minute)]
    [InlineData("2017-01-28T22:00Z/2017-01-29", "2017-01-28", "2017-01-29", EdtfPrecision.Minute)]
    [InlineData("-0500/-0400", "-0500-01-01", "-0400-12-31", EdtfPrecision.Year)]
    public void Accepts_every_form_with_its_range_of_days(string text, string? earliest, string? latest, EdtfPrecision precision)
    {
        EdtfParseResult result = EdtfDate.Parse(text.AsSpan());

        Assert.True(result.Success, $"'{text}' was refused: {result}");
        Assert.Equal(EdtfErrorKind.None, result.ErrorKind);
        Assert.Null(result.ErrorMessage);
        EdtfDate value = result.Value;
        Assert.Equal(text, value.Text);
        Assert.Equal(text, value.ToString());
        Assert.Equal(earliest, value.EarliestText);
        Assert.Equal(latest, value.LatestText);
        Assert.Equal(precision, value.Precision);
        Assert.Equal(earliest is null, value.Earliest is null);
        Assert.Equal(latest is null, value.Latest is null);
    }

    [Theory]
    [InlineData("2017-01-28", 2017, 1, 28, 2017, 1, 28)]
    [InlineData("2017-01", 2017, 1, 1, 2017, 1, 31)]
    [InlineData("2017-24", 2017, 12, 1, 2018, 2, 28)]
    [InlineData("2017-01-23/2017-01-27", 2017, 1, 23, 2017, 1, 27)]
    [InlineData("0001", 1, 1, 1, 1, 12, 31)]
    public void Earliest_and_latest_are_DateOnly_days(string text, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        EdtfDate value = EdtfDate.Parse(text);

        Assert.Equal(new DateOnly(y1, m1, d1), value.Earliest);
        Assert.Equal(new DateOnly(y2, m2, d2), value.Latest);
        Assert.Equal(value.Earliest!.Value.DayNumber, value.EarliestDayNumber);
        Assert.Equal(value.Latest!.Value.DayNumber, value.LatestDayNumber);
    }

    [Fact]
    public void Days_outside_DateOnly_are_clamped_but_day_numbers_are_exact()
    {
        EdtfDate ancient = EdtfDate.Parse("-0044-03-15");
        Assert.Equal(DateOnly.MinValue, ancient.Earliest);
        Assert.Equal(DateOnly.MinValue, ancient.Latest);
        Assert.True(ancient.EarliestDayNumber < 0);

        EdtfDate yearZero = EdtfDate.Parse("0000-12-31");
        Assert.Equal(-1, yearZero.EarliestDayNumber);

        EdtfDate far = EdtfDate.Parse("Y170000");
        Assert.Equal(DateOnly.MaxValue, far.Earliest);
        Assert.Equal(DateOnly.MaxValue, far.Latest);
        Assert.True(far.EarliestDayNumber > DateOnly.MaxValue.DayNumber);
        Assert.True(far.LatestDayNumber > far.EarliestDayNumber);
    }

    [Theory]
    [InlineData("2017", false, false)]
    [InlineData("2017?", true, false)]
    [InlineData("2017~", false, true)]
    [InlineData("2017%", true, true)]
    [InlineData("2017-01-28?", true, false)]
    [InlineData("2017-01~", false, true)]
    [InlineData("2017?/2018", true, false)]
    [InlineData("2017/2018~", false, true)]
    [InlineData("2017?/2018~", true, true)]
    [InlineData("2017-01-28T07:23Z", false, false)]
    [InlineData("201X", false, false)]
    public void Qualifiers_set_uncertain_and_approximate(string text, bool uncertain, bool approximate)
    {
        EdtfDate value = EdtfDate.Parse(text);

        Assert.Equal(uncertain, value.IsUncertain);
        Assert.Equal(approximate, value.IsApproximate);
    }

    [Theory]
    [InlineData("2017-01-23/2017-01-27", false, false, false, false)]
    [InlineData("2017-01/..", false, true, false, false)]
    [InlineData("../2017-01", true, false, false, false)]
    [InlineData("2017-01/", false, false, false, true)]
    [InlineData("/2017-01", false, false, true, false)]
    [InlineData("../2017-01/", false, false, false, false)]
    public void Interval_ends_are_reported(string text, bool openStart, bool openEnd, bool unknownStart, bool unknownEnd)
    {
        EdtfParseResult result = EdtfDate.Parse(text.AsSpan());
        if (text.Count(c => c == '/') > 1)
        {
            Assert.Equal(EdtfErrorKind.Malformed, result.ErrorKind);
            return;
        }

        EdtfDate value = result.Value;
        Assert.True(value.IsInterval);
        Assert.Equal(openStart, value.HasOpenStart);
        Assert.Equal(openEnd, value.HasOpenEnd);
        Assert.Equal(unknownStart, value.HasUnknownStart);
        Assert.Equal(unknownEnd, value.HasUnknownEnd);
        Assert.Equal(openStart || unknownStart, value.Earliest is null);
        Assert.Equal(openEnd || unknownEnd, value.Latest is null);
    }

    [Fact]
    public void Single_values_are_not_intervals_and_have_both_ends()
    {
        EdtfDate value = EdtfDate.Parse("2017-01-28");

        Assert.False(value.IsInterval);
        Assert.False(value.HasOpenStart || value.HasOpenEnd || value.HasUnknownStart || value.HasUnknownEnd);
        Assert.False(value.HasUnspecifiedDigits || value.IsSeason || value.HasTime || value.IsLongYear);
    }

    [Theory]
    [InlineData("201X", true, false, false, false)]
    [InlineData("2017-01-XX", true, false, false, false)]
    [InlineData("2017-21", false, true, false, false)]
    [InlineData("2017-01-28T07:23", false, false, true, false)]
    [InlineData("2017-01-28T07:23Z/2017-02", false, false, true, false)]
    [InlineData("Y12345", false, false, false, true)]
    public void Kind_flags_are_reported(string text, bool unspecified, bool season, bool time, bool longYear)
    {
        EdtfDate value = EdtfDate.Parse(text);

        Assert.Equal(unspecified, value.HasUnspecifiedDigits);
        Assert.Equal(season, value.IsSeason);
        Assert.Equal(time, value.HasTime);
        Assert.Equal(longYear, value.IsLongYear);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("2017-1-28", 5)]
    [InlineData("2017-01-1", 8)]
    [InlineData("17-01", 0)]
    [InlineData("17", 0)]
    [InlineData("201", 0)]
    [InlineData("12345", 0)]
    [InlineData("20170128", 0)]
    [InlineData("2017--01", 5)]
    [InlineData("2017-", 4)]
    [InlineData("2017-01-", 7)]
    [InlineData("-", 0)]
    [InlineData("2017_01", 4)]
    [InlineData("2017 ", 4)]
    [InlineData("2017-01-28 07:23", 10)]
    [InlineData("2017-01-28t07:23", 10)]
    [InlineData("2017-01-28T", 10)]
    [InlineData("2017-01-28T07", 11)]
    [InlineData("2017-01-28T7:23", 11)]
    [InlineData("2017-01-28T07:3", 14)]
    [InlineData("2017-01-28T07:23:5", 17)]
    [InlineData("2017-01-28T07:23:00.", 19)]
    [InlineData("2017-01-28T07:23:00.5Zx", 22)]
    [InlineData("2017-01-28T07:23z", 16)]
    [InlineData("2017-01-28T07:23+3", 16)]
    [InlineData("2017-01-28T07:23+03:0", 16)]
    [InlineData("2017-01-28T07:23-00:00", 16)]
    [InlineData("2017-01-28T07:23-00", 16)]
    [InlineData("2017-01-28T07:23:00Z?", 20)]
    [InlineData("2017-01-28T07:23~", 16)]
    [InlineData("2017-01T07:23", 7)]
    [InlineData("2017T07", 4)]
    [InlineData("2017??", 5)]
    [InlineData("2017?~", 5)]
    [InlineData("?2017", 0)]
    [InlineData("2017?-01", 4)]
    [InlineData("2017-01?-28", 7)]
    [InlineData("2XXX", 0)]
    [InlineData("X017", 0)]
    [InlineData("2X1X", 0)]
    [InlineData("201x", 3)]
    [InlineData("2017-xx", 5)]
    [InlineData("201X-XX", 4)]
    [InlineData("201X-01", 4)]
    [InlineData("201X?", 4)]
    [InlineData("2017-XX~", 7)]
    [InlineData("2017-XX-28", 8)]
    [InlineData("2017-0X", 5)]
    [InlineData("2017-01-2X", 8)]
    [InlineData("2017-01-XXT07:00", 10)]
    [InlineData("XXXX-12", 5)]
    [InlineData("-XXXX", 0)]
    [InlineData("-0000", 0)]
    [InlineData("-0000-XX", 0)]
    [InlineData("2017-25", 5)]
    [InlineData("2017-41", 5)]
    [InlineData("2017-21?", 7)]
    [InlineData("2017-21-01", 7)]
    [InlineData("2017-21/2017-22", 0)]
    [InlineData("2016/2017-22", 5)]
    [InlineData("2017-XX/2018", 0)]
    [InlineData("2016/201X", 5)]
    [InlineData("Y", 0)]
    [InlineData("Y2017", 0)]
    [InlineData("Y012345", 1)]
    [InlineData("Y12345?", 6)]
    [InlineData("Y12345-01", 6)]
    [InlineData("Y12345/2017", 0)]
    [InlineData("2017/2018/2019", 9)]
    [InlineData("/", 0)]
    [InlineData("..", 0)]
    [InlineData("../..", 0)]
    [InlineData("../", 0)]
    [InlineData("/..", 0)]
    [InlineData("2017/...", 5)]
    [InlineData("2017/.", 5)]
    [InlineData("..2017", 0)]
    [InlineData("2017-13-1", 8)]
    [InlineData("2017-02-30/2018-1", 16)]
    public void Refuses_malformed_text_with_the_offset_of_the_problem(string text, int offset)
    {
        EdtfParseResult result = EdtfDate.Parse(text.AsSpan());

        Assert.False(result.Success, $"'{text}' was accepted");
        Assert.Equal(EdtfErrorKind.Malformed, result.ErrorKind);
        Assert.Equal(offset, result.ErrorOffset);
        Assert.True(result.ErrorLength >= 1);
        Assert.True(result.ErrorOffset + result.ErrorLength <= Math.Max(1, text.Length), $"span {result.ErrorOffset}+{result.ErrorLength} leaves '{text}'");
        Assert.False(string.IsNullOrWhiteSpace(result.ErrorMessage));
        Assert.False(EdtfDate.TryParse(text, out _));
    }

    [Theory]
    [InlineData("2017-02-30", 8, "day 30 does not exist in February 2017")]
    [InlineData("2017-02-29", 8, "day 29 does not exist in February 2017 (2017 is not a leap year)")]
    [InlineData("1900-02-29", 8, "1900 is not a leap year")]
    [InlineData("2100-02-29", 8, "2100 is not a leap year")]
    [InlineData("-0001-02-29", 9, "-0001 is not a leap year")]
    [InlineData("2017-04-31", 8, "day 31 does not exist in April 2017")]
    [InlineData("2017-06-31", 8, "day 31 does not exist in June 2017")]
    [InlineData("2017-01-32", 8, "day 32 does not exist in January 2017")]
    [InlineData("2017-01-00", 8, "day 00 does not exist")]
    [InlineData("2017-13", 5, "month 13 does not exist")]
    [InlineData("2017-00", 5, "month 00 does not exist")]
    [InlineData("2017-20", 5, "month 20 does not exist")]
    [InlineData("2017-13-45", 5, "month 13 does not exist")]
    [InlineData("2017-13-28", 5, "month 13 does not exist")]
    [InlineData("2017-XX-XX/2017-13", 0, "")]
    [InlineData("2017-01-28T25:00", 11, "hour 25 does not exist")]
    [InlineData("2017-01-28T24:00", 11, "hour 24")]
    [InlineData("2017-01-28T23:60", 14, "minute 60 does not exist")]
    [InlineData("2017-01-28T23:59:60", 17, "second 60")]
    [InlineData("2017-01-28T23:59:61", 17, "second 61 does not exist")]
    [InlineData("2017-01-28T07:23+15:00", 16, "UTC offset +15:00 does not exist")]
    [InlineData("2017-01-28T07:23+14:30", 16, "UTC offset +14:30 does not exist")]
    [InlineData("2017-01-28T07:23-12:30", 16, "UTC offset -12:30 does not exist")]
    [InlineData("2017-01-28T07:23+03:60", 20, "minute 60 of the UTC offset")]
    [InlineData("Y1234567890", 0, "at most nine digits")]
    [InlineData("2017-01/2016", 8, "the interval ends (2016) before it starts (2017-01)")]
    [InlineData("2017-01-28/2017-01-27", 11, "before it starts")]
    [InlineData("2018/2017-12-31", 5, "before it starts")]
    [InlineData("2017-01-28T10:00/2017-01-28T09:59", 17, "before it starts")]
    [InlineData("2017-01-28T10:00:00.500/2017-01-28T10:00:00.499", 24, "before it starts")]
    [InlineData("2017-01-28T10:00Z/2017-01-28T12:00+03:00", 18, "before it starts")]
    [InlineData("2017-01-30T01:00+03:00/2017-01-28", 23, "before it starts")]
    [InlineData("2017-01-28T10:00/2017-01-27T07:00+03:00", 17, "before it starts")]
    [InlineData("2017-02-30/2018", 8, "day 30 does not exist in February 2017")]
    [InlineData("2016/2017-02-30", 13, "day 30 does not exist in February 2017")]
    public void Refuses_impossible_values_with_the_offset_and_a_message(string text, int offset, string message)
    {
        EdtfParseResult result = EdtfDate.Parse(text.AsSpan());

        if (message.Length == 0)
        {
            // A syntax error elsewhere in the text wins over an impossible component.
            Assert.Equal(EdtfErrorKind.Malformed, result.ErrorKind);
            return;
        }

        Assert.False(result.Success, $"'{text}' was accepted");
        Assert.Equal(EdtfErrorKind.Impossible, result.ErrorKind);
        Assert.Equal(offset, result.ErrorOffset);
        Assert.Contains(message, result.ErrorMessage, StringComparison.Ordinal);
        Assert.True(result.ErrorOffset + result.ErrorLength <= text.Length);
    }

    [Theory]
    [InlineData("2017-01-28T10:00/2017-01-28T10:00")]
    [InlineData("2017-01-28T10:00Z/2017-01-28T13:00+03:00")]
    [InlineData("2017-01-29T01:00+03:00/2017-01-28")]
    [InlineData("2017-01-28T10:00/2017-01-28T09:00+03:00")]
    [InlineData("2017-01-28T10:00:00.500/2017-01-28T10:00:00.5")]
    [InlineData("2017-01-28/2017-01-28")]
    [InlineData("2017-05/2017")]
    public void Accepts_intervals_whose_end_may_be_at_or_after_their_start(string text)
    {
        Assert.True(EdtfDate.TryParse(text, out EdtfDate value), EdtfDate.Parse(text.AsSpan()).ToString());
        Assert.True(value.IsInterval);
    }

    [Fact]
    public void Messages_name_the_problem_for_common_mistakes()
    {
        Assert.Contains("write 01", EdtfDate.Parse("2017-1-28".AsSpan()).ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("four digits", EdtfDate.Parse("17-01".AsSpan()).ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("found '-'", EdtfDate.Parse("2017--01".AsSpan()).ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("only one qualifier", EdtfDate.Parse("2017?~".AsSpan()).ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Level 2", EdtfDate.Parse("2017-25".AsSpan()).ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("exactly one '/'", EdtfDate.Parse("2017/2018/2019".AsSpan()).ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("upper-case T", EdtfDate.Parse("2017-01-28t07:23".AsSpan()).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_of_a_string_throws_FormatException_with_the_message()
    {
        FormatException error = Assert.Throws<FormatException>(() => EdtfDate.Parse("2017-02-30"));

        Assert.Contains("day 30 does not exist in February 2017", error.Message, StringComparison.Ordinal);
        Assert.Contains("offset 8", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => EdtfDate.Parse((string)null!));
    }

    [Fact]
    public void TryParse_reports_success_and_the_value()
    {
        Assert.True(EdtfDate.TryParse("2017-01~".AsSpan(), out EdtfDate value));
        Assert.Equal("2017-01~", value.Text);
        Assert.False(EdtfDate.TryParse("2017-13".AsSpan(), out EdtfDate refused));
        Assert.Equal(string.Empty, refused.Text);
        Assert.False(EdtfDate.TryParse((string?)null, out _));
    }

    [Fact]
    public void Parse_reads_a_slice_of_a_larger_buffer_and_copies_only_the_slice()
    {
        ReadOnlySpan<char> line = "claim X.y on 2017-01-28 source S".AsSpan();

        EdtfDate value = EdtfDate.Parse(line.Slice(13, 10)).Value;

        Assert.Equal("2017-01-28", value.Text);
    }

    [Fact]
    public void Value_of_a_failed_result_throws()
    {
        EdtfParseResult result = EdtfDate.Parse("2017-13".AsSpan());

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains("month 13", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Equality_is_ordinal_on_the_text()
    {
        EdtfDate a = EdtfDate.Parse("2017-01");
        EdtfDate b = EdtfDate.Parse("2017-01");
        EdtfDate c = EdtfDate.Parse("2017-01-01/2017-01-31");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.True(a != c);
        Assert.Equal(a.Earliest, c.Earliest);
        Assert.Equal(a.Latest, c.Latest);
        Assert.False(a.Equals((object)"2017-01"));
        Assert.True(a.Equals((object)b));
    }

    [Fact]
    public void Default_value_has_no_text_and_refuses_comparisons()
    {
        EdtfDate none = default;

        Assert.Equal(string.Empty, none.Text);
        Assert.Null(none.Earliest);
        Assert.Null(none.Latest);
        Assert.Throws<InvalidOperationException>(() => none.Overlaps(EdtfDate.Parse("2017")));
        Assert.Throws<InvalidOperationException>(() => none.CertainlyAfter(new DateOnly(2017, 1, 1)));
    }
}
