using ClaimLang.Diagnostics;
using ClaimLang.Reporting;

namespace ClaimLang.Tests.Reporting;

/// <summary>The help pages in docs/diagnostics, embedded in the compiler and printed by <c>claimc explain</c>.</summary>
public class HelpPageTests
{
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in DiagnosticCatalog.All) data.Add(descriptor.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_code_has_an_embedded_page_with_the_required_parts(string code)
    {
        Assert.True(DiagnosticCatalog.TryGet(code, out var descriptor));
        string? help = DiagnosticCatalog.GetHelp(code);
        Assert.NotNull(help);
        Assert.StartsWith($"# {code}: {descriptor.Title}\n", help);
        Assert.Contains("| Default severity | " + (code == "CLM3009" ? "off" : descriptor.DefaultSeverity.ToWord()), help);
        Assert.Contains("## When it is reported", help);
        Assert.Contains("## Why it matters", help);
        Assert.Contains("## Example", help);
        Assert.Contains("## How to fix it", help);
        // An example and its fixed version.
        string fence = code == "CLM0001" ? "```json" : "```claim";
        int first = help!.IndexOf(fence, StringComparison.Ordinal);
        Assert.True(first >= 0, "no example");
        Assert.True(help.IndexOf(fence, first + 1, StringComparison.Ordinal) > first, "no fixed example");
        // The first paragraph is the summary that SARIF uses as the full description.
        string? summary = SarifReportWriter.FirstParagraph(help);
        Assert.False(string.IsNullOrWhiteSpace(summary));
        Assert.DoesNotContain("|", summary);
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Pages_say_how_to_configure_and_suppress_where_that_is_possible(string code)
    {
        string help = DiagnosticCatalog.GetHelp(code)!;
        char family = code[3];
        if (family is '2' or '3' or '4')
        {
            Assert.Contains("\"rules\"", help);
            Assert.Contains($"// claimlang-disable-next-line {code}", help);
            Assert.Contains("| Can be suppressed | yes", help);
        }
        else
        {
            Assert.Contains("| Can be suppressed | no", help);
            Assert.Contains("cannot", help);
        }
        if (family == '1') Assert.Contains("Syntax errors (CLM1xxx) always have severity error", help);
    }

    [Fact]
    public void Unknown_code_has_no_page()
    {
        Assert.Null(DiagnosticCatalog.GetHelp("CLM9999"));
        Assert.NotNull(DiagnosticCatalog.GetHelp("clm2001")); // codes are case-insensitive
    }

    [Fact]
    public void Readme_links_every_code_and_every_page_is_a_known_code()
    {
        string folder = Path.Join(RepositoryPaths.Root, "docs", "diagnostics");
        string readme = File.ReadAllText(Path.Join(folder, "README.md"));
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            Assert.Contains($"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.Title} |", readme);
        }
        foreach (string page in Directory.EnumerateFiles(folder, "CLM*.md"))
        {
            Assert.True(DiagnosticCatalog.TryGet(Path.GetFileNameWithoutExtension(page), out _), $"{page} has no code in the catalog");
        }
    }

    [Fact]
    public void Claim_examples_in_suppression_sections_put_the_directive_alone_on_its_line()
    {
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            string help = DiagnosticCatalog.GetHelp(descriptor.Id)!;
            foreach (string line in help.Split('\n'))
            {
                int at = line.IndexOf("// claimlang-disable-next-line", StringComparison.Ordinal);
                if (at > 0 && line.StartsWith("//", StringComparison.Ordinal)) continue;
                if (at >= 0) Assert.True(at == 0 || line[..at].Trim().Length == 0 || line.Contains('`'), $"{descriptor.Id}: {line}");
            }
        }
    }
}
