using System.Globalization;

namespace ClaimLang.Cli.Tests.Support;

/// <summary>Paths in the repository.</summary>
internal static class Repository
{
    private static readonly Lazy<string> LazyRoot = new(() =>
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "ClaimLang.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException("ClaimLang.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => LazyRoot.Value;

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);
}

/// <summary>A fresh folder under the temp folder, deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "claimlang-cli-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Full(string relative) => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public string Write(string relative, string text)
    {
        var full = Full(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The result of one <c>claimc</c> run.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs <c>claimc</c> in-process, capturing both streams.</summary>
internal static class Claimc
{
    public static CliResult Run(string currentDirectory, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        int exit = CliApplication.RunAsync(args, output, error, currentDirectory).GetAwaiter().GetResult();
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public static CliContext Context(string currentDirectory, out StringWriter output, out StringWriter error)
    {
        output = new StringWriter(CultureInfo.InvariantCulture);
        error = new StringWriter(CultureInfo.InvariantCulture);
        return new CliContext(output, error, currentDirectory);
    }
}

/// <summary>Workspaces the command tests run on.</summary>
internal static class Workspaces
{
    /// <summary>A small clean workspace (no errors) with text a spreadsheet would run.</summary>
    public static readonly (string Path, string Text)[] Small =
    [
        ("claimlang.json", """{ "asOf": "2026-01-01" }"""),
        ("a.claim", """
            /// The report.
            source MET "Did Tehran attempt a coup in Damascus?" published 2017-02-07 reliability C cites WIB
            source WIB "War Is Boring" reliability E
            actor IRGC "Islamic Revolutionary Guard Corps" kind military
            actor Bashar "Bashar al-Assad" kind person
            place Damascus "Damascus"
            predicate coup_attempt(target: actor) "tried to depose a head of state"
            hypothesis H1 "A coup was attempted"

            """),
        ("b.claim", """
            claim coup = IRGC.coup_attempt(target: Bashar) on 2017-01-28 source MET confidence moderate supports H1
              note "=HYPERLINK(\"http://evil\")"
            claim Bashar.denied on 2017-01-30 source WIB confidence low contradicts coup
            claim IRGC.withdrew on 2015-11 at Damascus source WIB confidence high tags withdrawal

            """),
    ];

    public static void Write(string folder, IEnumerable<(string Path, string Text)> files)
    {
        foreach (var (path, text) in files)
        {
            var full = System.IO.Path.Combine(folder, path.Replace('/', System.IO.Path.DirectorySeparatorChar));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    public static void Copy(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(destination, System.IO.Path.GetRelativePath(source, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Every file under a folder: relative path (with <c>/</c>) → bytes.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder)
    {
        var result = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            result[System.IO.Path.GetRelativePath(folder, file).Replace(System.IO.Path.DirectorySeparatorChar, '/')] = File.ReadAllBytes(file);
        }

        return result;
    }

    public static bool SameFiles(SortedDictionary<string, byte[]> a, SortedDictionary<string, byte[]> b) =>
        a.Keys.SequenceEqual(b.Keys, StringComparer.Ordinal) && a.All(pair => pair.Value.AsSpan().SequenceEqual(b[pair.Key]));

    public static void AssertSameFiles(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs");
        }
    }

    /// <summary>Entries next to <paramref name="target"/> that a build leaves while it runs (staging or aside folders).</summary>
    public static string[] BuildLeftovers(string target)
    {
        var parent = System.IO.Path.GetDirectoryName(target)!;
        var prefix = "." + System.IO.Path.GetFileName(target) + ".claimc-";
        return Directory.GetDirectories(parent).Select(System.IO.Path.GetFileName).Where(n => n!.StartsWith(prefix, StringComparison.Ordinal)).Select(n => n!).ToArray();
    }
}
