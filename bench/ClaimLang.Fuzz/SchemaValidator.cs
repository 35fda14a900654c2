using System.Diagnostics;
using System.Security.Cryptography;

namespace ClaimLang.Fuzz;

/// <summary>
/// Validates datasets against schema/dataset.schema.json with tools/schema-validate (ajv on Node.js). The tool's
/// files are copied to a private folder under the temp folder, named after a hash of its package-lock.json, where
/// <c>npm ci</c> installs the packages once (the compiler tests use the same folder, under the same lock).
/// </summary>
internal sealed class SchemaValidator : IDisposable
{
    private readonly string _validator;
    private readonly string _schema;
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "claimlang-fuzz-datasets-" + Guid.NewGuid().ToString("N"));

    public SchemaValidator()
    {
        string root = RepositoryRoot();
        _schema = Path.Combine(root, "schema", "dataset.schema.json");
        _validator = Install(Path.Combine(root, "tools", "schema-validate"));
        Directory.CreateDirectory(_scratch);
    }

    /// <summary>Validates all datasets in one run; on failure returns the report and the first dataset that failed.</summary>
    public (bool Ok, string Report, byte[]? Failing) Validate(IReadOnlyList<byte[]> datasets)
    {
        var files = new List<string>();
        foreach (var json in datasets)
        {
            string file = Path.Combine(_scratch, $"dataset-{files.Count:D5}.json");
            File.WriteAllBytes(file, json);
            files.Add(file);
        }
        try
        {
            var (code, output) = Run("node", _validator, [Path.Combine(_validator, "validate.mjs"), "--quiet", _schema, .. files]);
            if (code == 0) return (true, "", null);
            int index = files.FindIndex(f => output.Contains(Path.GetFileName(f), StringComparison.Ordinal));
            return (false, output, index >= 0 ? datasets[index] : null);
        }
        finally
        {
            foreach (var file in files) File.Delete(file);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ClaimLang.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("run the fuzzer from inside the repository (ClaimLang.sln not found)");
    }

    private static string Install(string source)
    {
        string[] files = ["validate.mjs", "package.json", "package-lock.json"];
        string hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(source, "package-lock.json"))))[..16].ToLowerInvariant();
        string folder = Path.Combine(Path.GetTempPath(), "claimlang-schema-validate-" + hash);
        using var gate = Lock(Path.Combine(Path.GetTempPath(), "claimlang-schema-validate.lock"));
        Directory.CreateDirectory(folder);
        foreach (string file in files)
        {
            byte[] content = File.ReadAllBytes(Path.Combine(source, file));
            string target = Path.Combine(folder, file);
            if (!File.Exists(target) || !File.ReadAllBytes(target).AsSpan().SequenceEqual(content)) File.WriteAllBytes(target, content);
        }
        if (!File.Exists(Path.Combine(folder, "node_modules", ".package-lock.json")))
        {
            Console.WriteLine("installing tools/schema-validate (npm ci) …");
            var (code, output) = OperatingSystem.IsWindows()
                ? Run("cmd.exe", folder, ["/c", "npm", "ci", "--no-audit", "--no-fund"])
                : Run("npm", folder, ["ci", "--no-audit", "--no-fund"]);
            if (code != 0) throw new InvalidOperationException("npm ci failed for tools/schema-validate:\n" + output);
        }
        return folder;
    }

    private static FileStream Lock(string path)
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

    private static (int Code, string Output) Run(string program, string folder, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
