using System.Collections.Immutable;
using ClaimLang.Configuration;
using ClaimLang.Emit;
using ClaimLang.Runtime;
using Microsoft.CodeAnalysis.Text;
using ClaimCompilation = ClaimLang.Binding.Compilation;
using ClaimDiagnostic = ClaimLang.Diagnostics.Diagnostic;
using ClaimSeverity = ClaimLang.Diagnostics.DiagnosticSeverity;
using ClaimSyntaxTree = ClaimLang.Syntax.SyntaxTree;

namespace ClaimLang.Generators;

/// <summary>
/// The generator's compile step: from the parsed files, the configuration, the documents and the settings to the
/// dataset and the diagnostics. Runs whenever any of its inputs changes (binding is global: a name declared in one
/// file is used in others), reusing the parsed trees of the files that did not change.
/// </summary>
internal static class CatalogCompiler
{
    /// <summary>Code of the generator's own error: a .claim file the build could not read.</summary>
    public const string UnreadableFileId = "CLMG001";

    /// <summary>Code of the generator's own error: the compiler failed (a bug; the message says where).</summary>
    public const string InternalErrorId = "CLMG002";

    /// <summary>Code of the generator's own warning: a setting it could not use.</summary>
    public const string BadSettingId = "CLMG003";

    public static CompileResult Compile(
        ImmutableArray<ParsedClaimFile> files,
        ImmutableArray<TextFile> configurationFiles,
        ImmutableArray<TextFile> documents,
        GeneratorSettings settings,
        CancellationToken cancellation)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (settings.ClassNameProblem is { } problem)
        {
            diagnostics.Add(Own(BadSettingId, "Unusable ClaimLang generator setting", ClaimSeverity.Warning, problem, null));
        }

        // One tree per path (a file listed twice is compiled once), in path order.
        var trees = new List<ClaimSyntaxTree>(files.Length);
        var seen = new HashSet<string>(PathNames.Comparer);
        foreach (var file in files)
        {
            if (!seen.Add(file.Path)) continue;
            if (file.Tree is null)
            {
                diagnostics.Add(Own(UnreadableFileId, "Unreadable .claim file", ClaimSeverity.Error,
                    $"the build could not read '{file.Path}'", new LocationInfo(file.Path, default, default)));
                continue;
            }

            trees.Add(file.Tree);
        }

        if (seen.Count == 0)
        {
            // No .claim file: nothing to compile and no catalog (a project that merely references the generator gets
            // no surprise types).
            return new CompileResult(null, diagnostics.ToArray());
        }

        var root = ResolveRoot(settings, seen, configurationFiles);
        var configuration = FindConfiguration(root, configurationFiles);
        var options = ClaimLangOptions.Default;
        IReadOnlyList<ClaimDiagnostic> configurationDiagnostics = [];
        if (configuration is not null)
        {
            if (configuration.Text is null)
            {
                diagnostics.Add(Own(UnreadableFileId, "Unreadable claimlang.json", ClaimSeverity.Error,
                    $"the build could not read '{configuration.Path}'", new LocationInfo(configuration.Path, default, default)));
            }
            else
            {
                var result = ConfigurationLoader.Parse(configuration.Text, configuration.Path);
                options = result.Options;
                configurationDiagnostics = result.Diagnostics;
            }
        }

        try
        {
            var documentProvider = new AdditionalFileDocuments(root, documents);
            var compilation = ClaimCompilation.Create(trees, options, root, documentProvider, configurationDiagnostics);
            foreach (var diagnostic in compilation.GetDiagnostics(cancellation))
            {
                diagnostics.Add(ToInfo(diagnostic));
            }

            cancellation.ThrowIfCancellationRequested();
            var dataset = DatasetBuilder.Build(compilation, root);
            var catalog = new CatalogModel(dataset, settings.Namespace, settings.ClassName, trees.Count);
            return new CompileResult(catalog, diagnostics.ToArray());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A compiler bug must not take the whole C# build down with an unexplained CS8785: say what failed.
            diagnostics.Add(Own(InternalErrorId, "The ClaimLang compiler failed", ClaimSeverity.Error,
                $"the ClaimLang compiler failed ({e.GetType().Name}: {e.Message}); please report this with the .claim files that cause it",
                null));
            return new CompileResult(null, diagnostics.ToArray());
        }
    }

    /// <summary>
    /// The workspace root: the <c>ClaimLangRoot</c> setting when the project has one; otherwise the folder of the
    /// nearest claimlang.json (among the AdditionalFiles) at or above the folder that holds every .claim file; otherwise
    /// that folder itself.
    /// </summary>
    internal static string ResolveRoot(GeneratorSettings settings, IEnumerable<string> claimPaths, ImmutableArray<TextFile> configurationFiles)
    {
        if (settings.Root is { Length: > 0 } configured) return configured;

        var paths = claimPaths.Select(static p => PathNames.Normalize(p)).ToList();
        var common = PathNames.CommonFolder(paths) ?? string.Empty;
        var configFolders = new HashSet<string>(configurationFiles.Select(static f => PathNames.FolderOf(PathNames.Normalize(f.Path))), PathNames.Comparer);
        for (var folder = common; folder.Length > 0;)
        {
            if (configFolders.Contains(folder)) return folder;
            var parent = PathNames.FolderOf(folder);
            if (parent.Length >= folder.Length) break;
            folder = parent;
        }

        return common;
    }

    /// <summary>The claimlang.json that sits directly in the root, or null.</summary>
    private static TextFile? FindConfiguration(string root, ImmutableArray<TextFile> configurationFiles)
    {
        TextFile? found = null;
        foreach (var file in configurationFiles)
        {
            var path = PathNames.Normalize(file.Path);
            if (string.Equals(PathNames.FolderOf(path), root, PathNames.Comparison) &&
                (found is null || string.CompareOrdinal(file.Path, found.Path) < 0))
            {
                found = file;
            }
        }

        return found;
    }

    private static DiagnosticInfo ToInfo(ClaimDiagnostic diagnostic)
    {
        var related = new LocationInfo[diagnostic.Related.Count];
        for (int i = 0; i < related.Length; i++) related[i] = ToInfo(diagnostic.Related[i].Location);
        return new DiagnosticInfo(diagnostic.Id, diagnostic.Descriptor.Title, diagnostic.Descriptor.DefaultSeverity,
            diagnostic.Severity, diagnostic.Message, ToInfo(diagnostic.Location), related);
    }

    private static LocationInfo ToInfo(Diagnostics.Location location) =>
        new(location.FilePath, location.Span, location.LineSpan);

    private static DiagnosticInfo Own(string id, string title, ClaimSeverity severity, string message, LocationInfo? location) =>
        new(id, title, severity, severity, message, location, EquatableArray<LocationInfo>.Empty);
}
