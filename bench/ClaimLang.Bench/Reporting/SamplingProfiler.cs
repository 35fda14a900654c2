using System.Globalization;
using System.Diagnostics.Tracing;
using System.Runtime.CompilerServices;
using ClaimLang.Bench.Infrastructure;
using ClaimLang.Bench.Workload;
using ClaimLang.Syntax;
using ClaimLang.Workspace;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace ClaimLang.Bench.Reporting;

/// <summary>
/// A small CPU sampling profiler for finding hot spots: runs a workload in this process under an EventPipe session
/// (the runtime's sample profiler, one stack per thread per millisecond, plus the method names from the rundown), then
/// prints the methods that were on top of the stack (exclusive) and on the stack (inclusive) most often, counting only
/// samples taken inside the workload. Uses TraceEvent and the diagnostics client, which come with BenchmarkDotNet.
/// </summary>
internal static class SamplingProfiler
{
    public static readonly string[] Workloads = ["parse", "lex", "check", "cli-check", "bind", "incremental", "edit"];

    public static void Run(string workload, int claims, TextWriter output, int top = 30)
    {
        var prepared = Prepare(workload, claims, output);
        prepared(); // JIT and tier up outside the session
        prepared();

        string path = Path.Combine(BenchSettings.OutDirectory, "profiles", $"{workload}-{WorkspaceSpec.SizeLabel(claims)}.nettrace");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var providers = new[]
        {
            new EventPipeProvider("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, (long)ClrTraceEventParser.Keywords.Default),
        };
        var client = new DiagnosticsClient(Environment.ProcessId);
        using (var session = client.StartEventPipeSession(providers, requestRundown: true, circularBufferMB: 512))
        {
            var copy = Task.Run(() =>
            {
                using var file = File.Create(path);
                session.EventStream.CopyTo(file);
            });
            var started = System.Diagnostics.Stopwatch.StartNew();
            int rounds = 0;
            while (rounds < 3 || started.Elapsed < TimeSpan.FromSeconds(10))
            {
                Workload(prepared);
                rounds++;
            }
            session.Stop();
            copy.Wait();
            output.WriteLine($"profiled {rounds} rounds of '{workload}' on {WorkspaceSpec.SizeLabel(claims)} claims in {started.Elapsed.TotalSeconds:F1} s; trace: {path}");
        }
        Analyze(path, output, top);
    }

    /// <summary>The marker frame: only samples with this method on the stack count.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Workload(Action action) => action();

    private static Action Prepare(string workload, int claims, TextWriter output)
    {
        var workspace = ClaimLang.Bench.Workload.Workloads.Get(claims, withErrors: Environment.GetEnvironmentVariable("CLAIMLANG_BENCH_CLEAN") != "1", output);
        var files = workspace.ClaimFiles();
        var texts = files.Select(f => File.ReadAllText(f)).ToArray();
        switch (workload)
        {
            case "parse":
                return () =>
                {
                    foreach (var text in texts) SyntaxTree.Parse(text);
                };
            case "lex":
                return () =>
                {
                    foreach (var text in texts)
                    {
                        var lexer = new ClaimLang.Syntax.InternalSyntax.Lexer(text, 0, ClaimLang.Syntax.InternalSyntax.NameTable.Shared);
                        while (lexer.Next().Kind != SyntaxKind.EndOfFileToken) { }
                    }
                };
            case "check":
                return () =>
                {
                    foreach (var w in WorkspaceLoader.Load([workspace.Root], workspace.Root)) w.Compilation.GetDiagnostics();
                };
            case "cli-check":
                // What `claimc check` runs, in this process (output discarded).
                return () => ClaimLang.Cli.CliApplication.RunAsync(["check", workspace.Root], TextWriter.Null, TextWriter.Null, workspace.Root).GetAwaiter().GetResult();
            case "bind":
            {
                // Parsed and summarised once (as claimc check does while parsing): only binding is measured.
                var trees = WorkspaceLoader.ParseFiles(files).Trees;
                return () => _ = ClaimLang.Binding.Compilation.Create(trees, null, workspace.Root).Bound;
            }
            case "incremental":
            {
                string text = workspace.ConcatenatedText();
                var tree = SyntaxTree.Parse(text);
                int position = Suites.IncrementalBenchmarks.EditPosition(text);
                var span = new Microsoft.CodeAnalysis.Text.TextSpan(position, 0);
                return () =>
                {
                    for (int i = 0; i < 200; i++) tree.WithChange(span, "x");
                };
            }
            case "edit":
            {
                // What the language server does per keystroke: re-parse the edited file, a new compilation with the
                // new tree, all its diagnostics (one letter typed into a claim's subject, then deleted, and so on).
                var trees = WorkspaceLoader.ParseFiles(files).Trees;
                var compilation = ClaimLang.Binding.Compilation.Create(trees, null, workspace.Root);
                _ = compilation.GetDiagnostics();
                var edited = compilation.GetTree(workspace.MiddleClaimFile) ?? throw new InvalidOperationException("no middle claim file");
                int position = Suites.IncrementalBenchmarks.EditPosition(edited.Text.ToString());
                bool typed = false;
                return () =>
                {
                    for (int i = 0; i < 10; i++)
                    {
                        var next = typed ? edited.WithChange(new Microsoft.CodeAnalysis.Text.TextSpan(position, 1), "")
                            : edited.WithChange(new Microsoft.CodeAnalysis.Text.TextSpan(position, 0), "x");
                        typed = !typed;
                        compilation = compilation.ReplaceSyntaxTree(edited, next);
                        edited = next;
                        _ = compilation.GetDiagnostics();
                    }
                };
            }
            default:
                throw new ArgumentException($"unknown workload '{workload}'; one of {string.Join(", ", Workloads)}");
        }
    }

    /// <summary>Bytes allocated by type, from the allocation ticks of a trace taken with the gc-verbose profile.</summary>
    internal static void AnalyzeAllocations(string path, TextWriter output, int top)
    {
        string etlx = TraceLog.CreateFromEventPipeDataFile(path);
        using var log = new TraceLog(etlx);
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        var byFrame = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var e in log.Events)
        {
            if (e.EventName is not "GC/AllocationTick") continue;
            string type = e.PayloadByName("TypeName") as string ?? "?";
            long amount = Convert.ToInt64(e.PayloadByName("AllocationAmount64") ?? e.PayloadByName("AllocationAmount") ?? 0L, CultureInfo.InvariantCulture);
            total += amount;
            byType[type] = byType.GetValueOrDefault(type) + amount;
            // The nearest ClaimLang frame that allocated it.
            for (var frame = e.CallStack(); frame is not null; frame = frame.Caller)
            {
                string name = frame.CodeAddress.FullMethodName;
                if (!name.StartsWith("ClaimLang.", StringComparison.Ordinal)) continue;
                string key = type + "  <=  " + name;
                byFrame[key] = byFrame.GetValueOrDefault(key) + amount;
                break;
            }
        }
        output.WriteLine($"{total / 1e6:F0} MB sampled");
        foreach (var (name, amount) in byType.OrderByDescending(p => p.Value).Take(top))
            output.WriteLine($"  {100.0 * amount / Math.Max(1, total),5:F1}%  {name}");
        output.WriteLine("by allocating method:");
        foreach (var (name, amount) in byFrame.OrderByDescending(p => p.Value).Take(top))
            output.WriteLine($"  {100.0 * amount / Math.Max(1, total),5:F1}%  {name}");
    }

    /// <param name="marker">Only samples with a frame whose name contains this count (the workload's frames are the
    /// ones below it); for a trace of another process, "ClaimLang." keeps every stack that runs the product's code.</param>
    internal static void Analyze(string path, TextWriter output, int top, string marker = "SamplingProfiler.Workload")
    {
        bool external = marker != "SamplingProfiler.Workload";
        string etlx = TraceLog.CreateFromEventPipeDataFile(path);
        using var log = new TraceLog(etlx);
        var exclusive = new Dictionary<string, int>(StringComparer.Ordinal);
        var inclusive = new Dictionary<string, int>(StringComparer.Ordinal);
        var paths = new Dictionary<string, int>(StringComparer.Ordinal);
        int samples = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in log.Events)
        {
            if (e.ProviderName != "Microsoft-DotNETCore-SampleProfiler") continue;
            var stack = e.CallStack();
            if (stack is null) continue;
            var frames = new List<string>();
            bool inWorkload = false;
            for (var frame = stack; frame is not null; frame = frame.Caller)
            {
                string name = frame.CodeAddress.FullMethodName;
                if (string.IsNullOrEmpty(name)) name = "[" + frame.CodeAddress.ModuleName + "]";
                if (!external && name.Contains(marker, StringComparison.Ordinal)) { inWorkload = true; break; }
                if (external && name.StartsWith(marker, StringComparison.Ordinal)) inWorkload = true;
                frames.Add(name);
            }
            // A thread stopped at a GC poll (for a collection, or for the sampler itself) is charged to its caller.
            while (frames.Count > 1 && frames[0].Contains("PollGC", StringComparison.Ordinal)) frames.RemoveAt(0);
            if (!inWorkload || frames.Count == 0) continue;
            // Threads of another process that are only waiting (for work, for a message) are not cost.
            if (external && (frames[0].Contains("Wait", StringComparison.Ordinal) || frames[0].Contains("Sleep", StringComparison.Ordinal)
                || frames[0].Contains("ReadAsync", StringComparison.Ordinal) || frames[0].StartsWith("[", StringComparison.Ordinal))) continue;
            samples++;
            exclusive[frames[0]] = exclusive.GetValueOrDefault(frames[0]) + 1;
            // The two nearest ClaimLang callers of the top frame, to say who called a runtime or library method.
            var callers = frames.Skip(1).Where(f => f.StartsWith("ClaimLang.", StringComparison.Ordinal) && !f.StartsWith("ClaimLang.Bench", StringComparison.Ordinal)).Take(2);
            string chain = frames[0] + "  <=  " + string.Join("  <=  ", callers);
            paths[chain] = paths.GetValueOrDefault(chain) + 1;
            seen.Clear();
            foreach (var f in frames)
            {
                if (seen.Add(f)) inclusive[f] = inclusive.GetValueOrDefault(f) + 1;
            }
        }
        output.WriteLine($"{samples} samples inside the workload");
        if (samples == 0) return;
        output.WriteLine("exclusive (on top of the stack):");
        foreach (var (name, count) in exclusive.OrderByDescending(p => p.Value).Take(top))
            output.WriteLine($"  {100.0 * count / samples,5:F1}%  {name}");
        output.WriteLine("exclusive, with the nearest ClaimLang callers:");
        foreach (var (name, count) in paths.OrderByDescending(p => p.Value).Take(top))
            output.WriteLine($"  {100.0 * count / samples,5:F1}%  {name}");
        output.WriteLine("inclusive (anywhere on the stack):");
        foreach (var (name, count) in inclusive.OrderByDescending(p => p.Value).Take(top))
            output.WriteLine($"  {100.0 * count / samples,5:F1}%  {name}");
    }
}
