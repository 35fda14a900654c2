using ClaimLang.Emit;
using ClaimLang.Examples.CsharpConsumer;
using ClaimLang.Generators.Tests.Support;
using ClaimLang.Workspace;

namespace ClaimLang.Generators.Tests;

/// <summary>
/// examples/csharp-consumer is built as a dependency of this project (the generator running in a real C# build,
/// loaded from the project reference with its dependencies); these tests run it.
/// </summary>
public class ConsumerExampleTests
{
    [Fact]
    public void The_catalog_built_into_the_example_equals_the_dataset_claimc_builds_from_the_examples()
    {
        var root = TestPaths.InRepo("examples");
        var workspace = Assert.Single(WorkspaceLoader.Load([root], root));
        var expected = DatasetBuilder.Build(workspace.Compilation, workspace.Root);

        Assert.Equal(expected, Claims.All);
    }

    [Fact]
    public void The_example_program_runs_and_writes_its_briefing()
    {
        using var output = new StringWriter();

        var exitCode = BriefingReport.Write(output);

        Assert.Equal(0, exitCode);
        var text = output.ToString();
        Assert.StartsWith(Claims.All.ToString(), text, StringComparison.Ordinal);
        Assert.Contains($"  {Claims.Hypotheses.H1.Id}: {Claims.Hypotheses.H1.Statement}", text, StringComparison.Ordinal);
        Assert.Contains($"What is claimed about {Claims.Actors.IRGC.Name} (IRGC)", text, StringComparison.Ordinal);
        Assert.Contains("Query: confidence >= moderate", text, StringComparison.Ordinal);
    }
}
