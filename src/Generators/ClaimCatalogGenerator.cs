using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ClaimSyntaxTree = ClaimLang.Syntax.SyntaxTree;

namespace ClaimLang.Generators;

/// <summary>
/// The ClaimLang source generator. It compiles the <c>.claim</c> files a project passes as AdditionalFiles (with the
/// claimlang.json of the workspace root, and the source documents the claims quote), reports their diagnostics in
/// the C# build at their places in the .claim files, and generates a typed catalog of the declarations
/// (<c>Claims.Sources.MET</c>, <c>Claims.All</c>, …) built from ClaimLang.Runtime types. See docs/csharp.md.
/// </summary>
/// <remarks>
/// <para>The pipeline, step by step (the names are the tracking names the tests check):</para>
/// <list type="number">
/// <item><c>ClaimLang.Parse</c>: each .claim file is parsed on its own, so an edit re-parses only that file; a file
/// whose text did not change gives an equal result and leaves everything after it cached.</item>
/// <item><c>ClaimLang.Configuration</c>, <c>ClaimLang.Documents</c>: claimlang.json and the documents under the
/// workspace root, read file by file.</item>
/// <item><c>ClaimLang.Settings</c>: the MSBuild properties (root, namespace, class name).</item>
/// <item><c>ClaimLang.Compile</c>: binding and analysis of all files together (names cross files), then the dataset.
/// It reruns when any input changes and reuses the parsed trees of the files that did not.</item>
/// <item><c>ClaimLang.Catalog</c> and <c>ClaimLang.Diagnostics</c>: the two outputs, each written only when its own
/// value changed (fixing a warning does not rewrite the catalog; editing a doc comment does not re-report).</item>
/// </list>
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class ClaimCatalogGenerator : IIncrementalGenerator
{
    /// <summary>The tracking names of the pipeline's steps.</summary>
    public static class StepNames
    {
        /// <summary>Parsing one .claim file.</summary>
        public const string Parse = "ClaimLang.Parse";

        /// <summary>Reading one claimlang.json.</summary>
        public const string Configuration = "ClaimLang.Configuration";

        /// <summary>Reading one source document.</summary>
        public const string Documents = "ClaimLang.Documents";

        /// <summary>Reading the MSBuild settings.</summary>
        public const string Settings = "ClaimLang.Settings";

        /// <summary>Compiling all files together.</summary>
        public const string Compile = "ClaimLang.Compile";

        /// <summary>The catalog to generate.</summary>
        public const string Catalog = "ClaimLang.Catalog";

        /// <summary>The diagnostics to report.</summary>
        public const string Diagnostics = "ClaimLang.Diagnostics";
    }

    /// <summary>The extension of ClaimLang files.</summary>
    public const string ClaimFileExtension = ".claim";

    /// <summary>The name of the workspace configuration file.</summary>
    public const string ConfigurationFileName = "claimlang.json";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var settings = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => ReadSettings(provider.GlobalOptions))
            .WithTrackingName(StepNames.Settings);

        var parsed = context.AdditionalTextsProvider
            .Where(static text => IsClaimFile(text.Path))
            .Select(static (text, cancellation) => Parse(text, cancellation))
            .WithTrackingName(StepNames.Parse);

        var configuration = context.AdditionalTextsProvider
            .Where(static text => IsConfigurationFile(text.Path))
            .Select(static (text, cancellation) => Read(text, cancellation))
            .WithTrackingName(StepNames.Configuration);

        // Candidate documents: the other additional files under the workspace root (all of them when the project
        // sets no root; the compile step then looks only under the root it works out).
        var documents = context.AdditionalTextsProvider
            .Where(static text => !IsClaimFile(text.Path) && !IsConfigurationFile(text.Path))
            .Combine(settings)
            .Where(static pair => pair.Right.Root is not { } root || PathNames.IsUnder(PathNames.Normalize(pair.Left.Path), root))
            .Select(static (pair, cancellation) => Read(pair.Left, cancellation))
            .WithTrackingName(StepNames.Documents);

        var compiled = parsed.Collect()
            .Combine(configuration.Collect())
            .Combine(documents.Collect())
            .Combine(settings)
            .Select(static (input, cancellation) => CatalogCompiler.Compile(
                input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right, cancellation))
            .WithTrackingName(StepNames.Compile);

        var catalog = compiled
            .Select(static (result, _) => result.Catalog)
            .WithTrackingName(StepNames.Catalog);

        var diagnostics = compiled
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(StepNames.Diagnostics);

        context.RegisterSourceOutput(catalog, static (output, model) =>
        {
            if (model is null) return;
            output.AddSource(CatalogWriter.HintName, SourceText.From(CatalogWriter.Write(model), Encoding.UTF8));
        });

        context.RegisterSourceOutput(diagnostics, static (output, list) =>
        {
            foreach (var diagnostic in list) output.ReportDiagnostic(DiagnosticReporter.ToRoslyn(diagnostic));
        });
    }

    internal static bool IsClaimFile(string path) => path.EndsWith(ClaimFileExtension, StringComparison.OrdinalIgnoreCase);

    internal static bool IsConfigurationFile(string path) =>
        string.Equals(PathNames.FileName(path), ConfigurationFileName, StringComparison.OrdinalIgnoreCase);

    private static ParsedClaimFile Parse(AdditionalText text, CancellationToken cancellation)
    {
        var path = PathNames.Normalize(text.Path);
        var source = text.GetText(cancellation);
        return new ParsedClaimFile(path, source is null ? null : ClaimSyntaxTree.Parse(source, path));
    }

    private static TextFile Read(AdditionalText text, CancellationToken cancellation) =>
        new(PathNames.Normalize(text.Path), text.GetText(cancellation)?.ToString());

    internal static GeneratorSettings ReadSettings(AnalyzerConfigOptions options)
    {
        var projectFolder = Value(options, "build_property.MSBuildProjectDirectory") ?? Value(options, "build_property.ProjectDir");
        string? root = null;
        if (Value(options, "build_property.ClaimLangRoot") is { } configuredRoot &&
            (Path.IsPathRooted(configuredRoot) || projectFolder is not null))
        {
            root = PathNames.Normalize(configuredRoot, projectFolder);
        }

        var ns = Value(options, "build_property.ClaimLangNamespace") ?? Value(options, "build_property.RootNamespace") ?? "";
        var className = Value(options, "build_property.ClaimLangClassName") ?? DefaultClassName;
        string? problem = null;
        var identifier = CSharpNames.Identifier(className);
        if (!string.Equals(identifier, className, StringComparison.Ordinal) || Array.IndexOf(CatalogWriter.NestedClassNames, className) >= 0)
        {
            problem = $"ClaimLangClassName '{className}' cannot name the catalog class (it must be a C# identifier other than " +
                      $"{string.Join(", ", CatalogWriter.NestedClassNames)}); using '{DefaultClassName}'";
            identifier = DefaultClassName;
        }

        return new GeneratorSettings(root, Namespace(ns), identifier, problem);
    }

    /// <summary>The catalog class name when the project sets none.</summary>
    public const string DefaultClassName = "Claims";

    private static string? Value(AnalyzerConfigOptions options, string key) =>
        options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A valid namespace name from a setting: each dotted part made an identifier, empty parts dropped.</summary>
    private static string Namespace(string value)
    {
        var parts = new List<string>();
        foreach (var part in value.Split('.'))
        {
            var trimmed = part.Trim();
            if (trimmed.Length == 0) continue;
            parts.Add(CSharpNames.Identifier(trimmed));
        }

        return string.Join(".", parts);
    }
}
