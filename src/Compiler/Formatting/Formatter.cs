using System.Text;
using ClaimLang.Configuration;
using ClaimLang.Diagnostics;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Formatting;

/// <summary>
/// The ClaimLang formatter: gives a file its canonical layout without changing what it says. The rules are in
/// docs/formatting.md. Only whitespace, line breaks and the blanks at the end of line comments ever change; the
/// tokens, the comments and their order stay as they were, and formatting twice gives the same text as once.
/// A file with syntax errors is never changed.
/// </summary>
public static class Formatter
{
    /// <summary>The formatted text of <paramref name="tree"/>, or its text unchanged when it has syntax errors.</summary>
    public static string Format(SyntaxTree tree, FormatOptions? options = null) => TryFormat(tree, options).Text;

    /// <summary>Formats <paramref name="tree"/> and says whether anything changed, or why nothing was done.</summary>
    public static FormatResult TryFormat(SyntaxTree tree, FormatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        options = Validate(options);
        string original = tree.ToString();
        var errors = GetSyntaxErrors(tree);
        if (errors.Count > 0) return new FormatResult(original, false, true, errors);
        try
        {
            var engine = new FormattingEngine(tree, options);
            var output = new StringBuilder(original.Length + original.Length / 8 + 16);
            for (int i = 0, n = engine.RegionCount; i < n; i++) engine.FormatRegion(i, output);
            string text = output.ToString();
            bool changed = !string.Equals(text, original, StringComparison.Ordinal);
            return new FormatResult(changed ? text : original, changed, false, errors);
        }
        catch (UnformattableException)
        {
            return new FormatResult(original, false, true, errors);
        }
    }

    /// <summary>
    /// The edits that format the whole document: one per declaration whose layout changes (and one for the end
    /// of the file), each trimmed to the part that actually differs. Empty when the file is already formatted or
    /// has syntax errors.
    /// </summary>
    public static IReadOnlyList<FormatEdit> GetEdits(SyntaxTree tree, FormatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return ComputeEdits(tree, Validate(options), 0, int.MaxValue);
    }

    /// <summary>
    /// The edits that format the declarations that <paramref name="range"/> touches (a declaration owns the
    /// comment lines above it and the rest of its last line; an empty range touches the declaration it is in).
    /// Empty when there is nothing to change or the file has syntax errors.
    /// </summary>
    public static IReadOnlyList<FormatEdit> FormatRange(SyntaxTree tree, TextSpan range, FormatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        options = Validate(options);
        int length = tree.Text.Length;
        int start = Math.Clamp(range.Start, 0, length);
        int end = Math.Clamp(range.End, start, length);
        return ComputeEdits(tree, options, start, end);
    }

    /// <summary>Whether the formatter would leave <paramref name="tree"/> alone because of syntax errors.</summary>
    public static bool HasSyntaxErrors(SyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        return GetSyntaxErrors(tree).Count > 0;
    }

    // ------------------------------------------------------------------ implementation

    private static IReadOnlyList<Diagnostic> GetSyntaxErrors(SyntaxTree tree)
    {
        var all = tree.GetDiagnostics();
        List<Diagnostic>? errors = null;
        foreach (var diagnostic in all)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error) (errors ??= new List<Diagnostic>()).Add(diagnostic);
        }
        return errors ?? (IReadOnlyList<Diagnostic>)Array.Empty<Diagnostic>();
    }

    private static FormatOptions Validate(FormatOptions? options)
    {
        options ??= FormatOptions.Default;
        if (options.Width is < FormatOptions.MinWidth or > FormatOptions.MaxWidth)
            throw new ArgumentOutOfRangeException(nameof(options), options.Width,
                $"format width must be between {FormatOptions.MinWidth} and {FormatOptions.MaxWidth}");
        if (options.Indent is < FormatOptions.MinIndent or > FormatOptions.MaxIndent)
            throw new ArgumentOutOfRangeException(nameof(options), options.Indent,
                $"format indent must be between {FormatOptions.MinIndent} and {FormatOptions.MaxIndent}");
        return options;
    }

    /// <summary>Edits for the regions that intersect [start, end) (an empty range: the region holding start).</summary>
    private static IReadOnlyList<FormatEdit> ComputeEdits(SyntaxTree tree, FormatOptions options, int start, int end)
    {
        if (GetSyntaxErrors(tree).Count > 0) return Array.Empty<FormatEdit>();
        try
        {
            var engine = new FormattingEngine(tree, options);
            string source = tree.ToString();
            int first, last;
            if (start == 0 && end == int.MaxValue)
            {
                first = 0;
                last = engine.RegionCount - 1;
            }
            else
            {
                first = engine.FindRegion(start);
                last = end > start ? engine.FindRegion(end - 1) : first;
            }

            var edits = new List<FormatEdit>();
            var output = new StringBuilder();
            for (int i = first; i <= last; i++)
            {
                var span = engine.GetRegionSpan(i);
                output.Clear();
                engine.FormatRegion(i, output);
                AddEdit(edits, source, span, output);
            }
            return edits;
        }
        catch (UnformattableException)
        {
            return Array.Empty<FormatEdit>();
        }
    }

    /// <summary>
    /// Adds the edit that turns <paramref name="span"/> of <paramref name="source"/> into <paramref name="output"/>,
    /// trimmed to the part between their common prefix and suffix (never splitting a CR LF pair or a surrogate
    /// pair), or nothing when they are equal.
    /// </summary>
    private static void AddEdit(List<FormatEdit> edits, string source, TextSpan span, StringBuilder output)
    {
        var before = source.AsSpan(span.Start, span.Length);
        string formatted = output.ToString();
        var after = formatted.AsSpan();
        if (before.SequenceEqual(after)) return;

        int prefix = before.CommonPrefixLength(after);
        while (prefix > 0 && (SplitsPair(before, prefix) || SplitsPair(after, prefix))) prefix--;

        int max = Math.Min(before.Length, after.Length) - prefix;
        int suffix = 0;
        while (suffix < max && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix]) suffix++;
        while (suffix > 0 && (SplitsPair(before, before.Length - suffix) || SplitsPair(after, after.Length - suffix))) suffix--;

        var editSpan = new TextSpan(span.Start + prefix, before.Length - prefix - suffix);
        edits.Add(new FormatEdit(editSpan, formatted.Substring(prefix, after.Length - prefix - suffix)));
    }

    /// <summary>Whether a cut at <paramref name="index"/> falls inside a CR LF pair or a surrogate pair.</summary>
    private static bool SplitsPair(ReadOnlySpan<char> text, int index) =>
        index > 0 && index < text.Length &&
        ((text[index - 1] == '\r' && text[index] == '\n') || (char.IsHighSurrogate(text[index - 1]) && char.IsLowSurrogate(text[index])));
}
