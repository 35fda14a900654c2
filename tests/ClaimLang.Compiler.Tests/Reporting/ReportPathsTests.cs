using ClaimLang.Reporting;

namespace ClaimLang.Tests.Reporting;

public class ReportPathsTests
{
    private static readonly string Cwd = ReportSample.CurrentDirectory;

    [Fact]
    public void Paths_under_the_current_folder_are_relative_with_slashes()
    {
        Assert.Equal("a/b.claim", ReportPaths.Display(Path.Join(Cwd, "a", "b.claim"), Cwd));
        Assert.Equal("a/b.claim", ReportPaths.Display(Path.Join(Cwd, "a", "b.claim"), Cwd + Path.DirectorySeparatorChar));
    }

    [Fact]
    public void Paths_elsewhere_stay_full()
    {
        string sibling = Cwd + "-other" + Path.DirectorySeparatorChar + "b.claim"; // shares a prefix, not a folder
        Assert.Equal(sibling, ReportPaths.Display(sibling, Cwd));
        Assert.False(ReportPaths.TryRelative(Cwd, Cwd, out _));
    }

    [Fact]
    public void Relative_paths_are_kept_with_slashes()
    {
        Assert.Equal("x/y.claim", ReportPaths.Display(Path.Join("x", "y.claim"), Cwd));
        Assert.Equal("", ReportPaths.Display("", Cwd));
    }

    [Theory]
    [InlineData("a/b.claim", "a/b.claim")]
    [InlineData("notes/a b#1%.claim", "notes/a%20b%231%25.claim")]
    [InlineData("تقارير/x.claim", "%D8%AA%D9%82%D8%A7%D8%B1%D9%8A%D8%B1/x.claim")]
    [InlineData("c:d.claim", "c%3Ad.claim")]
    public void Relative_uris_are_percent_encoded(string path, string expected)
    {
        Assert.Equal(expected, ReportPaths.ToRelativeUri(path));
        Assert.True(Uri.IsWellFormedUriString(expected, UriKind.Relative));
    }

    [Fact]
    public void File_uris_are_absolute_and_encoded()
    {
        string path = Path.Join(Cwd, "a b", "c#.claim");
        string uri = ReportPaths.ToFileUri(path);
        Assert.StartsWith("file:///", uri);
        Assert.EndsWith("/a%20b/c%23.claim", uri);
        Assert.Equal(path, new Uri(uri).LocalPath);
        Assert.EndsWith("/", ReportPaths.ToFileUri(Cwd, asFolder: true));
    }
}
