using ClaimLang.Configuration;

namespace ClaimLang.Tests.Configuration;

public class PathGuardTests
{
    private static string Real(string path) => Path.GetFullPath(path);

    [Theory]
    [InlineData("docs/report.txt", "docs/report.txt")]
    [InlineData("./docs/report.txt", "docs/report.txt")]
    [InlineData("docs/../docs/report.txt", "docs/report.txt")]
    [InlineData("docs\\report.txt", "docs/report.txt")]
    [InlineData("docs//report.txt", "docs/report.txt")]
    [InlineData("missing/not-yet.txt", "missing/not-yet.txt")]
    public void Accepts_relative_paths_inside_the_root(string relative, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("docs/report.txt", "text");
        Assert.True(PathGuard.TryResolveInside(dir.Path, relative, out string full, out string? error), error);
        Assert.Null(error);
        Assert.Equal(Real(dir.Full(expected)), full);
    }

    [Theory]
    [InlineData("/etc/passwd", "absolute path")]
    [InlineData("\\\\server\\share\\x.txt", "absolute path")]
    [InlineData("C:\\docs\\x.txt", "absolute path")]
    [InlineData("C:docs", "absolute path")]
    [InlineData("../x.txt", "leaves the workspace root through '..'")]
    [InlineData("docs/../../x.txt", "leaves the workspace root through '..'")]
    [InlineData("docs\\..\\..\\x.txt", "leaves the workspace root through '..'")]
    [InlineData("", "empty")]
    [InlineData("  ", "empty")]
    [InlineData(".", "workspace root itself")]
    [InlineData("docs/..", "workspace root itself")]
    [InlineData("a\0b", "NUL")]
    public void Rejects_paths_that_leave_the_root(string relative, string expected)
    {
        using var dir = new TempDirectory();
        dir.Write("docs/report.txt");
        Assert.False(PathGuard.TryResolveInside(dir.Path, relative, out string full, out string? error));
        Assert.Equal(string.Empty, full);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Rejects_a_file_link_that_points_outside()
    {
        using var outside = new TempDirectory();
        string secret = outside.Write("secret.txt", "secret");
        using var dir = new TempDirectory();
        dir.Link("docs/report.txt", secret, directory: false);

        Assert.False(PathGuard.TryResolveInside(dir.Path, "docs/report.txt", out _, out string? error));
        Assert.Contains("leads outside the workspace root through a symbolic link", error);
    }

    [Fact]
    public void Rejects_a_folder_link_on_the_way_that_points_outside()
    {
        using var outside = new TempDirectory();
        outside.Write("deep/secret.txt", "secret");
        using var dir = new TempDirectory();
        dir.Link("docs/shared", outside.Path, directory: true);

        Assert.False(PathGuard.TryResolveInside(dir.Path, "docs/shared/deep/secret.txt", out _, out string? error));
        Assert.Contains("symbolic link", error);
        // Even for a file that does not exist behind the link.
        Assert.False(PathGuard.TryResolveInside(dir.Path, "docs/shared/nothing.txt", out _, out _));
    }

    [Fact]
    public void Rejects_a_relative_link_whose_dotdot_climbs_out()
    {
        using var outside = new TempDirectory();
        outside.Write("secret.txt");
        using var dir = new TempDirectory();
        dir.Link("docs/up", Path.Join("..", ".."), directory: true); // docs/up → the root's parent
        string outsideName = Path.GetFileName(outside.Path);

        Assert.False(PathGuard.TryResolveInside(dir.Path, $"docs/up/{outsideName}/secret.txt", out _, out _));
        // '..' after a link is taken physically: docs/up/.. is the parent of the root's parent, not docs.
        Assert.False(PathGuard.TryResolveInside(dir.Path, $"docs/up/../x.txt", out _, out _));
    }

    [Fact]
    public void Rejects_a_chain_of_links_that_ends_outside()
    {
        using var outside = new TempDirectory();
        string secret = outside.Write("secret.txt");
        using var dir = new TempDirectory();
        dir.Link("hop2.txt", secret, directory: false);
        dir.Link("docs/hop1.txt", dir.Full("hop2.txt"), directory: false);

        Assert.False(PathGuard.TryResolveInside(dir.Path, "docs/hop1.txt", out _, out _));
    }

    [Fact]
    public void Accepts_links_that_stay_inside_and_returns_the_resolved_path()
    {
        using var dir = new TempDirectory();
        string target = dir.Write("archive/2017/report.txt", "text");
        dir.Link("docs/current", Path.Join("..", "archive", "2017"), directory: true);
        dir.Link("docs/latest.txt", target, directory: false);

        Assert.True(PathGuard.TryResolveInside(dir.Path, "docs/current/report.txt", out string full, out string? error), error);
        Assert.Equal(Real(target), full);
        Assert.True(PathGuard.TryResolveInside(dir.Path, "docs/latest.txt", out full, out error), error);
        Assert.Equal(Real(target), full);
    }

    [Fact]
    public void Works_when_the_root_itself_is_reached_through_a_link()
    {
        using var dir = new TempDirectory();
        string target = dir.Write("real/docs/report.txt", "text");
        string root = dir.Link("root-link", dir.Full("real"), directory: true);

        Assert.True(PathGuard.TryResolveInside(root, "docs/report.txt", out string full, out string? error), error);
        Assert.Equal(Real(target), full);
        Assert.False(PathGuard.TryResolveInside(root, "../real/docs/report.txt", out _, out _));
    }

    [Fact]
    public void Reports_a_link_loop()
    {
        using var dir = new TempDirectory();
        dir.Link("docs/loop", "loop", directory: false);
        Assert.False(PathGuard.TryResolveInside(dir.Path, "docs/loop", out _, out string? error));
        Assert.Contains("too many levels of symbolic links", error);
    }

    [Fact]
    public void Never_opens_the_file()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("docs/locked.txt", "text");
        // Hold the file open with no sharing: resolving must still work, because it only reads names and links.
        using var handle = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        Assert.True(PathGuard.TryResolveInside(dir.Path, "docs/locked.txt", out string full, out _));
        Assert.Equal(Real(path), full);
    }
}
