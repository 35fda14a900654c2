using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace ClaimLang.Bench.Infrastructure;

internal enum SuiteKind
{
    /// <summary>Work done inside the benchmark process (lexing, parsing, checking, formatting).</summary>
    InProcess,
    /// <summary>Each operation starts a whole <c>claimc</c> process.</summary>
    Process,
}

/// <summary>
/// The job of a suite, chosen from the environment so that the host and the benchmark processes agree:
/// quick mode uses BenchmarkDotNet's dry job (one cold iteration: proves the suite runs, measures nothing);
/// a full run uses 1 warm-up and 5 measured iterations for in-process work (BenchmarkDotNet picks how many calls
/// make an iteration), and 5 measured runs for whole processes (monitoring strategy: every run is one process, and
/// every run counts; the preflight's trial run has warmed the file cache).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class BenchJobAttribute : Attribute, IConfigSource
{
    public BenchJobAttribute(SuiteKind kind)
    {
        Config = ManualConfig.CreateEmpty().AddJob(Create(kind));
    }

    public IConfig Config { get; }

    public static Job Create(SuiteKind kind)
    {
        if (BenchSettings.Quick) return Job.Dry.WithId("quick-dry");
        return kind switch
        {
            // No warm-up run: nothing but the OS file cache carries over between processes, and the trial run
            // (Preflight) has already warmed that.
            SuiteKind.Process => Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(5).WithId("process"),
            _ => Job.Default.WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5).WithId("in-process"),
        };
    }
}
