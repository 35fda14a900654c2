using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Text;

/// <summary>Applying edits to a <see cref="SourceText"/> safely.</summary>
public static class TextEdits
{
    /// <summary>
    /// Applies one change. <see cref="SourceText.WithChanges(TextChange[])"/> keeps the old text's segments and
    /// updates the line map incrementally, which is what makes per-keystroke edits cheap; but in
    /// Microsoft.CodeAnalysis 4.14 that line map goes wrong when an edit splits or forms a CR LF pair (positions
    /// past the edit then throw). For those rare edits this builds the new text from scratch instead.
    /// </summary>
    public static SourceText Apply(SourceText text, TextChange change)
    {
        var span = change.Span;
        string insert = change.NewText ?? string.Empty;
        bool touchesLineBreak =
            (span.Start > 0 && text[span.Start - 1] == '\r') ||
            (span.End < text.Length && text[span.End] == '\n') ||
            insert.StartsWith('\n') || insert.EndsWith('\r');
        if (!touchesLineBreak) return text.WithChanges(change);
        var builder = new System.Text.StringBuilder(text.Length - span.Length + insert.Length);
        builder.Append(text.ToString(TextSpan.FromBounds(0, span.Start)));
        builder.Append(insert);
        builder.Append(text.ToString(TextSpan.FromBounds(span.End, text.Length)));
        return SourceText.From(builder.ToString(), text.Encoding, text.ChecksumAlgorithm);
    }
}
