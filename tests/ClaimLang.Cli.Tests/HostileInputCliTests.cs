using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ClaimLang.Cli.Tests.Support;

namespace ClaimLang.Cli.Tests;

/// <summary>
/// <c>claimc</c> on hostile inputs: unreadable files and folders named <c>*.claim</c>, named pipes and devices,
/// invalid UTF-8, random bytes, NUL bytes, a 100 MB file, a 20 MB word, ten thousand files. Bad input is a
/// diagnostic (exit 1) or an input error (exit 2 with a message that names the path), never a crash, a stack
/// trace or a hang. (The compiler-level hostile tests are in ClaimLang.Compiler.Tests/Reliability.)
/// </summary>
[Collection(HostileCliCollection.Name)]
public class HostileInputCliTests
{
    private const string Valid = "source S \"s\" reliability B\nactor A \"a\"\nclaim A.p on 2017 source S confidence low\n";

    /// <summary>Runs claimc, failing (instead of hanging the test run) if it has not finished after a very long time.</summary>
    private static CliResult RunGuarded(string folder, string[] args, Action? unblock = null)
    {
        var run = Task.Run(() => Claimc.Run(folder, args));
        if (!run.Wait(TimeSpan.FromMinutes(5)))
        {
            unblock?.Invoke();
            Assert.Fail($"claimc {string.Join(' ', args)} did not finish: it hangs on this input");
        }
        return run.Result;
    }

    private static void AssertNoCrash(CliResult result)
    {
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ unreadable files and folders

    [Fact]
    public void An_unreadable_claim_file_exits_2_naming_it()
    {
        using var ws = new TempFolder();
        ws.Write("good.claim", Valid);
        string bad = ws.Write("bad.claim", "actor B \"b\"\n");
        // Make it unreadable: without permissions where that stops reads (not for root, as in CI), and in every case
        // by holding it open without sharing (an exclusive lock, which .NET honours on every platform).
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(bad, UnixFileMode.None);
        bool stillReadable = CanRead(bad);
        using var exclusive = stillReadable ? new FileStream(bad, FileMode.Open, FileAccess.ReadWrite, FileShare.None) : null;
        try
        {
            var result = RunGuarded(ws.Path, ["check", "."]);
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("cannot read", result.Error, StringComparison.Ordinal);
            Assert.Contains("bad.claim", result.Error, StringComparison.Ordinal);
            AssertNoCrash(result);
        }
        finally
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(bad, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private static bool CanRead(string path)
    {
        try
        {
            File.ReadAllBytes(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public void A_named_pipe_called_x_claim_exits_2_instead_of_hanging()
    {
        if (OperatingSystem.IsWindows()) return; // Windows has no named pipes inside folders.
        using var ws = new TempFolder();
        ws.Write("good.claim", Valid);
        string fifo = ws.Full("pipe.claim");
        Assert.Equal(0, MakeFifo(fifo, 0b110_110_110));
        // Should claimc block on the pipe, writing to it releases the reader so the test run can go on.
        void Unblock()
        {
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        }

        foreach (var args in new[] { new[] { "check", "." }, new[] { "check", "pipe.claim" }, new[] { "syntax", "pipe.claim" } })
        {
            var result = RunGuarded(ws.Path, args, Unblock);
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("pipe.claim", result.Error, StringComparison.Ordinal);
            Assert.Contains("named pipe", result.Error, StringComparison.Ordinal);
            AssertNoCrash(result);
        }
    }

    [Fact]
    public void A_claim_file_that_links_to_a_device_exits_2_instead_of_reading_forever()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/dev/zero")) return;
        using var ws = new TempFolder();
        File.CreateSymbolicLink(ws.Full("zero.claim"), "/dev/zero");
        // Given explicitly: the user named it, but a device is still not a source file.
        var result = RunGuarded(ws.Path, ["check", "zero.claim"]);
        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("character device", result.Error, StringComparison.Ordinal);
        // Found in a folder: the link leads outside the workspace, so it is not followed at all.
        ws.Write("good.claim", Valid);
        var folder = RunGuarded(ws.Path, ["check", "."]);
        Assert.True(folder.ExitCode == 0, folder.ToString());
    }

    [Fact]
    public void A_claimlang_json_that_is_a_named_pipe_is_a_configuration_error_not_a_hang()
    {
        if (OperatingSystem.IsWindows()) return;
        using var ws = new TempFolder();
        ws.Write("good.claim", Valid);
        string fifo = ws.Full("claimlang.json");
        Assert.Equal(0, MakeFifo(fifo, 0b110_110_110));
        void Unblock()
        {
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        }

        var result = RunGuarded(ws.Path, ["check", "."], Unblock);
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("CLM0001", result.Output, StringComparison.Ordinal);
        Assert.Contains("named pipe", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_named_x_claim_is_walked_like_any_folder()
    {
        using var ws = new TempFolder();
        ws.Write("notes.claim/inner.claim", Valid);
        var result = RunGuarded(ws.Path, ["check", "--format", "json", "."]);
        Assert.True(result.ExitCode == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(1, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        // Named on the command line it is a folder too.
        Assert.Equal(0, RunGuarded(ws.Path, ["check", "notes.claim"]).ExitCode);
    }

    [Fact]
    public void A_folder_named_x_claim_that_cannot_be_read_exits_2_naming_it()
    {
        using var ws = new TempFolder();
        ws.Write("good.claim", Valid);
        string folder = ws.Full("locked.claim");
        Directory.CreateDirectory(folder);
        ws.Write("locked.claim/inner.claim", Valid);
        bool chmodWorks = false;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.None);
            chmodWorks = !CanList(folder);
        }
        if (!chmodWorks)
        {
            // As root (CI) permissions do not stop anything: use an entry that cannot be resolved instead, a link
            // to itself named like a folder of claims.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(folder, recursive: true);
            File.CreateSymbolicLink(folder, "locked.claim");
        }
        try
        {
            var result = RunGuarded(ws.Path, ["check", "."]);
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("cannot read", result.Error, StringComparison.Ordinal);
            Assert.Contains("locked.claim", result.Error, StringComparison.Ordinal);
            AssertNoCrash(result);
        }
        finally
        {
            if (chmodWorks && !OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static bool CanList(string folder)
    {
        try
        {
            _ = Directory.GetFileSystemEntries(folder);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public void A_dangling_link_named_x_claim_is_skipped_in_a_folder_and_an_error_when_named()
    {
        using var ws = new TempFolder();
        ws.Write("good.claim", Valid);
        File.CreateSymbolicLink(ws.Full("gone.claim"), ws.Full("nowhere.claim"));
        var folder = RunGuarded(ws.Path, ["check", "."]);
        Assert.True(folder.ExitCode == 0, folder.ToString());
        var named = RunGuarded(ws.Path, ["check", "gone.claim"]);
        Assert.True(named.ExitCode == 2, named.ToString());
        Assert.Contains("gone.claim", named.Error, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ bytes

    [Fact]
    public void Invalid_UTF8_is_a_positioned_diagnostic_in_every_format()
    {
        using var ws = new TempFolder();
        byte[] before = Encoding.UTF8.GetBytes("source S \"s\"\nactor A \"é\"\nclaim A.p source S note \"ab");
        byte[] after = Encoding.UTF8.GetBytes("\" confidence low\n");
        File.WriteAllBytes(ws.Full("bad.claim"), [.. before, 0xFF, 0xFE, .. after]);
        var text = RunGuarded(ws.Path, ["check", "."]);
        Assert.True(text.ExitCode == 1, text.ToString());
        Assert.Contains($"bad.claim(3,{"claim A.p source S note \"ab".Length + 1}): error CLM1001: the file is not valid UTF-8: invalid byte 0xFF at byte offset {before.Length}", text.Output, StringComparison.Ordinal);
        AssertNoCrash(text);
        foreach (var format in new[] { "json", "sarif" })
        {
            var result = RunGuarded(ws.Path, ["check", "--format", format, "."]);
            Assert.Equal(1, result.ExitCode);
            using var _ = JsonDocument.Parse(result.Output);
        }
    }

    [Fact]
    public void Random_bytes_and_NUL_bytes_are_diagnostics_with_printable_messages()
    {
        using var ws = new TempFolder();
        var random = new byte[200_000];
        new Random(23).NextBytes(random);
        File.WriteAllBytes(ws.Full("random.claim"), random);
        File.WriteAllBytes(ws.Full("nul.claim"), [.. Encoding.UTF8.GetBytes("claim A.p source S\n"), 0, 0, 0, .. Encoding.UTF8.GetBytes("\nactor A \"a\"\0\n")]);
        foreach (var format in new[] { "text", "json", "sarif", "github", "msbuild" })
        {
            var result = RunGuarded(ws.Path, ["check", "--format", format, "."]);
            Assert.True(result.ExitCode == 1, result.ToString()[..Math.Min(2000, result.ToString().Length)]);
            AssertNoCrash(result);
            // NUL and other control characters are named in messages (U+0000), never written raw.
            Assert.DoesNotContain('\0', result.Output);
            if (format is "json" or "sarif")
            {
                using var _ = JsonDocument.Parse(result.Output);
            }
        }
    }

    // ------------------------------------------------------------------ size

    [Fact]
    public void A_100_megabyte_file_is_checked_with_its_last_error_in_place()
    {
        using var ws = new TempFolder();
        var b = new StringBuilder(101_000_000);
        b.Append("source S \"s\" reliability B\nactor A \"a\"\n");
        string note = new string('n', 10_000);
        int i = 0;
        while (b.Length < 100_000_000) b.Append("claim c").Append(i++).Append(" = A.p on 2017 source S confidence low note \"").Append(note).Append("\"\n");
        int lastLine = i + 3;
        b.Append("claim A.q source Missing confidence low\n");
        File.WriteAllText(ws.Full("big.claim"), b.ToString());
        b.Clear();

        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var result = RunGuarded(ws.Path, ["check", "."]);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.True(result.ExitCode == 1, result.Error);
        Assert.Contains($"big.claim({lastLine},18): error CLM2001: undefined source 'Missing'", result.Output, StringComparison.Ordinal);
        // Generous: the bytes, their UTF-16 text, interned token texts and the tree, several times over.
        Assert.True(allocated < 3_000_000_000L, $"{allocated:N0} bytes allocated to check a 100 MB file");
    }

    [Fact]
    public void A_20_megabyte_word_gives_a_short_message()
    {
        using var ws = new TempFolder();
        ws.Write("long.claim", Valid + new string('w', 20_000_000) + "\n");
        var result = RunGuarded(ws.Path, ["check", "--format", "json", "."]);
        Assert.True(result.ExitCode == 1, result.Error);
        Assert.True(result.Output.Length < 10_000, $"{result.Output.Length:N0} characters of output for one diagnostic");
        using var json = JsonDocument.Parse(result.Output);
        var diagnostic = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("CLM1007", diagnostic.GetProperty("id").GetString());
        Assert.Equal(4, diagnostic.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Ten_thousand_files_are_checked_with_the_one_error_found()
    {
        using var ws = new TempFolder();
        File.WriteAllText(ws.Full("claimlang.json"), "{ \"asOf\": \"2026-01-01\" }");
        ws.Write("sources/s.claim", "source S \"s\" reliability B\n");
        for (int i = 0; i < 9_999; i++)
        {
            string folder = ws.Full($"f{i / 100:D3}");
            if (i % 100 == 0) Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"c{i:D5}.claim"), $"actor A{i} \"a\"\nclaim A{i}.p on 2017 source {(i == 4321 ? "Missing" : "S")} confidence low\n");
        }
        var result = RunGuarded(ws.Path, ["check", "--format", "json", "."]);
        Assert.True(result.ExitCode == 1, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(10_000, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        var error = Assert.Single(json.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("severity").GetString() == "error");
        Assert.EndsWith("c04321.claim", error.GetProperty("file").GetString(), StringComparison.Ordinal);
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}

/// <summary>These tests are heavy on memory and files: one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileCliCollection
{
    public const string Name = "Hostile claimc inputs (one at a time)";
}
