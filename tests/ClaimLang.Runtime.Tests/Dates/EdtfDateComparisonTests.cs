using ClaimLang.Runtime;

namespace ClaimLang.Runtime.Tests.Dates;

public class EdtfDateComparisonTests
{
    private static EdtfDate D(string text) => EdtfDate.Parse(text);

    [Theory]
    [InlineData("2017-01", "2017-02", true)]
    [InlineData("2017-01", "2017-01-31", false)]
    [InlineData("2017-01-30", "2017-01-31", true)]
    [InlineData("2017-01-31", "2017-01-31", false)]
    [InlineData("2017", "2017-21", false)]
    [InlineData("2016", "2017-21", true)]
    [InlineData("2017-24", "2018-01", false)] // winter 2017 runs to the end of February 2018
    [InlineData("2017-24", "2018-03", true)]
    [InlineData("2017-01-28T23:59Z", "2017-01-29", true)]
    [InlineData("2017-01-28T07:00", "2017-01-28T08:00", false)] // days, not times, are compared
    [InlineData("201X", "2020", true)]
    [InlineData("201X", "2019-12-31", false)]
    [InlineData("2016/2016-06", "2018", true)]
    [InlineData("2016/", "2018", false)] // the unknown end could lie after 2018
    [InlineData("2016/..", "2018", false)]
    [InlineData("../2016", "2018", true)]
    [InlineData("/2016", "2018", true)]
    [InlineData("2018", "2016/..", false)]
    [InlineData("2016", "/2019", false)] // the other's unknown start could lie before 2016
    [InlineData("2016", "../2019", false)]
    [InlineData("2016-12-31", "2017/", true)]
    [InlineData("2016-12-31", "2017/..", true)]
    [InlineData("2017?", "2018~", true)]
    public void CertainlyBefore_holds_only_when_every_day_is_earlier(string a, string b, bool expected)
    {
        Assert.Equal(expected, D(a).CertainlyBefore(D(b)));
        Assert.Equal(expected, D(b).CertainlyAfter(D(a)));
    }

    [Theory]
    [InlineData("2017", "2017-01-01", false)]
    [InlineData("2017", "2017-06", true)]
    [InlineData("2017-06", "2017", true)]
    [InlineData("2018", "2017", false)]
    [InlineData("2017-01-28", "2017-01-28", false)]
    [InlineData("2017-01-28", "2017-01-29", true)]
    [InlineData("2018/", "2017", false)]
    [InlineData("/2018", "2017", true)]
    [InlineData("../2018", "2017", true)]
    [InlineData("2018/..", "2017", false)]
    [InlineData("2018", "2017/..", true)]
    [InlineData("2018", "2017/", true)]
    [InlineData("2018", "/2017", false)]
    public void PossiblyBefore_holds_when_some_day_is_earlier(string a, string b, bool expected)
    {
        Assert.Equal(expected, D(a).PossiblyBefore(D(b)));
    }

    [Theory]
    [InlineData("2017-01", "2017-01-15", true)]
    [InlineData("2017-01", "2017-02", false)]
    [InlineData("2017-01-31", "2017-02", false)]
    [InlineData("2017-01/2017-03", "2017-02-14", true)]
    [InlineData("2017-01/2017-03", "2017-03-31", true)]
    [InlineData("2017-01/2017-03", "2017-04-01", false)]
    [InlineData("2017-24", "2018-02-10", true)]
    [InlineData("2017-24", "2018-03", false)]
    [InlineData("2017-21", "2017-03-01", true)]
    [InlineData("2017-21", "2017-02-28", false)]
    [InlineData("2016/", "2030", true)]
    [InlineData("/2016", "2030", false)]
    [InlineData("../2016", "2015", true)]
    [InlineData("2017-01/..", "2016", false)]
    [InlineData("2017-01/..", "2016/", true)]
    [InlineData("201X", "2015-06-01", true)]
    [InlineData("2017-XX", "2018", false)]
    [InlineData("2017-01-28T23:00-05:00", "2017-01-28", true)]
    public void Overlaps_when_the_ranges_of_days_meet(string a, string b, bool expected)
    {
        Assert.Equal(expected, D(a).Overlaps(D(b)));
        Assert.Equal(expected, D(b).Overlaps(D(a)));
    }

    [Theory]
    [InlineData("2017", "2017-21", true)]
    [InlineData("2017", "2017-24", false)] // winter 2017 reaches into 2018
    [InlineData("2017/2018", "2017-24", true)]
    [InlineData("2017", "2017", true)]
    [InlineData("2017-01/2017-03", "2017-02-14", true)]
    [InlineData("2017-01/2017-03", "2017-01/2017-02", true)]
    [InlineData("2017-01/2017-03", "2017-04", false)]
    [InlineData("2017-01/2017-03", "2016-12-31/2017-02", false)]
    [InlineData("2017-01-15", "2017-01", false)]
    [InlineData("201X", "2015-06-01", true)]
    [InlineData("201X", "2020", false)]
    [InlineData("2017-01/", "2017-01-15", true)]
    [InlineData("2017-01/", "2017-02", false)] // the unknown end may be in January
    [InlineData("/2017-03", "2017-03-10", true)]
    [InlineData("/2017-03", "2017-02", false)] // the unknown start may be in March
    [InlineData("../2017-03", "2017-02", true)]
    [InlineData("../2017-03", "../2017-01", true)]
    [InlineData("2017-01/..", "2030", true)]
    [InlineData("2017-01/..", "2030/", true)]
    [InlineData("2017-01/..", "2030/..", true)]
    [InlineData("2017-01/2040", "2030/", false)]
    [InlineData("2017-01/2040", "/2030", false)]
    [InlineData("2017-01/..", "../2030", false)]
    public void Contains_only_what_is_certainly_inside(string a, string b, bool expected)
    {
        Assert.Equal(expected, D(a).Contains(D(b)));
    }

    [Theory]
    [InlineData("2017-02-08", "2017-02-07", true)]
    [InlineData("2017-02-07", "2017-02-07", false)]
    [InlineData("2017-02", "2017-02-07", false)]
    [InlineData("2017-03", "2017-02-07", true)]
    [InlineData("2017-03?", "2017-02-07", true)]
    [InlineData("2017-24", "2017-11-30", true)]
    [InlineData("2017-24", "2017-12-01", false)]
    [InlineData("/2030", "2017-01-01", false)]
    [InlineData("../2030", "2017-01-01", false)]
    [InlineData("2018/", "2017-12-31", true)]
    [InlineData("2018/..", "2017-12-31", true)]
    [InlineData("202X", "2019-12-31", true)]
    [InlineData("20XX", "2019-12-31", false)]
    [InlineData("-0044-03-15", "0001-01-01", false)]
    [InlineData("Y170000", "9999-12-31", true)]
    [InlineData("2030", "2025-06-01", true)]
    [InlineData("2025-07/..", "2025-06-01", true)]
    [InlineData("2025", "2025-06-01", false)]
    [InlineData("2017/..", "2025-06-01", false)]
    public void CertainlyAfter_a_day_is_what_CLM3010_needs(string claim, string asOf, bool expected)
    {
        Assert.Equal(expected, D(claim).CertainlyAfter(DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2017-01-28", "2017-02-07", false)]
    [InlineData("2017-02", "2017-02-07", false)]
    [InlineData("2017-02-08", "2017-02", false)]
    [InlineData("2017-03", "2017-02", true)]
    [InlineData("2017-03/2017-04", "2017-02-07", true)]
    [InlineData("2017-01/2017-04", "2017-02-07", false)]
    [InlineData("2017-03", "2017-02/", false)]
    public void CertainlyAfter_another_date_is_what_CLM3001_needs(string claim, string published, bool expected)
    {
        Assert.Equal(expected, D(claim).CertainlyAfter(D(published)));
    }

    [Theory]
    [InlineData("2017", "2017-06-30", true)]
    [InlineData("2017", "2018-01-01", false)]
    [InlineData("2017/", "2030-01-01", true)]
    [InlineData("../2017", "1000-01-01", true)]
    [InlineData("2017", "2016-12-31", false)]
    public void Allows_and_CertainlyBefore_a_day(string text, string day, bool allows)
    {
        DateOnly d = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(allows, D(text).Allows(d));
        Assert.Equal(D(text).LatestDayNumber < d.DayNumber, D(text).CertainlyBefore(d));
    }

    [Fact]
    public void CompareTo_orders_a_timeline_and_agrees_with_equality()
    {
        string[] texts = ["2017-02", "../2016", "2017-01-15", "2017", "2017-01", "/2017-01", "2017/..", "2017/", "2016-24", "2017-01"];
        List<EdtfDate> values = [.. texts.Select(D)];

        values.Sort();

        Assert.Equal(
            ["../2016", "/2017-01", "2016-24", "2017-01", "2017-01", "2017", "2017/", "2017/..", "2017-01-15", "2017-02"],
            values.Select(v => v.Text).ToArray());
        Assert.Equal(0, D("2017-01").CompareTo(D("2017-01")));
        Assert.NotEqual(0, D("2017-01").CompareTo(D("2017-01-01/2017-01-31")));
    }
}
