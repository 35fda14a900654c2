using System.Diagnostics;

namespace ClaimLang.Cli.Commands;

/// <summary>Phase times of a build on standard error, when CLAIMC_TIMING=1 (for performance work).</summary>
internal sealed class BuildTiming
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private long _allocated = GC.GetTotalAllocatedBytes();
    private TimeSpan _paused = GC.GetTotalPauseDuration();
    private TimeSpan _last;

    /// <summary>CLAIMC_TIMING=2: the phases one after the other, so that each is measured alone.</summary>
    public bool Sequential { get; private init; }

    public static BuildTiming? Start() => Environment.GetEnvironmentVariable("CLAIMC_TIMING") switch
    {
        "1" => new BuildTiming(),
        "2" => new BuildTiming { Sequential = true },
        _ => null,
    };

    public void Mark(string phase)
    {
        var now = _clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var paused = GC.GetTotalPauseDuration();
        Console.Error.WriteLine(FormattableString.Invariant(
            $"{phase,-12} wall {(now - _last).TotalMilliseconds,8:F0} ms  cpu {(cpu - _cpu).TotalMilliseconds,8:F0} ms  alloc {(allocated - _allocated) / 1048576.0,8:F1} MB  gc pause {(paused - _paused).TotalMilliseconds,6:F0} ms  gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        _last = now;
        _cpu = cpu;
        _allocated = allocated;
        _paused = paused;
    }
}
