using System.Text.Json;
using ClaimLang.Cli.Tests.Support;

namespace ClaimLang.Cli.Tests;

public class CheckCommandTests
{
    private const string Sources = "source MET \"Middle East Transparent\" published 2017-02-07 reliability C\nactor IRGC \"Guards\"\n";

    [Fact]
    public void A_clean_workspace_exits_0_and_prints_a_summary()
    {
        using var folder = new TempFolder();
        folder.Write("a.claim", Sources + "claim IRGC.alert on 2017-01 source MET confidence low\n");
        var result = Claimc.Run(folder.Path, "check");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 file, 1 claim: 0 errors, 0 warnings, 0 infos", result.Output);
    }

    [Fact]
    public void A_syntax_error_is_reported_on_its_line_and_the_lines_after_it_stay_quiet()
    {
        using var folder = new TempFolder();
        folder.Write("a.claim", Sources + "claim IRGC.alert on 2017-01 sorce MET confidence low\nclaim IRGC.calm on 2017-01 source MET confidence low\n");
        var result = Claimc.Run(folder.Path, "check", "a.claim");
        Assert.Equal(1, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("a.claim(3,29): error CLM1008: 'sorce' is not a clause of a claim; did you mean 'source'?", lines[0]);
        Assert.DoesNotContain(lines, l => l.StartsWith("a.claim(4,", StringComparison.Ordinal));
    }

    [Fact]
    public void Warnings_fail_only_with_warnaserror()
    {
        using var folder = new TempFolder();
        folder.Write("a.claim", Sources + "claim IRGC.alert on 2017-01 source MET\n");
        Assert.Equal(0, Claimc.Run(folder.Path, "check").ExitCode);
        Assert.Equal(1, Claimc.Run(folder.Path, "check", "--warnaserror").ExitCode);
    }

    [Fact]
    public void Json_format_is_one_object_with_diagnostics_and_summary()
    {
        using var folder = new TempFolder();
        folder.Write("a.claim", Sources + "claim IRGC.alert on 2017-01 source MTE confidence low\n");
        var result = Claimc.Run(folder.Path, "check", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var all = json.RootElement.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(["CLM3007", "CLM2001"], all.Select(e => e.GetProperty("id").GetString()));  // sorted by line
        var d = all[1];
        Assert.Equal("a.claim", d.GetProperty("file").GetString());
        Assert.Equal(3, d.GetProperty("line").GetInt32());
        Assert.Equal(36, d.GetProperty("column").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("errors").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("claims").GetInt32());
    }

    [Theory]
    [InlineData("sarif", "\"version\": \"2.1.0\"")]
    [InlineData("github", "::error file=a.claim,line=3,col=36")]
    [InlineData("msbuild", "a.claim(3,36,3,39): error CLM2001")]
    public void Other_formats_are_written(string format, string fragment)
    {
        using var folder = new TempFolder();
        folder.Write("a.claim", Sources + "claim IRGC.alert on 2017-01 source MTE confidence low\n");
        var result = Claimc.Run(folder.Path, "check", "--format", format);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(fragment, result.Output);
    }

    [Fact]
    public void Bad_usage_and_missing_paths_exit_2()
    {
        using var folder = new TempFolder();
        Assert.Equal(2, Claimc.Run(folder.Path, "check", "--format", "xml").ExitCode);
        Assert.Equal(2, Claimc.Run(folder.Path, "check", "no-such-folder").ExitCode);
        Assert.Equal(2, Claimc.Run(folder.Path, "no-such-command").ExitCode);
    }

    [Fact]
    public void Each_workspace_is_compiled_with_its_own_configuration()
    {
        using var folder = new TempFolder();
        folder.Write("one/claimlang.json", "{ \"strictPredicates\": true }");
        folder.Write("one/a.claim", Sources + "claim IRGC.alert on 2017-01 source MET confidence low\n");
        folder.Write("two/a.claim", Sources + "claim IRGC.alert on 2017-01 source MET confidence low\n");
        var result = Claimc.Run(folder.Path, "check", "one", "two");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("one/a.claim(3,12): error CLM3009", result.Output);
        Assert.DoesNotContain("CLM2002", result.Output); // same names in the two folders do not clash
        Assert.DoesNotContain("two/a.claim(3,12): error CLM3009", result.Output);
    }

    [Fact]
    public void Invalid_utf8_is_a_positioned_diagnostic()
    {
        using var folder = new TempFolder();
        var bytes = System.Text.Encoding.UTF8.GetBytes(Sources + "claim IRGC.alert source MET confidence low note \"x\"\n").ToList();
        bytes.InsertRange(bytes.Count - 3, new byte[] { 0xC3, 0x28 });
        File.WriteAllBytes(folder.Full("a.claim"), [.. bytes]);
        var result = Claimc.Run(folder.Path, "check");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("a.claim(3,", result.Output);
        Assert.Contains("not valid UTF-8", result.Output);
    }
}

public class OtherCommandTests
{
    [Fact]
    public void Explain_prints_the_help_page_and_rejects_unknown_codes()
    {
        using var folder = new TempFolder();
        var result = Claimc.Run(folder.Path, "explain", "CLM2001");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# CLM2001", result.Output);
        Assert.Equal(2, Claimc.Run(folder.Path, "explain", "CLM9999").ExitCode);
    }

    [Fact]
    public void Syntax_prints_the_tree()
    {
        using var folder = new TempFolder();
        folder.Write("a.claim", "claim X.y source S\n");
        var result = Claimc.Run(folder.Path, "syntax", "a.claim");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ClaimDeclaration [0..19)", result.Output);
        Assert.Contains("SourceKeyword \"source\" [10..16)", result.Output);
    }

    [Fact]
    public void Init_creates_a_workspace_that_checks_clean_and_refuses_to_overwrite()
    {
        using var folder = new TempFolder();
        Assert.Equal(0, Claimc.Run(folder.Path, "init").ExitCode);
        Assert.True(File.Exists(folder.Full("claimlang.json")));
        Assert.Equal(0, Claimc.Run(folder.Path, "check").ExitCode);
        Assert.Equal(2, Claimc.Run(folder.Path, "init").ExitCode);
    }
}

public class FmtCommandTests
{
    private const string Messy = "source   S   \"s\"   reliability C\nactor A \"a\"\nclaim A.p   source S\n     confidence low   \n\n\n\nclaim A.q source S confidence low\n";
    private const string Tidy = "source S \"s\" reliability C\nactor A \"a\"\nclaim A.p source S confidence low\n\nclaim A.q source S confidence low\n";

    [Fact]
    public void Fmt_rewrites_files_into_the_canonical_layout()
    {
        using var folder = new TempFolder();
        folder.Write("a.claim", Messy);
        var result = Claimc.Run(folder.Path, "fmt");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Tidy, File.ReadAllText(folder.Full("a.claim")));
    }

    [Fact]
    public void Check_lists_files_that_would_change_and_changes_nothing()
    {
        using var folder = new TempFolder();
        folder.Write("a.claim", Messy);
        folder.Write("b.claim", Tidy.Replace("S", "T").Replace("A", "B"));
        var result = Claimc.Run(folder.Path, "fmt", "--check");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("a.claim\n", result.Output.ReplaceLineEndings("\n"));
        Assert.Equal(Messy, File.ReadAllText(folder.Full("a.claim")));
        File.WriteAllText(folder.Full("a.claim"), Tidy);
        Assert.Equal(0, Claimc.Run(folder.Path, "fmt", "--check").ExitCode);
    }

    [Fact]
    public void Line_endings_and_byte_order_mark_are_kept()
    {
        using var folder = new TempFolder();
        var crlf = "\uFEFF" + Messy.Replace("\n", "\r\n");
        File.WriteAllBytes(folder.Full("a.claim"), System.Text.Encoding.UTF8.GetBytes(crlf));
        Assert.Equal(0, Claimc.Run(folder.Path, "fmt").ExitCode);
        var bytes = File.ReadAllBytes(folder.Full("a.claim"));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(Tidy.Replace("\n", "\r\n"), System.Text.Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void A_file_with_syntax_errors_is_reported_and_left_untouched()
    {
        using var folder = new TempFolder();
        const string broken = "clam   A.p source S\n";
        folder.Write("a.claim", broken);
        var result = Claimc.Run(folder.Path, "fmt");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("syntax errors", result.Error);
        Assert.Equal(broken, File.ReadAllText(folder.Full("a.claim")));
    }
}

public class ReportSafetyTests
{
    [Fact]
    public void Control_characters_from_claim_files_never_reach_the_terminal()
    {
        using var folder = new TempFolder();
        folder.Write("a.claim", "source S \"s\" document \"\\u{1B}]0;pwned\\u{7}\"\nactor A \"a\"\nclaim A.p source S confidence low\n");
        foreach (var format in new[] { "text", "msbuild" })
        {
            var result = Claimc.Run(folder.Path, "check", "--format", format);
            Assert.Contains("CLM4002", result.Output);
            Assert.DoesNotContain('\u001B', result.Output);
            Assert.DoesNotContain('\u0007', result.Output);
            Assert.Contains("U+001B", result.Output);
        }
    }
}

public class EmptyTextTests
{
    [Fact]
    public void A_dataset_with_empty_titles_and_names_loads_back()
    {
        using var folder = new TempFolder();
        folder.Write("a.claim", "source S \"\"\nactor A \"\"\nplace P \"\"\nhypothesis H \"\"\nclaim A.p at P source S confidence low supports H\n");
        var result = Claimc.Run(folder.Path, "build", "-o", "out");
        Assert.True(result.ExitCode == 0, result.ToString());
        var dataset = ClaimLang.Runtime.ClaimDataset.Load(folder.Full("out/dataset.json"));
        Assert.Equal("", dataset.Sources.Single().Title);
        Assert.Equal("", dataset.Actors.Single().Name);
        Assert.Equal("", dataset.Hypotheses.Single().Statement);
    }
}
