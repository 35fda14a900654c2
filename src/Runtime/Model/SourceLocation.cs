namespace ClaimLang.Runtime;

/// <summary>
/// Where a declaration is written: the file relative to the workspace root (always with <c>/</c> separators),
/// and the 1-based line and column of the token that names the declaration. Columns count UTF-16 code units.
/// </summary>
/// <param name="File">The file, relative to the workspace root, with <c>/</c> separators.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column, in UTF-16 code units.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary><c>file(line,column)</c>, the form the compiler's diagnostics use.</summary>
    public override string ToString() => $"{File}({Line},{Column})";
}
