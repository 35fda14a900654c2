using ClaimLang.Emit;
using ClaimLang.Runtime;
using ClaimLang.Tests.Configuration;

namespace ClaimLang.Tests.Emit;

/// <summary>compile → emit → <see cref="ClaimDataset.Load"/> gives back exactly what the builder produced.</summary>
public class RoundTripTests
{
    [Theory]
    [MemberData(nameof(EmitFixtures.RepositoryWorkspaces), MemberType = typeof(EmitFixtures))]
    public void Every_readable_form_loads_back_equal_to_the_built_dataset(string workspace)
    {
        using var source = EmitFixtures.Materialise(workspace);
        var built = EmitFixtures.Build(source.Path);
        Assert.Empty(built.Validate());
        Assert.NotEmpty(built.Claims);

        using var output = new TempDirectory();
        var written = DatasetEmitter.Emit(built, output.Path, EmitFormats.Json | EmitFormats.JsonLines | EmitFormats.Sqlite);
        Assert.Equal([DatasetEmitter.JsonFileName, DatasetEmitter.JsonLinesFileName, DatasetEmitter.SqliteFileName], written);

        foreach (var file in written)
        {
            var loaded = ClaimDataset.Load(Path.Combine(output.Path, file));
            AssertSameDataset(built, loaded, file);
        }
    }

    [Fact]
    public void The_json_written_is_the_runtime_writer_output_byte_for_byte()
    {
        var (folder, dataset) = EmitFixtures.RichDataset();
        using (folder)
        using (var output = new TempDirectory())
        {
            DatasetEmitter.Emit(dataset, output.Path, EmitFormats.Json | EmitFormats.JsonLines);
            Assert.Equal(DatasetJson.WriteToUtf8Bytes(dataset), File.ReadAllBytes(Path.Combine(output.Path, "dataset.json")));
            Assert.Equal(DatasetJsonLines.WriteToUtf8Bytes(dataset), File.ReadAllBytes(Path.Combine(output.Path, "dataset.jsonl")));
        }
    }

    [Fact]
    public void An_empty_workspace_gives_an_empty_dataset_that_loads()
    {
        using var source = new TempDirectory();
        source.Write("empty.claim", "// nothing yet\n");
        var built = EmitFixtures.Build(source.Path);
        Assert.Empty(built.Claims);
        using var output = new TempDirectory();
        DatasetEmitter.Emit(built, output.Path, EmitFormats.Json | EmitFormats.Sqlite | EmitFormats.Csv | EmitFormats.JsonLines);
        Assert.Equal(built, ClaimDataset.Load(Path.Combine(output.Path, "dataset.json")));
        Assert.Equal(built, ClaimDataset.Load(Path.Combine(output.Path, "dataset.db")));
        Assert.Equal("id,ordinal,label,subject", File.ReadAllText(Path.Combine(output.Path, "csv", "claims.csv"))[..24]);
    }

    /// <summary>Compares part by part first, so that a failure names the record that differs.</summary>
    private static void AssertSameDataset(ClaimDataset expected, ClaimDataset actual, string form)
    {
        Compare(expected.Sources, actual.Sources, form);
        Compare(expected.Actors, actual.Actors, form);
        Compare(expected.Places, actual.Places, form);
        Compare(expected.Predicates, actual.Predicates, form);
        Compare(expected.Hypotheses, actual.Hypotheses, form);
        Compare(expected.Claims, actual.Claims, form);
        Assert.Equal(expected, actual);
    }

    private static void Compare<T>(EquatableArray<T> expected, EquatableArray<T> actual, string form)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(Equals(expected[i], actual[i]), $"{form}: item {i} differs:\nexpected {expected[i]}\nactual   {actual[i]}");
        }
    }
}
