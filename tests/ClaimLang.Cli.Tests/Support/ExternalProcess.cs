using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ClaimLang.Cli.Tests.Support;

/// <summary>Runs other programs (node, npm, and claimc as a child process).</summary>
internal static class ExternalProcess
{
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, string folder)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }

    /// <summary>Runs to completion (killed after <paramref name="limit"/>): exit code, stdout, stderr.</summary>
    public static CliResult Run(ProcessStartInfo start, TimeSpan limit)
    {
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"'{start.FileName}' is not on the PATH ({e.Message}); these tests need it (CI has .NET, Node.js 20 and npm)", e);
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
                throw new InvalidOperationException($"{start.FileName} did not finish within {limit}");
            }

            process.WaitForExit();
            return new CliResult(process.ExitCode, output.ToString(), errors.ToString());
        }
    }

    /// <summary>
    /// How to start <c>claimc</c> as a child process: <c>dotnet claimc.dll</c> from this test's output folder, where the
    /// build copies the referenced command-line project.
    /// </summary>
    public static ProcessStartInfo Claimc(string currentDirectory, params string[] arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "claimc.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath) ? hostPath
            : Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host
            : "dotnet";
        return StartInfo(dotnet, [dll, .. arguments], currentDirectory);
    }
}

/// <summary>
/// tools/schema-validate (ajv on Node.js), installed with <c>npm ci</c> on first use. Without node and npm the tests
/// that use it fail; they never skip.
/// </summary>
internal static class SchemaValidator
{
    private static readonly Lazy<string> LazyFolder = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Schema(string name) => Repository.Path("schema", name);

    /// <summary>Validates files against a schema: exit code 0 when all are valid, 1 when some is not.</summary>
    public static CliResult Validate(string schema, params string[] files) =>
        ExternalProcess.Run(
            ExternalProcess.StartInfo("node", [Path.Combine(LazyFolder.Value, "validate.mjs"), schema, .. files], Repository.Root),
            TimeSpan.FromMinutes(2));

    private static string Install()
    {
        var folder = Repository.Path("tools", "schema-validate");

        // Other test projects may install the same folder at the same moment: hold a lock file meanwhile.
        using var gate = Lock();
        if (!Installed(folder))
        {
            var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
            var result = ExternalProcess.Run(ExternalProcess.StartInfo(npm, ["ci", "--no-audit", "--no-fund"], folder), TimeSpan.FromMinutes(10));
            if (result.ExitCode != 0 || !Installed(folder))
            {
                throw new InvalidOperationException($"npm ci in {folder} failed:\n{result}");
            }
        }

        return folder;
    }

    private static bool Installed(string folder)
    {
        var marker = Path.Combine(folder, "node_modules", ".package-lock.json");
        return File.Exists(marker)
            && File.Exists(Path.Combine(folder, "node_modules", "ajv", "package.json"))
            && File.Exists(Path.Combine(folder, "node_modules", "ajv-formats", "package.json"))
            && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(Path.Combine(folder, "package-lock.json"));
    }

    private static FileStream Lock()
    {
        var path = Path.Combine(Path.GetTempPath(), "claimlang-schema-validate-npm.lock");
        for (int attempt = 0; ; attempt++)
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
}
