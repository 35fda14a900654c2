using System.Text;
using ClaimLang.Binding;
using ClaimLang.Diagnostics;
using ClaimLang.Tests.Configuration;
using ClaimLang.Tests.Reliability.Fuzzing;
using ClaimLang.Workspace;
using Xunit.Abstractions;

namespace ClaimLang.Tests.Reliability;

/// <summary>
/// Hostile inputs at the sizes a default test run affords (docs/reliability.md lists them, and what the long mode
/// of bench/ClaimLang.Fuzz runs at full size). Each compiles its input and checks the result; memory is checked
/// with generous bounds, time never.
/// </summary>
[Collection(HostileCollection.Name)]
public class HostileInputTests(ITestOutputHelper output)
{
    /// <summary>
    /// Generous bounds: a compile may allocate up to this many bytes per input character (a UTF-16 copy of the text
    /// is already two), and nothing it built may stay alive once it is dropped.
    /// </summary>
    private const long AllocatedBytesPerChar = 200;
    private const long MaxLiveAfter = 64L * 1024 * 1024;

    private void AssertBounded(HostileReport report)
    {
        output.WriteLine(report.ToString());
        Assert.True(report.AllocatedBytes <= AllocatedBytesPerChar * report.InputChars + 256L * 1024 * 1024, report.ToString());
        Assert.True(report.LiveBytesAfter <= MaxLiveAfter, "memory stays alive after the compilation is dropped: " + report);
    }

    [Fact]
    public void A_100_megabyte_file_compiles_with_the_error_at_its_end_in_place() =>
        AssertBounded(HostileInputs.CheckLargeFile(100_000_000, dense: false));

    [Fact]
    public void A_dense_10_megabyte_file_compiles() =>
        AssertBounded(HostileInputs.CheckLargeFile(10_000_000, dense: true));

    [Fact]
    public void A_20_megabyte_line_keeps_columns_exact() =>
        AssertBounded(HostileInputs.CheckLongLine(20_000_000));

    [Fact]
    public void A_20_megabyte_word_is_one_short_diagnostic() =>
        AssertBounded(HostileInputs.CheckLongWord(20_000_000));

    [Fact]
    public void A_million_declarations_in_one_file_parse_and_edit_incrementally() =>
        AssertBounded(HostileInputs.CheckManyDeclarations(1_000_001, compile: false, countReused: (before, after) =>
        {
            var old = new HashSet<object>(before.GetRoot().Declarations.Select(d => (object)d.Green), ReferenceEqualityComparer.Instance);
            return after.GetRoot().Declarations.Count(d => old.Contains(d.Green));
        }));

    [Fact]
    public void A_hundred_thousand_declarations_compile() =>
        AssertBounded(HostileInputs.CheckManyDeclarations(100_001, compile: true));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_cites_chain_200000_long_gives_no_stack_overflow(bool cycle) =>
        AssertBounded(HostileInputs.CheckCitesChain(200_000, cycle));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_supersedes_chain_200000_long_gives_no_stack_overflow(bool cycle) =>
        AssertBounded(HostileInputs.CheckSupersedesChain(200_000, cycle));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Part_of_and_in_chains_200000_long_give_no_stack_overflow(bool cycle) =>
        AssertBounded(HostileInputs.CheckContainmentChains(200_000, cycle));

    [Fact]
    public void Did_you_mean_finds_the_one_name_among_100000() =>
        AssertBounded(HostileInputs.CheckDidYouMean(100_000));

    [Fact]
    public void Ten_thousand_files_load_and_compile()
    {
        using var folder = new TempDirectory();
        AssertBounded(HostileInputs.CheckManyFiles(folder.Path, 10_000));
    }

    // ------------------------------------------------------------------ bytes on disk

    private static (Compilation Compilation, IReadOnlyList<Diagnostic> Diagnostics) LoadBytes(TempDirectory folder, byte[] bytes)
    {
        string path = Path.Combine(folder.Path, "bytes.claim");
        File.WriteAllBytes(path, bytes);
        var workspace = Assert.Single(WorkspaceLoader.Load([folder.Path], folder.Path, CompilerProperties.Today));
        return (workspace.Compilation, workspace.Compilation.GetDiagnostics());
    }

    [Fact]
    public void A_megabyte_of_random_bytes_is_diagnosed_not_fatal()
    {
        using var folder = new TempDirectory();
        var bytes = new byte[1_000_000];
        new Random(17).NextBytes(bytes);
        var (compilation, diagnostics) = LoadBytes(folder, bytes);
        Assert.Contains(diagnostics, d => d.Id == "CLM1001" && d.Message.Contains("not valid UTF-8", StringComparison.Ordinal));
        foreach (var d in diagnostics)
        {
            var tree = compilation.GetTree(d.Location.FilePath)!;
            Assert.True(d.Location.Span.End <= tree.Text.Length);
        }
    }

    [Fact]
    public void A_file_of_NUL_bytes_is_diagnosed_not_fatal()
    {
        using var folder = new TempDirectory();
        var (compilation, diagnostics) = LoadBytes(folder, new byte[100_000]);
        var d = Assert.Single(diagnostics);
        Assert.Equal("CLM1007", d.Id);
        Assert.Equal(0, d.Location.Span.Start);
        Assert.Equal(100_000, compilation.SyntaxTrees[0].Text.Length);
    }

    [Fact]
    public void NUL_bytes_inside_a_file_are_skipped_with_a_positioned_diagnostic()
    {
        using var folder = new TempDirectory();
        var bytes = Encoding.UTF8.GetBytes("source S \"s\"\nactor A \"a\"\nclaim A.p source S\0 confidence low\n");
        var (_, diagnostics) = LoadBytes(folder, bytes);
        var d = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CLM1001", d.Id);
        Assert.Equal((2, 18), (d.Location.LineSpan.Start.Line, d.Location.LineSpan.Start.Character));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF }, "0xFF")]
    [InlineData(new byte[] { 0xC0, 0x80 }, "0xC0")]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 }, "0xED")]
    [InlineData(new byte[] { 0xE2, 0x82 }, "0xE2")]
    public void Invalid_UTF8_gives_one_positioned_diagnostic(byte[] bad, string named)
    {
        using var folder = new TempDirectory();
        // "é" and "😀" before the bad bytes: the column counts UTF-16 code units, not bytes.
        var before = Encoding.UTF8.GetBytes("source S \"s\"\nactor A \"é😀\"\nclaim A.p source S note \"ab");
        var after = Encoding.UTF8.GetBytes("cd\" confidence low\n");
        var (_, diagnostics) = LoadBytes(folder, [.. before, .. bad, .. after]);
        var d = Assert.Single(diagnostics, d => d.Message.Contains("UTF-8", StringComparison.Ordinal));
        Assert.Equal("CLM1001", d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Contains(named, d.Message, StringComparison.Ordinal);
        Assert.Contains($"byte offset {before.Length}", d.Message, StringComparison.Ordinal);
        Assert.Equal((2, "claim A.p source S note \"ab".Length), (d.Location.LineSpan.Start.Line, d.Location.LineSpan.Start.Character));
        // Only that one: the rest of the file still compiles.
        Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_byte_order_mark_in_the_middle_of_a_file_is_named_not_fatal()
    {
        using var folder = new TempDirectory();
        var bytes = Encoding.UTF8.GetBytes("\uFEFFsource S \"s\"\n\uFEFFactor A \"a\"\nclaim A.p source S confidence low\n");
        var (compilation, diagnostics) = LoadBytes(folder, bytes);
        Assert.Equal(Encoding.UTF8.GetString(bytes), compilation.SyntaxTrees[0].ToString());
        // The leading BOM is fine; the second one starts a line that is not a declaration, and the message names
        // the invisible character instead of printing it.
        var d = diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CLM1007", d.Id);
        Assert.Equal((1, 0), (d.Location.LineSpan.Start.Line, d.Location.LineSpan.Start.Character));
        Assert.Contains("U+FEFF", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFEFF', d.Message);
    }
}

/// <summary>The hostile tests use a lot of memory: they run one at a time, not beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HostileCollection
{
    public const string Name = "Hostile inputs (one at a time)";
}
