using ClaimLang.Generators.Tests.Support;
using Microsoft.CodeAnalysis;

namespace ClaimLang.Generators.Tests;

/// <summary>What a consumer gets: the catalog's names, where it is put, and compile-time checking of its use.</summary>
public class CatalogTests
{
    private static readonly string Root = TestPaths.VirtualRoot;

    private const string Workspace = """
        /// The analysis, graded C:
        /// a named author relaying thin reports.
        source MET "An analysis" reliability C
        actor IRGC "Revolutionary Guards"
        hypothesis H1 "A hypothesis"
        claim coup = IRGC.coup_attempt on 2017-01-28 source MET confidence low supports H1
        """;

    private static List<AdditionalText> Files() => GeneratorHarness.Files(Root, ("a.claim", Workspace));

    [Fact]
    public void Consumer_code_that_names_declarations_compiles_and_a_misspelt_name_does_not()
    {
        var driver = GeneratorHarness.CreateDriver(Files(), GeneratorHarness.Settings(Root, "Intel"));

        var good = GeneratorHarness.Run(driver, GeneratorHarness.NewCompilation("""
            internal static class Use
            {
                internal static string Title => Intel.Claims.Sources.MET.Title;
                internal static string Actor => Intel.Claims.Actors.IRGC.Name;
                internal static string Hypothesis => Intel.Claims.Hypotheses.H1.Statement;
                internal static string Claim => Intel.Claims.Labelled.coup.Id;
                internal static int Count => Intel.Claims.All.Claims.Count;
            }
            """));
        Assert.Empty(GeneratorHarness.Problems(good.Output));

        var bad = GeneratorHarness.Run(driver, GeneratorHarness.NewCompilation(
            "internal static class Use { internal static string Title => Intel.Claims.Sources.MTE.Title; }"));
        var error = Assert.Single(GeneratorHarness.Problems(bad.Output));
        Assert.Equal("CS0117", error.Id);
        Assert.Contains("MTE", error.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Doc_comments_become_the_XML_documentation_of_the_members()
    {
        var run = GeneratorHarness.Run(Files(), GeneratorHarness.Settings(Root, "Intel"));

        var sources = run.Output.GetTypeByMetadataName("Intel.Claims+Sources")!;
        var xml = sources.GetMembers("MET").Single().GetDocumentationCommentXml();
        Assert.Contains("The analysis, graded C:", xml, StringComparison.Ordinal);
        Assert.Contains("a named author relaying thin reports.", xml, StringComparison.Ordinal);
        Assert.Contains("Declared in a.claim, line 3.", xml, StringComparison.Ordinal);

        var actors = run.Output.GetTypeByMetadataName("Intel.Claims+Actors")!;
        Assert.Contains("Revolutionary Guards", actors.GetMembers("IRGC").Single().GetDocumentationCommentXml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Namespace_and_class_name_come_from_the_settings()
    {
        var run = GeneratorHarness.Run(Files(), GeneratorHarness.Settings(Root, "My.Data", "Intelligence"));

        Assert.NotNull(run.Output.GetTypeByMetadataName("My.Data.Intelligence"));
        Assert.Empty(GeneratorHarness.Problems(run.Output));
    }

    [Fact]
    public void Without_a_ClaimLang_namespace_the_project_root_namespace_is_used()
    {
        var settings = GeneratorHarness.Settings(Root);
        settings.Remove("build_property.ClaimLangNamespace");
        settings["build_property.RootNamespace"] = "My-Tool.2nd";

        var run = GeneratorHarness.Run(Files(), settings);

        Assert.NotNull(run.Output.GetTypeByMetadataName("My_U002DTool._2nd.Claims"));
        Assert.Empty(GeneratorHarness.Problems(run.Output));
    }

    [Fact]
    public void The_catalog_does_not_depend_on_the_order_of_the_additional_files()
    {
        var files = GeneratorHarness.Files(Root,
            ("b.claim", "actor IRGC \"Guards\"\nactor Bashar \"Bashar\""),
            ("a.claim", "source MET \"An analysis\"\nclaim IRGC.coup_attempt(target: Bashar) source MET confidence low"),
            ("c.claim", "claim Bashar.ill source MET confidence low"));

        var forward = GeneratorHarness.Run(files, GeneratorHarness.Settings(Root)).Catalog;
        files.Reverse();
        var backward = GeneratorHarness.Run(files, GeneratorHarness.Settings(Root)).Catalog;

        Assert.Equal(forward, backward);
    }

    [Fact]
    public void A_file_listed_twice_is_compiled_once()
    {
        var files = Files();
        files.AddRange(Files());

        var run = GeneratorHarness.Run(files, GeneratorHarness.Settings(Root));

        Assert.DoesNotContain(run.Diagnostics, d => d.Id == "CLM2002");
        Assert.Empty(GeneratorHarness.Problems(run.Output));
    }

    [Fact]
    public void Without_claim_files_nothing_is_generated()
    {
        var run = GeneratorHarness.Run(
            GeneratorHarness.Files(Root, ("claimlang.json", "{}"), ("notes.txt", "not a claim file")),
            GeneratorHarness.Settings(Root));

        Assert.Null(run.Catalog);
        Assert.Empty(run.Diagnostics);
    }

    [Fact]
    public void Without_a_root_setting_the_root_is_the_folder_of_the_nearest_claimlang_json_above_the_files()
    {
        var files = GeneratorHarness.Files(Root,
            ("claimlang.json", "{}"),
            (Path.Combine("claims", "deep", "a.claim"), Workspace),
            (Path.Combine("claims", "b.claim"), "actor Maher \"Maher\""));

        var run = GeneratorHarness.Run(files, new Dictionary<string, string> { ["build_property.RootNamespace"] = "Intel" });

        Assert.Contains("new global::ClaimLang.Runtime.SourceLocation(\"claims/deep/a.claim\", 3, 8)", run.Catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_root_setting_or_claimlang_json_the_root_is_the_folder_that_holds_every_file()
    {
        var files = GeneratorHarness.Files(Root,
            (Path.Combine("claims", "deep", "a.claim"), Workspace),
            (Path.Combine("claims", "b.claim"), "actor Maher \"Maher\""));

        var run = GeneratorHarness.Run(files, new Dictionary<string, string> { ["build_property.RootNamespace"] = "Intel" });

        Assert.Contains("new global::ClaimLang.Runtime.SourceLocation(\"deep/a.claim\", 3, 8)", run.Catalog, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_root_setting_is_relative_to_the_project_folder()
    {
        var project = Path.Combine(Root, "tool");
        var files = GeneratorHarness.Files(Root, ("a.claim", Workspace));
        var settings = new Dictionary<string, string>
        {
            ["build_property.ClaimLangRoot"] = "..",
            ["build_property.MSBuildProjectDirectory"] = project,
            ["build_property.RootNamespace"] = "Intel",
        };

        var run = GeneratorHarness.Run(files, settings);

        Assert.Contains("new global::ClaimLang.Runtime.SourceLocation(\"a.claim\", 3, 8)", run.Catalog, StringComparison.Ordinal);
    }
}
