namespace ClaimLang.Runtime.Tests.Support;

/// <summary>Paths the tests need: the repository root, fixtures, scratch folders.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> LazyRepositoryRoot = new(FindRepositoryRoot);

    /// <summary>The folder holding ClaimLang.sln.</summary>
    public static string RepositoryRoot => LazyRepositoryRoot.Value;

    /// <summary>The hand-written dataset.json fixture (copied next to the test assembly).</summary>
    public static string FixtureDataset => Path.Combine(AppContext.BaseDirectory, "Fixtures", "dataset.json");

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ClaimLang.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no ClaimLang.sln above {AppContext.BaseDirectory}");
    }
}

/// <summary>A scratch folder deleted at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "claimlang-runtime-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platforms; the temp folder is cleaned eventually.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
