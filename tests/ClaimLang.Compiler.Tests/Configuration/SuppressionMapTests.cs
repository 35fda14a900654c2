using ClaimLang.Configuration;
using ClaimLang.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Tests.Configuration;

public class SuppressionMapTests
{
    private static SuppressionMap Map(string text) => SuppressionMap.Create(SourceText.From(text));

    [Fact]
    public void Comment_disables_the_listed_codes_on_the_next_line()
    {
        var map = Map("""
            source MET "Middle East Transparent"
            // claimlang-disable-next-line CLM3003, CLM3006
            claim IRGC.coup_attempt source MET
            claim IRGC.other source MET
            """);
        Assert.True(map.IsSuppressed(2, "CLM3003"));
        Assert.True(map.IsSuppressed(2, "CLM3006"));
        Assert.False(map.IsSuppressed(2, "CLM3001"));
        Assert.False(map.IsSuppressed(1, "CLM3003"));
        Assert.False(map.IsSuppressed(3, "CLM3003"));
        Assert.Equal(["CLM3003", "CLM3006"], map.CodesOn(2));
        Assert.Equal(1, map.Count);
    }

    [Theory]
    [InlineData("// claimlang-disable-next-line CLM3006")]
    [InlineData("    //claimlang-disable-next-line CLM3006")]
    [InlineData("\t// claimlang-disable-next-line   CLM3006 ,CLM3001")]
    [InlineData("// claimlang-disable-next-line clm3006")]
    [InlineData("// claimlang-disable-next-line CLM3006 -- both reports are kept on purpose")]
    [InlineData("// claimlang-disable-next-line CLM3006 CLM3001")]
    public void Accepted_forms(string comment)
    {
        var map = Map(comment + "\nclaim X.y source S\n");
        Assert.True(map.IsSuppressed(1, "CLM3006"));
        Assert.True(map.IsSuppressed(1, "clm3006"));
        Assert.Empty(map.Problems);
    }

    [Theory]
    [InlineData("claim A.b source S // claimlang-disable-next-line CLM3006")] // after code on the line
    [InlineData("/// claimlang-disable-next-line CLM3006")]                  // a doc comment
    [InlineData("/* claimlang-disable-next-line CLM3006 */")]                // a block comment
    [InlineData("// claimlang-disable-next-lines CLM3006")]                  // another word
    [InlineData("// claimlang-disable-line CLM3006")]
    [InlineData("// note: claimlang-disable-next-line CLM3006")]
    [InlineData("// claimlang-disable-next-line")]                           // no code: disables nothing
    [InlineData("// claimlang-disable-next-line -- CLM3006")]               // only in the reason
    public void Ignored_forms(string comment)
    {
        var map = Map(comment + "\nclaim X.y source S\n");
        Assert.False(map.IsSuppressed(1, "CLM3006"));
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void Applies_only_to_the_very_next_line()
    {
        var map = Map("// claimlang-disable-next-line CLM3006\n\nclaim X.y source S\n");
        Assert.True(map.IsSuppressed(1, "CLM3006"));
        Assert.False(map.IsSuppressed(2, "CLM3006"));
    }

    [Fact]
    public void Directives_do_not_stack()
    {
        var map = Map("// claimlang-disable-next-line CLM3006\n// claimlang-disable-next-line CLM3001\nclaim X.y source S\n");
        Assert.True(map.IsSuppressed(1, "CLM3006"));
        Assert.True(map.IsSuppressed(2, "CLM3001"));
        Assert.False(map.IsSuppressed(2, "CLM3006"));
    }

    [Fact]
    public void Syntax_codes_are_never_suppressed()
    {
        var map = Map("// claimlang-disable-next-line CLM1004, CLM2001\nclaim X.y on 2017-1-28\n");
        Assert.False(map.IsSuppressed(1, "CLM1004"));
        Assert.True(map.IsSuppressed(1, "CLM2001"));
    }

    [Fact]
    public void Words_that_are_not_codes_are_recorded_as_problems()
    {
        const string text = "// claimlang-disable-next-line CLM3006, missing-confidence, CLM30060\nclaim X.y\n";
        var map = Map(text);
        Assert.True(map.IsSuppressed(1, "CLM3006"));
        Assert.Equal(2, map.Problems.Count);
        Assert.Equal("missing-confidence", map.Problems[0].Text);
        Assert.Equal(text.IndexOf("missing-confidence", StringComparison.Ordinal), map.Problems[0].Span.Start);
        Assert.Equal("CLM30060", map.Problems[1].Text);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void Works_with_every_line_break(string newline)
    {
        var map = Map($"source S \"s\"{newline}// claimlang-disable-next-line CLM3007{newline}source T \"t\"{newline}");
        Assert.True(map.IsSuppressed(2, "CLM3007"));
        Assert.False(map.IsSuppressed(1, "CLM3007"));
    }

    [Fact]
    public void Last_line_directive_targets_a_line_past_the_end_harmlessly()
    {
        var map = Map("claim X.y\n// claimlang-disable-next-line CLM3006");
        Assert.True(map.IsSuppressed(2, "CLM3006"));
        Assert.False(map.IsSuppressed(1, "CLM3006"));
    }

    [Fact]
    public void Checks_a_diagnostic_by_its_start_line_and_code()
    {
        const string source = "// claimlang-disable-next-line CLM3006\nclaim X.y source S\n";
        var text = SourceText.From(source);
        var map = SuppressionMap.Create(text);
        var onLine1 = Location.Create("a.claim", text, new TextSpan(source.IndexOf("claim X", StringComparison.Ordinal), 5));
        var onLine0 = Location.Create("a.claim", text, new TextSpan(3, 5));

        Assert.True(map.IsSuppressed(new Diagnostic(DiagnosticCatalog.MissingConfidence, DiagnosticSeverity.Warning, "m", onLine1)));
        Assert.False(map.IsSuppressed(new Diagnostic(DiagnosticCatalog.MissingConfidence, DiagnosticSeverity.Warning, "m", onLine0)));
        Assert.False(map.IsSuppressed(new Diagnostic(DiagnosticCatalog.UncitedSource, DiagnosticSeverity.Info, "m", onLine1)));
    }

    [Fact]
    public void Text_without_directives_gives_the_empty_map()
    {
        Assert.Same(SuppressionMap.Empty, Map("claim X.y source S // a comment\n// another\n"));
        Assert.False(SuppressionMap.Empty.IsSuppressed(0, "CLM3006"));
    }
}
