using BenchmarkDotNet.Attributes;
using ClaimLang.Bench.Infrastructure;
using ClaimLang.Bench.Workload;

namespace ClaimLang.Bench.Suites;

/// <summary>
/// Whole <c>claimc</c> processes, as CI and analysts run them: start-up, loading, checking and writing the output
/// (standard output is read and discarded). Every run is one process; its peak resident set comes from the kernel
/// (<see cref="ChildProcess.ChildrenPeakResidentBytes"/>). An unexpected exit code fails the case (no figure is
/// reported for a run that did not do the work).
/// </summary>
public abstract class ProcessSuite
{
    private protected ToolCommand Claimc { get; private set; } = null!;

    protected void LocateClaimc() => Claimc = Infrastructure.Claimc.Locate();

    protected void Run(string[] args, string workingDirectory, params int[] expectedExitCodes)
    {
        var result = ChildProcess.Run(Claimc, args, workingDirectory);
        if (Array.IndexOf(expectedExitCodes, result.ExitCode) < 0)
        {
            throw new InvalidOperationException(
                $"claimc {string.Join(' ', args)} exited with {result.ExitCode} (expected {string.Join(" or ", expectedExitCodes)}): {result.StandardErrorTail}");
        }
    }

    protected static void RecordPeak(string suite, string method, params (string, object?)[] parameters) =>
        SideResults.WriteMemory(SideResults.Key(suite, method, parameters),
            new MemoryRecord { ChildPeakBytes = ChildProcess.ChildrenPeakResidentBytes(), ProcessPeakBytes = SideResults.PeakWorkingSet() });
}

/// <summary><c>claimc check &lt;workspace&gt;</c> on the "errors" workspace (exit 1) and on the "clean" one (exit 0).</summary>
[BenchJob(SuiteKind.Process)]
public class CheckProcessBenchmarks : ProcessSuite
{
    private string _root = "";

    [ParamsSource(nameof(Sizes))]
    public int Claims { get; set; }

    [Params("errors", "clean")]
    public string Variant { get; set; } = "errors";

    public static IEnumerable<int> Sizes => BenchSettings.Sizes;

    [GlobalSetup]
    public void Setup()
    {
        LocateClaimc();
        _root = Workloads.Get(Claims, withErrors: Variant == "errors").Root;
    }

    [GlobalCleanup]
    public void Cleanup() => RecordPeak(nameof(CheckProcessBenchmarks), nameof(ClaimcCheck), ("Claims", Claims), ("Variant", Variant));

    [Benchmark]
    public void ClaimcCheck() => Run(["check", _root], _root, Variant == "errors" ? [1] : [0]);
}

/// <summary><c>claimc build &lt;clean workspace&gt; -o &lt;dir&gt; --emit &lt;format&gt;</c>, one format at a time.</summary>
[BenchJob(SuiteKind.Process)]
public class BuildProcessBenchmarks : ProcessSuite
{
    private string _root = "";
    private string _output = "";

    [ParamsSource(nameof(Sizes))]
    public int Claims { get; set; }

    [ParamsSource(nameof(Formats))]
    public string Format { get; set; } = "json";

    public static IEnumerable<int> Sizes => BenchSettings.Sizes;

    public static IEnumerable<string> Formats =>
        (Environment.GetEnvironmentVariable(BenchSettings.BuildFormatsVariable) ?? "json,jsonl,csv,sqlite").Split(',', StringSplitOptions.RemoveEmptyEntries);

    [GlobalSetup]
    public void Setup()
    {
        LocateClaimc();
        _root = Workloads.Get(Claims, withErrors: false).Root;
        _output = Path.Combine(BenchSettings.OutDirectory, "build", Format + "-" + WorkspaceSpec.SizeLabel(Claims));
        Directory.CreateDirectory(Path.GetDirectoryName(_output)!);
    }

    [GlobalCleanup]
    public void Cleanup() => RecordPeak(nameof(BuildProcessBenchmarks), nameof(ClaimcBuild), ("Claims", Claims), ("Format", Format));

    [Benchmark]
    public void ClaimcBuild() => Run(["build", _root, "-o", _output, "--emit", Format], BenchSettings.OutDirectory, 0);
}

/// <summary><c>claimc fmt --check &lt;clean workspace&gt;</c> (nothing is written; exit 1 when a file would change).</summary>
[BenchJob(SuiteKind.Process)]
public class FormatProcessBenchmarks : ProcessSuite
{
    private string _root = "";

    [ParamsSource(nameof(Sizes))]
    public int Claims { get; set; }

    public static IEnumerable<int> Sizes => BenchSettings.Sizes;

    [GlobalSetup]
    public void Setup()
    {
        LocateClaimc();
        _root = Workloads.Get(Claims, withErrors: false).Root;
    }

    [GlobalCleanup]
    public void Cleanup() => RecordPeak(nameof(FormatProcessBenchmarks), nameof(ClaimcFmtCheck), ("Claims", Claims));

    [Benchmark]
    public void ClaimcFmtCheck() => Run(["fmt", "--check", _root], _root, 0, 1);
}
