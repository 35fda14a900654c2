using System.Text;

namespace ClaimLang.Syntax;

/// <summary>Turns the text of a string token into its value (escapes decoded, quotes removed).</summary>
public static class StringValue
{
    public static string Decode(string tokenText, SyntaxKind kind)
    {
        if (kind == SyntaxKind.RawStringLiteralToken)
        {
            int start = Math.Min(3, tokenText.Length);
            int end = tokenText.Length >= 6 && tokenText.EndsWith("\"\"\"", StringComparison.Ordinal) ? tokenText.Length - 3 : tokenText.Length;
            return end > start ? tokenText[start..end] : string.Empty;
        }
        if (tokenText.Length == 0) return string.Empty;
        int contentEnd = tokenText.Length > 1 && tokenText[^1] == '"' ? tokenText.Length - 1 : tokenText.Length;
        var content = tokenText.AsSpan(1, Math.Max(0, contentEnd - 1));
        if (content.IndexOf('\\') < 0) return content.ToString();
        var builder = new StringBuilder(content.Length);
        for (int i = 0; i < content.Length; i++)
        {
            char c = content[i];
            if (c != '\\' || i + 1 >= content.Length)
            {
                builder.Append(c);
                continue;
            }
            char e = content[++i];
            switch (e)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case 'u' when i + 1 < content.Length && content[i + 1] == '{':
                {
                    int close = content[(i + 2)..].IndexOf('}');
                    if (close > 0 && int.TryParse(content.Slice(i + 2, close), System.Globalization.NumberStyles.AllowHexSpecifier, null, out int value)
                        && value <= 0x10FFFF && value is < 0xD800 or > 0xDFFF)
                    {
                        builder.Append(char.ConvertFromUtf32(value));
                        i += close + 2;
                    }
                    else
                    {
                        builder.Append('\\').Append(e);
                    }
                    break;
                }
                default:
                    // Invalid escapes were reported (CLM1005); keep the text as written.
                    builder.Append('\\').Append(e);
                    break;
            }
        }
        return builder.ToString();
    }
}
