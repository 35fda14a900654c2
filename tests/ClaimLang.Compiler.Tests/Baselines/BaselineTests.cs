using ClaimLang.Binding;
using ClaimLang.Configuration;
using ClaimLang.Diagnostics;
using ClaimLang.Syntax;
using ClaimLang.Tests.TestSupport;

namespace ClaimLang.Tests.Baselines;

/// <summary>
/// Baseline tests: each folder under tests/ClaimLang.Compiler.Tests/Baselines/Cases is one case with a main.claim
/// (plus, optionally, more .claim files, a claimlang.json and documents). The test compiles the folder and compares
/// main.syntax.txt, main.diagnostics.claim and main.symbols.claim with what the compiler produces now. Set
/// CLAIMLANG_UPDATE_BASELINES=1 to rewrite them (then review the diff). See docs/contributing.md.
/// </summary>
public class BaselineTests
{
    public static readonly DateOnly Today = new(2026, 1, 1);

    public static string CasesFolder => TestPaths.InRepo("tests", "ClaimLang.Compiler.Tests", "Baselines", "Cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.EnumerateDirectories(CasesFolder).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    public static (Compilation Compilation, SyntaxTree Main) Compile(string name)
    {
        var folder = Path.Combine(CasesFolder, name);
        var configuration = ConfigurationLoader.LoadForWorkspace(folder);
        var trees = Directory.EnumerateFiles(folder, "*.claim")
            .Where(f => !f.EndsWith(".diagnostics.claim", StringComparison.Ordinal) && !f.EndsWith(".symbols.claim", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => SyntaxTree.Parse(Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(f)), Path.GetFileName(f)))
            .ToList();
        var compilation = Compilation.Create(trees, configuration.Options, folder, null, configuration.Diagnostics, Today);
        return (compilation, trees.Single(t => t.FilePath == "main.claim"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Baseline_matches(string name)
    {
        var folder = Path.Combine(CasesFolder, name);
        var (compilation, main) = Compile(name);
        Assert.Equal(File.ReadAllText(Path.Combine(folder, "main.claim")), main.ToString());
        Check(folder, "main.syntax.txt", SyntaxPrinter.Print(main.GetRoot()));
        Check(folder, "main.diagnostics.claim", Annotator.Diagnostics(main, compilation.GetDiagnostics()));
        Check(folder, "main.symbols.claim", Annotator.Symbols(compilation.GetSemanticModel(main)));
    }

    private static void Check(string folder, string file, string actual)
    {
        var path = Path.Combine(folder, file);
        if (TestPaths.UpdateBaselines)
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing; run the tests with CLAIMLANG_UPDATE_BASELINES=1 to create it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual.ReplaceLineEndings("\n"));
    }

    /// <summary>Every code has a case named after it that reports it, and a "-clean" case that does not.</summary>
    [Fact]
    public void Every_code_has_a_triggering_and_a_clean_case()
    {
        var missing = new List<string>();
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            foreach (var suffix in new[] { "", "-clean" })
            {
                if (!Directory.Exists(Path.Combine(CasesFolder, descriptor.Id + suffix))) missing.Add(descriptor.Id + suffix);
            }
        }
        Assert.True(missing.Count == 0, "missing baseline cases: " + string.Join(", ", missing));
    }

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var d in DiagnosticCatalog.All) data.Add(d.Id);
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void The_code_case_reports_the_code_and_the_clean_case_does_not(string code)
    {
        var triggered = Compile(code).Compilation.GetDiagnostics();
        Assert.Contains(triggered, d => d.Id == code);
        var clean = Compile(code + "-clean").Compilation.GetDiagnostics();
        Assert.DoesNotContain(clean, d => d.Id == code);
    }
}
