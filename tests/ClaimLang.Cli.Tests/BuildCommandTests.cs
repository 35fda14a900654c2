using System.Globalization;
using ClaimLang.Cli.Commands;
using ClaimLang.Cli.Tests.Support;
using ClaimLang.Runtime;
using ClaimLang.Workspace;

namespace ClaimLang.Cli.Tests;

public class BuildCommandTests
{
    private static TempFolder SmallWorkspace()
    {
        var folder = new TempFolder();
        Workspaces.Write(folder.Path, Workspaces.Small);
        return folder;
    }

    [Fact]
    public void Writes_the_requested_forms_and_exits_0()
    {
        using var ws = SmallWorkspace();
        var result = Claimc.Run(ws.Path, "build", "-o", "out", "--emit", "json,jsonl", "--emit", "csv", "--emit", "sqlite");
        Assert.True(result.ExitCode == 0, result.ToString());

        var out_ = ws.Full("out");
        Assert.True(File.Exists(Path.Combine(out_, "dataset.json")));
        Assert.True(File.Exists(Path.Combine(out_, "dataset.jsonl")));
        Assert.True(File.Exists(Path.Combine(out_, "dataset.db")));
        Assert.True(File.Exists(Path.Combine(out_, "csv", "claims.csv")));
        Assert.Contains("3 claims: 0 errors", result.Output, StringComparison.Ordinal);
        Assert.EndsWith("Wrote json, jsonl, csv, sqlite to out\n", result.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal("", result.Error);
        Assert.Empty(Workspaces.BuildLeftovers(out_));

        var dataset = ClaimDataset.Load(Path.Combine(out_, "dataset.json"));
        Assert.Equal(["Bashar.denied@2017-01-30/WIB", "IRGC.withdrew@2015-11/WIB", "coup"], dataset.Claims.Select(c => c.Id));
        Assert.Equal(dataset, ClaimDataset.Load(Path.Combine(out_, "dataset.db")));
        Assert.Equal(dataset, ClaimDataset.Load(Path.Combine(out_, "dataset.jsonl")));
    }

    [Fact]
    public void Json_is_the_default_form_and_warnings_do_not_stop_the_build()
    {
        using var ws = SmallWorkspace();
        ws.Write("c.claim", "claim IRGC.moved source MET\n"); // CLM3006: no confidence (a warning)
        var result = Claimc.Run(ws.Path, "build", ".", "-o", "out");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("c.claim(1,1): warning CLM3006", result.Output, StringComparison.Ordinal);
        Assert.Equal(["dataset.json"], Directory.GetFileSystemEntries(ws.Full("out")).Select(Path.GetFileName));
    }

    [Fact]
    public void Output_folder_and_forms_default_to_claimlang_json()
    {
        using var ws = SmallWorkspace();
        ws.Write("claimlang.json", """{ "asOf": "2026-01-01", "output": { "directory": "build/data", "emit": ["jsonl", "sqlite"] } }""");
        ws.Write("sub/notes.txt", "not claims");
        var result = Claimc.Run(ws.Full("sub"), "build");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["dataset.db", "dataset.jsonl"], Directory.GetFileSystemEntries(ws.Full("build/data")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // -o and --emit win over the configuration.
        result = Claimc.Run(ws.Path, "build", "-o", "other", "--emit", "json");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["dataset.json"], Directory.GetFileSystemEntries(ws.Full("other")).Select(Path.GetFileName));
    }

    [Fact]
    public void Without_an_output_folder_it_is_bad_usage()
    {
        using var ws = SmallWorkspace();
        var result = Claimc.Run(ws.Path, "build");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no output folder", result.Error, StringComparison.Ordinal);
        Assert.Equal(["a.claim", "b.claim", "claimlang.json"], Directory.GetFileSystemEntries(ws.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json,parquet")]
    [InlineData("JSON")]
    public void An_unknown_form_is_bad_usage(string emit)
    {
        using var ws = SmallWorkspace();
        var result = Claimc.Run(ws.Path, "build", "-o", "out", "--emit", emit);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown format", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ws.Full("out")));
    }

    [Fact]
    public void Errors_exit_1_write_nothing_and_leave_the_previous_output_byte_identical()
    {
        using var ws = SmallWorkspace();
        Assert.Equal(0, Claimc.Run(ws.Path, "build", "-o", "out", "--emit", "json,jsonl,csv,sqlite").ExitCode);
        var before = Workspaces.Snapshot(ws.Full("out"));

        ws.Write("b.claim", File.ReadAllText(ws.Full("b.claim")) + "claim IRGC.left source MTE confidence low\n");
        var result = Claimc.Run(ws.Path, "build", "-o", "out", "--emit", "json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("b.claim(5,24): error CLM2001: undefined source 'MTE'; did you mean 'MET'?", result.Output, StringComparison.Ordinal);
        Assert.Contains("nothing was written", result.Output, StringComparison.Ordinal);
        Workspaces.AssertSameFiles(before, Workspaces.Snapshot(ws.Full("out")));
        Assert.Empty(Workspaces.BuildLeftovers(ws.Full("out")));

        // With no previous output, no folder appears.
        Assert.Equal(1, Claimc.Run(ws.Path, "build", "-o", "fresh").ExitCode);
        Assert.False(Directory.Exists(ws.Full("fresh")));
    }

    [Theory]
    [InlineData("dataset.json")]
    [InlineData("dataset.jsonl")]
    [InlineData("csv/relations.csv")]
    [InlineData("dataset.db")]
    public void A_failure_mid_write_leaves_the_previous_output_byte_identical(string failAfter)
    {
        using var ws = SmallWorkspace();
        Assert.Equal(0, Claimc.Run(ws.Path, "build", "-o", "out", "--emit", "json,csv").ExitCode);
        var before = Workspaces.Snapshot(ws.Full("out"));
        ws.Write("b.claim", File.ReadAllText(ws.Full("b.claim")) + "claim IRGC.left source MET confidence low\n");

        var context = Claimc.Context(ws.Path, out var output, out _);
        var written = new List<string>();
        var error = Assert.Throws<InputException>(() => BuildCommand.Run(
            context,
            new BuildCommand.BuildRequest([], "out", ["json", "jsonl", "csv", "sqlite"]),
            file =>
            {
                written.Add(file);
                if (file == failAfter) throw new IOException("no space left on device (injected)");
            }));

        Assert.Contains("injected", error.Message, StringComparison.Ordinal);
        Assert.Contains("the previous output is unchanged", error.Message, StringComparison.Ordinal);
        Assert.Equal(failAfter, written[^1]);
        Workspaces.AssertSameFiles(before, Workspaces.Snapshot(ws.Full("out")));
        Assert.Empty(Workspaces.BuildLeftovers(ws.Full("out")));
        Assert.DoesNotContain("Wrote", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_successful_build_replaces_every_file_of_the_previous_one()
    {
        using var ws = SmallWorkspace();
        Assert.Equal(0, Claimc.Run(ws.Path, "build", "-o", "out", "--emit", "json,csv,sqlite").ExitCode);
        Assert.Equal(0, Claimc.Run(ws.Path, "build", "-o", "out", "--emit", "jsonl").ExitCode);
        Assert.Equal(["dataset.jsonl"], Directory.GetFileSystemEntries(ws.Full("out")).Select(Path.GetFileName));
        Assert.Empty(Workspaces.BuildLeftovers(ws.Full("out")));
    }

    [Fact]
    public void A_folder_with_other_files_or_the_workspace_itself_is_refused()
    {
        using var ws = SmallWorkspace();
        ws.Write("notes/todo.txt", "keep me");
        var result = Claimc.Run(ws.Path, "build", "-o", "notes");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("todo.txt", result.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", File.ReadAllText(ws.Full("notes/todo.txt")));

        result = Claimc.Run(ws.Path, "build", "-o", ".");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("holds the workspace", result.Error, StringComparison.Ordinal);

        result = Claimc.Run(ws.Path, "build", "-o", "a.claim");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is a file", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(ws.Full("a.claim")));
    }

    [Fact]
    public void Paths_of_several_workspaces_are_refused()
    {
        using var root = new TempFolder();
        Workspaces.Write(Path.Combine(root.Path, "one"), Workspaces.Small);
        Workspaces.Write(Path.Combine(root.Path, "two"), Workspaces.Small);
        var result = Claimc.Run(root.Path, "build", "one", "two", "-o", "out");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("2 workspaces", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root.Full("out")));
    }

    [Fact]
    public void A_missing_path_is_bad_usage()
    {
        using var ws = SmallWorkspace();
        var result = Claimc.Run(ws.Path, "build", "nowhere", "-o", "out");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such file or folder: nowhere", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_order_paths_are_given_in_and_the_folder_change_no_byte()
    {
        using var first = SmallWorkspace();
        using var other = new TempFolder();
        var second = Path.Combine(other.Path, "deeper", "copy");
        Workspaces.Copy(first.Path, second);

        Assert.Equal(0, Claimc.Run(first.Path, "build", "a.claim", "b.claim", "-o", "out", "--emit", "json,jsonl,csv,sqlite").ExitCode);
        Assert.Equal(0, Claimc.Run(second, "build", "b.claim", "a.claim", "-o", "out", "--emit", "json,jsonl,csv,sqlite").ExitCode);
        Workspaces.AssertSameFiles(Workspaces.Snapshot(first.Full("out")), Workspaces.Snapshot(Path.Combine(second, "out")));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("th-TH")]
    [InlineData("tr-TR")]
    public void The_current_culture_changes_no_byte(string culture)
    {
        using var ws = new TempFolder();
        Workspaces.Copy(Repository.Path("seeds"), ws.Path);
        var invariant = Build(ws, "invariant", CultureInfo.InvariantCulture);
        var local = Build(ws, "local", CultureInfo.GetCultureInfo(culture));

        // The culture really is different: its decimal separator or digits are not the invariant ones.
        var info = CultureInfo.GetCultureInfo(culture);
        Assert.True(info.NumberFormat.NumberDecimalSeparator != "." || info.TextInfo.ToUpper('i') != 'I' || info.Calendar is not GregorianCalendar || info.TextInfo.IsRightToLeft);
        Workspaces.AssertSameFiles(invariant, local);

        static SortedDictionary<string, byte[]> Build(TempFolder ws, string name, CultureInfo culture)
        {
            var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = culture;
                var result = Claimc.Run(ws.Path, "build", "-o", name, "--emit", "json,jsonl,csv,sqlite");
                Assert.True(result.ExitCode == 0, result.ToString());
            }
            finally
            {
                CultureInfo.CurrentCulture = current;
                CultureInfo.CurrentUICulture = ui;
            }

            return Workspaces.Snapshot(ws.Full(name));
        }
    }

    [Fact]
    public void Another_process_with_another_time_zone_and_locale_writes_the_same_bytes()
    {
        using var ws = SmallWorkspace();
        Assert.Equal(0, Claimc.Run(ws.Path, "build", "-o", "here", "--emit", "json,jsonl,csv,sqlite").ExitCode);

        var start = ExternalProcess.Claimc(ws.Path, "build", "-o", "there", "--emit", "json,jsonl,csv,sqlite");
        start.Environment["TZ"] = "Pacific/Kiritimati";
        start.Environment["LANG"] = "de_DE.UTF-8";
        start.Environment["LC_ALL"] = "de_DE.UTF-8";
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "false";
        var result = ExternalProcess.Run(start, TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, result.ToString());
        Workspaces.AssertSameFiles(Workspaces.Snapshot(ws.Full("here")), Workspaces.Snapshot(ws.Full("there")));
    }
}
