using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace ClaimLang.Tests.Reliability.Fuzzing;

/// <summary>How one property is run: its seed, how many cases and how big they grow.</summary>
/// <param name="Seed">The random seed; the same seed, count and sizes always generate the same cases.</param>
/// <param name="Gamma">The second half of FsCheck's random state (an odd number; FsCheck prints it on failure).</param>
/// <param name="Cases">How many cases to generate.</param>
/// <param name="EndSize">The largest FsCheck size (sizes grow from 1 to this over the run).</param>
/// <param name="Size">A fixed size, when replaying one failing case.</param>
public sealed record FuzzRun(ulong Seed, ulong Gamma, int Cases, int EndSize = 60, int? Size = null)
{
    /// <summary>FsCheck's default gamma, used when a run is started from a seed alone.</summary>
    public const ulong DefaultGamma = 0x9E3779B97F4A7C15UL;

    public static FuzzRun FromSeed(ulong seed, int cases, int endSize = 60) => new(seed, DefaultGamma, cases, endSize);

    public Config ToConfig(Config baseConfig) =>
        baseConfig
            .WithMaxTest(Cases)
            .WithStartSize(Size ?? 1)
            .WithEndSize(Size ?? EndSize)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, Gamma), Size is { } s ? FSharpOption<int>.Some(s) : FSharpOption<int>.None)));

    /// <summary>The command line that repeats this run with the fuzzer.</summary>
    public string ReplayArguments(string property) =>
        $"--property {property} --seed {Seed} --gamma {Gamma} --cases {Cases} --end-size {EndSize}" + (Size is { } s ? $" --size {s}" : "");
}

/// <summary>Runs a catalog property and turns a failure into an exception that says how to reproduce it.</summary>
public static class FuzzRunner
{
    /// <summary>Runs <paramref name="property"/>; throws <see cref="FuzzFailure"/> with the seed and the shrunk case on failure.</summary>
    public static void Run(FuzzProperty property, FuzzRun run, FuzzContext context)
    {
        try
        {
            Check.One(property.Name, run.ToConfig(Config.QuickThrowOnFailure), property.Build(context));
        }
        catch (Exception e) when (e is not FuzzFailure && e.Message.Contains("Falsifiable", StringComparison.Ordinal))
        {
            throw new FuzzFailure(property.Name, run, e.Message);
        }
    }
}

/// <summary>A property failed: the message holds FsCheck's report (original and shrunk case, replay seed) and our own.</summary>
public sealed class FuzzFailure(string property, FuzzRun run, string report)
    : Exception($"property '{property}' failed (seed {run.Seed}, {run.Cases} cases).\n" +
                $"Reproduce: dotnet run -c Release --project bench/ClaimLang.Fuzz -- {run.ReplayArguments(property)}\n{report}")
{
    public string Property { get; } = property;
    public FuzzRun Run { get; } = run;
    public string Report { get; } = report;
}
