using ClaimLang.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using Steps = ClaimLang.Generators.ClaimCatalogGenerator.StepNames;

namespace ClaimLang.Generators.Tests;

/// <summary>
/// The generator's pipeline does per-file work once per file: an edit re-parses only the edited file, and the
/// steps after the compile step run only when their own input changed. Checked through the driver's tracked steps.
/// </summary>
public class IncrementalityTests
{
    private static readonly string Root = TestPaths.VirtualRoot;
    private static readonly string SourcesPath = Path.Combine(Root, "sources.claim");
    private static readonly string ActorsPath = Path.Combine(Root, "actors.claim");
    private static readonly string ClaimsPath = Path.Combine(Root, "claims.claim");
    private static readonly string ConfigurationPath = Path.Combine(Root, "claimlang.json");

    private const string Sources = """
        /// The analysis.
        source MET "An analysis" reliability C
        """;

    private const string Actors = """
        actor IRGC "Revolutionary Guards"
        actor Bashar "Bashar"
        """;

    private const string Claims = """
        claim coup = IRGC.coup_attempt(target: Bashar) on 2017-01-28 source MET confidence low
        claim IRGC.high_alert source MET
        """;

    private static readonly AdditionalText SourcesFile = new TestAdditionalText(SourcesPath, Sources);
    private static readonly AdditionalText ActorsFile = new TestAdditionalText(ActorsPath, Actors);
    private static readonly AdditionalText ClaimsFile = new TestAdditionalText(ClaimsPath, Claims);
    private static readonly AdditionalText ConfigurationFile = new TestAdditionalText(ConfigurationPath, """{ "asOf": "2026-01-01" }""");

    /// <summary>A first run over the three files and the configuration; every step has run once.</summary>
    private static GeneratorRun FirstRun()
    {
        var run = GeneratorHarness.Run(
            [SourcesFile, ActorsFile, ClaimsFile, ConfigurationFile],
            GeneratorHarness.Settings(Root));
        Assert.All(run.Reasons(Steps.Parse), r => Assert.Equal(IncrementalStepRunReason.New, r));
        Assert.Equal(3, run.Reasons(Steps.Parse).Count);
        Assert.Equal([IncrementalStepRunReason.New], run.Reasons(Steps.Compile));
        return run;
    }

    private static GeneratorRun Replace(GeneratorRun previous, AdditionalText old, AdditionalText replacement) =>
        GeneratorHarness.Run(previous.Driver.ReplaceAdditionalText(old, replacement));

    [Fact]
    public void Editing_one_file_reparses_only_that_file()
    {
        var first = FirstRun();
        var edited = new TestAdditionalText(ActorsPath, Actors + "\nactor Maher \"Maher\"");

        var second = Replace(first, ActorsFile, edited);

        Assert.Equal(IncrementalStepRunReason.Modified, second.ParseReason(ActorsPath));
        Assert.Equal(IncrementalStepRunReason.Cached, second.ParseReason(SourcesPath));
        Assert.Equal(IncrementalStepRunReason.Cached, second.ParseReason(ClaimsPath));
        Assert.Equal([IncrementalStepRunReason.Cached], second.Reasons(Steps.Configuration));
        Assert.Equal([IncrementalStepRunReason.Cached], second.Reasons(Steps.Settings));
        // Binding is global (claims.claim uses the actors), so the compile step runs again, and the catalog changed.
        Assert.Equal([IncrementalStepRunReason.Modified], second.Reasons(Steps.Compile));
        Assert.Equal([IncrementalStepRunReason.Modified], second.Reasons(Steps.Catalog));
        Assert.Contains("Maher", second.Catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void The_compile_step_reuses_the_trees_of_the_files_that_did_not_change()
    {
        var first = FirstRun();
        var before = ParsedTrees(first);

        var second = Replace(first, ActorsFile, new TestAdditionalText(ActorsPath, Actors + "\nactor Maher \"Maher\""));
        var after = ParsedTrees(second);

        Assert.Same(before[SourcesPath], after[SourcesPath]);
        Assert.Same(before[ClaimsPath], after[ClaimsPath]);
        Assert.NotSame(before[ActorsPath], after[ActorsPath]);
    }

    [Fact]
    public void Reading_a_file_again_with_the_same_text_runs_nothing_after_the_parse()
    {
        var first = FirstRun();

        var second = Replace(first, ClaimsFile, new TestAdditionalText(ClaimsPath, Claims));

        Assert.Equal(IncrementalStepRunReason.Unchanged, second.ParseReason(ClaimsPath));
        Assert.Equal([IncrementalStepRunReason.Cached], second.Reasons(Steps.Compile));
        Assert.Equal([IncrementalStepRunReason.Cached], second.Reasons(Steps.Catalog));
        Assert.Equal([IncrementalStepRunReason.Cached], second.Reasons(Steps.Diagnostics));
    }

    [Fact]
    public void Editing_a_doc_comment_regenerates_the_catalog_but_does_not_report_again()
    {
        var first = FirstRun();

        var second = Replace(first, SourcesFile, new TestAdditionalText(SourcesPath, Sources.Replace("The analysis.", "The analysis, graded C.", StringComparison.Ordinal)));

        Assert.Equal(IncrementalStepRunReason.Modified, second.ParseReason(SourcesPath));
        Assert.Equal([IncrementalStepRunReason.Modified], second.Reasons(Steps.Compile));
        Assert.Equal([IncrementalStepRunReason.Modified], second.Reasons(Steps.Catalog));
        Assert.Equal([IncrementalStepRunReason.Unchanged], second.Reasons(Steps.Diagnostics));
        Assert.Contains("The analysis, graded C.", second.Catalog, StringComparison.Ordinal);
        // The diagnostics of the first run are still reported.
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Changing_a_rule_in_claimlang_json_reports_again_but_keeps_the_catalog()
    {
        var first = FirstRun();
        Assert.Contains(first.Diagnostics, d => d.Id == "CLM3006");

        var second = Replace(first, ConfigurationFile,
            new TestAdditionalText(ConfigurationPath, """{ "asOf": "2026-01-01", "rules": { "CLM3006": "off" } }"""));

        Assert.All(second.Reasons(Steps.Parse), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal([IncrementalStepRunReason.Modified], second.Reasons(Steps.Configuration));
        Assert.Equal([IncrementalStepRunReason.Modified], second.Reasons(Steps.Compile));
        Assert.Equal([IncrementalStepRunReason.Unchanged], second.Reasons(Steps.Catalog));
        Assert.Equal([IncrementalStepRunReason.Modified], second.Reasons(Steps.Diagnostics));
        Assert.DoesNotContain(second.Diagnostics, d => d.Id == "CLM3006");
    }

    [Fact]
    public void Adding_a_file_parses_only_the_new_file()
    {
        var first = FirstRun();
        var placesPath = Path.Combine(Root, "places.claim");

        var second = GeneratorHarness.Run(first.Driver.AddAdditionalTexts([new TestAdditionalText(placesPath, "place Damascus \"Damascus\"")]));

        Assert.Equal(IncrementalStepRunReason.New, second.ParseReason(placesPath));
        Assert.Equal(IncrementalStepRunReason.Cached, second.ParseReason(SourcesPath));
        Assert.Equal(IncrementalStepRunReason.Cached, second.ParseReason(ActorsPath));
        Assert.Equal(IncrementalStepRunReason.Cached, second.ParseReason(ClaimsPath));
        Assert.Contains("Damascus", second.Catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void An_additional_file_outside_the_workspace_root_does_not_rerun_the_compile_step()
    {
        var first = FirstRun();
        var elsewhere = Path.Combine(Path.GetDirectoryName(Root)!, "elsewhere", "notes.txt");

        var second = GeneratorHarness.Run(first.Driver.AddAdditionalTexts([new TestAdditionalText(elsewhere, "unrelated")]));

        Assert.Empty(second.Result.TrackedSteps.GetValueOrDefault(Steps.Documents, []).SelectMany(s => s.Outputs));
        Assert.Equal([IncrementalStepRunReason.Cached], second.Reasons(Steps.Compile));
    }

    [Fact]
    public void A_C_sharp_edit_in_the_consumer_runs_nothing()
    {
        var first = FirstRun();

        var second = GeneratorHarness.Run(first.Driver, GeneratorHarness.NewCompilation("class Edited { }"));

        Assert.All(second.Reasons(Steps.Parse), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal([IncrementalStepRunReason.Cached], second.Reasons(Steps.Compile));
        Assert.Equal(first.Catalog, second.Catalog);
    }

    private static Dictionary<string, object> ParsedTrees(GeneratorRun run) =>
        run.Result.TrackedSteps[Steps.Parse]
            .SelectMany(s => s.Outputs)
            .Select(o => (ParsedClaimFile)o.Value)
            .ToDictionary(f => f.Path, f => (object)f.Tree!);
}
