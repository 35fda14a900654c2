using BenchmarkDotNet.Attributes;
using ClaimLang.Bench.Infrastructure;
using ClaimLang.Bench.Workload;
using ClaimLang.Workspace;

namespace ClaimLang.Bench.Suites;

/// <summary>
/// The full check in-process, as <c>claimc check</c> does it minus process start and output: find the files, read and
/// parse them (in parallel), bind, run every analysis and gather the diagnostics.
/// </summary>
[BenchJob(SuiteKind.InProcess)]
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private string _root = "";
    private long _afterSetup;

    [ParamsSource(nameof(Sizes))]
    public int Claims { get; set; }

    public static IEnumerable<int> Sizes => BenchSettings.Sizes;

    [GlobalSetup]
    public void Setup()
    {
        _root = Workloads.Get(Claims, withErrors: true).Root;
        _afterSetup = SideResults.SettledWorkingSet();
    }

    [GlobalCleanup]
    public void Cleanup() =>
        SideResults.WriteMemory(SideResults.Key(nameof(CheckBenchmarks), nameof(CheckInProcess), [("Claims", Claims)]),
            new MemoryRecord { AfterSetupBytes = _afterSetup, ProcessPeakBytes = SideResults.PeakWorkingSet() });

    [Benchmark]
    public int CheckInProcess()
    {
        int count = 0;
        foreach (var workspace in WorkspaceLoader.Load([_root], _root))
            count += workspace.Compilation.GetDiagnostics().Length;
        return count;
    }
}
