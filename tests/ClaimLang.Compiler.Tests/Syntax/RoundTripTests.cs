using System.Text;
using ClaimLang.Syntax;
using ClaimLang.Tests.TestSupport;

namespace ClaimLang.Tests.Syntax;

/// <summary>The tree is lossless: for every input, the tree's text is the input.</summary>
public class RoundTripTests
{
    private static void AssertRoundTrip(string text)
    {
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(text, tree.ToString());
        Assert.Equal(text, tree.GetRoot().ToFullString());
        Assert.Equal(text.Length, tree.GetRoot().FullSpan.Length);
        // Tokens tile the text: each token's full span starts where the previous one ended.
        int position = 0;
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            Assert.Equal(position, token.FullSpan.Start);
            position = token.FullSpan.End;
        }
        Assert.Equal(text.Length, position);
        // Diagnostics never point outside the text.
        foreach (var d in tree.GetDiagnostics()) Assert.True(d.Location.Span.End <= text.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFFclaim X.y source S\n")]
    [InlineData("claim X.y source S")]
    [InlineData("claim X.y source S\r\nclaim X.z source S\r\n")]
    [InlineData("claim X.y source S\rclaim X.z source S\r")]
    [InlineData("\0\0\0")]
    [InlineData("claim \0 X.y")]
    [InlineData("\uD800 lone high \uDC00 lone low")]
    [InlineData("claim \uD83D\uDE00.y source S")]
    [InlineData("\"unterminated")]
    [InlineData("\"\"\"unterminated raw\nclaim X.y source S\n")]
    [InlineData("/* unterminated")]
    [InlineData("   \n\t\n")]
    [InlineData("claim X.y on 2017-01-28T07:23+03:00 source S")]
    [InlineData("......")]
    [InlineData("-")]
    [InlineData("--1")]
    [InlineData("\\u{")]
    public void Edge_cases_round_trip(string text) => AssertRoundTrip(text);

    [Fact]
    public void Generated_and_mutated_files_round_trip()
    {
        var generator = new ClaimGenerator(1);
        for (int i = 0; i < 2000; i++)
        {
            var text = generator.File(1 + i % 7);
            AssertRoundTrip(text);
            AssertRoundTrip(generator.Mutate(text));
        }
    }

    [Fact]
    public void Random_garbage_round_trips()
    {
        var generator = new ClaimGenerator(2);
        for (int i = 0; i < 2000; i++) AssertRoundTrip(generator.Garbage(i % 300));
    }

    [Fact]
    public void Random_bytes_decoded_as_utf8_round_trip()
    {
        var random = new Random(3);
        for (int i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            AssertRoundTrip(Encoding.UTF8.GetString(bytes));
        }
    }

    [Fact]
    public void A_50_megabyte_line_round_trips()
    {
        var text = "claim X.y source S note \"" + new string('a', 50_000_000) + "\"";
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(text.Length, tree.GetRoot().FullSpan.Length);
        Assert.Empty(tree.GetDiagnostics());
        Assert.Equal(text, tree.ToString());
    }

    [Fact]
    public void Corpus_files_round_trip()
    {
        int count = 0;
        foreach (var file in TestPaths.ClaimFiles("examples", "seeds", "tests"))
        {
            AssertRoundTrip(File.ReadAllText(file));
            count++;
        }
        Assert.True(count > 0);
    }
}
