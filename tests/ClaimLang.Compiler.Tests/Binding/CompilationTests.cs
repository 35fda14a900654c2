using ClaimLang.Binding;
using ClaimLang.Configuration;
using ClaimLang.Diagnostics;
using ClaimLang.Syntax;
using ClaimLang.Tests.TestSupport;
using ClaimLang.Workspace;

namespace ClaimLang.Tests.Binding;

public class CompilationTests
{
    private static readonly DateOnly Today = new(2026, 1, 1);

    private static Compilation Compile(params (string Path, string Text)[] files) =>
        Compilation.Create(files.Select(f => SyntaxTree.Parse(f.Text, f.Path)), today: Today);

    [Fact]
    public void An_undeclared_source_in_another_file_reports_CLM2001_with_the_closest_name()
    {
        var compilation = Compile(
            ("a.claim", "source MET \"Middle East Transparent\" reliability C\nsource WIB \"War Is Boring\"\n"),
            ("b.claim", "actor IRGC \"Guards\"\nclaim IRGC.alert source MTE confidence low\n"));
        var d = Assert.Single(compilation.GetDiagnostics(), d => d.Id == "CLM2001");
        Assert.Equal("b.claim", d.Location.FilePath);
        Assert.Equal(1, d.Location.LineSpan.Start.Line);
        Assert.Contains("did you mean 'MET'?", d.Message);
        Assert.Equal("MET", d.Properties["suggestion"]);
    }

    [Fact]
    public void Declaration_order_and_file_order_do_not_matter()
    {
        var a = ("a.claim", "claim IRGC.alert source MET confidence low\n");
        var b = ("b.claim", "source MET \"t\" reliability C\nactor IRGC \"g\"\n");
        var one = Compile(a, b).GetDiagnostics().Select(d => d.ToString());
        var two = Compile(b, a).GetDiagnostics().Select(d => d.ToString());
        Assert.Equal(one, two);
        Assert.DoesNotContain(Compile(a, b).GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Claim_ids_are_labels_or_derived_from_content()
    {
        var compilation = Compile(("a.claim", """
            source MET "t"
            actor IRGC "g"
            actor Bashar "b"
            claim coup = IRGC.coup_attempt(target: Bashar) on 2017-01-28 source MET confidence low
            claim IRGC.coup_attempt on 2017-01-28 source MET confidence low
            claim IRGC.coup_attempt on 2017-01-28 source MET confidence moderate
            """));
        Assert.Equal(["coup", "IRGC.coup_attempt@2017-01-28/MET", "IRGC.coup_attempt@2017-01-28/MET#2"], compilation.Claims.Select(c => c.Id));
    }

    [Fact]
    public void The_semantic_model_finds_symbols_and_references()
    {
        var text = "source MET \"t\"\nactor IRGC \"g\"\nclaim IRGC.alert source MET confidence low\nclaim IRGC.calm source MET confidence low\n";
        var compilation = Compile(("a.claim", text));
        var tree = compilation.SyntaxTrees[0];
        var model = compilation.GetSemanticModel(tree);
        var hit = model.GetSymbolAt(text.IndexOf("MET confidence", StringComparison.Ordinal) + 1);
        Assert.NotNull(hit);
        var source = Assert.IsType<SourceSymbol>(hit.Value.Symbol);
        Assert.Equal("MET", source.Name);
        Assert.Equal(3, compilation.FindReferences(source).Count);
        Assert.Equal(2, compilation.FindReferences(source, includeDeclaration: false).Count);
        var declaration = tree.GetRoot().Declarations[1];
        Assert.Equal("IRGC", model.GetDeclaredSymbol(declaration)!.Name);
    }

    [Fact]
    public void Severity_overrides_and_suppressions_apply()
    {
        var text = "source MET \"t\"\nactor IRGC \"g\"\nclaim IRGC.alert source MET\n// claimlang-disable-next-line CLM3006\nclaim IRGC.calm source MET\n";
        var tree = SyntaxTree.Parse(text, "a.claim");
        var plain = Compilation.Create([tree], today: Today).GetDiagnostics();
        Assert.Single(plain, d => d.Id == "CLM3006");
        var options = new ClaimLangOptions { Rules = new Dictionary<string, DiagnosticSeverity> { ["CLM3006"] = DiagnosticSeverity.Error } };
        var strict = Compilation.Create([tree], options, today: Today).GetDiagnostics();
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(strict, d => d.Id == "CLM3006").Severity);
        var off = new ClaimLangOptions { Rules = new Dictionary<string, DiagnosticSeverity> { ["CLM3006"] = DiagnosticSeverity.Off } };
        Assert.DoesNotContain(Compilation.Create([tree], off, today: Today).GetDiagnostics(), d => d.Id == "CLM3006");
    }

    [Fact]
    public void Syntax_errors_cannot_be_suppressed()
    {
        var text = "// claimlang-disable-next-line CLM1007\nclam X.y source S\n";
        Assert.Contains(Compile(("a.claim", text)).GetDiagnostics(), d => d.Id == "CLM1007");
    }

    [Fact]
    public void Replacing_a_tree_reuses_declaration_summaries()
    {
        var text = string.Concat(Enumerable.Range(0, 100).Select(i => $"claim A{i}.p source S confidence low\n")) + "source S \"s\"\n";
        var tree = SyntaxTree.Parse(text, "a.claim");
        var compilation = Compilation.Create([tree], today: Today);
        Assert.Equal(100, compilation.GetDiagnostics().Count(d => d.Id == "CLM2001"));
        var edited = tree.WithChange(new Microsoft.CodeAnalysis.Text.TextSpan(text.Length - 13, 0), "actor A0 \"a\"\n");
        var next = compilation.ReplaceSyntaxTree(tree, edited);
        Assert.Equal(99, next.GetDiagnostics().Count(d => d.Id == "CLM2001"));
    }

    [Fact]
    public void Seeds_and_examples_compile_without_errors_or_warnings()
    {
        var workspaces = WorkspaceLoader.Load([TestPaths.InRepo("seeds"), TestPaths.InRepo("examples")], TestPaths.RepoRoot, Today);
        Assert.Equal(2, workspaces.Count);
        foreach (var workspace in workspaces)
        {
            var problems = workspace.Compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
            Assert.True(workspace.Compilation.Claims.Count > 10);
        }
    }

    [Fact]
    public void Long_cites_and_supersedes_chains_do_not_overflow()
    {
        const int n = 200_000;
        var b = new System.Text.StringBuilder();
        for (int i = 0; i < n; i++) b.Append("source S").Append(i).Append(" \"s\"").Append(i + 1 < n ? $" cites S{i + 1}" : "").Append('\n');
        b.Append("actor A \"a\"\n");
        for (int i = 0; i < n; i++) b.Append("claim c").Append(i).Append(" = A.p source S0 confidence low supersedes c").Append((i + 1) % n).Append('\n');
        b.Append("claim A.q source S0, S").Append(n - 1).Append(" confidence low\n");
        var compilation = Compile(("big.claim", b.ToString()));
        var diagnostics = compilation.GetDiagnostics();
        Assert.Equal(n, diagnostics.Count(d => d.Id == "CLM2012"));
        Assert.Single(diagnostics, d => d.Id == "CLM3011");
    }
}

public class SuggestionTests
{
    [Fact]
    public void Every_use_of_an_undefined_name_gets_the_same_suggestion()
    {
        var b = new System.Text.StringBuilder("source MET \"t\"\nactor Guards \"g\"\n");
        for (int i = 0; i < 2000; i++) b.Append("claim Gaurds.p").Append(i).Append(" source MET confidence low\n");
        var compilation = Compilation.Create([SyntaxTree.Parse(b.ToString(), "a.claim")], today: new DateOnly(2026, 1, 1));
        var undefined = compilation.GetDiagnostics().Where(d => d.Id == "CLM2001").ToList();
        Assert.Equal(2000, undefined.Count);
        Assert.All(undefined, d => Assert.Equal("Guards", d.Properties["suggestion"]));
    }

    [Fact]
    public void A_huge_undefined_name_is_quoted_short_in_the_message()
    {
        var name = new string('x', 1_000_000);
        var compilation = Compilation.Create([SyntaxTree.Parse($"source S \"s\"\nclaim {name}.p source S confidence low\n", "a.claim")], today: new DateOnly(2026, 1, 1));
        var d = Assert.Single(compilation.GetDiagnostics(), d => d.Id == "CLM2001");
        Assert.True(d.Message.Length < 200, d.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
