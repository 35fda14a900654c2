namespace ClaimLang.Generators.Tests.Support;

/// <summary>Locates the repository (the folder with ClaimLang.sln) from the test's output folder.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ClaimLang.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ClaimLang.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => Root.Value;

    public static string InRepo(params string[] parts) => Path.Combine([RepoRoot, .. parts]);

    /// <summary>Set CLAIMLANG_UPDATE_BASELINES=1 to rewrite baseline files instead of comparing with them.</summary>
    public static bool UpdateBaselines => Environment.GetEnvironmentVariable("CLAIMLANG_UPDATE_BASELINES") is "1" or "true";

    /// <summary>A made-up absolute folder for in-memory workspaces (never created on disk).</summary>
    public static string VirtualRoot { get; } = OperatingSystem.IsWindows() ? @"C:\claimlang-tests\ws" : "/claimlang-tests/ws";

    public static string Virtual(params string[] parts) => Path.Combine([VirtualRoot, .. parts]);
}
