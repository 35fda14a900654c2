using System.Diagnostics;
using System.Text;
using ClaimLang.LanguageServer.Tests.Infrastructure;

namespace ClaimLang.LanguageServer.Tests;

/// <summary>
/// tools/lsp-interop drives <c>claimc lsp</c> with the npm package vscode-languageserver-protocol (what VS Code's
/// client is built on): open, diagnostics, hover, definition, an edit, shutdown. Needs Node.js and npm, as CI has
/// them; the packages are installed with <c>npm ci</c> on first use. Without node these tests fail; they never skip.
/// </summary>
public sealed class InteropTests
{
    private static readonly Lazy<string> Folder = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    [Fact]
    public void The_vscode_protocol_client_completes_a_session_with_claimc_lsp()
    {
        var result = Run("node", [Path.Combine(Folder.Value, "interop.js"), ClaimcProcess.Dotnet, ClaimcProcess.Dll, "lsp"], Folder.Value);
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("shutdown and exit ok", result.Output);
    }

    [Fact]
    public void The_interop_script_fails_against_something_that_is_not_a_language_server()
    {
        var result = Run("node", [Path.Combine(Folder.Value, "interop.js"), "node", "-e", "process.stdin.resume(); setTimeout(() => process.exit(0), 100)"], Folder.Value);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FAILED", result.Output);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ClaimLang.sln"))) return folder.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }

    private static string Install()
    {
        string folder = Path.Combine(RepositoryRoot(), "tools", "lsp-interop");
        using var gate = Lock();
        string marker = Path.Combine(folder, "node_modules", ".package-lock.json");
        bool installed = File.Exists(marker)
            && File.Exists(Path.Combine(folder, "node_modules", "vscode-languageserver-protocol", "package.json"))
            && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(Path.Combine(folder, "package-lock.json"));
        if (!installed)
        {
            string npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
            var result = Run(npm, ["ci", "--no-audit", "--no-fund"], folder);
            if (result.ExitCode != 0) throw new InvalidOperationException($"npm ci in {folder} failed:\n{result.Output}");
        }
        return folder;
    }

    /// <summary>A cross-process lock, so that two test runs do not install at the same moment.</summary>
    private static FileStream Lock()
    {
        string path = Path.Combine(Path.GetTempPath(), "claimlang-lsp-interop-npm.lock");
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(500);
            }
        }
    }

    private static (int ExitCode, string Output) Run(string program, IEnumerable<string> arguments, string folder)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + program);
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} did not finish within 10 minutes:\n{output}");
        }
        process.WaitForExit();
        lock (output) return (process.ExitCode, output.ToString());
    }
}
