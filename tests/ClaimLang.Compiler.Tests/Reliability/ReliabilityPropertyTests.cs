using System.Collections.Concurrent;
using ClaimLang.Syntax;
using ClaimLang.Tests.Reliability.Fuzzing;
using ClaimLang.Tests.Reporting;
using FsCheck.Fluent;

namespace ClaimLang.Tests.Reliability;

/// <summary>
/// The reliability properties (Fuzzing/FuzzCatalog.cs) in their bounded form: fixed seeds, a few hundred cases
/// each, so a default test run stays short. bench/ClaimLang.Fuzz runs the same properties with random seeds for
/// as long as it is given (docs/reliability.md).
/// </summary>
public class ReliabilityPropertyTests
{
    private static FuzzContext Run(string property, ulong seed, int cases, int endSize = 60, Action<byte[]>? datasets = null)
    {
        var context = new FuzzContext { DatasetSink = datasets };
        FuzzRunner.Run(FuzzCatalog.Get(property), FuzzRun.FromSeed(seed, cases, endSize), context);
        return context;
    }

    [Theory]
    [InlineData(20260101UL)]
    [InlineData(7UL)]
    public void Generated_workspaces_never_break_the_compiler(ulong seed)
    {
        var stats = Run("generated", seed, 150).Stats;
        // The generator must reach both clean and broken inputs.
        Assert.True(stats.ErrorFree > 10, stats.ToString());
        Assert.True(stats.ErrorFree < stats.Cases, stats.ToString());
    }

    [Theory]
    [InlineData(11UL)]
    [InlineData(12UL)]
    public void Mutated_workspaces_never_break_the_compiler(ulong seed)
    {
        var stats = Run("mutated", seed, 200).Stats;
        Assert.True(stats.WithSyntaxErrors > 50, stats.ToString());
    }

    [Fact]
    public void Random_and_mangled_bytes_never_break_the_compiler()
    {
        var stats = Run("bytes", 13UL, 200).Stats;
        Assert.Equal(200, stats.Cases);
    }

    [Theory]
    [InlineData(21UL)]
    [InlineData(22UL)]
    public void Incremental_parsing_equals_a_fresh_parse(ulong seed)
    {
        var stats = Run("incremental", seed, 120).Stats;
        Assert.Equal(120, stats.Cases);
    }

    [Fact]
    public void The_formatter_is_idempotent_and_keeps_the_meaning()
    {
        var stats = Run("formatter", 31UL, 150).Stats;
        // Valid-mode workspaces must mostly compile cleanly, or this property would check little.
        Assert.True(stats.ErrorFree >= stats.Cases * 7 / 10, stats.ToString());
        Assert.True(stats.Formatted > stats.Cases, stats.ToString());
    }

    [Fact]
    public void Emitted_datasets_are_sound_and_match_the_schema()
    {
        var datasets = new ConcurrentQueue<byte[]>();
        var stats = Run("dataset", 41UL, 150, datasets: datasets.Enqueue).Stats;
        Assert.True(stats.ErrorFree >= stats.Cases * 7 / 10, stats.ToString());
        Assert.Equal(stats.ErrorFree, datasets.Count);

        // All datasets in one validator run (ajv through tools/schema-validate).
        string folder = Path.Combine(Path.GetTempPath(), "claimlang-reliability-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var files = new List<string>();
            foreach (var json in datasets)
            {
                string file = Path.Combine(folder, $"dataset-{files.Count:D4}.json");
                File.WriteAllBytes(file, json);
                files.Add(file);
            }
            string validator = RepositoryPaths.SchemaValidator();
            string schema = Path.Combine(RepositoryPaths.Root, "schema", "dataset.schema.json");
            var (code, output) = RepositoryPaths.Run("node", validator, [Path.Combine(validator, "validate.mjs"), "--quiet", schema, .. files]);
            Assert.True(code == 0, output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // ------------------------------------------------------------------ the generators themselves

    [Fact]
    public void The_grammar_generator_reaches_every_declaration_and_clause()
    {
        var seen = new HashSet<SyntaxKind>();
        var samples = Gen.Sample(ClaimGrammar.Workspace(valid: true), 200, new FsCheck.Rnd(5UL), 40)
            .Concat(Gen.Sample(ClaimGrammar.Workspace(valid: false), 200, new FsCheck.Rnd(5UL), 40));
        foreach (var workspace in samples)
        {
            foreach (var text in workspace.Render())
            {
                foreach (var node in SyntaxTree.Parse(text).GetRoot().DescendantNodes()) seen.Add(node.Kind);
            }
        }
        var expected = Enum.GetValues<SyntaxKind>().Where(k => k.ToString().EndsWith("Clause", StringComparison.Ordinal) || k.ToString().EndsWith("Declaration", StringComparison.Ordinal))
            .Where(k => k != SyntaxKind.SkippedDeclaration);
        var missing = expected.Where(k => !seen.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "never generated: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_grammar_generator_writes_every_line_break_style_and_layout_hazard()
    {
        var samples = Gen.Sample(Mutator.Cases(validWorkspace: false, maxMutations: 8), 300, new FsCheck.Rnd(6UL), 60);
        string all = string.Concat(samples.SelectMany(c => c.Texts));
        foreach (string needle in new[] { "\r\n", "\r", "\n  ", "\t", "\uFEFF", "\0", "/*", "///", "\"\"\"", "😀" })
            Assert.Contains(needle, all, StringComparison.Ordinal);
        Assert.True(HasLoneSurrogate(all), "no lone surrogate generated");
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1]))) return true;
            if (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1]))) return true;
        }
        return false;
    }

    [Fact]
    public void A_failure_reports_a_reproducing_seed_and_a_shrunk_input()
    {
        // A deliberately false property: "no workspace has a supersedes clause".
        var property = new FuzzProperty("demo", "fails on purpose", _ => Prop.ForAll(Mutator.Arbitrary(validWorkspace: true, maxMutations: 0), c =>
        {
            if (c.Texts.Any(t => t.Contains("supersedes", StringComparison.Ordinal))) throw new PropertyViolation("found supersedes");
        }));
        var failure = Assert.Throws<FuzzFailure>(() => FuzzRunner.Run(property, FuzzRun.FromSeed(99UL, 300), new FuzzContext()));
        Assert.Contains("--property demo --seed 99", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Shrunk", failure.Message, StringComparison.Ordinal);
        // The shrunk case keeps only what the failure needs: a single file with very few declarations.
        string shrunk = failure.Report[(failure.Report.IndexOf("Shrunk", StringComparison.Ordinal))..];
        shrunk = shrunk[..shrunk.IndexOf("with exception", StringComparison.Ordinal)];
        Assert.Equal(1, shrunk.Split(".claim: ").Length - 1);
        Assert.True(shrunk.Split("\\n").Length <= 4, shrunk);
    }
}
