using ClaimLang.Configuration;

namespace ClaimLang.Tests.Configuration;

public class WorkspaceRootTests
{
    [Fact]
    public void Finds_the_nearest_configuration_at_or_above_a_folder()
    {
        using var dir = new TempDirectory();
        dir.Write("claimlang.json", "{}");
        dir.Write("inner/claimlang.json", "{}");
        dir.CreateFolder("inner/deep/deeper");
        dir.CreateFolder("other");

        Assert.Equal(dir.Full("inner"), WorkspaceRoot.Find(dir.Full("inner/deep/deeper")));
        Assert.Equal(dir.Full("inner"), WorkspaceRoot.Find(dir.Full("inner")));
        Assert.Equal(dir.Path, WorkspaceRoot.Find(dir.Full("other")));
        Assert.Equal(dir.Full("inner/claimlang.json"), WorkspaceRoot.FindConfigFile(dir.Full("inner/deep")));
    }

    [Fact]
    public void A_file_starts_the_search_at_its_folder()
    {
        using var dir = new TempDirectory();
        dir.Write("claimlang.json", "{}");
        string file = dir.Write("a/b/notes.claim");
        Assert.Equal(dir.Path, WorkspaceRoot.Find(file));
    }

    [Fact]
    public void Without_a_configuration_the_folder_or_the_files_folder_is_the_root()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("a/notes.claim");
        string folder = dir.Full("a");
        // A configuration above the temp folder would change the answer; the test folder has none.
        Assume(WorkspaceRoot.FindConfigFile(dir.Path) is null);
        Assert.Equal(folder, WorkspaceRoot.Find(folder));
        Assert.Equal(folder, WorkspaceRoot.Find(folder + Path.DirectorySeparatorChar));
        Assert.Equal(folder, WorkspaceRoot.Find(file));
        Assert.Null(WorkspaceRoot.FindConfigFile(file));
    }

    private static void Assume(bool condition) =>
        Assert.True(condition, "the system temp folder (or one above it) holds a claimlang.json");
}

public class WorkspaceFilesTests
{
    private static ClaimLangOptions Options(string[]? include = null, string[]? exclude = null) =>
        ClaimLangOptions.Default with
        {
            Include = include ?? ClaimLangOptions.Default.Include,
            Exclude = exclude ?? [],
        };

    private static string[] Relative(TempDirectory dir, IEnumerable<string> files) =>
        files.Select(f => Path.GetRelativePath(dir.Path, f).Replace(Path.DirectorySeparatorChar, '/')).ToArray();

    [Fact]
    public void Lists_claim_files_sorted_and_skips_build_folders()
    {
        using var dir = new TempDirectory();
        dir.Write("b.claim");
        dir.Write("a.claim");
        dir.Write("notes.txt");
        dir.Write("sub/c.claim");
        dir.Write("sub/deeper/d.claim");
        dir.Write("bin/x.claim");
        dir.Write("sub/obj/x.claim");
        dir.Write("node_modules/pkg/x.claim");
        dir.Write(".git/x.claim");
        dir.Write("Upper.claim");

        var result = WorkspaceFiles.Enumerate(dir.Path, ClaimLangOptions.Default);

        Assert.Empty(result.Errors);
        Assert.Equal(["Upper.claim", "a.claim", "b.claim", "sub/c.claim", "sub/deeper/d.claim"], Relative(dir, result.Files));
        Assert.All(result.Files, f => Assert.True(Path.IsPathFullyQualified(f)));
    }

    [Fact]
    public void Include_and_exclude_patterns_select_files()
    {
        using var dir = new TempDirectory();
        dir.Write("top.claim");
        dir.Write("seeds/a.claim");
        dir.Write("seeds/drafts/b.claim");
        dir.Write("seeds/old/c.claim");
        dir.Write("examples/e.claim");
        dir.Write("examples/e-old.claim");
        dir.Write("other/o.claim");

        var result = WorkspaceFiles.Enumerate(dir.Path, Options(
            include: ["{seeds,examples}/**/*.claim"],
            exclude: ["seeds/drafts", "**/old/", "examples/*-old.claim"]));

        Assert.Empty(result.Errors);
        Assert.Equal(["examples/e.claim", "seeds/a.claim"], Relative(dir, result.Files));
    }

    [Fact]
    public void Only_claim_files_are_listed_even_when_a_pattern_selects_others()
    {
        using var dir = new TempDirectory();
        dir.Write("a.txt");
        dir.Write("b.claim");
        var result = WorkspaceFiles.Enumerate(dir.Path, Options(include: ["*"]));
        Assert.Equal(["b.claim"], Relative(dir, result.Files));
    }

    [Fact]
    public void Bad_patterns_in_options_are_reported_not_thrown()
    {
        using var dir = new TempDirectory();
        dir.Write("a.claim");
        var result = WorkspaceFiles.Enumerate(dir.Path, Options(include: ["**/*.claim", "a**"]));
        var error = Assert.Single(result.Errors);
        Assert.Equal("a**", error.Path);
        Assert.Equal(["a.claim"], Relative(dir, result.Files));
    }

    [Fact]
    public void Missing_root_is_reported()
    {
        using var dir = new TempDirectory();
        var result = WorkspaceFiles.Enumerate(dir.Full("missing"), ClaimLangOptions.Default);
        Assert.Empty(result.Files);
        Assert.Contains("does not exist", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void Unreadable_folder_is_reported_and_skipped()
    {
        using var dir = new TempDirectory();
        dir.Write("a.claim");
        dir.Write("locked/b.claim");
        dir.Write("open/c.claim");
        string locked = dir.Full("locked");

        IEnumerable<FileSystemInfo> List(string folder)
        {
            if (folder == locked) throw new UnauthorizedAccessException("Access to the path is denied.");
            return WorkspaceFiles.ListFolder(folder);
        }

        var result = WorkspaceFiles.Enumerate(dir.Path, ClaimLangOptions.Default, List);
        var error = Assert.Single(result.Errors);
        Assert.Equal(locked, error.Path);
        Assert.Contains("cannot read the folder", error.Message);
        Assert.Equal(["a.claim", "open/c.claim"], Relative(dir, result.Files));
    }

    [Fact]
    public void Failure_while_listing_a_folder_is_reported()
    {
        using var dir = new TempDirectory();
        dir.Write("sub/b.claim");
        string sub = dir.Full("sub");

        IEnumerable<FileSystemInfo> List(string folder)
        {
            foreach (var entry in WorkspaceFiles.ListFolder(folder)) yield return entry;
            if (folder == sub) throw new IOException("I/O error while reading");
        }

        var result = WorkspaceFiles.Enumerate(dir.Path, ClaimLangOptions.Default, List);
        Assert.Equal(sub, Assert.Single(result.Errors).Path);
        Assert.Empty(result.Files);
    }

    [Fact]
    public void Links_to_folders_outside_the_root_are_not_followed()
    {
        using var outside = new TempDirectory();
        outside.Write("secret.claim");
        using var dir = new TempDirectory();
        dir.Write("a.claim");
        string link = dir.Link("linked", outside.Path, directory: true);

        var result = WorkspaceFiles.Enumerate(dir.Path, ClaimLangOptions.Default);

        Assert.Equal(["a.claim"], Relative(dir, result.Files));
        Assert.Equal([link], result.SkippedLinks);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Links_to_files_outside_the_root_are_not_listed()
    {
        using var outside = new TempDirectory();
        string secret = outside.Write("secret.claim");
        using var dir = new TempDirectory();
        dir.Link("sub/alias.claim", secret, directory: false);
        // A relative link that climbs out of the root.
        dir.Link("sub/climb.claim", Path.Join("..", "..", Path.GetFileName(outside.Path), "secret.claim"), directory: false);

        var result = WorkspaceFiles.Enumerate(dir.Path, ClaimLangOptions.Default);

        Assert.Empty(result.Files);
        Assert.Equal(2, result.SkippedLinks.Count);
    }

    [Fact]
    public void Links_inside_the_root_are_followed_and_files_listed_once()
    {
        using var dir = new TempDirectory();
        dir.Write("real/a.claim");
        dir.Link("view", dir.Full("real"), directory: true);          // the same folder by a second path
        dir.Link("alias.claim", "real/a.claim", directory: false);       // the same file by a third path
        dir.Write("data/b.txt");
        dir.Link("data-b.claim", "data/b.txt", directory: false);        // a .claim name for a non-.claim file

        var result = WorkspaceFiles.Enumerate(dir.Path, ClaimLangOptions.Default);

        Assert.Empty(result.Errors);
        Assert.Empty(result.SkippedLinks);
        // real/a.claim is reachable as alias.claim, real/a.claim and view/a.claim: listed once, smallest path.
        Assert.Equal(["alias.claim", "data-b.claim"], Relative(dir, result.Files));
    }

    [Fact]
    public void Link_loops_end()
    {
        using var dir = new TempDirectory();
        dir.Write("a/x.claim");
        dir.Link("a/up", "..", directory: true);          // a/up → the root: a cycle
        dir.Link("self", "self", directory: false);       // a link to itself: unresolvable
        dir.Link("ping", "pong", directory: false);
        dir.Link("pong", "ping", directory: false);

        var result = WorkspaceFiles.Enumerate(dir.Path, ClaimLangOptions.Default);

        Assert.Equal(["a/x.claim"], Relative(dir, result.Files));
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains("too many levels of symbolic links", e.Message));
    }

    [Fact]
    public void Broken_links_are_ignored()
    {
        using var dir = new TempDirectory();
        dir.Write("a.claim");
        dir.Link("gone.claim", "nowhere.claim", directory: false);
        var result = WorkspaceFiles.Enumerate(dir.Path, ClaimLangOptions.Default);
        Assert.Equal(["a.claim"], Relative(dir, result.Files));
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Root_reached_through_a_link_still_lists_its_files()
    {
        using var dir = new TempDirectory();
        dir.Write("real/a.claim");
        dir.Write("real/sub/b.claim");
        string viaLink = dir.Link("root-link", dir.Full("real"), directory: true);

        var result = WorkspaceFiles.Enumerate(viaLink, ClaimLangOptions.Default);

        Assert.Equal([Path.Join(viaLink, "a.claim"), Path.Join(viaLink, "sub", "b.claim")], result.Files);
        Assert.Empty(result.SkippedLinks);
    }

    [Theory]
    [InlineData("a.claim", true)]
    [InlineData("seeds/x.claim", true)]
    [InlineData("seeds/drafts/x.claim", false)]
    [InlineData("seeds/bin/x.claim", false)]
    [InlineData("seeds/x.txt", false)]
    [InlineData("seeds/old-x.claim", false)]
    public void IsSelected_answers_for_single_paths(string path, bool expected)
    {
        var options = Options(exclude: ["seeds/drafts/", "**/old-*.claim"]);
        Assert.Equal(expected, WorkspaceFiles.IsSelected(path, options));
    }
}
