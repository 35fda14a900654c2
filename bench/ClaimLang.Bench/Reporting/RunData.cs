using System.Globalization;
using System.Runtime.InteropServices;
using ClaimLang.Bench.Infrastructure;
using ClaimLang.Bench.Lsp;

namespace ClaimLang.Bench.Reporting;

/// <summary>One benchmark case's figures (times in nanoseconds per operation).</summary>
internal sealed class Measurement
{
    public string Suite { get; set; } = "";
    public string Method { get; set; } = "";
    public Dictionary<string, string> Parameters { get; set; } = [];
    public bool Success { get; set; }
    public double? MedianNs { get; set; }
    public double? MinNs { get; set; }
    public double? MaxNs { get; set; }
    public double? MeanNs { get; set; }
    public int Samples { get; set; }
    public long? AllocatedBytes { get; set; }
    public MemoryRecord? Memory { get; set; }

    public int Claims => Parameters.TryGetValue("Claims", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : 0;
    public string? Parameter(string name) => Parameters.GetValueOrDefault(name);
}

/// <summary>Where and when the run happened.</summary>
internal sealed class MachineInfo
{
    public string Cpu { get; set; } = "";
    public int LogicalCores { get; set; }
    public long MemoryBytes { get; set; }
    public string Os { get; set; } = "";
    public string Runtime { get; set; } = "";
    public string StartedUtc { get; set; } = "";
    public string FinishedUtc { get; set; } = "";
    public string LoadAtStart { get; set; } = "";
    public string LoadAtEnd { get; set; } = "";
    public List<double> LoadSamples { get; set; } = [];
    public string GcMode { get; set; } = "";

    public static MachineInfo Capture()
    {
        var info = new MachineInfo
        {
            Cpu = ReadCpu(),
            LogicalCores = Environment.ProcessorCount,
            MemoryBytes = ReadMemTotal(),
            Os = RuntimeInformation.OSDescription + " " + RuntimeInformation.OSArchitecture,
            Runtime = RuntimeInformation.FrameworkDescription,
            StartedUtc = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            LoadAtStart = LoadAverages(),
            GcMode = System.Runtime.GCSettings.IsServerGC ? "server" : "workstation" + (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Interactive ? ", concurrent" : ""),
        };
        return info;
    }

    private static string ReadCpu()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal)) return line[(line.IndexOf(':') + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static long ReadMemTotal()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (!line.StartsWith("MemTotal:", StringComparison.Ordinal)) continue;
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    /// <summary>"1-min 5-min 15-min" from /proc/loadavg, or "n/a".</summary>
    public static string LoadAverages()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return parts[0] + " " + parts[1] + " " + parts[2];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return "n/a";
        }
    }

    public static double? OneMinuteLoad()
    {
        var text = LoadAverages();
        return text == "n/a" ? null : double.Parse(text.Split(' ')[0], CultureInfo.InvariantCulture);
    }
}

/// <summary>A workspace as the report describes it.</summary>
internal sealed class WorkspaceInfo
{
    public string Name { get; set; } = "";
    public int Claims { get; set; }
    public int Files { get; set; }
    public int Declarations { get; set; }
    public long ClaimLangBytes { get; set; }
    public long JsonBytes { get; set; }
    public Dictionary<string, int> InjectedErrors { get; set; } = [];
}

/// <summary>Everything one <c>report</c> run measured; saved as bench/out/results/run.json, rendered into Markdown.</summary>
internal sealed class RunData
{
    public bool Quick { get; set; }
    public List<int> Sizes { get; set; } = [];
    public MachineInfo Machine { get; set; } = new();
    public string Claimc { get; set; } = "";
    public List<WorkspaceInfo> Workspaces { get; set; } = [];
    /// <summary>Diagnostics by code of the smallest workspaces (errors and clean), from an in-process check.</summary>
    public Dictionary<string, Dictionary<string, int>> DiagnosticsByCode { get; set; } = [];
    public List<Measurement> Measurements { get; set; } = [];
    public LspResults? Lsp { get; set; }
    /// <summary>One trial run of each whole-process case before the measurements (see <see cref="Preflight"/>).</summary>
    public List<PreflightResult> Preflight { get; set; } = [];
    /// <summary>Where the time of an in-process check goes, phase by phase (middle size, "errors" and "clean").</summary>
    public List<PhaseBreakdown> Phases { get; set; } = [];
    /// <summary>Suites not run, with the reason (a missing command, a failing formatter, a --skip).</summary>
    public Dictionary<string, string> Skipped { get; set; } = [];
    public List<string> Notes { get; set; } = [];
}
