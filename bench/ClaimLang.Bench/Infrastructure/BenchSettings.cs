using System.Globalization;

namespace ClaimLang.Bench.Infrastructure;

/// <summary>
/// Settings shared by the host (the <c>report</c> command) and the benchmark processes BenchmarkDotNet starts. The
/// host sets environment variables, which the child processes inherit; attributes and [ParamsSource] members read
/// them, so host and children always agree on sizes and jobs.
/// </summary>
internal static class BenchSettings
{
    public const string OutVariable = "CLAIMLANG_BENCH_OUT";
    public const string SizesVariable = "CLAIMLANG_BENCH_SIZES";
    public const string QuickVariable = "CLAIMLANG_BENCH_QUICK";
    public const string ClaimcVariable = "CLAIMLANG_BENCH_CLAIMC";
    public const string BuildFormatsVariable = "CLAIMLANG_BENCH_BUILD_FORMATS";

    public static readonly int[] FullSizes = [10_000, 100_000, 1_000_000];
    public static readonly int[] QuickSizes = [1_000, 4_000];

    /// <summary>Quick mode: tiny workspaces and BenchmarkDotNet's dry job; for smoke tests, not for figures.</summary>
    public static bool Quick => Environment.GetEnvironmentVariable(QuickVariable) == "1";

    /// <summary>The claim counts to measure (each one a generated workspace).</summary>
    public static int[] Sizes
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(SizesVariable);
            if (string.IsNullOrWhiteSpace(value)) return Quick ? QuickSizes : FullSizes;
            return [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
        }
    }

    /// <summary>The middle size (100k in a full run): the language server and edit scenarios use it.</summary>
    public static int MiddleSize
    {
        get
        {
            var sizes = Sizes;
            return sizes.Contains(100_000) ? 100_000 : sizes[sizes.Length / 2];
        }
    }

    public static int LargestSize => Sizes.Max();

    /// <summary>bench/out (git-ignored): generated workspaces, BenchmarkDotNet artifacts, side results.</summary>
    public static string OutDirectory
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(OutVariable);
            if (!string.IsNullOrEmpty(value)) return value;
            return Path.Combine(RepositoryRoot, "bench", "out");
        }
    }

    /// <summary>The folder holding ClaimLang.sln, found from the current folder or from this assembly.</summary>
    public static string RepositoryRoot
    {
        get
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "ClaimLang.sln"))) return dir.FullName;
                }
            }
            throw new InvalidOperationException("cannot find the repository root (the folder with ClaimLang.sln); run from inside the repository");
        }
    }

    public static string WorkspacesDirectory => Path.Combine(OutDirectory, "workspaces");
    public static string JsonDirectory => Path.Combine(OutDirectory, "json");
    public static string ResultsDirectory => Path.Combine(OutDirectory, "results");
}
