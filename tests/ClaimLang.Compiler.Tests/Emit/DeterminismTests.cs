using ClaimLang.Binding;
using ClaimLang.Configuration;
using ClaimLang.Emit;
using ClaimLang.Tests.Configuration;
using ClaimLang.Workspace;

namespace ClaimLang.Tests.Emit;

/// <summary>The same sources give byte-identical output whatever the file order or the folder they sit in.</summary>
public class DeterminismTests
{
    private const EmitFormats All = EmitFormats.Json | EmitFormats.JsonLines | EmitFormats.Csv | EmitFormats.Sqlite;

    [Theory]
    [MemberData(nameof(EmitFixtures.RepositoryWorkspaces), MemberType = typeof(EmitFixtures))]
    public void Shuffling_the_files_changes_no_byte(string workspace)
    {
        using var folder = EmitFixtures.Materialise(workspace);
        var root = folder.Path;
        var options = ConfigurationLoader.LoadForWorkspace(root).Options;
        var files = Directory.EnumerateFiles(root, "*.claim", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(files);

        SortedDictionary<string, byte[]>? baseline = null;
        for (int seed = 0; seed < 4; seed++)
        {
            // Parse in one shuffled order and hand the trees over in another.
            var order = files.ToArray();
            new Random(seed).Shuffle(order);
            if (seed == 0) Array.Reverse(order);
            var (trees, _) = WorkspaceLoader.ParseFiles(order);
            var shuffledTrees = trees.ToArray();
            new Random(seed + 100).Shuffle(shuffledTrees);
            var compilation = Compilation.Create(shuffledTrees, options, root, today: EmitFixtures.Today);

            var dataset = DatasetBuilder.Build(compilation, root);
            using var output = new TempDirectory();
            DatasetEmitter.Emit(dataset, output.Path, All);
            var snapshot = EmitFixtures.Snapshot(output.Path);
            if (baseline is null) baseline = snapshot;
            else EmitFixtures.AssertSameFiles(baseline, snapshot);
        }
    }

    [Fact]
    public void The_folder_the_workspace_sits_in_changes_no_byte()
    {
        using var first = EmitFixtures.Materialise("seeds");
        using var parent = new TempDirectory();
        var second = Path.Combine(parent.Path, "some where", "déjà vu", "seeds");
        EmitFixtures.CopyFolder(first.Path, second);

        SortedDictionary<string, byte[]> Emit(string root)
        {
            var dataset = EmitFixtures.Build(root);
            var output = Path.Combine(parent.Path, "out-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(output);
            DatasetEmitter.Emit(dataset, output, All);
            return EmitFixtures.Snapshot(output);
        }

        EmitFixtures.AssertSameFiles(Emit(first.Path), Emit(second));
    }

    [Fact]
    public void Emitting_twice_gives_the_same_bytes_including_the_sqlite_file()
    {
        var (folder, dataset) = EmitFixtures.RichDataset();
        using (folder)
        using (var a = new TempDirectory())
        using (var b = new TempDirectory())
        {
            DatasetEmitter.Emit(dataset, a.Path, All);
            DatasetEmitter.Emit(dataset, b.Path, All);
            EmitFixtures.AssertSameFiles(EmitFixtures.Snapshot(a.Path), EmitFixtures.Snapshot(b.Path));
        }
    }
}
