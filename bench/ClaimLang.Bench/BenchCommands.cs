using System.Globalization;
using ClaimLang.Bench.Infrastructure;
using ClaimLang.Bench.Workload;

namespace ClaimLang.Bench;

/// <summary>The harness's command line (see <see cref="Usage"/>).</summary>
internal static class BenchCommands
{
    public const string Usage = """
        ClaimLang benchmark harness

          report [--quick] [--output FILE] [--sizes 10000,100000,1000000] [--skip SUITES] [--only SUITES] [--merge]
              Generates the workspaces (once), runs every suite and rewrites docs/performance.md
              (quick mode writes bench/out/performance-quick.md unless --output is given).
              Suites: syntax, incremental, check, format, process, build, lsp. With --merge, the suites left out
              keep the figures of the last saved run (bench/out/results/run.json), and the report says so.
          render [--input bench/out/results/run.json] [--output FILE]
              Renders the report again from saved figures, without measuring.
          generate [--sizes …] [--verify]
              Writes the workspaces to bench/out/workspaces and their JSON renderings to bench/out/json;
              --verify compiles them in-process and prints their diagnostics by code.
          lsp [--quick] [--sizes …]
              Runs only the language-server scenarios and prints their figures.
          bdn [BenchmarkDotNet arguments]
              Runs BenchmarkDotNet's own switcher (e.g. bdn --filter '*Parse*' --job short).
          phases --sizes N [--clean] [--into bench/out/results/run.json]
              Times each phase of a check in-process (parse, bind, each analyzer, report) to find hot spots.
          profile WORKLOAD --sizes N [--top 30]
              Samples the CPU (EventPipe) while running parse, lex, check, cli-check, bind, incremental or edit
              (a keystroke as the language server handles it) in-process
              and prints the hottest methods (trace kept in bench/out/profiles).
          analyze-trace FILE.nettrace [--top 30] [--allocations]
              Prints the hottest methods of a trace taken elsewhere (dotnet-trace collect -p PID), or with
              --allocations the bytes allocated by type and method (a trace taken with --profile gc-verbose).
          parse-cost --sizes N [--lex | --json | --antlr]
              CPU time and allocations of parsing (or lexing) a workspace: a before/after check for the parser.
          lsp-host
              Serves the language server on stdin/stdout (used when claimc has no lsp command yet).
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }
        var options = new Options(args[1..]);
        if (args[0] == "profile") options = new Options(args[2..]);
        switch (args[0])
        {
            case "generate":
                options.ApplyEnvironment();
                foreach (int size in BenchSettings.Sizes)
                {
                    foreach (bool errors in new[] { true, false })
                    {
                        var workspace = Workloads.Get(size, errors, Console.Out);
                        if (options.Has("--verify")) WorkloadCheck.Print(WorkloadCheck.Run(workspace), Console.Out);
                    }
                }
                return 0;
            case "report":
                return await Reporting.ReportRunner.RunAsync(options);
            case "render":
                return Reporting.ReportRunner.Render(options);
            case "lsp":
            {
                options.ApplyEnvironment();
                var claimc = Claimc.Locate();
                var (server, serverArgs, description, note) = Reporting.ReportRunner.LanguageServerCommand(claimc, Claimc.Commands(claimc));
                if (note is not null) Console.WriteLine(note);
                var results = await Lsp.LspScenarios.RunAsync(server, serverArgs, description, Console.Out);
                results.Note = note;
                Lsp.LspScenarios.Print(results, Console.Out);
                return results.Error is null && results.LargeError is null ? 0 : 1;
            }
            case "phases":
                options.ApplyEnvironment();
                foreach (int size in BenchSettings.Sizes)
                {
                    var breakdown = Reporting.PhaseProfile.Run(size, withErrors: !options.Has("--clean"), Console.Out);
                    // --into run.json: add the breakdown to saved figures (then `render`).
                    if (options.Value("--into") is { } into)
                    {
                        var data = System.Text.Json.JsonSerializer.Deserialize<Reporting.RunData>(File.ReadAllText(into))!;
                        data.Phases.RemoveAll(p => p.Workspace == breakdown.Workspace);
                        data.Phases.Add(breakdown);
                        File.WriteAllText(into, System.Text.Json.JsonSerializer.Serialize(data, Reporting.ReportRunner.JsonOptions));
                    }
                }
                return 0;
            case "profile":
                options.ApplyEnvironment();
                if (args.Length < 2 || args[1].StartsWith('-')) throw new ArgumentException("profile needs a workload: " + string.Join(", ", Reporting.SamplingProfiler.Workloads));
                foreach (int size in BenchSettings.Sizes) Reporting.SamplingProfiler.Run(args[1], size, Console.Out, int.Parse(options.Value("--top") ?? "30", CultureInfo.InvariantCulture));
                return 0;
            case "analyze-trace":
                // A trace taken elsewhere (e.g. dotnet-trace collect -p <claimc lsp>): the same hot-method tables.
                if (args.Length < 2) throw new ArgumentException("analyze-trace needs a .nettrace file");
                if (args.Contains("--allocations"))
                {
                    Reporting.SamplingProfiler.AnalyzeAllocations(args[1], Console.Out, int.Parse(new Options(args[2..]).Value("--top") ?? "30", CultureInfo.InvariantCulture));
                    return 0;
                }
                Reporting.SamplingProfiler.Analyze(args[1], Console.Out, int.Parse(new Options(args[2..]).Value("--top") ?? "30", CultureInfo.InvariantCulture), "ClaimLang.");
                return 0;
            case "parse-cost":
                options.ApplyEnvironment();
                foreach (int size in BenchSettings.Sizes) Reporting.ParseCost.Run(size, options.Has("--lex") ? "lex" : options.Has("--json") ? "json" : options.Has("--antlr") ? "antlr" : "parse", Console.Out);
                return 0;
            case "lsp-host":
                return await ClaimLang.LanguageServer.LanguageServerHost.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), CancellationToken.None);
            case "bdn":
                options.ApplyEnvironment();
                Environment.SetEnvironmentVariable(BenchSettings.ClaimcVariable, Path.Combine(AppContext.BaseDirectory, "claimc.dll"));
                BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(BenchCommands).Assembly).Run(args[1..]);
                return 0;
            default:
                Console.Error.WriteLine($"unknown command '{args[0]}'\n\n{Usage}");
                return 2;
        }
    }

    /// <summary>A tiny option reader: flags and "--name value" pairs.</summary>
    internal sealed class Options(string[] args)
    {
        public bool Has(string flag) => args.Contains(flag);

        public string? Value(string name)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        public string[] Rest => args;

        /// <summary>Passes --quick and --sizes to the environment, where the benchmark processes read them.</summary>
        public void ApplyEnvironment()
        {
            if (Has("--quick")) Environment.SetEnvironmentVariable(BenchSettings.QuickVariable, "1");
            if (Value("--sizes") is { } sizes)
            {
                foreach (var s in sizes.Split(',')) _ = int.Parse(s, CultureInfo.InvariantCulture);
                Environment.SetEnvironmentVariable(BenchSettings.SizesVariable, sizes);
            }
            Environment.SetEnvironmentVariable(BenchSettings.OutVariable, BenchSettings.OutDirectory);
        }
    }
}
