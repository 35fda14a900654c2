using System.Globalization;
using System.Text;

namespace ClaimLang.Syntax.InternalSyntax;

/// <summary>
/// How source text is quoted inside diagnostic messages: cut to a readable length (a message must not repeat a
/// 20 MB word), and with invisible characters (controls, NUL, byte-order marks, lone surrogates, bidirectional
/// overrides) written as <c>U+XXXX</c>, so that a message shows what is really there and never carries
/// characters that break terminals or JSON readers.
/// </summary>
internal static class MessageText
{
    public static string Quote(string text, int maxLength = 64)
    {
        bool plain = text.Length <= maxLength;
        if (plain)
        {
            foreach (char c in text)
            {
                if (IsInvisible(c)) { plain = false; break; }
            }
        }
        if (plain) return text;

        var b = new StringBuilder(Math.Min(text.Length, maxLength) + 8);
        int i = 0, shown = 0;
        while (i < text.Length && shown < maxLength - 3)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                b.Append(c).Append(text[i + 1]);
                i += 2;
            }
            else
            {
                if (IsInvisible(c)) b.Append("U+").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                else b.Append(c);
                i++;
            }
            shown++;
        }
        if (i < text.Length) b.Append('…');
        return b.ToString();
    }

    private static bool IsInvisible(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) ||
        CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
