using System.Text;
using System.Text.Json;
using ClaimLang.Bench.Infrastructure;

namespace ClaimLang.Bench.Workload;

/// <summary>A generated workspace on disk: its folders, manifest and files.</summary>
internal sealed class GeneratedWorkspace
{
    public required WorkspaceSpec Spec { get; init; }
    public required string Root { get; init; }
    public required string JsonRoot { get; init; }
    public required WorkspaceManifest Manifest { get; init; }

    /// <summary>Every .claim file, sorted by path (ordinal), absolute.</summary>
    public string[] ClaimFiles() => [.. Directory.EnumerateFiles(Root, "*.claim", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>The JSON rendering of <paramref name="claimFile"/>.</summary>
    public string JsonFileOf(string claimFile) => Path.Combine(JsonRoot, Path.GetRelativePath(Root, claimFile) + ".json");

    /// <summary>The claim file in the middle of the workspace: the one the edit scenarios change.</summary>
    public string MiddleClaimFile => Path.Combine(Root, WorkspaceGenerator.ClaimFilePath(Manifest.ClaimFiles / 2));

    /// <summary>All files of the workspace as one text, in path order: the single-file inputs of the edit benchmarks.</summary>
    public string ConcatenatedText()
    {
        var builder = new StringBuilder(checked((int)Math.Min(int.MaxValue / 2, Manifest.TotalClaimLangBytes + 1024)));
        foreach (var file in ClaimFiles())
        {
            builder.Append(File.ReadAllText(file, Encoding.UTF8));
            if (builder.Length > 0 && builder[^1] != '\n') builder.Append('\n');
        }
        return builder.ToString();
    }
}

/// <summary>Generates workspaces on first use and finds them afterwards (bench/out/workspaces/&lt;variant&gt;-&lt;size&gt;).</summary>
internal static class Workloads
{
    private static readonly object Gate = new();
    private static readonly JsonSerializerOptions ManifestOptions = new() { WriteIndented = true };

    public static GeneratedWorkspace Get(int claims, bool withErrors, TextWriter? log = null)
    {
        var spec = new WorkspaceSpec(claims, withErrors);
        string root = Path.Combine(BenchSettings.WorkspacesDirectory, spec.Name);
        string jsonRoot = Path.Combine(BenchSettings.JsonDirectory, spec.Name);
        string manifestPath = Path.Combine(BenchSettings.WorkspacesDirectory, spec.Name + ".manifest.json");
        lock (Gate)
        {
            if (File.Exists(manifestPath))
            {
                var existing = JsonSerializer.Deserialize<WorkspaceManifest>(File.ReadAllText(manifestPath));
                if (existing is not null && existing.GeneratorVersion == WorkspaceGenerator.Version && Directory.Exists(root) && Directory.Exists(jsonRoot))
                    return new GeneratedWorkspace { Spec = spec, Root = root, JsonRoot = jsonRoot, Manifest = existing };
            }
            log?.WriteLine($"generating workspace {spec.Name} in {root} …");
            var started = System.Diagnostics.Stopwatch.StartNew();
            // Stale or partial output is replaced as a whole; the manifest is written last, as the completion mark.
            if (File.Exists(manifestPath)) File.Delete(manifestPath);
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            if (Directory.Exists(jsonRoot)) Directory.Delete(jsonRoot, recursive: true);
            var manifest = WorkspaceGenerator.Generate(spec, root, jsonRoot);
            File.WriteAllText(manifestPath, JsonSerializer.Serialize(manifest, ManifestOptions));
            log?.WriteLine($"  {manifest.Files} files, {manifest.TotalClaimLangBytes / 1e6:F1} MB of ClaimLang, {manifest.JsonBytes / 1e6:F1} MB of JSON, {started.Elapsed.TotalSeconds:F1} s");
            return new GeneratedWorkspace { Spec = spec, Root = root, JsonRoot = jsonRoot, Manifest = manifest };
        }
    }
}
