using System.Diagnostics;
using ClaimLang.Analysis;
using ClaimLang.Bench.Workload;
using ClaimLang.Binding;
using ClaimLang.Configuration;
using ClaimLang.Diagnostics;
using ClaimLang.Reporting;
using ClaimLang.Workspace;

namespace ClaimLang.Bench.Reporting;

/// <summary>One phase of a check: wall and CPU time (all threads) and bytes allocated.</summary>
internal sealed record PhaseResult(string Phase, double WallMs, double CpuMs, long AllocatedBytes);

/// <summary>The phases of one check, as the report shows them.</summary>
internal sealed class PhaseBreakdown
{
    public string Workspace { get; set; } = "";
    public int Claims { get; set; }
    public List<PhaseResult> Phases { get; set; } = [];
}

/// <summary>
/// Where the time of a check goes: times each phase of <c>claimc check</c> separately, in-process, on one workspace
/// (read + parse, create the compilation, bind, each analyzer, gather the diagnostics, write the text report), with the
/// bytes allocated by each. The last round (the JIT warmed by the first) is returned.
/// </summary>
internal static class PhaseProfile
{
    public static PhaseBreakdown Run(int claims, bool withErrors, TextWriter output, int repeat = 2)
    {
        var workspace = Workloads.Get(claims, withErrors, output);
        var breakdown = new PhaseBreakdown { Workspace = workspace.Spec.Name, Claims = claims };
        for (int round = 1; round <= repeat; round++)
        {
            output.WriteLine($"-- {workspace.Spec.Name}, round {round} (the first includes JIT compilation)");
            breakdown.Phases.Clear();
            var results = breakdown.Phases;
            GC.Collect();
            var total = Stopwatch.StartNew();
            var configuration = ConfigurationLoader.LoadForWorkspace(workspace.Root);

            var files = Measure(output, results, "enumerate files", () => WorkspaceFiles.Enumerate(workspace.Root, configuration.Options).Files.ToList());
            var (trees, encoding) = Measure(output, results, "read + parse + summarise (parallel)", () => WorkspaceLoader.ParseFiles(files, default, releaseTrees: true));
            var compilation = Measure(output, results, "Compilation.Create", () => Compilation.Create(trees, configuration.Options, workspace.Root, null, configuration.Diagnostics.Concat(encoding)));
            var bound = Measure(output, results, "bind", () => compilation.Bound);
            var syntax = Measure(output, results, "syntax diagnostics", () => trees.Sum(t => t.GetDiagnostics().Count));
            var context = new AnalysisContext(bound, compilation.Options, compilation.Today, compilation.Documents, CancellationToken.None);
            foreach (var analyzer in Compilation.Analyzers)
            {
                Measure(output, results, analyzer.GetType().Name, () =>
                {
                    var bag = new DiagnosticBag();
                    analyzer.Analyze(context, bag);
                    return bag.Items.Count;
                });
            }
            var diagnostics = Measure(output, results, "GetDiagnostics (analyses again + sort)", () => compilation.GetDiagnostics());
            Measure(output, results, "text report", () =>
            {
                var writer = new StringWriter();
                var summary = ReportSummary.Create(trees.Count, compilation.Claims.Count, [.. diagnostics]);
                DiagnosticReportWriter.Create(ReportFormat.Text).Write(writer, [.. diagnostics], summary, workspace.Root);
                return writer.GetStringBuilder().Length;
            });
            output.WriteLine($"   total {total.Elapsed.TotalMilliseconds,9:F0} ms; {diagnostics.Length} diagnostics; syntax {syntax}");
        }
        return breakdown;
    }

    // CLAIMLANG_BENCH_RETAINED=1: the heap is measured after a full collection (what each phase keeps alive).
    private static readonly bool Retained = Environment.GetEnvironmentVariable("CLAIMLANG_BENCH_RETAINED") == "1";

    private static T Measure<T>(TextWriter output, List<PhaseResult> results, string name, Func<T> action)
    {
        long allocated = GC.GetTotalAllocatedBytes(precise: true);
        var pause = GC.GetTotalPauseDuration();
        int collections = GC.CollectionCount(0);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = action();
        watch.Stop();
        process.Refresh();
        double cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
        long bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        double pauseMs = (GC.GetTotalPauseDuration() - pause).TotalMilliseconds;
        collections = GC.CollectionCount(0) - collections;
        // CPU time (all threads, GC included) is far less sensitive to other load on the machine than wall time.
        output.WriteLine($"   {name,-40} {watch.Elapsed.TotalMilliseconds,9:F0} ms wall {cpuMs,9:F0} ms CPU {bytes / 1e6,9:F1} MB allocated {pauseMs,7:F0} ms GC pause ({collections} GCs), heap {GC.GetTotalMemory(Retained) / 1e6:F0} MB");
        results.Add(new PhaseResult(name, watch.Elapsed.TotalMilliseconds, cpuMs, bytes));
        return result;
    }
}

/// <summary>
/// CPU time and allocations of parsing (or lexing) every file of a workspace, best of several rounds: a before/after
/// measure for parser changes that stays usable on a busy machine (CPU time of this thread, not wall time).
/// </summary>
internal static class ParseCost
{
    public static void Run(int claims, string what, TextWriter output, int rounds = 7)
    {
        bool lexOnly = what == "lex";
        var workspace = Workloads.Get(claims, withErrors: true, output);
        var files = workspace.ClaimFiles();
        var texts = files.Select(f => File.ReadAllText(f)).ToArray();
        var json = files.Select(f => File.ReadAllBytes(workspace.JsonFileOf(f))).ToArray();
        long bytes = workspace.Manifest.TotalClaimLangBytes;
        double best = double.MaxValue;
        long allocated = 0;
        for (int round = 0; round < rounds + 2; round++)
        {
            GC.Collect();
            long before = GC.GetAllocatedBytesForCurrentThread();
            var cpu = ThreadCpu();
            if (what == "json")
            {
                foreach (var utf8 in json)
                {
                    using var document = System.Text.Json.JsonDocument.Parse(utf8);
                }
            }
            else if (what == "antlr")
            {
                foreach (var text in texts) ClaimLang.ReferenceGrammar.ReferenceParser.Parse(text);
            }
            else foreach (var text in texts)
            {
                if (lexOnly)
                {
                    var lexer = new ClaimLang.Syntax.InternalSyntax.Lexer(text, 0, ClaimLang.Syntax.InternalSyntax.NameTable.Shared);
                    while (lexer.Next().Kind != ClaimLang.Syntax.SyntaxKind.EndOfFileToken) { }
                }
                else
                {
                    ClaimLang.Syntax.SyntaxTree.Parse(text);
                }
            }
            double ms = (ThreadCpu() - cpu).TotalMilliseconds;
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (round >= 2) best = Math.Min(best, ms);
        }
        output.WriteLine($"{what} {workspace.Spec.Name}: best {best:F1} ms CPU per round ({bytes / 1e6 / (best / 1000):F1} MB/s of CPU), {allocated / 1e6:F1} MB allocated per round ({(double)allocated / bytes:F1} bytes per byte of text)");
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>This thread's CPU time (CLOCK_THREAD_CPUTIME_ID on Linux; the process's elsewhere).</summary>
    private static TimeSpan ThreadCpu()
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(3, out var t) == 0) return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
