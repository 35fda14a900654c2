using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ClaimLang.Generators;

/// <summary>Turns ClaimLang names into valid C# identifiers, and values into C# literals.</summary>
internal static class CSharpNames
{
    /// <summary>
    /// A valid C# identifier for <paramref name="name"/>: characters C# does not allow in identifiers become
    /// <c>_U</c> + their code point in hex (so different names rarely meet), a name that cannot start an identifier
    /// gets a leading <c>_</c>, and a C# keyword is escaped with <c>@</c>. The result depends on the name alone.
    /// </summary>
    public static string Identifier(string name)
    {
        var text = Sanitize(name);
        return SyntaxFacts.GetKeywordKind(text) != SyntaxKind.None ? "@" + text : text;
    }

    /// <summary>The identifier without the <c>@</c> escape (what C# compares names by).</summary>
    public static string Sanitize(string name)
    {
        if (name.Length == 0) return "_";
        StringBuilder? builder = null;
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool valid = i == 0 ? SyntaxFacts.IsIdentifierStartCharacter(c) : SyntaxFacts.IsIdentifierPartCharacter(c);
            if (valid && !char.IsSurrogate(c))
            {
                builder?.Append(c);
                continue;
            }

            if (builder is null)
            {
                builder = new StringBuilder(name.Length + 8);
                builder.Append(name, 0, i);
            }

            // A character that may be part of an identifier but not start one (a digit) keeps its place after '_'.
            if (i == 0 && SyntaxFacts.IsIdentifierPartCharacter(c) && !char.IsSurrogate(c))
            {
                builder.Append('_').Append(c);
                continue;
            }

            int codePoint = c;
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, name[i + 1]);
                i++;
            }

            builder.Append("_U").Append(codePoint.ToString("X4", CultureInfo.InvariantCulture));
        }

        return builder?.ToString() ?? name;
    }

    /// <summary>
    /// Gives each name of one scope a distinct identifier, deterministically: names are taken in the order given,
    /// and a name whose identifier is taken (by an earlier name or a reserved word) gets <c>_2</c>, <c>_3</c>, …
    /// </summary>
    public sealed class Scope
    {
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

        public Scope(params string[] reserved)
        {
            foreach (var word in reserved) _taken.Add(word);
        }

        public string Add(string name)
        {
            var baseName = Sanitize(name);
            var candidate = baseName;
            for (int n = 2; !_taken.Add(candidate); n++)
            {
                candidate = baseName + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            return SyntaxFacts.GetKeywordKind(candidate) != SyntaxKind.None ? "@" + candidate : candidate;
        }
    }

    /// <summary>
    /// A C# string literal. Quotes, backslashes, control characters, the characters C# reads as line breaks and lone
    /// surrogates are escaped; other characters are written as they are.
    /// </summary>
    public static string StringLiteral(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\0': builder.Append("\\0"); break;
                default:
                    if (NeedsEscape(value, i))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    private static bool NeedsEscape(string value, int i)
    {
        char c = value[i];
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;
        if (c is '\u2028' or '\u2029' or '\uFEFF') return true;
        if (char.IsHighSurrogate(c)) return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
        if (char.IsLowSurrogate(c)) return i == 0 || !char.IsHighSurrogate(value[i - 1]);
        return false;
    }

    /// <summary>A C# <c>decimal</c> literal (<c>12m</c>, <c>-3.5m</c>).</summary>
    public static string DecimalLiteral(decimal value) => value.ToString(CultureInfo.InvariantCulture) + "m";

    /// <summary>A C# <c>double</c> expression that gives back exactly <paramref name="value"/>.</summary>
    public static string DoubleLiteral(double value)
    {
        if (double.IsNaN(value)) return "double.NaN";
        if (double.IsPositiveInfinity(value)) return "double.PositiveInfinity";
        if (double.IsNegativeInfinity(value)) return "double.NegativeInfinity";
        return value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    /// <summary>An <c>int</c> literal.</summary>
    public static string IntLiteral(int value) => value.ToString(CultureInfo.InvariantCulture);
}
