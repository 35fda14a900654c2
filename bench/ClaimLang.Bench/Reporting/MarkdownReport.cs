using System.Globalization;
using System.Text;
using ClaimLang.Bench.Lsp;
using ClaimLang.Bench.Workload;

namespace ClaimLang.Bench.Reporting;

/// <summary>Renders a <see cref="RunData"/> as docs/performance.md: how to run, the run's conditions, targets, tables.</summary>
internal static class MarkdownReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(RunData data, string path)
    {
        var md = new StringBuilder();
        Header(md, data);
        Conditions(md, data);
        Targets(md, data);
        Parsing(md, data);
        Scaling(md, data);
        Incremental(md, data);
        Checking(md, data);
        PhasesSection(md, data);
        Building(md, data);
        Formatting(md, data);
        LanguageServer(md, data);
        Workload(md, data);
        Method(md);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, md.ToString().Replace("\r\n", "\n"));
    }

    // ------------------------------------------------------------------ sections

    private static void Header(StringBuilder md, RunData data)
    {
        md.AppendLine("# Performance");
        md.AppendLine();
        md.AppendLine("This page is written by the benchmark harness in `bench/ClaimLang.Bench`; do not edit it by hand. It holds the");
        md.AppendLine("figures of the last full run on the project's 2-core machine, the performance targets with a verdict, and how to");
        md.AppendLine("measure again. The targets are held here, by the harness, never by timing assertions in tests.");
        md.AppendLine();
        md.AppendLine("## How to run");
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine("# everything (30-60 minutes on an idle 2-core machine): rewrites docs/performance.md");
        md.AppendLine("dotnet run -c Release --project bench/ClaimLang.Bench -- report");
        md.AppendLine();
        md.AppendLine("# smoke test (a few minutes): tiny workspaces, one cold iteration per case; writes bench/out/performance-quick.md");
        md.AppendLine("dotnet run -c Release --project bench/ClaimLang.Bench -- report --quick");
        md.AppendLine();
        md.AppendLine("# parts: --only/--skip syntax,incremental,check,format,process,build,lsp   --sizes 10000,100000");
        md.AppendLine("dotnet run -c Release --project bench/ClaimLang.Bench -- report --only syntax,incremental --output /tmp/p.md");
        md.AppendLine("# ...or measure some suites again and keep the last run's figures for the others (the page says which)");
        md.AppendLine("dotnet run -c Release --project bench/ClaimLang.Bench -- report --only build,lsp --merge");
        md.AppendLine();
        md.AppendLine("# re-render this page from the saved figures (bench/out/results/run.json) without measuring");
        md.AppendLine("dotnet run -c Release --project bench/ClaimLang.Bench -- render");
        md.AppendLine();
        md.AppendLine("# only generate the workspaces (and print their diagnostics by code)");
        md.AppendLine("dotnet run -c Release --project bench/ClaimLang.Bench -- generate --verify");
        md.AppendLine();
        md.AppendLine("# BenchmarkDotNet's own command line, for ad-hoc runs");
        md.AppendLine("dotnet run -c Release --project bench/ClaimLang.Bench -- bdn --filter '*Incremental*' --job short");
        md.AppendLine();
        md.AppendLine("# hunting hot spots (CPU time is usable even on a busy machine):");
        md.AppendLine("dotnet run -c Release --project bench/ClaimLang.Bench -- phases --sizes 100000            # time per phase of a check");
        md.AppendLine("dotnet run -c Release --project bench/ClaimLang.Bench -- profile bind --sizes 100000      # sampled hottest methods (EventPipe)");
        md.AppendLine("dotnet run -c Release --project bench/ClaimLang.Bench -- profile edit --sizes 100000      # the language server's work per keystroke");
        md.AppendLine("dotnet run -c Release --project bench/ClaimLang.Bench -- analyze-trace t.nettrace [--allocations]  # a dotnet-trace of claimc");
        md.AppendLine("dotnet run -c Release --project bench/ClaimLang.Bench -- parse-cost --sizes 10000 [--lex|--json|--antlr]");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("Measure on a quiet machine: the harness records the load average before, during and after the run, and the");
        md.AppendLine("figures below are only as good as that load. Workspaces are generated once into `bench/out/` (git-ignored,");
        md.AppendLine("about 1 GB with the 1M-claim ones) and reused while the generator's version is unchanged.");
        md.AppendLine();
        if (data.Quick)
        {
            md.AppendLine("> **Quick mode.** These are smoke-test figures (tiny workspaces, one cold iteration each). They prove that");
            md.AppendLine("> every suite runs; they say nothing about performance, and targets are not judged on them.");
            md.AppendLine();
        }
    }

    private static void Conditions(StringBuilder md, RunData data)
    {
        var m = data.Machine;
        md.AppendLine("## The run");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        md.AppendLine($"| Date | {m.StartedUtc} to {m.FinishedUtc} |");
        md.AppendLine($"| Machine | {m.Cpu}, {m.LogicalCores} logical cores, {Bytes(m.MemoryBytes)} memory |");
        md.AppendLine($"| OS | {m.Os} |");
        md.AppendLine($"| Runtime | {m.Runtime}, {m.GcMode} GC; BenchmarkDotNet 0.14.0 |");
        string during = m.LoadSamples.Count == 0 ? "n/a"
            : $"min {m.LoadSamples.Min():F2}, median {Median(m.LoadSamples):F2}, max {m.LoadSamples.Max():F2} ({m.LoadSamples.Count} samples)";
        md.AppendLine($"| Load average (1, 5, 15 min) | at start {m.LoadAtStart}; at end {m.LoadAtEnd}; 1-min load during the run: {during} |");
        md.AppendLine($"| Mode | {(data.Quick ? "quick (smoke test)" : "full")}; sizes {string.Join(", ", data.Sizes.Select(Size))} claims |");
        md.AppendLine($"| claimc | `{Escape(data.Claimc)}` |");
        md.AppendLine();
        if (m.LoadSamples.Count > 0 && m.LoadSamples.Max() > m.LogicalCores * 1.25)
        {
            md.AppendLine($"> **Caution:** the load average exceeded the {m.LogicalCores} cores during the run (other work was running),");
            md.AppendLine("> so times are inflated and ranges are wide; compare ratios measured in the same run rather than absolute figures.");
            md.AppendLine();
        }
        foreach (var (suite, reason) in data.Skipped) md.AppendLine($"- Not measured: **{suite}**: {reason}.");
        foreach (var p in data.Preflight.Where(p => p.Excluded))
            md.AppendLine($"- Left out after its trial run: **{p.Case}, {Size(p.Claims)} claims**: {p.Reason}.");
        foreach (var note in data.Notes) md.AppendLine($"- {note}");
        if (data.Skipped.Count > 0 || data.Notes.Count > 0 || data.Preflight.Any(p => p.Excluded)) md.AppendLine();
    }

    private static void Targets(StringBuilder md, RunData data)
    {
        md.AppendLine("## Targets");
        md.AppendLine();
        if (data.Quick)
        {
            md.AppendLine("Not judged in quick mode.");
            md.AppendLine();
            return;
        }
        int large = data.Sizes.Max();
        int middle = data.Sizes.Contains(100_000) ? 100_000 : data.Sizes[data.Sizes.Count / 2];
        md.AppendLine("| Target | Measured | Verdict |");
        md.AppendLine("|---|---|---|");

        foreach (int size in data.Sizes)
        {
            var parse = Find(data, "SyntaxBenchmarks", "Parse", size);
            var antlr = Find(data, "SyntaxBenchmarks", "AntlrSll", size);
            var json = Find(data, "SyntaxBenchmarks", "JsonDocumentParse", size);
            if (Ok(parse) && Ok(antlr))
            {
                double ratio = antlr!.MedianNs!.Value / parse!.MedianNs!.Value;
                Row(md, $"Parse ≥ 10× the throughput of the ANTLR reference parser ({Size(size)})", $"{ratio:F1}×", ratio >= 10);
            }
            else Row(md, $"Parse ≥ 10× ANTLR ({Size(size)})", "not measured", null);
            if (Ok(parse) && Ok(json))
            {
                double ratio = parse!.MedianNs!.Value / json!.MedianNs!.Value;
                Row(md, $"Parse no slower than 3× JsonDocument.Parse on the same claims ({Size(size)})", $"{ratio:F2}× the JSON time", ratio <= 3);
            }
            else Row(md, $"Parse ≤ 3× JsonDocument.Parse ({Size(size)})", "not measured", null);
        }

        var check = Find(data, "CheckProcessBenchmarks", "ClaimcCheck", large, ("Variant", "errors"));
        if (Ok(check))
        {
            Row(md, $"`claimc check` of {Size(large)} claims under 6 s wall (whole process)", $"median {Time(check!.MedianNs)} (range {Time(check.MinNs)}–{Time(check.MaxNs)})", check.MedianNs < 6e9);
            long peak = check.Memory?.ChildPeakBytes ?? 0;
            Row(md, $"`claimc check` of {Size(large)} claims: peak memory under 1.5 GB", peak > 0 ? Bytes(peak) + " peak resident set" : "not measured", peak > 0 ? peak < 1_500_000_000 : null);
        }
        else
        {
            var trial = data.Preflight.FirstOrDefault(p => p.Case == "check errors" && p.Claims == large && p.Excluded);
            Row(md, $"`claimc check` of {Size(large)} claims under 6 s, under 1.5 GB", trial?.Reason ?? Failed(check), trial is null ? null : false);
        }

        var edit = Find(data, "IncrementalBenchmarks", "IncrementalReparse", middle);
        Row(md, $"Re-parse after a one-character edit in a {Size(middle)}-claim file under 1 ms",
            Ok(edit) ? $"median {Time(edit!.MedianNs)} (range {Time(edit.MinNs)}–{Time(edit.MaxNs)})" : Failed(edit), Ok(edit) ? edit!.MedianNs < 1e6 : null);
        var small = Find(data, "IncrementalBenchmarks", "IncrementalReparse", data.Sizes.Min());
        var big = Find(data, "IncrementalBenchmarks", "IncrementalReparse", large);
        if (Ok(small) && Ok(big) && small != big)
        {
            double growth = big!.MedianNs!.Value / small!.MedianNs!.Value;
            Row(md, $"Re-parse cost does not grow with file size ({Size(data.Sizes.Min())} → {Size(large)}: file {large / data.Sizes.Min()}× larger; verdict: within 2×)",
                $"{Time(small.MedianNs)} → {Time(big.MedianNs)} ({growth:F1}×)", growth <= 2);
        }

        var lsp = data.Lsp;
        if (lsp is not null && lsp.KeystrokeToDiagnosticsMs.Count > 0)
        {
            double p95 = Percentile(lsp.KeystrokeToDiagnosticsMs, 0.95);
            Row(md, $"Keystroke → diagnostics in a {Size(lsp.Claims)}-claim workspace under 50 ms (p95)", $"p95 {p95:F0} ms, p50 {Percentile(lsp.KeystrokeToDiagnosticsMs, 0.5):F0} ms", p95 < 50);
        }
        else Row(md, "Keystroke → diagnostics under 50 ms (p95)", lsp?.Error ?? "not measured", null);
        if (lsp?.LargeInitializeToFirstDiagnosticsMs is { } firstMs)
            Row(md, $"{Size(lsp.LargeClaims ?? 0)}-claim workspace: start → first diagnostics under 10 s", $"{firstMs / 1000:F1} s", firstMs < 10_000);
        else Row(md, "Large workspace: start → first diagnostics under 10 s", lsp?.LargeError ?? "not measured", null);

        var buildJson = Find(data, "BuildProcessBenchmarks", "ClaimcBuild", large, ("Format", "json"));
        var checkClean = Find(data, "CheckProcessBenchmarks", "ClaimcCheck", large, ("Variant", "clean"));
        if (Ok(buildJson) && Ok(checkClean))
        {
            double ratio = buildJson!.MedianNs!.Value / checkClean!.MedianNs!.Value;
            Row(md, $"`claimc build --emit json` of {Size(large)} claims under 2× the check time (same clean workspace)", $"{Time(buildJson.MedianNs)} vs check {Time(checkClean.MedianNs)}: {ratio:F2}×", ratio < 2);
        }
        else
        {
            var trial = data.Preflight.FirstOrDefault(p => p.Case == "build --emit json" && p.Claims == large && p.Excluded);
            Row(md, $"`claimc build --emit json` of {Size(large)} claims under 2× the check time",
                trial?.Reason ?? data.Skipped.GetValueOrDefault("BuildProcessBenchmarks") ?? Failed(buildJson ?? checkClean), trial is null ? null : false);
        }

        var superlinear = ScalingRows(data).Where(r => r.Growth is { } g && g > 1.5).Select(r => r.Name).ToList();
        var scaled = ScalingRows(data).Where(r => r.Growth is not null).ToList();
        if (scaled.Count > 0)
            Row(md, "Cost grows linearly with the number of claims (per-claim cost at the largest size within 1.5× of the next size down)",
                superlinear.Count == 0 ? "all linear" : "superlinear: " + string.Join(", ", superlinear), superlinear.Count == 0);
        md.AppendLine();
    }

    private static void Parsing(StringBuilder md, RunData data)
    {
        var rows = data.Measurements.Where(m => m.Suite == "SyntaxBenchmarks").ToList();
        if (rows.Count == 0) return;
        md.AppendLine("## Lexing and parsing, with the peers");
        md.AppendLine();
        md.AppendLine("Every file of the \"errors\" workspace, one after another on one thread. *Parse* builds the compiler's full");
        md.AppendLine("syntax tree with diagnostics; *AntlrSll* is the reference parser generated from `grammar/ClaimLang.g4` (SLL");
        md.AppendLine("prediction, building its parse tree); *JsonDocumentParse* parses the same declarations rendered as JSON (UTF-8,");
        md.AppendLine("about 1.7× the bytes); *ReadFiles* reads the `.claim` files' bytes (the floor). Throughput is in MB of ClaimLang");
        md.AppendLine("text (the JSON row too, so that rows compare the same claims).");
        md.AppendLine();
        md.AppendLine("| Size | Method | Median | Range | Claims/s | MB/s (ClaimLang) | vs Parse | Allocated/op |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        string[] order = ["ReadFiles", "Lex", "Parse", "AntlrSll", "JsonDocumentParse"];
        foreach (int size in data.Sizes)
        {
            var parse = Find(data, "SyntaxBenchmarks", "Parse", size);
            long bytes = data.Workspaces.FirstOrDefault(w => w.Name == "errors-" + WorkspaceSpec.SizeLabel(size))?.ClaimLangBytes ?? 0;
            foreach (var method in order)
            {
                var m = Find(data, "SyntaxBenchmarks", method, size);
                if (m is null) continue;
                string vs = Ok(m) && Ok(parse) ? $"{m.MedianNs!.Value / parse!.MedianNs!.Value:F2}×" : "";
                md.AppendLine($"| {Size(size)} | {method} | {Time(m.MedianNs)} | {Range(m)} | {PerSecond(size, m)} | {Throughput(bytes, m)} | {vs} | {Allocated(m.AllocatedBytes)} |");
            }
        }
        md.AppendLine();
    }

    private sealed record ScalingRow(string Name, Dictionary<int, double?> PerClaimNs, double? Growth);

    private static List<ScalingRow> ScalingRows(RunData data)
    {
        var rows = new List<ScalingRow>();
        if (data.Sizes.Count < 2) return rows;
        var sizes = data.Sizes.Order().ToList();
        foreach (var group in data.Measurements.GroupBy(m => (m.Suite, m.Method, Others: string.Join(",", m.Parameters.Where(p => p.Key != "Claims").OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)))))
        {
            var perClaim = new Dictionary<int, double?>();
            foreach (int size in sizes)
            {
                var m = group.FirstOrDefault(x => x.Claims == size);
                perClaim[size] = Ok(m) ? m!.MedianNs / size : null;
            }
            double? growth = perClaim[sizes[^1]] is { } last && perClaim[sizes[^2]] is { } before ? last / before : null;
            string name = group.Key.Suite.Replace("Benchmarks", "", StringComparison.Ordinal) + "." + group.Key.Method + (group.Key.Others.Length > 0 ? " (" + group.Key.Others + ")" : "");
            // The incremental re-parse is meant NOT to scale with size: it is judged on its own (see its section).
            if (group.Key.Method == "IncrementalReparse") continue;
            rows.Add(new ScalingRow(name, perClaim, growth));
        }
        return rows;
    }

    private static void Scaling(StringBuilder md, RunData data)
    {
        var rows = ScalingRows(data);
        if (rows.Count == 0) return;
        var sizes = data.Sizes.Order().ToList();
        md.AppendLine("## Scaling with the number of claims");
        md.AppendLine();
        md.AppendLine("Median time per claim at each size. Linear cost means a flat row; a process's start-up makes small sizes dearer");
        md.AppendLine($"per claim. *Growth* is the per-claim cost at {Size(sizes[^1])} over that at {Size(sizes[^2])} (1.00 = perfectly linear; above 1.5 is flagged).");
        md.AppendLine();
        md.AppendLine("| Benchmark | " + string.Join(" | ", sizes.Select(s => Size(s) + " (per claim)")) + " | Growth |");
        md.AppendLine("|---|" + string.Concat(sizes.Select(_ => "---|")) + "---|");
        foreach (var row in rows)
        {
            string growth = row.Growth is { } g ? $"{g:F2}{(g > 1.5 ? " ⚠" : "")}" : "";
            md.AppendLine($"| {row.Name} | " + string.Join(" | ", sizes.Select(s => Time(row.PerClaimNs[s]))) + $" | {growth} |");
        }
        md.AppendLine();
    }

    private static void Incremental(StringBuilder md, RunData data)
    {
        var rows = data.Measurements.Where(m => m.Suite == "IncrementalBenchmarks").ToList();
        if (rows.Count == 0) return;
        md.AppendLine("## Incremental re-parse after a one-character edit");
        md.AppendLine();
        md.AppendLine("One file holding the whole workspace (all its files concatenated); a letter is typed into the subject of the claim");
        md.AppendLine("in the middle. *IncrementalReparse* is `SyntaxTree.WithChange` (applying the edit to the `SourceText` included);");
        md.AppendLine("*FullReparse* parses the edited text from scratch. The setup checks that both give the same text and diagnostics.");
        md.AppendLine();
        md.AppendLine("| File size | Method | Median | Range | Allocated/op | Speed-up |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (int size in data.Sizes)
        {
            var full = Find(data, "IncrementalBenchmarks", "FullReparse", size);
            foreach (var method in new[] { "IncrementalReparse", "FullReparse" })
            {
                var m = Find(data, "IncrementalBenchmarks", method, size);
                if (m is null) continue;
                long bytes = data.Workspaces.FirstOrDefault(w => w.Name == "errors-" + WorkspaceSpec.SizeLabel(size))?.ClaimLangBytes ?? 0;
                string speedup = method == "IncrementalReparse" && Ok(m) && Ok(full) ? $"{full!.MedianNs!.Value / m.MedianNs!.Value:F0}×" : "";
                md.AppendLine($"| {Size(size)} claims ({Bytes(bytes)}) | {method} | {Time(m.MedianNs)} | {Range(m)} | {Allocated(m.AllocatedBytes)} | {speedup} |");
            }
        }
        md.AppendLine();
        var inc = data.Sizes.Order().Select(size => (size, m: Find(data, "IncrementalBenchmarks", "IncrementalReparse", size))).Where(x => Ok(x.m)).ToList();
        if (inc.Count >= 2)
        {
            md.AppendLine("Incremental re-parse by file size: " + string.Join(" → ", inc.Select(x => $"{Size(x.size)}: {Time(x.m!.MedianNs)}")) +
                $" (the file grows {inc[^1].size / inc[0].size}×, the re-parse {inc[^1].m!.MedianNs!.Value / inc[0].m!.MedianNs!.Value:F1}×).");
            md.AppendLine();
        }
    }

    private static void Checking(StringBuilder md, RunData data)
    {
        var inProcess = data.Measurements.Where(m => m.Suite == "CheckBenchmarks").ToList();
        var process = data.Measurements.Where(m => m.Suite == "CheckProcessBenchmarks").ToList();
        if (inProcess.Count == 0 && process.Count == 0 && !data.Preflight.Any(p => p.Suite == "CheckProcessBenchmarks")) return;
        md.AppendLine("## Full check");
        md.AppendLine();
        md.AppendLine("*In-process*: `WorkspaceLoader.Load` + `Compilation.GetDiagnostics` (find, read and parse the files in parallel,");
        md.AppendLine("bind, every analysis). *claimc check*: the whole process, start-up and text output included (stdout is read and");
        md.AppendLine("discarded); \"errors\" workspaces exit 1, \"clean\" ones exit 0. Peak memory: for processes, the peak resident set of");
        md.AppendLine("claimc (getrusage); in-process, the benchmark process's peak working set, which includes the harness.");
        md.AppendLine();
        md.AppendLine("| Size | Benchmark | Median | Range | Claims/s | Peak memory | Allocated/op |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (int size in data.Sizes)
        {
            foreach (var m in inProcess.Where(m => m.Claims == size))
                md.AppendLine($"| {Size(size)} | in-process (errors) | {Time(m.MedianNs)} | {Range(m)} | {PerSecond(size, m)} | {Bytes(m.Memory?.ProcessPeakBytes)} | {Allocated(m.AllocatedBytes)} |");
            foreach (var m in process.Where(m => m.Claims == size).OrderBy(m => m.Parameter("Variant") == "clean"))
                md.AppendLine($"| {Size(size)} | claimc check ({m.Parameter("Variant")}) | {Time(m.MedianNs)} | {Range(m)} | {PerSecond(size, m)} | {Bytes(m.Memory?.ChildPeakBytes)} | |");
            foreach (var p in data.Preflight.Where(p => p.Excluded && p.Suite == "CheckProcessBenchmarks" && p.Claims == size))
                md.AppendLine($"| {Size(size)} | claimc {p.Case} | **{(p.Seconds is { } sec && p.ExitCode is null ? $"> {sec:F0} s" : "—")}** | {p.Reason} | | | |");
        }
        md.AppendLine();
    }

    private static void PhasesSection(StringBuilder md, RunData data)
    {
        if (data.Phases.Count == 0) return;
        md.AppendLine("### Where the time of a check goes");
        md.AppendLine();
        md.AppendLine("Each phase of an in-process check timed on its own (second round, so JIT compilation is excluded). CPU time is");
        md.AppendLine("summed over all threads (parsing runs in parallel; the garbage collector's work is included) and is much less");
        md.AppendLine("sensitive to other load on the machine than wall time. The analyzers are run once on their own and once more");
        md.AppendLine("inside `GetDiagnostics`, which is the total of what a check pays for them.");
        md.AppendLine();
        md.AppendLine("| Phase | " + string.Join(" | ", data.Phases.Select(p => $"{p.Workspace}: wall | CPU | allocated")) + " |");
        md.AppendLine("|---|" + string.Concat(data.Phases.Select(_ => "---|---|---|")));
        var names = data.Phases[0].Phases.Select(p => p.Phase).ToList();
        foreach (var name in names)
        {
            md.Append($"| {name} |");
            foreach (var breakdown in data.Phases)
            {
                var p = breakdown.Phases.FirstOrDefault(x => x.Phase == name);
                md.Append(p is null ? " | | |" : $" {p.WallMs:F0} ms | {p.CpuMs:F0} ms | {Bytes(p.AllocatedBytes)} |");
            }
            md.AppendLine();
        }
        md.AppendLine();
    }

    private static void Building(StringBuilder md, RunData data)
    {
        var rows = data.Measurements.Where(m => m.Suite == "BuildProcessBenchmarks").ToList();
        md.AppendLine("## claimc build, per format");
        md.AppendLine();
        if (rows.Count == 0 && !data.Preflight.Any(p => p.Suite == "BuildProcessBenchmarks"))
        {
            md.AppendLine(data.Skipped.TryGetValue("BuildProcessBenchmarks", out var why) ? $"Not measured: {why}." : "Not measured in this run.");
            md.AppendLine();
            return;
        }
        md.AppendLine("`claimc build <clean workspace> -o <dir> --emit <format>`: check, then write the dataset (atomically). Compared with");
        md.AppendLine("`claimc check` of the same clean workspace.");
        md.AppendLine();
        md.AppendLine("| Size | Format | Median | Range | vs check (clean) | Peak memory |");
        md.AppendLine("|---|---|---|---|---|---|");
        foreach (int size in data.Sizes)
        {
            var check = Find(data, "CheckProcessBenchmarks", "ClaimcCheck", size, ("Variant", "clean"));
            foreach (var m in rows.Where(m => m.Claims == size))
            {
                string vs = Ok(m) && Ok(check) ? $"{m.MedianNs!.Value / check!.MedianNs!.Value:F2}×" : "";
                md.AppendLine($"| {Size(size)} | {m.Parameter("Format")} | {Time(m.MedianNs)} | {Range(m)} | {vs} | {Bytes(m.Memory?.ChildPeakBytes)} |");
            }
            foreach (var p in data.Preflight.Where(p => p.Excluded && p.Suite == "BuildProcessBenchmarks" && p.Claims == size))
                md.AppendLine($"| {Size(size)} | {p.Case["build --emit ".Length..]} | **{(p.Seconds is { } sec && p.ExitCode is null ? $"> {sec:F0} s" : "—")}** | {p.Reason} | | |");
        }
        md.AppendLine();
    }

    private static void Formatting(StringBuilder md, RunData data)
    {
        var rows = data.Measurements.Where(m => m.Suite is "FormatBenchmarks" or "FormatProcessBenchmarks").ToList();
        md.AppendLine("## Formatting");
        md.AppendLine();
        if (rows.Count == 0)
        {
            var why = string.Join("; ", data.Skipped.Where(s => s.Key.StartsWith("Format", StringComparison.Ordinal)).Select(s => s.Key + ": " + s.Value));
            md.AppendLine(why.Length > 0 ? $"Not measured: {why}." : "Not measured in this run.");
            md.AppendLine();
            return;
        }
        md.AppendLine("The \"clean\" workspace (the formatter leaves a file with syntax errors alone). *In-process*: `Formatter.Format` over");
        md.AppendLine("every parsed tree (parsing not included). *claimc fmt --check*: the whole process (nothing is written).");
        md.AppendLine();
        md.AppendLine("| Size | Benchmark | Median | Range | Claims/s | Peak memory | Allocated/op |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (int size in data.Sizes)
        {
            foreach (var m in rows.Where(m => m.Claims == size).OrderBy(m => m.Suite, StringComparer.Ordinal))
            {
                bool isProcess = m.Suite == "FormatProcessBenchmarks";
                md.AppendLine($"| {Size(size)} | {(isProcess ? "claimc fmt --check" : "in-process")} | {Time(m.MedianNs)} | {Range(m)} | {PerSecond(size, m)} | {Bytes(isProcess ? m.Memory?.ChildPeakBytes : m.Memory?.ProcessPeakBytes)} | {Allocated(m.AllocatedBytes)} |");
            }
        }
        md.AppendLine();
    }

    private static void LanguageServer(StringBuilder md, RunData data)
    {
        md.AppendLine("## Language server");
        md.AppendLine();
        var lsp = data.Lsp;
        if (lsp is null)
        {
            md.AppendLine(data.Skipped.TryGetValue("suite lsp", out var why) ? $"Not measured: {why}." : "Not measured in this run.");
            md.AppendLine();
            return;
        }
        md.AppendLine($"Server: `{Escape(lsp.Server)}`, driven over its standard streams by the harness's own JSON-RPC client");
        md.AppendLine("(`bench/ClaimLang.Bench/Lsp`). Times run from the moment the client has written the message to the moment the");
        md.AppendLine("answer has been read; start-up times run from the process start. A keystroke is a `didChange` inserting or");
        md.AppendLine("deleting one letter in a claim's subject, timed to the `publishDiagnostics` that carries the new version");
        md.AppendLine("(a server that is idle checks at once; its 100 ms pause applies only after a change that cancelled a running check).");
        if (lsp.Note is not null) md.AppendLine().AppendLine("> " + lsp.Note);
        md.AppendLine();
        md.AppendLine("| Scenario | n | p50 | p95 | max |");
        md.AppendLine("|---|---|---|---|---|");
        if (lsp.Error is not null) md.AppendLine($"| {Size(lsp.Claims)}-claim workspace: failed | | {Escape(lsp.Error)} | | |");
        string ws = $"{Size(lsp.Claims)} claims, {lsp.Files} files";
        if (lsp.InitializeToFirstDiagnosticsMs > 0)
        {
            md.AppendLine($"| {ws}: start → first diagnostics | 1 | {lsp.InitializeToFirstDiagnosticsMs:F0} ms | | |");
            md.AppendLine($"| {ws}: start → start-up diagnostics complete ({lsp.DiagnosticsNotificationsAtStart} notifications) | 1 | {lsp.InitializeToAllDiagnosticsMs:F0} ms | | |");
        }
        if (lsp.OpenToDiagnosticsMs > 0) md.AppendLine($"| {ws}: didOpen (500 claims) → diagnostics | 1 | {lsp.OpenToDiagnosticsMs:F0} ms | | |");
        LatencyRow(md, $"{ws}: keystroke → diagnostics", lsp.KeystrokeToDiagnosticsMs);
        LatencyRow(md, $"{ws}: completion after `source ` ({lsp.CompletionItems} items)", lsp.CompletionMs);
        LatencyRow(md, $"{ws}: hover on a claim's subject", lsp.HoverMs);
        if (lsp.CompletionError is not null) md.AppendLine($"| {ws}: completion failed | | {Escape(lsp.CompletionError)} | | |");
        if (lsp.HoverError is not null) md.AppendLine($"| {ws}: hover failed | | {Escape(lsp.HoverError)} | | |");
        if (lsp.LargeInitializeToFirstDiagnosticsMs is { } first)
        {
            md.AppendLine($"| {Size(lsp.LargeClaims ?? 0)} claims, {lsp.LargeFiles} files: start → first diagnostics | 1 | {first / 1000:F2} s | | |");
            md.AppendLine($"| {Size(lsp.LargeClaims ?? 0)} claims: start → start-up diagnostics complete | 1 | {(lsp.LargeInitializeToAllDiagnosticsMs ?? 0) / 1000:F2} s | | |");
        }
        else if (lsp.LargeError is not null) md.AppendLine($"| {Size(lsp.LargeClaims ?? 0)} claims: start-up failed | | {Escape(lsp.LargeError)} | | |");
        md.AppendLine();
        md.AppendLine($"Peak resident set of the server: {Bytes(lsp.PeakResidentBytes)} ({Size(lsp.Claims)} claims, after the editing session); {Bytes(lsp.LargePeakResidentBytes)} ({Size(lsp.LargeClaims ?? 0)} claims, after start-up).");
        md.AppendLine();
    }

    private static void LatencyRow(StringBuilder md, string name, List<double> samples)
    {
        if (samples.Count == 0) return;
        md.AppendLine($"| {name} | {samples.Count} | {Percentile(samples, 0.5):F1} ms | {Percentile(samples, 0.95):F1} ms | {samples.Max():F1} ms |");
    }

    private static void Workload(StringBuilder md, RunData data)
    {
        md.AppendLine("## The workload");
        md.AppendLine();
        md.AppendLine("`bench/ClaimLang.Bench/Workload` generates the workspaces deterministically (its own SplitMix64 generator, seeded per");
        md.AppendLine("declaration: the same bytes on every machine). A workspace has a `claimlang.json` (`asOf` pinned), saved documents,");
        md.AppendLine($"declaration files of {WorkspaceGenerator.DeclarationsPerFile} sources, actors, places, predicates or hypotheses, and claim files of");
        md.AppendLine($"{WorkspaceGenerator.ClaimsPerFile} claims (about 105 bytes each) in folders of {WorkspaceGenerator.FilesPerFolder} files. Claims carry labels, positional and");
        md.AppendLine("named arguments of every parameter type, EDTF dates of every shape (days, months, years, approximate, uncertain,");
        md.AppendLine("times, intervals), one or two sources, confidence and credibility, places, `contradicts`/`supports`/`supersedes`");
        md.AppendLine("between claims, hypotheses and sources, notes, quotes from the saved documents, tags, comments, documentation");
        md.AppendLine("comments and continuation lines. Per 100 claims there are 2 sources, 5 actors and 1 place.");
        md.AppendLine($"\"Errors\" workspaces inject a mistake into {WorkspaceGenerator.ErrorPercent.ToString(Inv)}% of the claims (a misspelt keyword or clause,");
        md.AppendLine("an undefined name, a bad grade, a malformed or impossible date, an unterminated string, a missing source, a quote");
        md.AppendLine("absent from its document); \"clean\" ones have no error, so that `claimc build` succeeds. Every file also has a");
        md.AppendLine("JSON rendering of the same declarations for the JSON peer.");
        md.AppendLine();
        md.AppendLine("| Workspace | Claims | Declarations | Files | ClaimLang | JSON | Injected errors |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var w in data.Workspaces)
            md.AppendLine($"| {w.Name} | {w.Claims.ToString("N0", Inv)} | {w.Declarations.ToString("N0", Inv)} | {w.Files.ToString("N0", Inv)} | {Bytes(w.ClaimLangBytes)} | {Bytes(w.JsonBytes)} | {w.InjectedErrors.Values.Sum().ToString("N0", Inv)} |");
        md.AppendLine();
        if (data.DiagnosticsByCode.Count > 0)
        {
            var names = data.DiagnosticsByCode.Keys.Order(StringComparer.Ordinal).ToList();
            var codes = data.DiagnosticsByCode.Values.SelectMany(d => d.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
            md.AppendLine("Diagnostics of the smallest workspaces (an in-process check before the run; it also proves the workload still");
            md.AppendLine("compiles as intended):");
            md.AppendLine();
            md.AppendLine("| Code | " + string.Join(" | ", names) + " |");
            md.AppendLine("|---|" + string.Concat(names.Select(_ => "---|")));
            foreach (var code in codes)
                md.AppendLine($"| {code} | " + string.Join(" | ", names.Select(n => data.DiagnosticsByCode[n].GetValueOrDefault(code).ToString(Inv))) + " |");
            md.AppendLine();
        }
    }

    private static void Method(StringBuilder md)
    {
        md.AppendLine("## How the figures are taken");
        md.AppendLine();
        md.AppendLine("- BenchmarkDotNet runs every case in a fresh process. In-process suites: 1 warm-up and 5 measured iterations");
        md.AppendLine("  (BenchmarkDotNet chooses how many calls make an iteration), with the memory diagnoser (allocated bytes per");
        md.AppendLine("  operation). Process suites: monitoring strategy, 5 measured runs, each run one `claimc` process.");
        md.AppendLine("  \"Median\" is the median iteration; \"range\" is the fastest and the slowest measured iteration.");
        md.AppendLine("- Before BenchmarkDotNet starts, every whole-process case runs once as a trial, smallest size first, with a time");
        md.AppendLine($"  limit of {Preflight.Slack:F0}× what linear growth from the next smaller size predicts (at least {Preflight.MinimumLimit.TotalSeconds:F0} s). A case that");
        md.AppendLine("  overruns is killed, reported as superlinear, and left out with its larger sizes, so that one quadratic code path");
        md.AppendLine("  cannot stall the run.");
        md.AppendLine("- Peak memory of a `claimc` run is the kernel's peak resident set of the child (Linux `getrusage(RUSAGE_CHILDREN)`,");
        md.AppendLine("  the largest over the case's runs); of the language server, `VmHWM` from `/proc/<pid>/status`.");
        md.AppendLine("- Peers run in the same BenchmarkDotNet run, on the same claims, as cases of the same suite.");
        md.AppendLine("- Raw BenchmarkDotNet reports: `bench/out/BenchmarkDotNet.Artifacts/results/`; all figures of the run:");
        md.AppendLine("  `bench/out/results/run.json`.");
        md.AppendLine();
    }

    // ------------------------------------------------------------------ helpers

    private static Measurement? Find(RunData data, string suite, string method, int size, params (string Name, string Value)[] extra) =>
        data.Measurements.FirstOrDefault(m => m.Suite == suite && m.Method == method && m.Claims == size && extra.All(e => m.Parameter(e.Name) == e.Value));

    private static bool Ok(Measurement? m) => m is { Success: true, MedianNs: > 0 };

    private static string Failed(Measurement? m) => m is null ? "not measured" : "failed (see the BenchmarkDotNet log in bench/out)";

    private static void Row(StringBuilder md, string target, string measured, bool? pass) =>
        md.AppendLine($"| {target} | {measured} | {(pass is null ? "—" : pass.Value ? "**pass**" : "**FAIL**")} |");

    private static string Range(Measurement m) => Ok(m) ? $"{Time(m.MinNs)}–{Time(m.MaxNs)}" : "failed";

    private static string PerSecond(int claims, Measurement m) =>
        Ok(m) ? (claims / (m.MedianNs!.Value / 1e9)).ToString("N0", Inv) : "";

    private static string Throughput(long bytes, Measurement m) =>
        Ok(m) && bytes > 0 ? (bytes / 1e6 / (m.MedianNs!.Value / 1e9)).ToString("F1", Inv) : "";

    public static string Time(double? ns)
    {
        if (ns is not { } v || double.IsNaN(v)) return "—";
        return v switch
        {
            < 1e3 => v.ToString("F1", Inv) + " ns",
            < 1e6 => (v / 1e3).ToString("F1", Inv) + " µs",
            < 1e9 => (v / 1e6).ToString(v < 1e7 ? "F2" : "F1", Inv) + " ms",
            _ => (v / 1e9).ToString("F2", Inv) + " s",
        };
    }

    public static string Bytes(long? bytes)
    {
        if (bytes is not { } b || b <= 0) return "—";
        return b switch
        {
            < 10_000 => b.ToString(Inv) + " B",
            < 10_000_000 => (b / 1e3).ToString("F0", Inv) + " kB",
            < 10_000_000_000 => (b / 1e6).ToString("F0", Inv) + " MB",
            _ => (b / 1e9).ToString("F1", Inv) + " GB",
        };
    }

    private static string Allocated(long? bytes) => bytes switch { null => "—", 0 => "0 B", _ => Bytes(bytes) };

    private static string Size(int claims) => WorkspaceSpec.SizeLabel(claims);

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);

    private static double Median(List<double> values) => Percentile(values, 0.5);

    /// <summary>Nearest-rank percentile.</summary>
    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        int rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
