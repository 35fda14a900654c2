using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ClaimLang.Runtime.Tests.Support;

/// <summary>
/// Runs tools/schema-validate (ajv on Node.js) after installing it with <c>npm ci</c> when needed.
/// Node.js and npm must be on the PATH: without them the tests that use this fail (they never skip).
/// </summary>
internal static class SchemaValidator
{
    private static readonly TimeSpan NpmLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan NodeLimit = TimeSpan.FromMinutes(2);
    private static readonly Lazy<string> LazyToolFolder = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>tools/schema-validate, installed.</summary>
    public static string ToolFolder => LazyToolFolder.Value;

    /// <summary>Runs <c>node validate.mjs</c> with <paramref name="arguments"/>: exit code, stdout, stderr.</summary>
    public static (int ExitCode, string Output, string Errors) Validate(params string[] arguments)
    {
        var folder = ToolFolder;
        return Run("node", [Path.Combine(folder, "validate.mjs"), .. arguments], TestPaths.RepositoryRoot, NodeLimit);
    }

    public static string Schema(string name) => Path.Combine(TestPaths.RepositoryRoot, "schema", name);

    private static string Install()
    {
        var folder = Path.Combine(TestPaths.RepositoryRoot, "tools", "schema-validate");

        // Other test runs (this project or another one that validates against a schema) may install the same
        // folder at the same time: take a machine-wide lock around the check and the install.
        using var gate = AcquireLock();
        if (!IsInstalled(folder))
        {
            var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
            var (code, output, errors) = Run(npm, ["ci", "--no-audit", "--no-fund"], folder, NpmLimit);
            if (code != 0 || !IsInstalled(folder))
            {
                throw new InvalidOperationException($"npm ci in {folder} failed with exit code {code}:\n{output}\n{errors}");
            }
        }

        return folder;
    }

    private static bool IsInstalled(string folder)
    {
        // npm writes node_modules/.package-lock.json last; an older one than package-lock.json is stale.
        var marker = Path.Combine(folder, "node_modules", ".package-lock.json");
        return File.Exists(marker) &&
            File.Exists(Path.Combine(folder, "node_modules", "ajv", "package.json")) &&
            File.Exists(Path.Combine(folder, "node_modules", "ajv-formats", "package.json")) &&
            File.Exists(Path.Combine(folder, "node_modules", "ajv-draft-04", "package.json")) &&
            File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(Path.Combine(folder, "package-lock.json"));
    }

    private static FileStream AcquireLock()
    {
        var path = Path.Combine(Path.GetTempPath(), "claimlang-schema-validate-npm.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 3000)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static (int ExitCode, string Output, string Errors) Run(string program, IEnumerable<string> arguments, string folder, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        }
        catch (Win32Exception error)
        {
            throw new InvalidOperationException(
                $"'{program}' was not found on the PATH ({error.Message}). Validating the dataset against its JSON Schema " +
                "needs Node.js 18 or later and npm, as CI has them; install them to run these tests.", error);
        }

        using (process)
        {
            var output = new StringBuilder();
            var errors = new StringBuilder();
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (errors) errors.AppendLine(e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{program} did not finish within {limit.TotalMinutes} minutes");
            }

            process.WaitForExit();
            return (process.ExitCode, output.ToString(), errors.ToString());
        }
    }
}
