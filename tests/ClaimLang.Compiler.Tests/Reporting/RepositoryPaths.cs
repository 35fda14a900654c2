using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace ClaimLang.Tests.Reporting;

/// <summary>Finds the repository (the folder holding ClaimLang.sln) and runs node tools from it.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the nearest folder holding ClaimLang.sln above the test binaries (or this source file).</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The shared folder that sits beside the clone (…/shared next to …/main), as in CI.</summary>
    public static string Shared => Path.GetFullPath(Path.Join(Root, "..", "shared"));

    private static string FindRoot() =>
        WalkUp(AppContext.BaseDirectory) ?? WalkUp(ThisFile()) ??
        throw new InvalidOperationException("ClaimLang.sln not found above " + AppContext.BaseDirectory);

    private static string ThisFile([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? path;

    private static string? WalkUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Join(dir.FullName, "ClaimLang.sln"))) return dir.FullName;
        }
        return null;
    }

    /// <summary>Runs a program and returns its exit code and combined output; fails the test when it cannot start.</summary>
    public static (int ExitCode, string Output) Run(string fileName, string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"{fileName} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{fileName}' is required for this test and could not be started: {e.Message}", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }

    /// <summary>
    /// A ready-to-run copy of tools/schema-validate: its files are copied to a private folder under the temp
    /// folder (named after a hash of package-lock.json) and <c>npm ci</c> runs there when node_modules is missing,
    /// under a machine-wide lock. A private copy, because other test projects running at the same time may
    /// reinstall the packages in the repository folder, and a half-replaced node_modules makes node fail.
    /// </summary>
    public static string SchemaValidator()
    {
        string source = Path.Join(Root, "tools", "schema-validate");
        string[] files = ["validate.mjs", "package.json", "package-lock.json"];
        foreach (string file in files)
        {
            Assert.True(File.Exists(Path.Join(source, file)), $"{Path.Join(source, file)} is missing");
        }
        byte[] lockFile = File.ReadAllBytes(Path.Join(source, "package-lock.json"));
        string hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(lockFile))[..16].ToLowerInvariant();
        string folder = Path.Join(Path.GetTempPath(), "claimlang-schema-validate-" + hash);

        using var gate = AcquireLock(Path.Join(Path.GetTempPath(), "claimlang-schema-validate.lock"));
        Directory.CreateDirectory(folder);
        foreach (string file in files)
        {
            byte[] content = File.ReadAllBytes(Path.Join(source, file));
            string target = Path.Join(folder, file);
            if (!File.Exists(target) || !File.ReadAllBytes(target).AsSpan().SequenceEqual(content)) File.WriteAllBytes(target, content);
        }
        if (!File.Exists(Path.Join(folder, "node_modules", ".package-lock.json")))
        {
            var (code, output) = OperatingSystem.IsWindows()
                ? Run("cmd.exe", folder, "/c", "npm", "ci", "--no-audit", "--no-fund")
                : Run("npm", folder, "ci", "--no-audit", "--no-fund");
            Assert.True(code == 0, "npm ci failed for tools/schema-validate:\n" + output);
        }
        return folder;
    }

    private static FileStream AcquireLock(string path)
    {
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
}
