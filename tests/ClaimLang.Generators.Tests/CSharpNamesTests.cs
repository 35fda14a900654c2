using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ClaimLang.Generators.Tests;

public class CSharpNamesTests
{
    [Theory]
    [InlineData("MET", "MET")]
    [InlineData("coup_attempt", "coup_attempt")]
    [InlineData("class", "@class")]
    [InlineData("int", "@int")]
    [InlineData("_", "_")]
    [InlineData("بشار", "بشار")]
    [InlineData("Ünïcödé", "Ünïcödé")]
    [InlineData("𝔄lpha", "_U1D504lpha")]
    [InlineData("a-b", "a_U002Db")]
    [InlineData("2nd", "_2nd")]
    [InlineData("", "_")]
    public void Identifier_is_valid_CSharp(string name, string expected)
    {
        var identifier = CSharpNames.Identifier(name);

        Assert.Equal(expected, identifier);
        var parsed = SyntaxFactory.ParseName(identifier);
        Assert.IsType<IdentifierNameSyntax>(parsed);
        Assert.False(parsed.ContainsDiagnostics);
    }

    [Fact]
    public void Names_of_one_scope_get_distinct_identifiers_in_a_fixed_order()
    {
        var scope = new CSharpNames.Scope("Sources", "ToString");

        Assert.Equal("_U1D504lpha", scope.Add("_U1D504lpha"));
        Assert.Equal("_U1D504lpha_2", scope.Add("𝔄lpha"));
        Assert.Equal("Sources_2", scope.Add("Sources"));
        Assert.Equal("ToString_2", scope.Add("ToString"));
        Assert.Equal("@class", scope.Add("class"));
        Assert.Equal("ToString_2_2", scope.Add("ToString_2"));
    }

    public static TheoryData<string> Strings() =>
    [
        "",
        "plain",
        "quotes \" and backslashes \\",
        "line\nbreaks\r\nand\ttabs",
        "separators \u2028 \u2029 \u0085 and a BOM \uFEFF",
        "controls \0 \u0001 \u007F \u009F",
        "Arabic بشار الأسد and an emoji 😀",
        "lone surrogates \uD800 x \uDC00 and reversed \uDC00\uD800",
    ];

    [Theory]
    [MemberData(nameof(Strings))]
    public void String_literal_gives_back_the_same_string(string value) => AssertRoundTrip(value);

    [Fact]
    public void String_literal_gives_back_the_same_string_for_random_text()
    {
        var random = new Random(20170128);
        for (int n = 0; n < 500; n++)
        {
            var text = new StringBuilder();
            int length = random.Next(0, 40);
            for (int i = 0; i < length; i++) text.Append((char)random.Next(0, 0x10000));
            AssertRoundTrip(text.ToString());
        }
    }

    private static void AssertRoundTrip(string value)
    {
        var literal = CSharpNames.StringLiteral(value);
        Assert.DoesNotContain('\n', literal);
        Assert.DoesNotContain('\r', literal);
        Assert.DoesNotContain('\u2028', literal);
        Assert.DoesNotContain('\u2029', literal);
        Assert.DoesNotContain('\u0085', literal);
        var expression = Assert.IsType<LiteralExpressionSyntax>(SyntaxFactory.ParseExpression(literal));
        Assert.False(expression.ContainsDiagnostics, literal);
        Assert.Equal(value, expression.Token.Value);
    }

    [Theory]
    [InlineData(33.4114)]
    [InlineData(-77.0369)]
    [InlineData(0.1)]
    [InlineData(1e300)]
    [InlineData(-0.0)]
    [InlineData(5e-324)]
    public void Double_literal_gives_back_the_same_double(double value)
    {
        var literal = CSharpNames.DoubleLiteral(value);
        var expression = SyntaxFactory.ParseExpression(literal);
        Assert.False(expression.ContainsDiagnostics);
        var token = expression is PrefixUnaryExpressionSyntax negative
            ? -(double)((LiteralExpressionSyntax)negative.Operand).Token.Value!
            : (double)((LiteralExpressionSyntax)expression).Token.Value!;
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(token));
    }

    [Theory]
    [InlineData("10000")]
    [InlineData("-12345678901234567890.5")]
    [InlineData("0.0001")]
    [InlineData("79228162514264337593543950335")]
    public void Decimal_literal_gives_back_the_same_decimal(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        var literal = CSharpNames.DecimalLiteral(value);
        var expression = SyntaxFactory.ParseExpression(literal);
        Assert.False(expression.ContainsDiagnostics);
        var parsed = expression is PrefixUnaryExpressionSyntax negative
            ? -(decimal)((LiteralExpressionSyntax)negative.Operand).Token.Value!
            : (decimal)((LiteralExpressionSyntax)expression).Token.Value!;
        Assert.Equal(value, parsed);
        Assert.Equal(value.Scale, parsed.Scale);
    }
}
