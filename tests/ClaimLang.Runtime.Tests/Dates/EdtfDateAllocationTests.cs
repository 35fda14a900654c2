using ClaimLang.Runtime;

namespace ClaimLang.Runtime.Tests.Dates;

public class EdtfDateAllocationTests
{
    [Theory]
    [InlineData("2017-01-28")]
    [InlineData("2017-01-28T07:23:05.5+03:00")]
    [InlineData("2004-06~/2004-06-11%")]
    [InlineData("../2017-01")]
    [InlineData("201X")]
    [InlineData("2017-24")]
    public void Parse_allocates_nothing_but_the_text_of_the_value(string text)
    {
        char[] buffer = text.ToCharArray();
        _ = EdtfDate.Parse(buffer.AsSpan()); // warm up
        _ = new string(buffer);

        long before = GC.GetAllocatedBytesForCurrentThread();
        string copy = new(buffer);
        long stringBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        before = GC.GetAllocatedBytesForCurrentThread();
        EdtfParseResult result = EdtfDate.Parse(buffer.AsSpan());
        long parseBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(text, copy);
        Assert.True(result.Success);
        Assert.Equal(stringBytes, parseBytes);
    }

    [Fact]
    public void Long_garbage_is_refused_at_its_first_problem()
    {
        string digits = new('2', 200_000);
        string slashes = "2017" + new string('/', 200_000);

        EdtfParseResult longRun = EdtfDate.Parse(digits.AsSpan());
        EdtfParseResult manySlashes = EdtfDate.Parse(slashes.AsSpan());

        Assert.Equal(EdtfErrorKind.Malformed, longRun.ErrorKind);
        Assert.Equal(0, longRun.ErrorOffset);
        Assert.Equal(EdtfErrorKind.Malformed, manySlashes.ErrorKind);
        Assert.Equal(5, manySlashes.ErrorOffset);
    }
}
