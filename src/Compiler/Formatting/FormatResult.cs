using ClaimLang.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Formatting;

/// <summary>
/// What <see cref="Formatter.TryFormat"/> did with a file.
/// </summary>
/// <param name="Text">The formatted text; the original text when the file was not formatted.</param>
/// <param name="Changed">Whether <paramref name="Text"/> differs from the original text.</param>
/// <param name="SkippedBecauseOfErrors">
/// True when the file has syntax errors and was left exactly as it was. A file the parser could not read
/// cleanly has no reliable layout to rebuild, so the formatter never touches it.
/// </param>
/// <param name="Errors">The syntax errors that made the formatter skip the file (empty otherwise).</param>
public sealed record FormatResult(string Text, bool Changed, bool SkippedBecauseOfErrors, IReadOnlyList<Diagnostic> Errors);

/// <summary>
/// One replacement in the original text: replace <paramref name="Span"/> with <paramref name="NewText"/>.
/// The edits of one call never overlap and are sorted by position; all spans refer to the original text.
/// </summary>
public readonly record struct FormatEdit(TextSpan Span, string NewText)
{
    /// <summary>The same edit as a Roslyn <see cref="TextChange"/>, for <see cref="SourceText.WithChanges(TextChange[])"/>.</summary>
    public TextChange ToTextChange() => new(Span, NewText);
}
