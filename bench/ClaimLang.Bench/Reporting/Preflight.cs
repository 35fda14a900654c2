using System.Diagnostics;
using BenchmarkDotNet.Running;
using ClaimLang.Bench.Infrastructure;
using ClaimLang.Bench.Suites;
using ClaimLang.Bench.Workload;

namespace ClaimLang.Bench.Reporting;

/// <summary>The outcome of one trial run of a whole-process case.</summary>
internal sealed class PreflightResult
{
    public string Key { get; set; } = "";
    public string Suite { get; set; } = "";
    public string Case { get; set; } = "";
    public int Claims { get; set; }
    public double? Seconds { get; set; }
    public double LimitSeconds { get; set; }
    public int? ExitCode { get; set; }
    /// <summary>Left out of the measurements: it did not finish in time, or a smaller size of it did not.</summary>
    public bool Excluded { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// Runs every whole-process case once, from the smallest size up, before BenchmarkDotNet does. A run may take at most
/// <see cref="Slack"/> times what linear growth from the next smaller size predicts (and at least
/// <see cref="MinimumLimit"/>); one that takes longer is killed, reported as superlinear, and it and its larger sizes
/// are left out of the measurements, so one quadratic code path cannot stall the whole run.
/// </summary>
internal static class Preflight
{
    public static readonly TimeSpan MinimumLimit = TimeSpan.FromSeconds(180);
    public const double Slack = 4;

    public static string KeyOf(BenchmarkCase c)
    {
        var parameters = c.Parameters.Items.Select(p => (p.Name, (object?)p.Value));
        return SideResults.Key(c.Descriptor.Type.Name, c.Descriptor.WorkloadMethod.Name, parameters);
    }

    public static IEnumerable<PreflightResult> Run(ToolCommand claimc, IReadOnlyCollection<Type> types, TextWriter log)
    {
        var sizes = BenchSettings.Sizes.Order().ToList();
        var cases = new List<(string Suite, string Method, string Label, (string, object?)[] Extra, Func<int, (string[] Args, string Cwd, int[] Exit)> Command)>();
        if (types.Contains(typeof(CheckProcessBenchmarks)))
        {
            foreach (var variant in new[] { "errors", "clean" })
            {
                cases.Add((nameof(CheckProcessBenchmarks), nameof(CheckProcessBenchmarks.ClaimcCheck), "check " + variant, [("Variant", variant)], size =>
                {
                    var root = Workloads.Get(size, variant == "errors").Root;
                    return (["check", root], root, variant == "errors" ? [1] : [0]);
                }));
            }
        }
        if (types.Contains(typeof(BuildProcessBenchmarks)))
        {
            foreach (var format in BuildProcessBenchmarks.Formats)
            {
                cases.Add((nameof(BuildProcessBenchmarks), nameof(BuildProcessBenchmarks.ClaimcBuild), "build --emit " + format, [("Format", format)], size =>
                {
                    var root = Workloads.Get(size, false).Root;
                    var output = Path.Combine(BenchSettings.OutDirectory, "build", "preflight-" + format + "-" + WorkspaceSpec.SizeLabel(size));
                    Directory.CreateDirectory(Path.GetDirectoryName(output)!);
                    return (["build", root, "-o", output, "--emit", format], BenchSettings.OutDirectory, [0]);
                }));
            }
        }
        if (types.Contains(typeof(FormatProcessBenchmarks)))
        {
            cases.Add((nameof(FormatProcessBenchmarks), nameof(FormatProcessBenchmarks.ClaimcFmtCheck), "fmt --check", [], size =>
            {
                var root = Workloads.Get(size, false).Root;
                return (["fmt", "--check", root], root, [0, 1]);
            }));
        }

        foreach (var (suite, method, label, extra, command) in cases)
        {
            double? previousSeconds = null;
            int previousSize = 0;
            bool stop = false;
            foreach (int size in sizes)
            {
                var key = SideResults.Key(suite, method, [.. extra, ("Claims", size)]);
                var result = new PreflightResult { Key = key, Suite = suite, Case = label, Claims = size };
                if (stop)
                {
                    result.Excluded = true;
                    result.Reason = "not attempted: a smaller size did not finish in time";
                    yield return result;
                    continue;
                }
                double limit = MinimumLimit.TotalSeconds;
                if (previousSeconds is { } p) limit = Math.Max(limit, Slack * p * size / previousSize);
                result.LimitSeconds = limit;
                var (args, cwd, exits) = command(size);
                var (seconds, exit) = RunWithLimit(claimc, args, cwd, TimeSpan.FromSeconds(limit));
                result.Seconds = seconds;
                result.ExitCode = exit;
                if (exit is null)
                {
                    result.Excluded = true;
                    result.Reason = $"did not finish within {limit:F0} s" + (previousSeconds is { } ps ? $" (the {WorkspaceSpec.SizeLabel(previousSize)} run took {ps:F1} s): superlinear" : "");
                    stop = true;
                }
                else if (Array.IndexOf(exits, exit.Value) < 0)
                {
                    result.Excluded = true;
                    result.Reason = $"exited with {exit} (expected {string.Join(" or ", exits)})";
                }
                log.WriteLine($"preflight {label} {WorkspaceSpec.SizeLabel(size)}: {(exit is null ? "killed after" : "")} {seconds:F1} s{(result.Reason is null ? "" : " — " + result.Reason)}");
                previousSeconds = seconds;
                previousSize = size;
                yield return result;
            }
        }
    }

    /// <summary>Runs claimc; the elapsed seconds and exit code, or a null exit code when it was killed at the limit.</summary>
    private static (double Seconds, int? ExitCode) RunWithLimit(ToolCommand claimc, string[] args, string cwd, TimeSpan limit)
    {
        var started = Stopwatch.StartNew();
        using var process = Process.Start(ChildProcess.StartInfo(claimc, args, cwd)) ?? throw new InvalidOperationException("cannot start claimc");
        process.StandardInput.Close();
        var output = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        var error = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (started.Elapsed.TotalSeconds, null);
        }
        process.WaitForExit();
        Task.WaitAll(output, error);
        return (started.Elapsed.TotalSeconds, process.ExitCode);
    }
}
