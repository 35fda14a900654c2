using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using ClaimLang.Configuration;
using ClaimLang.Emit;
using ClaimLang.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ClaimCompilation = ClaimLang.Binding.Compilation;
using ClaimSyntaxTree = ClaimLang.Syntax.SyntaxTree;

namespace ClaimLang.Generators.Tests.Support;

/// <summary>An additional file held in memory. <see cref="GetText"/> returns the same text object every time.</summary>
internal sealed class TestAdditionalText(string path, string? text) : AdditionalText
{
    private readonly SourceText? _text = text is null ? null : SourceText.From(text, Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;

    public override string ToString() => Path;
}

/// <summary>Analyzer options: the build properties the props file makes visible (build_property.*).</summary>
internal sealed class TestOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
{
    public static TestOptions Empty { get; } = new(new Dictionary<string, string>());

    private readonly Dictionary<string, string> _values = new(values, StringComparer.OrdinalIgnoreCase);

    public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
}

internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new TestOptions(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => TestOptions.Empty;
}

/// <summary>One run of the generator: the driver (to run again), its result and the C# compilation it produced.</summary>
internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorRunResult Result, Compilation Output)
{
    /// <summary>The generated catalog's text, or null when nothing was generated.</summary>
    public string? Catalog => Result.GeneratedSources.Length == 0 ? null : Result.GeneratedSources.Single().SourceText.ToString();

    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    /// <summary>The reasons of the outputs of one tracked step, in the step's order.</summary>
    public IReadOnlyList<IncrementalStepRunReason> Reasons(string step) =>
        Result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();

    /// <summary>The reason of the parse step for the file at <paramref name="path"/>.</summary>
    public IncrementalStepRunReason ParseReason(string path)
    {
        var steps = Result.TrackedSteps[ClaimCatalogGenerator.StepNames.Parse]
            .Where(s => s.Outputs.Any(o => ((ParsedClaimFile)o.Value).Path == path))
            .ToList();
        return Assert.Single(steps).Outputs.Single().Reason;
    }
}

/// <summary>Runs the generator with CSharpGeneratorDriver on in-memory additional files.</summary>
internal static class GeneratorHarness
{
    public static CSharpParseOptions ParseOptions { get; } =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>The framework's assemblies and ClaimLang.Runtime: what a consumer of the catalog compiles against.</summary>
    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)),
            MetadataReference.CreateFromFile(typeof(ClaimDataset).Assembly.Location)];
    });

    /// <summary>Build properties for a workspace at <paramref name="root"/>.</summary>
    public static Dictionary<string, string> Settings(string root, string ns = "Test.Catalog", string? className = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["build_property.ClaimLangRoot"] = root,
            ["build_property.MSBuildProjectDirectory"] = root,
            ["build_property.RootNamespace"] = "Test.Project",
            ["build_property.ClaimLangNamespace"] = ns,
        };
        if (className is not null) settings["build_property.ClaimLangClassName"] = className;
        return settings;
    }

    public static CSharpCompilation NewCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(s => CSharpSyntaxTree.ParseText(s, ParseOptions)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string> settings) =>
        CSharpGeneratorDriver.Create(
            [new ClaimCatalogGenerator().AsSourceGenerator()],
            [.. files],
            ParseOptions,
            new TestOptionsProvider(settings),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(GeneratorDriver driver, Compilation? compilation = null)
    {
        compilation ??= NewCompilation();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver, driver.GetRunResult().Results.Single(), output);
    }

    public static GeneratorRun Run(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string> settings) =>
        Run(CreateDriver(files, settings));

    /// <summary>In-memory files under <paramref name="root"/> from (relative path, text) pairs.</summary>
    public static List<AdditionalText> Files(string root, params (string Path, string Text)[] files) =>
        [.. files.Select(f => (AdditionalText)new TestAdditionalText(Path.Combine(root, f.Path), f.Text))];

    /// <summary>The files of a folder on disk, read into memory (line breaks as in the file).</summary>
    public static List<AdditionalText> FilesOnDisk(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => (AdditionalText)new TestAdditionalText(p, File.ReadAllText(p)))];

    /// <summary>
    /// The dataset the compiler builds from the same files (what <c>claimc build</c> writes): the reference the
    /// catalog must equal.
    /// </summary>
    public static ClaimDataset ExpectedDataset(string root, IEnumerable<AdditionalText> files)
    {
        var trees = new List<ClaimSyntaxTree>();
        var options = ClaimLangOptions.Default;
        foreach (var file in files)
        {
            if (file.Path.EndsWith(".claim", StringComparison.Ordinal))
            {
                trees.Add(ClaimSyntaxTree.Parse(file.GetText()!, file.Path));
            }
            else if (Path.GetFileName(file.Path) == "claimlang.json" && Path.GetDirectoryName(file.Path) == root)
            {
                options = ConfigurationLoader.Parse(file.GetText()!.ToString(), file.Path).Options;
            }
        }

        return DatasetBuilder.Build(ClaimCompilation.Create(trees, options, root), root);
    }

    /// <summary>
    /// Compiles <paramref name="compilation"/> (the consumer with the generated catalog), loads it, and returns the
    /// value of <c>{typeName}.All</c>: the catalog as the consumer's program sees it at run time.
    /// </summary>
    public static ClaimDataset LoadAll(Compilation compilation, string typeName)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        var context = new AssemblyLoadContext("catalog-" + Guid.NewGuid().ToString("N"), isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(image);
            var type = assembly.GetType(typeName, throwOnError: true)!;
            var all = type.GetProperty("All", BindingFlags.Public | BindingFlags.Static)!;
            return (ClaimDataset)all.GetValue(null)!;
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Every diagnostic of the consumer's compilation that is a warning or an error (the generated code must have none).</summary>
    public static List<Diagnostic> Problems(Compilation compilation) =>
        [.. compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];

    /// <summary>A diagnostic in the spec's text form, with the file relative to <paramref name="root"/>.</summary>
    public static string Format(Diagnostic diagnostic, string root)
    {
        var text = new StringBuilder();
        text.Append(Where(diagnostic.Location, root)).Append(": ")
            .Append(diagnostic.Severity.ToString().ToLowerInvariant()).Append(' ')
            .Append(diagnostic.Id).Append(": ").Append(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var related in diagnostic.AdditionalLocations)
        {
            text.Append("\n    see ").Append(Where(related, root));
        }

        return text.ToString();
    }

    private static string Where(Location location, string root)
    {
        if (location == Location.None) return "(project)";
        var span = location.GetLineSpan();
        var path = Path.GetRelativePath(root, span.Path).Replace('\\', '/');
        return $"{path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
    }
}
