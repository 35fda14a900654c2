using System.Diagnostics;
using System.Globalization;
using System.Text;
using ClaimLang.Cli.Tests.Support;
using Xunit.Abstractions;

namespace ClaimLang.Cli.Tests;

/// <summary>
/// <c>claimc build</c> killed with SIGKILL at a random moment (as a child process) never leaves a partial or mixed
/// dataset: the output folder is always either the previous dataset or the complete new one.
/// </summary>
public class KilledBuildTests(ITestOutputHelper log)
{
    private const int Files = 12;
    private const int ClaimsPerFile = 200;
    private const int Kills = 8;
    private static readonly string[] AllForms = ["--emit", "json,jsonl,csv,sqlite"];

    /// <summary>
    /// A workspace of <see cref="Files"/> × <see cref="ClaimsPerFile"/> claims. Every claim's note names the version,
    /// so the datasets of two versions differ in every file and a mix of the two would show.
    /// </summary>
    private static void Generate(string folder, int version)
    {
        File.WriteAllText(Path.Combine(folder, "claimlang.json"), """{ "asOf": "2026-01-01" }""");
        var common = new StringBuilder();
        for (int s = 0; s < 20; s++) common.Append(CultureInfo.InvariantCulture, $"source S{s} \"Source {s}\" published 2018-01-01 reliability {"ABCDEF"[s % 6]}\n");
        for (int a = 0; a < 40; a++) common.Append(CultureInfo.InvariantCulture, $"actor A{a} \"Actor {a}\" kind unit\n");
        for (int p = 0; p < 8; p++) common.Append(CultureInfo.InvariantCulture, $"place P{p} \"Place {p}\" at {p}.5, -{p}.25\n");
        for (int p = 0; p < 4; p++) common.Append(CultureInfo.InvariantCulture, $"predicate did{p}(target: actor, count: number, where: place) \"did thing {p}\"\n");
        common.Append("hypothesis H \"Something happened\"\n");
        File.WriteAllText(Path.Combine(folder, "common.claim"), common.ToString());

        for (int f = 0; f < Files; f++)
        {
            var text = new StringBuilder();
            for (int i = 0; i < ClaimsPerFile; i++)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"claim c{f}_{i} = A{i % 40}.did{i % 4}(target: A{(i + 7) % 40}, count: {i * 10 + f}, where: P{i % 8}) on 2017-{1 + i % 12:00}-{1 + i % 28:00}\n");
                text.Append(CultureInfo.InvariantCulture,
                    $"  source S{i % 20}, S{(i + 3) % 20} confidence {(i % 3 == 0 ? "low" : i % 3 == 1 ? "moderate" : "high")} credibility {1 + i % 6}\n");
                text.Append(CultureInfo.InvariantCulture, $"  note \"version {version}, claim {i} of file {f}, with a comma and a \\\"quote\\\"\" tags t{i % 5}\n");
                if (i > 0 && i % 2 == 0) text.Append(CultureInfo.InvariantCulture, $"  supports c{f}_{i - 1}, H\n");
                else if (i > 0) text.Append(CultureInfo.InvariantCulture, $"  contradicts c{f}_{i - 1}\n");
            }

            File.WriteAllText(Path.Combine(folder, $"f{f:00}.claim"), text.ToString());
        }
    }

    [Fact]
    public void A_build_killed_mid_write_leaves_the_old_dataset_or_the_complete_new_one()
    {
        using var root = new TempFolder();
        var ws = root.Full("ws");
        Directory.CreateDirectory(ws);
        var output = root.Full("out");

        // The two complete datasets, built in-process.
        var reference = new SortedDictionary<string, byte[]>[2];
        for (int version = 0; version < 2; version++)
        {
            Generate(ws, version);
            var result = Claimc.Run(ws, ["build", "-o", root.Full("reference" + version), .. AllForms]);
            Assert.True(result.ExitCode == 0, result.ToString());
            reference[version] = Workspaces.Snapshot(root.Full("reference" + version));
        }

        Assert.False(Workspaces.SameFiles(reference[0], reference[1]));

        // Start from version 0 in the output folder; time one complete child build, to aim the kills.
        Generate(ws, 0);
        var warmUp = Stopwatch.StartNew();
        var first = ExternalProcess.Run(ExternalProcess.Claimc(ws, ["build", "-o", output, .. AllForms]), TimeSpan.FromMinutes(5));
        warmUp.Stop();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(Workspaces.SameFiles(reference[0], Workspaces.Snapshot(output)), "a child process wrote other bytes than the in-process build");
        int current = 0;
        var window = Math.Max(200, (int)warmUp.ElapsedMilliseconds);

        var random = new Random();
        int completed = 0;
        for (int attempt = 0; attempt < Kills; attempt++)
        {
            int next = 1 - current;
            Generate(ws, next);
            int delay = random.Next(window / 4, window + window / 4);
            using var child = Process.Start(Silent(ExternalProcess.Claimc(ws, ["build", "-o", output, .. AllForms])))!;
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();
            bool exited = child.WaitForExit(delay);
            if (!exited)
            {
                try
                {
                    child.Kill(); // SIGKILL on Unix
                }
                catch (InvalidOperationException)
                {
                    // It finished in between.
                }
            }

            child.WaitForExit();
            var after = Workspaces.Snapshot(output);
            bool isOld = Workspaces.SameFiles(reference[current], after);
            bool isNew = Workspaces.SameFiles(reference[next], after);
            log.WriteLine($"attempt {attempt}: killed after {delay} ms (a full build takes {window} ms): {(isNew ? "new dataset" : isOld ? "old dataset" : "MIXED")}");
            Assert.True(isOld || isNew, $"after a kill at {delay} ms the output folder is neither the old nor the new dataset: {string.Join(", ", after.Keys)}");
            if (isNew)
            {
                current = next;
                completed++;
            }
        }

        // The next build cleans up what the killed processes left next to the folder.
        Generate(ws, 1 - current);
        var final = Claimc.Run(ws, ["build", "-o", output, .. AllForms]);
        Assert.True(final.ExitCode == 0, final.ToString());
        Assert.True(Workspaces.SameFiles(reference[1 - current], Workspaces.Snapshot(output)));
        Assert.Empty(Workspaces.BuildLeftovers(output));
        log.WriteLine($"{completed} of {Kills} killed builds had completed");
    }

    private static ProcessStartInfo Silent(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        return start;
    }
}
