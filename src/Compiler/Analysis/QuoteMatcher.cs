using System.Text;

namespace ClaimLang.Analysis;

/// <summary>
/// Compares quotes with documents the way the spec says: runs of white space fold to one space, Unicode NFC, and
/// typographic quotes, apostrophes and dashes fold to their ASCII forms.
/// </summary>
public static class QuoteMatcher
{
    public static string Fold(string text)
    {
        var normalized = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var builder = new StringBuilder(normalized.Length);
        bool pendingSpace = false;
        foreach (char c in normalized)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' or '\u02BC' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                '\u00A0' => ' ',
                _ => c,
            });
        }
        return builder.ToString();
    }

    /// <summary>Whether <paramref name="quote"/> occurs in <paramref name="foldedDocument"/> (already folded).</summary>
    public static bool Occurs(string quote, string foldedDocument)
    {
        var folded = Fold(quote);
        return folded.Length > 0 && foldedDocument.Contains(folded, StringComparison.Ordinal);
    }
}
