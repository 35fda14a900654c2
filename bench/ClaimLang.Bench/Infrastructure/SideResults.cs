using System.Diagnostics;
using System.Text.Json;

namespace ClaimLang.Bench.Infrastructure;

/// <summary>Memory figures a benchmark process records for its case (BenchmarkDotNet itself reports only allocations).</summary>
internal sealed class MemoryRecord
{
    /// <summary>Peak working set of the benchmark process (VmHWM): inputs held in memory plus the work.</summary>
    public long ProcessPeakBytes { get; set; }
    /// <summary>Working set right after the setup (inputs loaded, after a full GC).</summary>
    public long AfterSetupBytes { get; set; }
    /// <summary>For process suites: the peak resident set of the largest child (claimc) process, from getrusage.</summary>
    public long ChildPeakBytes { get; set; }
}

/// <summary>
/// Side results: each benchmark process writes one small JSON file per case into bench/out/results, keyed by suite,
/// method and parameters, and the report reads them next to BenchmarkDotNet's summary.
/// </summary>
internal static class SideResults
{
    public static string Key(string suite, string method, IEnumerable<(string Name, object? Value)> parameters) =>
        suite + "." + method + "(" + string.Join(",", parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name + "=" + Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture))) + ")";

    private static string PathOf(string key) =>
        Path.Combine(BenchSettings.ResultsDirectory, "memory", string.Concat(key.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')) + ".json");

    public static void WriteMemory(string key, MemoryRecord record)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(record));
    }

    public static MemoryRecord? ReadMemory(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? JsonSerializer.Deserialize<MemoryRecord>(File.ReadAllText(path)) : null;
    }

    /// <summary>The working set after a full collection: what the setup holds.</summary>
    public static long SettledWorkingSet()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }
}
