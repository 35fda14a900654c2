using ClaimLang.Configuration;

namespace ClaimLang.Tests.Configuration;

public class GlobPatternTests
{
    [Theory]
    // '**' matches any number of folders, none included
    [InlineData("**/*.claim", "a.claim", true)]
    [InlineData("**/*.claim", "x/y/z/a.claim", true)]
    [InlineData("**/*.claim", "a.claims", false)]
    [InlineData("**", "a/b/c", true)]
    [InlineData("claims/**", "claims/a/b.claim", true)]
    [InlineData("claims/**", "claims", true)]
    [InlineData("claims/**", "other/claims/a.claim", false)]
    [InlineData("a/**/b/*.claim", "a/b/x.claim", true)]
    [InlineData("a/**/b/*.claim", "a/1/2/b/x.claim", true)]
    [InlineData("a/**/b/*.claim", "a/1/2/c/x.claim", false)]
    [InlineData("a/**/**/b", "a/b", true)]
    [InlineData("**/drafts/**", "x/drafts/y/z.claim", true)]
    [InlineData("**/drafts/**", "x/drafted/y.claim", false)]
    // patterns are anchored at the root
    [InlineData("*.claim", "a.claim", true)]
    [InlineData("*.claim", "sub/a.claim", false)]
    // '*' stays inside one segment and matches a leading dot
    [InlineData("a/*.claim", "a/b/c.claim", false)]
    [InlineData("*", ".hidden", true)]
    [InlineData("a*b*c", "abc", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    // '?' and sets
    [InlineData("file?.claim", "file1.claim", true)]
    [InlineData("file?.claim", "file.claim", false)]
    [InlineData("file?.claim", "file12.claim", false)]
    [InlineData("[abc].claim", "b.claim", true)]
    [InlineData("[abc].claim", "d.claim", false)]
    [InlineData("[a-c0-9].claim", "7.claim", true)]
    [InlineData("[!a-c].claim", "b.claim", false)]
    [InlineData("[!a-c].claim", "z.claim", true)]
    [InlineData("[^a-c].claim", "z.claim", true)]
    // alternatives, including '/' and nesting
    [InlineData("{seeds,examples}/**/*.claim", "seeds/a.claim", true)]
    [InlineData("{seeds,examples}/**/*.claim", "examples/x/a.claim", true)]
    [InlineData("{seeds,examples}/**/*.claim", "tests/a.claim", false)]
    [InlineData("{a/b,c}/*.claim", "a/b/x.claim", true)]
    [InlineData("{a/b,c}/*.claim", "c/x.claim", true)]
    [InlineData("{a,b{1,2}}.claim", "b2.claim", true)]
    [InlineData("{a,b{1,2}}.claim", "b3.claim", false)]
    [InlineData("x{,-old}.claim", "x.claim", true)]
    [InlineData("x{,-old}.claim", "x-old.claim", true)]
    [InlineData("[{].claim", "{.claim", true)]
    // case-sensitive, non-ASCII literal
    [InlineData("A.claim", "a.claim", false)]
    [InlineData("تقارير/*.claim", "تقارير/x.claim", true)]
    public void Matches_paths(string pattern, string path, bool expected)
    {
        var glob = GlobPattern.Parse(pattern);
        Assert.Equal(expected, glob.IsMatch(path));
    }

    [Fact]
    public void Trailing_slash_matches_folders_only()
    {
        var glob = GlobPattern.Parse("drafts/");
        Assert.True(glob.DirectoryOnly);
        Assert.True(glob.IsMatch("drafts", isDirectory: true));
        Assert.False(glob.IsMatch("drafts", isDirectory: false));
        Assert.False(glob.IsMatch("other", isDirectory: true));
    }

    [Theory]
    [InlineData("", "may not be empty")]
    [InlineData("/abs/*.claim", "is absolute")]
    [InlineData("C:/x/*.claim", "is absolute")]
    [InlineData("a\\b.claim", "use '/'")]
    [InlineData("a//b.claim", "empty segment")]
    [InlineData("a/./b.claim", "'.' segment")]
    [InlineData("a/../b.claim", "'..' segment")]
    [InlineData("a**.claim", "'**' must be a whole segment")]
    [InlineData("[abc.claim", "without a matching ']'")]
    [InlineData("[a/b].claim", "crosses a '/'")]
    [InlineData("[].claim", "at least one character")]
    [InlineData("[!].claim", "at least one character")]
    [InlineData("[z-a].claim", "backwards")]
    [InlineData("{a,b.claim", "without a matching '}'")]
    [InlineData("a}.claim", "without a matching '{'")]
    [InlineData("{,}", "empty alternative")]
    [InlineData("{a,/b}", "absolute")]
    [InlineData("{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}", "more than 256 alternatives")]
    public void Rejects_bad_patterns(string pattern, string expected)
    {
        Assert.False(GlobPattern.TryParse(pattern, out var glob, out string? error));
        Assert.Null(glob);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Long_paths_and_patterns_match_without_blowing_up()
    {
        string path = string.Join('/', Enumerable.Repeat("a", 2000)) + "/x.claim";
        var glob = GlobPattern.Parse("**/a/**/a/**/a/**/a/**/y.claim");
        Assert.False(glob.IsMatch(path));
        Assert.True(GlobPattern.Parse("**/a/**/a/**/x.claim").IsMatch(path));
    }
}
