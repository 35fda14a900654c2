using ClaimLang.Binding;
using ClaimLang.Diagnostics;
using ClaimLang.Emit;
using ClaimLang.Runtime;
using ClaimLang.Tests.Configuration;
using ClaimLang.Tests.TestSupport;
using ClaimLang.Workspace;

namespace ClaimLang.Tests.Emit;

/// <summary>Workspaces and helpers shared by the emitter tests.</summary>
internal static class EmitFixtures
{
    public static readonly DateOnly Today = new(2026, 1, 1);

    /// <summary>
    /// A small workspace that uses every clause, every argument type, both supports and contradicts between claims,
    /// two claims superseding the same one, undeclared predicates, documentation comments, a source document, and
    /// text that a spreadsheet would run as a formula.
    /// </summary>
    public static readonly (string Path, string Text)[] Rich =
    [
        ("claimlang.json", """{ "asOf": "2026-01-01" }"""),
        ("docs/report.txt", "The reporter wrote that the unit \"moved at night\" towards the base.\n"),
        ("sources.claim", """
            /// The main report.
            /// Second line of its documentation.
            source Report "=HYPERLINK(\"http://x\",\"click\")"
              published 2017-02-07 author "+Ann Author" publisher "@Press, Inc." url "https://example.org/r?a=1,b=2"
              reliability B kind report lang en document "docs/report.txt"
              cites Wire, Blog
            source Wire "Wire \"service\"" kind outlet reliability D
            source Blog "-Blog with\na line break" published 2017-01~

            """),
        ("world/world.claim", """
            actor Army "Army" kind military aka "The Army", "=Forces"
            actor Unit "Unit 7" kind military part_of Army
            /// A city.
            place City "City"
            place Base "Air base" in City at -33.5, 151.25
            predicate moved(destination: place, troops: number, when: date, why: text, after: claim) "moved somewhere"
            predicate observed
            hypothesis H "The unit moved to the base"
            hypothesis H2 "Nothing happened"

            """),
        ("claims.claim", """
            claim first = Unit.moved(destination: Base, troops: 40_000, when: 2017-01-20, why: "orders") on 2017-01-20
              source Report, Wire confidence moderate credibility 2 at Base
              supports H tags military, night
              quote "moved at night"
              note "=1+1"

            /// Later reporting.
            claim second = Unit.moved(Base, 38_500.5, 2017-01~, "=cmd|' /C calc'!A0", first) on 2017-01-21
              source Report confidence high credibility 1 supersedes first supports first, H

            claim third = Unit.moved(destination: City) on 2017-01 source Blog confidence low supersedes first contradicts second, H2, Wire

            claim Army.observed on 2017-01-23/.. source Wire confidence low supports third
            claim Army.left(City, 12, 2016, "tab\there", H) source Blog confidence low contradicts third
            claim City.quiet on ../2017-01-19 source Wire confidence low

            """),
    ];

    /// <summary>Writes <paramref name="files"/> (paths with <c>/</c>) under <paramref name="folder"/>.</summary>
    public static void WriteAll(string folder, IEnumerable<(string Path, string Text)> files)
    {
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(folder, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    /// <summary>Copies a folder of the repository (e.g. <c>seeds</c>) into <paramref name="destination"/>.</summary>
    public static void CopyFolder(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Loads and compiles the workspace at <paramref name="folder"/>; fails the test on any error.</summary>
    public static LoadedWorkspace Load(string folder)
    {
        var workspaces = WorkspaceLoader.Load([folder], folder, Today);
        var workspace = Assert.Single(workspaces);
        var errors = workspace.Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "unexpected errors:\n" + string.Join("\n", errors));
        return workspace;
    }

    /// <summary>Builds the dataset of the workspace at <paramref name="folder"/>.</summary>
    public static ClaimDataset Build(string folder)
    {
        var workspace = Load(folder);
        return DatasetBuilder.Build(workspace.Compilation, workspace.Root);
    }

    /// <summary>A temp folder holding the rich workspace, and its dataset.</summary>
    public static (TempDirectory Folder, ClaimDataset Dataset) RichDataset()
    {
        var folder = new TempDirectory();
        WriteAll(folder.Path, Rich);
        return (folder, Build(folder.Path));
    }

    /// <summary>The workspaces of the repository the round-trip and determinism tests run over.</summary>
    public static IEnumerable<object[]> RepositoryWorkspaces() =>
    [
        ["seeds"],
        ["examples"],
        ["spec-example"],
        ["rich"],
    ];

    /// <summary>Creates a copy of a named workspace in a fresh temp folder.</summary>
    public static TempDirectory Materialise(string name)
    {
        var folder = new TempDirectory();
        switch (name)
        {
            case "rich":
                WriteAll(folder.Path, Rich);
                break;
            case "spec-example":
                File.Copy(Path.Combine(AppContext.BaseDirectory, "Corpus", "spec-example.claim"), Path.Combine(folder.Path, "spec-example.claim"));
                File.WriteAllText(Path.Combine(folder.Path, "claimlang.json"), """{ "asOf": "2026-01-01" }""");
                break;
            default:
                CopyFolder(TestPaths.InRepo(name), folder.Path);
                break;
        }

        return folder;
    }

    /// <summary>Every file under a folder: relative path (with <c>/</c>) → bytes, sorted by path.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder)
    {
        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            result[Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/')] = File.ReadAllBytes(file);
        }

        return result;
    }

    /// <summary>Asserts two snapshots hold the same files with the same bytes, naming the first difference.</summary>
    public static void AssertSameFiles(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs");
        }
    }

    /// <summary>The compilation's symbol of a claim, by its dataset id.</summary>
    public static ClaimSymbol ClaimById(Compilation compilation, string id) =>
        compilation.Claims.Single(c => c.Id == id);
}
