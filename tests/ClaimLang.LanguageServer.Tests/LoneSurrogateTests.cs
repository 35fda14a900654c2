using System.Text;
using System.Text.Json;
using ClaimLang.LanguageServer.Server;

namespace ClaimLang.LanguageServer.Tests;

public sealed class LoneSurrogateTests
{
    private static string Fix(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        LoneSurrogates.Replace(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    [Theory]
    [InlineData("""{"t":"a\ud800b"}""", """{"t":"a\ufffdb"}""")]
    [InlineData("""{"t":"\udc00"}""", """{"t":"\ufffd"}""")]
    [InlineData("""{"t":"\ud800\ud800\udc00"}""", """{"t":"\ufffd\ud800\udc00"}""")]
    [InlineData("""{"t":"\ud83d\ude00 ok"}""", """{"t":"\ud83d\ude00 ok"}""")]
    [InlineData("""{"t":"\\ud800"}""", """{"t":"\\ud800"}""")]
    [InlineData("""{"t":"\"\ud800"}""", """{"t":"\"\ufffd"}""")]
    [InlineData("""{"\ud800":1}""", """{"\ufffd":1}""")]
    [InlineData("""{"t":"\ud80"}""", """{"t":"\ud80"}""")]
    public void Unpaired_surrogate_escapes_become_replacement_characters(string input, string expected)
    {
        Assert.Equal(expected, Fix(input));
    }

    [Fact]
    public void The_result_parses_and_keeps_its_length_in_utf16_units()
    {
        string fixedJson = Fix("""{"t":"x\ud800y\udfffz"}""");
        string text = JsonDocument.Parse(fixedJson).RootElement.GetProperty("t").GetString()!;
        Assert.Equal("x\uFFFDy\uFFFDz", text);
    }
}
