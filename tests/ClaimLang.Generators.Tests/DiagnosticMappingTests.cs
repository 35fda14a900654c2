using ClaimLang.Configuration;
using DiagnosticCatalog = ClaimLang.Diagnostics.DiagnosticCatalog;
using ClaimLang.Generators.Tests.Support;
using Microsoft.CodeAnalysis;
using ClaimCompilation = ClaimLang.Binding.Compilation;
using ClaimSeverity = ClaimLang.Diagnostics.DiagnosticSeverity;
using ClaimSyntaxTree = ClaimLang.Syntax.SyntaxTree;
using RoslynSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace ClaimLang.Generators.Tests;

/// <summary>ClaimLang diagnostics become C# build diagnostics: same code, message and place, the workspace's severity.</summary>
public class DiagnosticMappingTests
{
    private static readonly string Root = TestPaths.VirtualRoot;

    private const string Sources = """
        source MET "An analysis" reliability C published 2017-02-07
        source Unused "Never cited"
        source MET "Declared twice"
        """;

    private const string Claims = """
        actor IRGC "Revolutionary Guards"
        actor Bashar "Bashar"
        claim IRGC.coup_attempt(target: Bashar) on 2017-01-28 source MTE confidence low
        claim IRGC.high_alert on 2017-01 source MET
        claim Bashar.health on 2017-02-30 source MET confidence low
        """;

    private static List<AdditionalText> Workspace(string? configuration = null)
    {
        var files = GeneratorHarness.Files(Root, ("sources.claim", Sources), ("claims.claim", Claims));
        if (configuration is not null) files.AddRange(GeneratorHarness.Files(Root, ("claimlang.json", configuration)));
        return files;
    }

    private static GeneratorRun Run(List<AdditionalText> files) => GeneratorHarness.Run(files, GeneratorHarness.Settings(Root));

    [Fact]
    public void Every_compiler_diagnostic_is_reported_with_its_code_message_severity_and_place()
    {
        const string configuration = """{ "asOf": "2026-01-01", "rules": { "CLM3006": "error" } }""";
        var files = Workspace(configuration);
        var run = Run(files);

        var options = ConfigurationLoader.Parse(configuration, Path.Combine(Root, "claimlang.json")).Options;
        var trees = files.Where(f => f.Path.EndsWith(".claim", StringComparison.Ordinal)).Select(f => ClaimSyntaxTree.Parse(f.GetText()!, f.Path));
        var expected = ClaimCompilation.Create(trees, options, Root).GetDiagnostics();

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Length, run.Diagnostics.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            var want = expected[i];
            var got = run.Diagnostics[i];
            Assert.Equal(want.Id, got.Id);
            Assert.Equal(want.Message, got.GetMessage());
            Assert.Equal(ToRoslyn(want.Severity), got.Severity);
            Assert.Equal(want.Location.FilePath, got.Location.GetLineSpan().Path);
            Assert.Equal(want.Location.Span, got.Location.SourceSpan);
            Assert.Equal(want.Location.LineSpan, got.Location.GetLineSpan().Span);
            Assert.Equal(want.Related.Select(r => r.Location.LineSpan), got.AdditionalLocations.Select(l => l.GetLineSpan().Span));
            Assert.Equal("ClaimLang", got.Descriptor.Category);
            Assert.Equal(DiagnosticCatalog.HelpUri(want.Id), got.Descriptor.HelpLinkUri);
        }
    }

    [Fact]
    public void An_error_in_a_claim_file_is_an_error_of_the_CSharp_build_at_its_place_in_that_file()
    {
        var run = Run(Workspace());

        var undefined = Assert.Single(run.Diagnostics, d => d.Id == "CLM2001");
        Assert.Equal(RoslynSeverity.Error, undefined.Severity);
        Assert.Equal("undefined source 'MTE'; did you mean 'MET'?", undefined.GetMessage());
        var span = undefined.Location.GetLineSpan();
        Assert.Equal(Path.Combine(Root, "claims.claim"), span.Path);
        var column = Claims.Split('\n')[2].IndexOf("MTE", StringComparison.Ordinal);
        Assert.Equal((2, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Equal((2, column + 3), (span.EndLinePosition.Line, span.EndLinePosition.Character));
        Assert.True(undefined.Location.Kind == LocationKind.ExternalFile);
        // An error cannot be turned off from the C# side (NoWarn, .editorconfig): claimlang.json decides.
        Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, undefined.Descriptor.CustomTags);
    }

    [Fact]
    public void A_duplicate_declaration_points_at_the_first_one_too()
    {
        var run = Run(Workspace());

        var duplicate = Assert.Single(run.Diagnostics, d => d.Id == "CLM2002");
        Assert.Equal(2, duplicate.Location.GetLineSpan().StartLinePosition.Line);
        var first = Assert.Single(duplicate.AdditionalLocations);
        Assert.Equal(Path.Combine(Root, "sources.claim"), first.GetLineSpan().Path);
        Assert.Equal(0, first.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData(null, RoslynSeverity.Warning)]
    [InlineData("error", RoslynSeverity.Error)]
    [InlineData("warning", RoslynSeverity.Warning)]
    [InlineData("info", RoslynSeverity.Info)]
    public void The_severity_is_the_one_claimlang_json_gives(string? rule, RoslynSeverity expected)
    {
        var configuration = rule is null ? "{}" : $$"""{ "rules": { "CLM3006": "{{rule}}" } }""";
        var run = Run(Workspace(configuration));

        var missing = Assert.Single(run.Diagnostics, d => d.Id == "CLM3006");
        Assert.Equal(expected, missing.Severity);
        Assert.Equal(RoslynSeverity.Warning, missing.DefaultSeverity);
    }

    [Fact]
    public void A_rule_turned_off_in_claimlang_json_is_not_reported()
    {
        var run = Run(Workspace("""{ "rules": { "CLM3006": "off", "CLM3007": "off" } }"""));

        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CLM3006" or "CLM3007");
        Assert.Contains(run.Diagnostics, d => d.Id == "CLM2001");
    }

    [Fact]
    public void An_information_message_stays_an_information_message()
    {
        var run = Run(Workspace());

        var uncited = run.Diagnostics.Where(d => d.Id == "CLM3007").ToList();
        Assert.Contains(uncited, d => d.GetMessage().Contains("'Unused'", StringComparison.Ordinal));
        Assert.All(uncited, d => Assert.Equal(RoslynSeverity.Info, d.Severity));
    }

    [Fact]
    public void A_suppression_comment_in_the_claim_file_is_honoured()
    {
        var claims = Claims.Replace("claim IRGC.high_alert", "// claimlang-disable-next-line CLM3006\nclaim IRGC.high_alert", StringComparison.Ordinal);
        var files = GeneratorHarness.Files(Root, ("sources.claim", Sources), ("claims.claim", claims));

        Assert.Contains(Run(Workspace()).Diagnostics, d => d.Id == "CLM3006");
        Assert.DoesNotContain(Run(files).Diagnostics, d => d.Id == "CLM3006");
    }

    [Fact]
    public void A_bad_claimlang_json_is_reported_at_the_bad_value()
    {
        const string configuration = "{\n  \"asOf\": \"yesterday\"\n}";
        var run = Run(Workspace(configuration));

        var bad = Assert.Single(run.Diagnostics, d => d.Id == "CLM0001");
        Assert.Equal(RoslynSeverity.Error, bad.Severity);
        var span = bad.Location.GetLineSpan();
        Assert.Equal(Path.Combine(Root, "claimlang.json"), span.Path);
        Assert.Equal(1, span.StartLinePosition.Line);
        Assert.Contains("asOf", bad.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_claimlang_json_outside_the_root_is_not_the_workspace_configuration()
    {
        var files = Workspace();
        files.Add(new TestAdditionalText(Path.Combine(Root, "nested", "claimlang.json"), """{ "rules": { "CLM3006": "off" } }"""));

        Assert.Contains(Run(files).Diagnostics, d => d.Id == "CLM3006");
    }

    [Fact]
    public void A_file_the_build_cannot_read_is_an_error_and_the_other_files_still_compile()
    {
        var files = Workspace();
        files.Add(new TestAdditionalText(Path.Combine(Root, "broken.claim"), null));
        var run = Run(files);

        var unreadable = Assert.Single(run.Diagnostics, d => d.Id == "CLMG001");
        Assert.Equal(RoslynSeverity.Error, unreadable.Severity);
        Assert.Equal(Path.Combine(Root, "broken.claim"), unreadable.Location.GetLineSpan().Path);
        Assert.Contains("public static global::ClaimLang.Runtime.Source MET", run.Catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unusable_class_name_is_a_warning_and_the_default_name_is_used()
    {
        var settings = GeneratorHarness.Settings(Root, className: "Sources");
        var run = GeneratorHarness.Run(Workspace(), settings);

        var warning = Assert.Single(run.Diagnostics, d => d.Id == "CLMG003");
        Assert.Equal(RoslynSeverity.Warning, warning.Severity);
        Assert.Equal(Location.None, warning.Location);
        Assert.Contains("public static partial class Claims", run.Catalog, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ documents

    private const string Provenance = """
        source Report "A saved report" document "docs/report.txt" reliability B
        actor Someone "Someone"
        claim Someone.spoke source Report confidence low quote "the exact words"
        """;

    [Fact]
    public void Quotes_are_checked_against_documents_passed_as_additional_files()
    {
        var found = GeneratorHarness.Files(Root, ("p.claim", Provenance), ("docs/report.txt", "He said the exact words, twice."));
        var notFound = GeneratorHarness.Files(Root, ("p.claim", Provenance), ("docs/report.txt", "He said something else."));

        Assert.DoesNotContain(Run(found).Diagnostics, d => d.Id.StartsWith("CLM4", StringComparison.Ordinal));
        var error = Assert.Single(Run(notFound).Diagnostics, d => d.Id.StartsWith("CLM4", StringComparison.Ordinal));
        Assert.Equal("CLM4001", error.Id);
        Assert.Equal(RoslynSeverity.Error, error.Severity);
    }

    [Fact]
    public void A_document_that_is_not_an_additional_file_is_reported_as_not_found_with_what_to_do()
    {
        var run = Run(GeneratorHarness.Files(Root, ("p.claim", Provenance)));

        var missing = Assert.Single(run.Diagnostics, d => d.Id == "CLM4002");
        Assert.Contains("AdditionalFiles", missing.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("docs/../../outside.txt")]
    [InlineData("/etc/passwd")]
    public void A_document_path_that_leaves_the_root_is_refused_even_when_the_file_is_given(string path)
    {
        var source = Provenance.Replace("docs/report.txt", path, StringComparison.Ordinal);
        var files = GeneratorHarness.Files(Root, ("p.claim", source));
        files.Add(new TestAdditionalText(Path.GetFullPath(Path.Combine(Root, "..", "outside.txt")), "the exact words"));

        var outside = Assert.Single(Run(files).Diagnostics, d => d.Id.StartsWith("CLM4", StringComparison.Ordinal));
        Assert.Equal("CLM4003", outside.Id);
    }

    private static RoslynSeverity ToRoslyn(ClaimSeverity severity) => severity switch
    {
        ClaimSeverity.Error => RoslynSeverity.Error,
        ClaimSeverity.Warning => RoslynSeverity.Warning,
        ClaimSeverity.Info => RoslynSeverity.Info,
        _ => throw new ArgumentOutOfRangeException(nameof(severity)),
    };
}
