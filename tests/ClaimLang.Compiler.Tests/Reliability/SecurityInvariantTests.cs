using System.Text.RegularExpressions;
using ClaimLang.Tests.TestSupport;

namespace ClaimLang.Tests.Reliability;

/// <summary>
/// "Never run or fetch anything": the shipped code (src/) starts no process, opens no network connection and
/// loads no code at run time, and calls native code only through the short list below. A source scan is crude,
/// but it fails the moment someone adds such a call, which is when the change needs a security review
/// (docs/security.md).
/// </summary>
public partial class SecurityInvariantTests
{
    /// <summary>What the shipped code must never use, and why.</summary>
    private static readonly (string Pattern, string Why)[] Forbidden =
    [
        (@"Process\s*\.\s*Start\b|new\s+Process\s*\(|ProcessStartInfo", "starts a process"),
        (@"\bHttpClient\b|\bWebClient\b|\bWebRequest\b|\bHttpWebRequest\b|System\.Net\.Http|System\.Net\.Sockets|\bTcpClient\b|\bUdpClient\b|\bDns\s*\.", "uses the network"),
        (@"Assembly\s*\.\s*Load(From|File)?\s*\(|AssemblyLoadContext|Activator\s*\.\s*CreateInstance\s*\(\s*Type\s*\.\s*GetType", "loads code at run time"),
        (@"\bExpandEnvironmentVariables\b|\bShellExecute\b|/bin/sh|cmd\.exe|powershell", "reaches a shell"),
    ];

    /// <summary>The only native functions the shipped code may call: file-system primitives, reviewed.</summary>
    private static readonly string[] AllowedNativeEntryPoints =
    [
        "renameat2",          // src/Compiler/Emit/AtomicDirectory.cs: atomic exchange of the output folder (Linux)
        "SystemNative_Stat",  // src/Compiler/Workspace/SafeFile.cs: refuse named pipes and devices before reading
    ];

    private static IEnumerable<string> ShippedSources()
    {
        string src = TestPaths.InRepo("src");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(src, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)) continue;
            yield return file;
        }
    }

    private static string WithoutComments(string code) => CommentPattern().Replace(code, "");

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"(DllImport|LibraryImport)\s*\(\s*""[^""]*""\s*(,[^)]*?EntryPoint\s*=\s*""(?<entry>[^""]+)"")?[^)]*\)\s*\]\s*(\[[^\]]*\]\s*)*[\w\s]*?\bextern\s+[\w<>\[\]?]+\s+(?<method>\w+)", RegexOptions.Singleline)]
    private static partial Regex NativeImportPattern();

    [Fact]
    public void The_shipped_code_runs_nothing_fetches_nothing_and_loads_no_code()
    {
        var problems = new List<string>();
        int files = 0;
        foreach (var file in ShippedSources())
        {
            files++;
            string code = WithoutComments(File.ReadAllText(file));
            foreach (var (pattern, why) in Forbidden)
            {
                var match = Regex.Match(code, pattern);
                if (match.Success) problems.Add($"{Path.GetRelativePath(TestPaths.RepoRoot, file)} {why}: '{match.Value}'");
            }
        }
        Assert.True(files > 50, $"only {files} source files found under src/");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Native_calls_are_limited_to_the_reviewed_file_system_primitives()
    {
        var found = new List<string>();
        foreach (var file in ShippedSources())
        {
            string code = WithoutComments(File.ReadAllText(file));
            if (!code.Contains("DllImport", StringComparison.Ordinal) && !code.Contains("LibraryImport", StringComparison.Ordinal)) continue;
            var matches = NativeImportPattern().Matches(code);
            Assert.True(matches.Count > 0, $"{file} imports native code in a form this test does not understand");
            foreach (Match m in matches)
            {
                string entry = m.Groups["entry"].Success ? m.Groups["entry"].Value : m.Groups["method"].Value;
                found.Add(entry);
                Assert.True(AllowedNativeEntryPoints.Contains(entry), $"{Path.GetRelativePath(TestPaths.RepoRoot, file)} calls native '{entry}', which is not on the reviewed list");
            }
        }
        Assert.NotEmpty(found);
    }

    [Fact]
    public void The_scan_does_catch_what_it_looks_for()
    {
        // Guard against a scan that can never fail: each pattern matches a typical offending line.
        string[] samples =
        [
            "var p = Process.Start(\"sh\");",
            "using var http = new HttpClient();",
            "var asm = Assembly.LoadFrom(path);",
            "Environment.ExpandEnvironmentVariables(s);",
        ];
        for (int i = 0; i < samples.Length; i++) Assert.Matches(Forbidden[i].Pattern, samples[i]);
        Assert.Equal("renameat2", NativeImportPattern().Match("[DllImport(\"libc\", EntryPoint = \"renameat2\", SetLastError = true)]\n private static extern int RenameAt2(int a);").Groups["entry"].Value);
        Assert.Equal("open", NativeImportPattern().Match("[DllImport(\"libc\")] static extern int open(string p);").Groups["method"].Value);
    }
}
