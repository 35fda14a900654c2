using System.Text;

namespace ClaimLang.Bench.Workload;

/// <summary>
/// Pronounceable, unique names built from two-letter syllables (a consonant and a vowel), so every index gives a
/// different word and the kinds of declared names never collide: sources are upper case (KALORU), actors are
/// capitalised with three syllables (Kaloru), places capitalised with four (Kalorube), claim labels lower case with
/// four (kalorube). Hypotheses are H1, H2, …
/// </summary>
internal static class Names
{
    private const string Consonants = "bdfgklmnprstvz";
    private const string Vowels = "aeiou";
    private const int SyllableCount = 14 * 5;

    private static string Word(long index, int syllables, bool capital, bool upper)
    {
        var builder = new StringBuilder(syllables * 2 + 4);
        long space = 1;
        for (int i = 0; i < syllables; i++) space *= SyllableCount;
        // Spread neighbouring indexes over the whole space (a bijection: the multiplier shares no factor with 70).
        long rest = index / space;
        long spread = (index % space * 40503 + 12345) % space;
        for (int i = 0; i < syllables; i++)
        {
            int s = (int)(spread % SyllableCount);
            spread /= SyllableCount;
            builder.Append(Consonants[s / 5]).Append(Vowels[s % 5]);
        }
        // Beyond SyllableCount^syllables the remainder becomes a numeric suffix, which keeps names unique.
        if (rest > 0) builder.Append(rest);
        if (upper) return builder.ToString().ToUpperInvariant();
        if (capital) builder[0] = char.ToUpperInvariant(builder[0]);
        return builder.ToString();
    }

    public static string Source(int index) => Word(index, 3, capital: false, upper: true);
    public static string Actor(int index) => Word(index, 3, capital: true, upper: false);
    public static string Place(int index) => Word(index, 4, capital: true, upper: false);
    public static string Label(long index) => Word(index, 4, capital: false, upper: false);
    public static string Hypothesis(int index) => "H" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A lower-case word for titles, notes and documents (not a declared name).</summary>
    public static string Lower(long index, int syllables)
    {
        long space = 1;
        for (int i = 0; i < syllables; i++) space *= SyllableCount;
        return Word(index % space, syllables, capital: false, upper: false);
    }
}
