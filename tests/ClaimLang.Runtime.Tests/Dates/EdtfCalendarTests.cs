using System.Text.Json;
using ClaimLang.Runtime;

namespace ClaimLang.Runtime.Tests.Dates;

public class EdtfCalendarTests
{
    [Fact]
    public void Day_numbers_match_DateOnly_over_its_whole_range()
    {
        for (int dayNumber = DateOnly.MinValue.DayNumber; dayNumber <= DateOnly.MaxValue.DayNumber; dayNumber += 13)
        {
            DateOnly day = DateOnly.FromDayNumber(dayNumber);

            Assert.Equal(dayNumber, EdtfCalendar.DayNumber(day.Year, day.Month, day.Day));
            EdtfCalendar.ToCivil(dayNumber, out long year, out int month, out int dayOfMonth);
            Assert.Equal((day.Year, day.Month, day.Day), ((int)year, month, dayOfMonth));
        }
    }

    [Fact]
    public void Day_numbers_are_consecutive_across_year_zero_and_negative_years()
    {
        long previous = EdtfCalendar.DayNumber(-801, 12, 31);
        for (long year = -800; year <= 3; year++)
        {
            for (int month = 1; month <= 12; month++)
            {
                for (int day = 1; day <= EdtfCalendar.DaysInMonth(year, month); day++)
                {
                    long current = EdtfCalendar.DayNumber(year, month, day);
                    Assert.Equal(previous + 1, current);
                    EdtfCalendar.ToCivil(current, out long y, out int m, out int d);
                    Assert.Equal((year, month, day), (y, m, d));
                    previous = current;
                }
            }
        }

        Assert.Equal(0, EdtfCalendar.DayNumber(1, 1, 1));
        Assert.Equal(-366, EdtfCalendar.DayNumber(0, 1, 1)); // year 0 (1 BC) is a leap year
    }

    [Theory]
    [InlineData(2016, true)]
    [InlineData(2017, false)]
    [InlineData(1900, false)]
    [InlineData(2000, true)]
    [InlineData(2100, false)]
    [InlineData(0, true)]
    [InlineData(-4, true)]
    [InlineData(-1, false)]
    [InlineData(-100, false)]
    [InlineData(-400, true)]
    public void Leap_years_follow_the_proleptic_Gregorian_rule(long year, bool leap)
    {
        Assert.Equal(leap, EdtfCalendar.IsLeapYear(year));
        Assert.Equal(leap ? 29 : 28, EdtfCalendar.DaysInMonth(year, 2));
    }

    [Theory]
    [InlineData(2017, 1, 28, "2017-01-28")]
    [InlineData(0, 2, 29, "0000-02-29")]
    [InlineData(-44, 3, 15, "-0044-03-15")]
    [InlineData(-12345, 1, 1, "-12345-01-01")]
    [InlineData(12345, 12, 31, "+12345-12-31")]
    [InlineData(9999, 12, 31, "9999-12-31")]
    public void Days_are_formatted_with_four_or_more_year_digits(long year, int month, int day, string expected)
    {
        Assert.Equal(expected, EdtfCalendar.Format(EdtfCalendar.DayNumber(year, month, day)));
    }
}

public class EdtfDateJsonTests
{
    private sealed record Holder(EdtfDate Date, EdtfDate? Maybe);

    [Fact]
    public void Serializes_as_the_EDTF_text_and_reads_it_back()
    {
        Holder holder = new(EdtfDate.Parse("2017-01~"), EdtfDate.Parse("2017-01-23/2017-01-27"));

        string json = JsonSerializer.Serialize(holder);
        Holder back = JsonSerializer.Deserialize<Holder>(json)!;

        Assert.Equal("""{"Date":"2017-01~","Maybe":"2017-01-23/2017-01-27"}""", json);
        Assert.Equal(holder.Date, back.Date);
        Assert.Equal(holder.Maybe, back.Maybe);
        Assert.Equal(new DateOnly(2017, 1, 31), back.Date.Latest);
    }

    [Fact]
    public void Refuses_an_invalid_date_with_the_reason()
    {
        JsonException error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("""{"Date":"2017-02-30","Maybe":null}"""));

        Assert.Contains("day 30 does not exist in February 2017", error.Message, StringComparison.Ordinal);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("""{"Date":2017,"Maybe":null}"""));
    }
}
