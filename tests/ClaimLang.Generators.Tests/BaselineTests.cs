using ClaimLang.Generators.Tests.Support;

namespace ClaimLang.Generators.Tests;

/// <summary>
/// Baselines of the generator's output. Each folder under Baselines/ is one case: input/ is a workspace (.claim files,
/// maybe a claimlang.json and documents) given to the generator as AdditionalFiles with input/ as the root;
/// ClaimLang.Catalog.g.cs is the expected catalog and diagnostics.txt the expected diagnostics. Run the tests with
/// CLAIMLANG_UPDATE_BASELINES=1 to rewrite them (then review the diff).
/// </summary>
public class BaselineTests
{
    private const string Namespace = "ClaimLang.Tests.Generated";

    public static string CasesFolder => TestPaths.InRepo("tests", "ClaimLang.Generators.Tests", "Baselines");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(CasesFolder).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    private static (GeneratorRun Run, string Root, List<Microsoft.CodeAnalysis.AdditionalText> Files) Generate(string name)
    {
        var root = Path.Combine(CasesFolder, name, "input");
        var files = GeneratorHarness.FilesOnDisk(root);
        return (GeneratorHarness.Run(files, GeneratorHarness.Settings(root, Namespace)), root, files);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_catalog_matches_the_baseline(string name)
    {
        var (run, _, _) = Generate(name);
        Assert.NotNull(run.Catalog);
        Check(name, "ClaimLang.Catalog.g.cs", run.Catalog!);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reported_diagnostics_match_the_baseline(string name)
    {
        var (run, root, _) = Generate(name);
        var lines = run.Diagnostics.Select(d => GeneratorHarness.Format(d, root) + "\n");
        Check(name, "diagnostics.txt", string.Concat(lines));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Generated_catalog_compiles_without_warnings_including_documentation_warnings(string name)
    {
        var (run, _, _) = Generate(name);
        Assert.Empty(GeneratorHarness.Problems(run.Output));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Catalog_at_run_time_equals_the_dataset_the_compiler_builds(string name)
    {
        var (run, root, files) = Generate(name);
        var expected = GeneratorHarness.ExpectedDataset(root, files);
        var actual = GeneratorHarness.LoadAll(run.Output, Namespace + ".Claims");
        Assert.Equal(expected, actual);
        Assert.NotEmpty(expected.Claims);
    }

    private static void Check(string name, string file, string actual)
    {
        var path = Path.Combine(CasesFolder, name, file);
        if (TestPaths.UpdateBaselines)
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{path} is missing; run the tests with CLAIMLANG_UPDATE_BASELINES=1 to create it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }
}
