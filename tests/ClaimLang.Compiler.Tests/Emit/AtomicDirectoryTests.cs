using ClaimLang.Emit;
using ClaimLang.Tests.Configuration;

namespace ClaimLang.Tests.Emit;

public class AtomicDirectoryTests
{
    private static void Fill(string folder, string content)
    {
        File.WriteAllText(Path.Combine(folder, "dataset.json"), content);
        Directory.CreateDirectory(Path.Combine(folder, "csv"));
        File.WriteAllText(Path.Combine(folder, "csv", "claims.csv"), content + "\r\n");
    }

    /// <summary>Entries of the parent other than the target: staging or aside folders left behind.</summary>
    private static string[] Leftovers(TempDirectory parent, string name) =>
        Directory.GetFileSystemEntries(parent.Path).Select(Path.GetFileName).Where(n => n != name).Select(n => n!).ToArray();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Creates_or_replaces_the_folder_as_a_whole_and_leaves_nothing_behind(bool allowExchange)
    {
        using var parent = new TempDirectory();
        var target = Path.Combine(parent.Path, "out");

        AtomicDirectory.Replace(target, staging => Fill(staging, "one"), null, allowExchange);
        Assert.Equal("one", File.ReadAllText(Path.Combine(target, "dataset.json")));

        AtomicDirectory.Replace(target, staging => File.WriteAllText(Path.Combine(staging, "dataset.jsonl"), "two"), null, allowExchange);
        Assert.Equal(["dataset.jsonl"], Directory.GetFileSystemEntries(target).Select(Path.GetFileName));
        Assert.Empty(Leftovers(parent, "out"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_failure_while_writing_leaves_the_previous_folder_byte_identical(bool allowExchange)
    {
        using var parent = new TempDirectory();
        var target = Path.Combine(parent.Path, "out");
        AtomicDirectory.Replace(target, staging => Fill(staging, "old"), null, allowExchange);
        var before = EmitFixtures.Snapshot(target);

        var error = Assert.Throws<IOException>(() => AtomicDirectory.Replace(target, staging =>
        {
            Fill(staging, "new");
            throw new IOException("disk full (injected)");
        }, null, allowExchange));
        Assert.Equal("disk full (injected)", error.Message);

        EmitFixtures.AssertSameFiles(before, EmitFixtures.Snapshot(target));
        Assert.Empty(Leftovers(parent, "out"));
    }

    [Fact]
    public void A_failure_before_the_first_build_creates_no_folder()
    {
        using var parent = new TempDirectory();
        var target = Path.Combine(parent.Path, "nested", "out");
        Assert.Throws<InvalidOperationException>(() => AtomicDirectory.Replace(target, _ => throw new InvalidOperationException("boom")));
        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(parent.Path, "nested")));
    }

    [Fact]
    public void A_folder_holding_something_else_is_refused_untouched()
    {
        using var parent = new TempDirectory();
        var target = parent.CreateFolder("out");
        parent.Write("out/dataset.json", "{}");
        parent.Write("out/README.md", "my notes");
        var before = EmitFixtures.Snapshot(target);
        bool wrote = false;

        var error = Assert.Throws<OutputDirectoryException>(() =>
            AtomicDirectory.Replace(target, _ => wrote = true, DatasetEmitter.IsOutputEntry));
        Assert.Contains("README.md", error.Message, StringComparison.Ordinal);
        Assert.False(wrote);
        EmitFixtures.AssertSameFiles(before, EmitFixtures.Snapshot(target));
        Assert.Empty(Leftovers(parent, "out"));
    }

    [Fact]
    public void Only_what_a_build_writes_counts_as_replaceable_output()
    {
        using var folder = new TempDirectory();
        folder.Write("dataset.json", "{}");
        folder.Write("dataset.jsonl", "");
        folder.Write("dataset.db", "");
        folder.Write("csv/claims.csv", "");
        folder.Write("other.json", "");
        folder.Write("data/x.csv", "");
        folder.Write("csv2/notes.txt", "");
        var entries = new DirectoryInfo(folder.Path).EnumerateFileSystemInfos().ToDictionary(e => e.Name, DatasetEmitter.IsOutputEntry);
        Assert.True(entries["dataset.json"]);
        Assert.True(entries["dataset.jsonl"]);
        Assert.True(entries["dataset.db"]);
        Assert.True(entries["csv"]);
        Assert.False(entries["other.json"]);
        Assert.False(entries["data"]);
        Assert.False(entries["csv2"]);

        folder.Write("csv/notes.txt", "");
        Assert.False(DatasetEmitter.IsOutputEntry(new DirectoryInfo(folder.Full("csv"))));
    }

    [Fact]
    public void A_file_or_a_link_is_not_replaced()
    {
        using var parent = new TempDirectory();
        var file = parent.Write("out", "a file");
        Assert.Throws<OutputDirectoryException>(() => AtomicDirectory.Replace(file, _ => { }));
        Assert.Equal("a file", File.ReadAllText(file));

        var real = parent.CreateFolder("real");
        var link = parent.Link("link", real, directory: true);
        Assert.Throws<OutputDirectoryException>(() => AtomicDirectory.Replace(link, _ => { }));
        Assert.NotNull(new DirectoryInfo(link).LinkTarget);
    }

    [Fact]
    public void Folders_left_by_a_killed_process_are_cleaned_up_and_an_aside_folder_is_put_back()
    {
        using var parent = new TempDirectory();
        const int gone = int.MaxValue - 1; // no process has this id
        var staleNew = parent.CreateFolder($".out.claimc-new-{gone}-{Guid.NewGuid():N}");
        File.WriteAllText(Path.Combine(staleNew, "dataset.json"), "half");
        var aside = parent.CreateFolder($".out.claimc-old-{gone}-{Guid.NewGuid():N}");
        Fill(aside, "previous");
        var mine = parent.CreateFolder($".out.claimc-new-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var target = Path.Combine(parent.Path, "out");

        // The killed process had renamed the previous output aside: a failed build must still leave it in place.
        Assert.Throws<IOException>(() => AtomicDirectory.Replace(target, _ => throw new IOException("fails")));
        Assert.Equal("previous", File.ReadAllText(Path.Combine(target, "dataset.json")));
        Assert.False(Directory.Exists(staleNew));
        Assert.False(Directory.Exists(aside));

        // A folder of a process that still runs (this one) is never touched.
        Assert.True(Directory.Exists(mine));
    }
}
