using ClaimLang.Runtime;
using Microsoft.CodeAnalysis.Text;
using ClaimSeverity = ClaimLang.Diagnostics.DiagnosticSeverity;
using ClaimSyntaxTree = ClaimLang.Syntax.SyntaxTree;

namespace ClaimLang.Generators;

// The values that flow between the steps of the generator's pipeline. The incremental driver compares each step's
// new output with its previous one and skips the steps after it when they are equal, so every model has value
// equality: records, with EquatableArray (from ClaimLang.Runtime) instead of arrays.

/// <summary>
/// One parsed <c>.claim</c> file (the output of the per-file parse step). Two are equal when they have the same path
/// and the same text, so re-reading an unchanged file (a new <c>AdditionalText</c> object with the same content)
/// leaves the steps after it cached. <see cref="Tree"/> is null when the file could not be read.
/// </summary>
internal sealed class ParsedClaimFile : IEquatable<ParsedClaimFile>
{
    public ParsedClaimFile(string path, ClaimSyntaxTree? tree)
    {
        Path = path;
        Tree = tree;
    }

    public string Path { get; }

    public ClaimSyntaxTree? Tree { get; }

    public bool Equals(ParsedClaimFile? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (!string.Equals(Path, other.Path, StringComparison.Ordinal)) return false;
        if (Tree is null || other.Tree is null) return Tree is null && other.Tree is null;
        return ReferenceEquals(Tree, other.Tree) || Tree.Text.ContentEquals(other.Tree.Text);
    }

    public override bool Equals(object? obj) => Equals(obj as ParsedClaimFile);

    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Path), Tree?.Text.Length ?? -1);

    public override string ToString() => Path;
}

/// <summary>The path and text of an additional file that is not a <c>.claim</c> file (claimlang.json, a source document).</summary>
/// <param name="Path">The path the build gave.</param>
/// <param name="Text">The text, or null when the file could not be read.</param>
internal sealed record TextFile(string Path, string? Text);

/// <summary>The generator's settings, read from the analyzer options (MSBuild properties, see the props file).</summary>
/// <param name="Root">The workspace root as a full path, or null when the project does not set one.</param>
/// <param name="Namespace">The namespace of the catalog class (empty for the global namespace).</param>
/// <param name="ClassName">The name of the catalog class.</param>
/// <param name="ClassNameProblem">Why the configured class name was not used, or null.</param>
internal sealed record GeneratorSettings(string? Root, string Namespace, string ClassName, string? ClassNameProblem);

/// <summary>A position in a file, for a diagnostic.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan);

/// <summary>A diagnostic as the pipeline carries it (Roslyn's Diagnostic has no value equality).</summary>
/// <param name="Id">The code, e.g. CLM2001.</param>
/// <param name="Title">The code's short title.</param>
/// <param name="DefaultSeverity">The code's default severity.</param>
/// <param name="Severity">The severity in this workspace (after claimlang.json's rules).</param>
/// <param name="Message">The message.</param>
/// <param name="Location">Where, or null for a diagnostic about the whole project.</param>
/// <param name="Related">Related places (e.g. the first of two duplicate declarations).</param>
internal sealed record DiagnosticInfo(
    string Id,
    string Title,
    ClaimSeverity DefaultSeverity,
    ClaimSeverity Severity,
    string Message,
    LocationInfo? Location,
    EquatableArray<LocationInfo> Related);

/// <summary>What the catalog is generated from: the dataset and where the class goes.</summary>
/// <param name="Dataset">The compiled dataset (a record with value equality).</param>
/// <param name="Namespace">The namespace (empty for the global namespace).</param>
/// <param name="ClassName">The name of the catalog class.</param>
/// <param name="FileCount">How many .claim files the dataset comes from.</param>
internal sealed record CatalogModel(ClaimDataset Dataset, string Namespace, string ClassName, int FileCount);

/// <summary>The output of the compile step.</summary>
/// <param name="Catalog">The catalog to generate, or null when there is nothing to generate (no .claim file).</param>
/// <param name="Diagnostics">The diagnostics to report, in the compiler's order.</param>
internal sealed record CompileResult(CatalogModel? Catalog, EquatableArray<DiagnosticInfo> Diagnostics);
