namespace ClaimLang.Tests.TestSupport;

/// <summary>Locates the repository (the folder with ClaimLang.sln) from the test's output folder.</summary>
public static class TestPaths
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClaimLang.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ClaimLang.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => s_root.Value;
    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    /// <summary>The shared folder (spec, seeds, schemas) that sits beside the repository.</summary>
    public static string Shared(params string[] parts) => Path.Combine([Path.GetDirectoryName(RepoRoot)!, "shared", .. parts]);

    /// <summary>Set CLAIMLANG_UPDATE_BASELINES=1 to rewrite baseline files instead of comparing with them.</summary>
    public static bool UpdateBaselines => Environment.GetEnvironmentVariable("CLAIMLANG_UPDATE_BASELINES") is "1" or "true";

    public static IEnumerable<string> ClaimFiles(params string[] folders)
    {
        foreach (var folder in folders)
        {
            var path = InRepo(folder);
            if (!Directory.Exists(path)) continue;
            foreach (var file in Directory.EnumerateFiles(path, "*.claim", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                yield return file;
        }
    }
}
