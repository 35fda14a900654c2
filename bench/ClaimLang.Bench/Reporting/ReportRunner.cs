using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;
using ClaimLang.Bench.Infrastructure;
using ClaimLang.Bench.Lsp;
using ClaimLang.Bench.Suites;
using ClaimLang.Bench.Workload;

namespace ClaimLang.Bench.Reporting;

/// <summary>
/// The one command: generate the workspaces, run every suite (BenchmarkDotNet, then the language-server scenarios),
/// save the figures as bench/out/results/run.json and render docs/performance.md from them.
/// </summary>
internal static class ReportRunner
{
    public static readonly string[] AllSuites = ["syntax", "incremental", "check", "format", "process", "build", "lsp"];
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static async Task<int> RunAsync(BenchCommands.Options options)
    {
        options.ApplyEnvironment();
        var log = Console.Out;
        var suites = SelectSuites(options);
        var data = new RunData { Quick = BenchSettings.Quick, Sizes = [.. BenchSettings.Sizes], Machine = MachineInfo.Capture() };
        using var load = new LoadMonitor(TimeSpan.FromSeconds(15));
        log.WriteLine($"ClaimLang benchmarks ({(data.Quick ? "quick" : "full")}): sizes {string.Join(", ", data.Sizes)}; load {data.Machine.LoadAtStart}");

        // The claimc under test, and what it can do.
        var claimc = Claimc.Locate();
        Environment.SetEnvironmentVariable(BenchSettings.ClaimcVariable, Path.Combine(AppContext.BaseDirectory, "claimc.dll"));
        var commands = Claimc.Commands(claimc);
        data.Claimc = claimc.Description + " (commands: " + string.Join(", ", commands.Order(StringComparer.Ordinal)) + ")";

        // Workloads first (generation is not measured), then a sanity check of the smallest ones.
        foreach (int size in data.Sizes)
        {
            foreach (bool errors in new[] { true, false })
            {
                var workspace = Workloads.Get(size, errors, log);
                var m = workspace.Manifest;
                data.Workspaces.Add(new WorkspaceInfo
                {
                    Name = workspace.Spec.Name,
                    Claims = m.Claims,
                    Files = m.Files,
                    Declarations = m.Claims + m.Sources + m.Actors + m.Places + m.Predicates + m.Hypotheses,
                    ClaimLangBytes = m.TotalClaimLangBytes,
                    JsonBytes = m.JsonBytes,
                    InjectedErrors = m.InjectedErrors,
                });
            }
        }
        foreach (bool errors in new[] { true, false })
        {
            var check = WorkloadCheck.Run(Workloads.Get(data.Sizes.Min(), errors));
            var byCode = new Dictionary<string, int>(check.ByCode) { ["(errors)"] = check.Errors, ["(warnings)"] = check.Warnings, ["(infos)"] = check.Infos };
            data.DiagnosticsByCode[check.Workspace] = byCode;
            WorkloadCheck.Print(check, log);
            if (!errors && check.Errors > 0) data.Notes.Add($"The clean workspace {check.Workspace} has {check.Errors} errors: claimc build cannot succeed on it (a generator or compiler change?).");
        }

        // --merge: the suites not run now keep the figures of the last saved run (read before the results go).
        RunData? earlier = null;
        if (options.Has("--merge"))
        {
            string previousPath = Path.Combine(BenchSettings.ResultsDirectory, "run.json");
            if (!File.Exists(previousPath)) throw new FileNotFoundException("--merge needs the figures of an earlier run", previousPath);
            earlier = JsonSerializer.Deserialize<RunData>(File.ReadAllText(previousPath));
        }

        // BenchmarkDotNet suites.
        if (Directory.Exists(BenchSettings.ResultsDirectory)) Directory.Delete(BenchSettings.ResultsDirectory, recursive: true);
        Directory.CreateDirectory(BenchSettings.ResultsDirectory);
        var types = new List<Type>();
        void Add(string suite, Type type, string? missing)
        {
            if (!suites.Contains(suite)) return;
            if (missing is null) types.Add(type);
            else data.Skipped[type.Name] = missing;
        }
        Add("syntax", typeof(SyntaxBenchmarks), null);
        Add("incremental", typeof(IncrementalBenchmarks), null);
        Add("check", typeof(CheckBenchmarks), null);
        Add("format", typeof(FormatBenchmarks), FormatBenchmarks.Available());
        Add("process", typeof(CheckProcessBenchmarks), commands.Contains("check") ? null : "claimc has no check command");
        Add("build", typeof(BuildProcessBenchmarks), commands.Contains("build") ? null : "claimc has no build command yet");
        Add("format", typeof(FormatProcessBenchmarks), commands.Contains("fmt") ? null : "claimc has no fmt command yet");
        foreach (var suite in AllSuites.Where(s => !suites.Contains(s)))
        {
            if (earlier is null) data.Skipped["suite " + suite] = "not selected (--only/--skip)";
        }

        // Whole-process cases are tried once first, smallest size up, so that a superlinear one is caught before
        // BenchmarkDotNet spends hours on it: such cases are left out (and reported) instead.
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        if (types.Contains(typeof(CheckProcessBenchmarks)) || types.Contains(typeof(BuildProcessBenchmarks)) || types.Contains(typeof(FormatProcessBenchmarks)))
        {
            foreach (var probe in Preflight.Run(claimc, types, log))
            {
                data.Preflight.Add(probe);
                if (probe.Excluded) excluded.Add(probe.Key);
            }
        }

        if (types.Count > 0)
        {
            var summaries = BenchmarkRunner.Run([.. types], CreateConfig(excluded));
            foreach (var summary in summaries) data.Measurements.AddRange(Extract(summary));
        }

        // Where the time of a check goes (in-process, phase by phase), for the hot-spot hunt.
        if (suites.Contains("check"))
        {
            foreach (bool errors in new[] { true, false })
                data.Phases.Add(PhaseProfile.Run(BenchSettings.MiddleSize, errors, log));
        }

        // Language server.
        if (suites.Contains("lsp"))
        {
            var (server, args, description, note) = LanguageServerCommand(claimc, commands);
            var results = await LspScenarios.RunAsync(server, args, description, log).ConfigureAwait(false);
            results.Note = note;
            data.Lsp = results;
        }

        if (earlier is not null) CarryOver(earlier, data, suites);
        data.Machine.FinishedUtc = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        data.Machine.LoadAtEnd = MachineInfo.LoadAverages();
        data.Machine.LoadSamples = load.Samples;

        string runPath = Path.Combine(BenchSettings.ResultsDirectory, "run.json");
        File.WriteAllText(runPath, JsonSerializer.Serialize(data, JsonOptions));
        string output = OutputPath(options, data.Quick);
        MarkdownReport.Write(data, output);
        log.WriteLine($"figures saved to {runPath}");
        log.WriteLine($"report written to {output}");
        return 0;
    }

    // The BenchmarkDotNet classes (and other figures) each suite owns.
    private static readonly Dictionary<string, string[]> SuiteTypes = new(StringComparer.Ordinal)
    {
        ["syntax"] = [nameof(SyntaxBenchmarks)],
        ["incremental"] = [nameof(IncrementalBenchmarks)],
        ["check"] = [nameof(CheckBenchmarks)],
        ["format"] = [nameof(FormatBenchmarks), nameof(FormatProcessBenchmarks)],
        ["process"] = [nameof(CheckProcessBenchmarks)],
        ["build"] = [nameof(BuildProcessBenchmarks)],
        ["lsp"] = [],
    };

    /// <summary>
    /// Copies the figures of the suites that were not run from an earlier run, and says so in the report: a partial
    /// re-run after a change keeps one complete page, with each figure's provenance stated.
    /// </summary>
    private static void CarryOver(RunData earlier, RunData data, HashSet<string> suites)
    {
        var carried = new List<string>();
        foreach (var suite in AllSuites.Where(s => !suites.Contains(s)))
        {
            var types = SuiteTypes[suite];
            data.Measurements.AddRange(earlier.Measurements.Where(m => types.Contains(m.Suite)));
            data.Preflight.AddRange(earlier.Preflight.Where(p => types.Contains(p.Suite)));
            foreach (var (key, reason) in earlier.Skipped.Where(k => types.Contains(k.Key))) data.Skipped[key] = reason;
            if (suite == "lsp") data.Lsp = earlier.Lsp;
            if (suite == "check") data.Phases = earlier.Phases;
            carried.Add(suite);
        }
        if (carried.Count > 0)
        {
            // Sizes measured only in the earlier run still have their rows.
            data.Sizes = [.. data.Sizes.Union(earlier.Sizes).Order()];
            data.Workspaces.AddRange(earlier.Workspaces.Where(w => !data.Workspaces.Any(x => x.Name == w.Name)));
            data.Notes.Add($"Measured in this run: {string.Join(", ", suites.Order(StringComparer.Ordinal))}. The figures of {string.Join(", ", carried)} are "
                + $"carried over from the run that finished {earlier.Machine.FinishedUtc} (with the code of that day); run the full report to measure everything again.");
        }
    }

    /// <summary>Renders a saved run again (after changing the report's layout), without measuring anything.</summary>
    public static int Render(BenchCommands.Options options)
    {
        options.ApplyEnvironment();
        string input = options.Value("--input") ?? Path.Combine(BenchSettings.ResultsDirectory, "run.json");
        var data = JsonSerializer.Deserialize<RunData>(File.ReadAllText(input)) ?? throw new InvalidDataException("empty " + input);
        string output = OutputPath(options, data.Quick);
        MarkdownReport.Write(data, output);
        Console.WriteLine($"report written to {output}");
        return 0;
    }

    private static string OutputPath(BenchCommands.Options options, bool quick) =>
        options.Value("--output") is { } o ? Path.GetFullPath(o)
        : quick ? Path.Combine(BenchSettings.OutDirectory, "performance-quick.md")
        : Path.Combine(BenchSettings.RepositoryRoot, "docs", "performance.md");

    private static HashSet<string> SelectSuites(BenchCommands.Options options)
    {
        var selected = new HashSet<string>(AllSuites, StringComparer.Ordinal);
        if (options.Value("--only") is { } only) selected = new HashSet<string>(only.Split(','), StringComparer.Ordinal);
        if (options.Value("--skip") is { } skip) selected.ExceptWith(skip.Split(','));
        foreach (var s in selected)
        {
            if (!AllSuites.Contains(s)) throw new ArgumentException($"unknown suite '{s}'; suites: {string.Join(", ", AllSuites)}");
        }
        return selected;
    }

    /// <summary><c>claimc lsp</c> when claimc has it; else the harness hosts the same server (lsp-host), and says so.</summary>
    public static (ToolCommand Server, string[] Args, string Description, string? Note) LanguageServerCommand(ToolCommand claimc, HashSet<string> commands)
    {
        if (commands.Contains("lsp")) return (claimc, ["lsp"], claimc.Description + " lsp", null);
        string apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "ClaimLang.Bench.exe" : "ClaimLang.Bench");
        var host = File.Exists(apphost)
            ? new ToolCommand(apphost, [], apphost)
            : new ToolCommand(Claimc.DotnetHost(), [Path.Combine(AppContext.BaseDirectory, "ClaimLang.Bench.dll")], "dotnet ClaimLang.Bench.dll");
        return (host, ["lsp-host"], "ClaimLang.Bench lsp-host",
            "claimc has no lsp command yet, so the harness served the same language server (LanguageServerHost.RunAsync with default options, over stdin/stdout) from its own process; switch happens automatically once `claimc lsp` exists.");
    }

    private static IConfig CreateConfig(HashSet<string> excluded) =>
        ManualConfig.CreateEmpty()
            .AddFilter(new BenchmarkDotNet.Filters.SimpleFilter(c => !excluded.Contains(Preflight.KeyOf(c))))
            .AddLogger(ConsoleLogger.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddExporter(MarkdownExporter.GitHub)
            .AddValidator(JitOptimizationsValidator.FailOnError, BaselineValidator.FailOnError, ParamsAllValuesValidator.FailOnError)
            .WithArtifactsPath(Path.Combine(BenchSettings.OutDirectory, "BenchmarkDotNet.Artifacts"));

    private static IEnumerable<Measurement> Extract(Summary summary)
    {
        foreach (var report in summary.Reports)
        {
            var c = report.BenchmarkCase;
            var parameters = c.Parameters.Items.ToDictionary(p => p.Name, p => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? "");
            var stats = report.ResultStatistics;
            var m = new Measurement
            {
                Suite = c.Descriptor.Type.Name,
                Method = c.Descriptor.WorkloadMethod.Name,
                Parameters = parameters,
                Success = report.Success && stats is not null,
                MedianNs = stats?.Median,
                MinNs = stats?.Min,
                MaxNs = stats?.Max,
                MeanNs = stats?.Mean,
                Samples = stats?.N ?? 0,
                AllocatedBytes = c.Config.HasMemoryDiagnoser() ? report.GcStats.GetBytesAllocatedPerOperation(c) : null,
            };
            m.Memory = SideResults.ReadMemory(SideResults.Key(m.Suite, m.Method, parameters.Select(p => (p.Key, (object?)p.Value))));
            yield return m;
        }
    }
}

/// <summary>Samples the one-minute load average while the run goes on.</summary>
internal sealed class LoadMonitor : IDisposable
{
    private readonly Timer _timer;
    private readonly List<double> _samples = [];

    public LoadMonitor(TimeSpan interval)
    {
        _timer = new Timer(_ =>
        {
            if (MachineInfo.OneMinuteLoad() is { } load)
            {
                lock (_samples) _samples.Add(load);
            }
        }, null, TimeSpan.Zero, interval);
    }

    public List<double> Samples
    {
        get
        {
            lock (_samples) return [.. _samples];
        }
    }

    public void Dispose() => _timer.Dispose();
}
