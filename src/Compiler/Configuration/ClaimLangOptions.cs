using ClaimLang.Diagnostics;

namespace ClaimLang.Configuration;

/// <summary>
/// The settings of one workspace, read from its <c>claimlang.json</c> (see <see cref="ConfigurationLoader"/>).
/// Immutable; derive changed copies with <c>with</c>. <see cref="Default"/> is what a workspace without a
/// configuration file gets.
/// </summary>
public sealed record ClaimLangOptions
{
    // Declared before Default: static initializers run in text order.
    private static readonly IReadOnlyDictionary<string, DiagnosticSeverity> EmptyRules =
        new Dictionary<string, DiagnosticSeverity>(StringComparer.Ordinal);

    /// <summary>The settings of a workspace without <c>claimlang.json</c>.</summary>
    public static ClaimLangOptions Default { get; } = new();

    /// <summary>The include pattern used when <c>include</c> is not given.</summary>
    public const string DefaultIncludePattern = "**/*.claim";

    /// <summary>
    /// Folder names that workspace enumeration always skips, at any depth, whatever <see cref="Include"/> says.
    /// </summary>
    public static IReadOnlyList<string> AlwaysSkippedFolders { get; } = ["bin", "obj", "node_modules", ".git"];

    /// <summary>Glob patterns (relative to the workspace root, <c>/</c> separators) of the files to compile.</summary>
    public IReadOnlyList<string> Include { get; init; } = [DefaultIncludePattern];

    /// <summary>Glob patterns of files (or whole folders) to leave out, applied after <see cref="Include"/>.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>
    /// Severity overrides by diagnostic code (canonical upper-case ids). Never holds a CLM0001 or CLM1xxx code:
    /// the loader rejects those.
    /// </summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity> Rules { get; init; } = EmptyRules;

    /// <summary>The day that date checks (CLM3010) use instead of the clock, so that builds are reproducible.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>When true, an undeclared predicate (CLM3009) is an error unless <see cref="Rules"/> says otherwise.</summary>
    public bool StrictPredicates { get; init; }

    /// <summary>Settings of <c>claimc fmt</c>.</summary>
    public FormatOptions Format { get; init; } = FormatOptions.Default;

    /// <summary>Settings of <c>claimc build</c>.</summary>
    public OutputOptions Output { get; init; } = OutputOptions.Default;

    /// <summary>
    /// The severity that diagnostics of <paramref name="descriptor"/> get in this workspace: the rule override
    /// when there is one, else the default. CLM3009 defaults to error when <see cref="StrictPredicates"/> is set.
    /// Configuration (CLM0001) and syntax (CLM1xxx) diagnostics always keep their default.
    /// </summary>
    public DiagnosticSeverity EffectiveSeverity(DiagnosticDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        if (!IsConfigurable(descriptor)) return descriptor.DefaultSeverity;
        if (Rules.TryGetValue(descriptor.Id, out var severity)) return severity;
        if (StrictPredicates && descriptor.Id == DiagnosticCatalog.UndeclaredPredicate.Id) return DiagnosticSeverity.Error;
        return descriptor.DefaultSeverity;
    }

    /// <summary>
    /// Whether <c>rules</c> in <c>claimlang.json</c> may change this code's severity: every code except
    /// CLM0001 (a broken configuration cannot silence its own report) and the CLM1xxx syntax errors.
    /// </summary>
    public static bool IsConfigurable(DiagnosticDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        return descriptor.Family != 0 && descriptor.Family != 1;
    }
}

/// <summary>Settings of the formatter.</summary>
public sealed record FormatOptions
{
    public static FormatOptions Default { get; } = new();

    public const int MinWidth = 40;
    public const int MaxWidth = 400;
    public const int MinIndent = 1;
    public const int MaxIndent = 8;

    /// <summary>The line width the formatter wraps clauses at (40..400).</summary>
    public int Width { get; init; } = 100;

    /// <summary>Spaces before a continuation line (1..8).</summary>
    public int Indent { get; init; } = 2;
}

/// <summary>Settings of <c>claimc build</c>: where the dataset goes and in which formats.</summary>
public sealed record OutputOptions
{
    public static OutputOptions Default { get; } = new();

    /// <summary>The formats <c>emit</c> accepts, in the order they are listed in messages.</summary>
    public static IReadOnlyList<string> KnownFormats { get; } = ["json", "jsonl", "csv", "sqlite"];

    /// <summary>The output folder, relative to the workspace root, or null to require <c>-o</c>.</summary>
    public string? Directory { get; init; }

    /// <summary>The dataset formats to write (a subset of <see cref="KnownFormats"/>, no repeats).</summary>
    public IReadOnlyList<string> Emit { get; init; } = ["json"];
}
