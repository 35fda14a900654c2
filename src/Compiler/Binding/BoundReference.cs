using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Binding;

/// <summary>How a name is used at a place in the source.</summary>
public enum ReferenceRole
{
    /// <summary>The name in the declaration itself.</summary>
    Declaration,
    Subject,
    Predicate,
    Source,
    Cites,
    PartOf,
    In,
    At,
    Contradicts,
    Supports,
    Supersedes,
    Argument,
    ParameterName,
}

/// <summary>A resolved name at a span of a file.</summary>
public readonly record struct BoundReference(TextSpan Span, Symbol Symbol, ReferenceRole Role)
{
    public bool IsDeclaration => Role == ReferenceRole.Declaration;
}
