namespace ClaimLang.Utilities;

/// <summary>Did-you-mean suggestions by edit distance (optimal string alignment: insert, delete, substitute, swap).</summary>
public static class Suggestions
{
    /// <summary>
    /// The closest candidates to <paramref name="word"/>, best first, within a distance that grows with the word's
    /// length (1 for short words, up to 3). Ties keep ordinal order so results are deterministic.
    /// </summary>
    public static IReadOnlyList<string> Closest(string word, IEnumerable<string> candidates, int max = 3)
    {
        int limit = LimitFor(word.Length);
        var found = new List<(int Distance, string Name)>();
        foreach (var candidate in candidates)
        {
            if (candidate == word) continue;
            if (Math.Abs(candidate.Length - word.Length) > limit)
            {
                // Different casing of the same name is always worth suggesting.
                if (!string.Equals(candidate, word, StringComparison.OrdinalIgnoreCase)) continue;
            }
            int d = string.Equals(candidate, word, StringComparison.OrdinalIgnoreCase) ? 0 : Distance(word, candidate, limit);
            if (d <= limit) found.Add((d, candidate));
        }
        found.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Name, b.Name));
        var result = new List<string>(Math.Min(max, found.Count));
        for (int i = 0; i < found.Count && i < max; i++) result.Add(found[i].Name);
        return result;
    }

    public static string? Best(string word, IEnumerable<string> candidates) =>
        Closest(word, candidates, 1) is [var first] ? first : null;

    /// <summary>The largest distance worth suggesting for a word of this length.</summary>
    internal static int LimitFor(int length) => length <= 3 ? 1 : length <= 6 ? 2 : 3;

    /// <summary>Edit distance, stopping early (returning limit + 1) once it must exceed <paramref name="limit"/>.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit = int.MaxValue)
    {
        if (a.Length > b.Length) { var t = a; a = b; b = t; }
        int n = a.Length, m = b.Length;
        if (m - n > limit) return limit + 1;
        Span<int> prev2 = m + 1 <= 256 ? stackalloc int[m + 1] : new int[m + 1];
        Span<int> prev = m + 1 <= 256 ? stackalloc int[m + 1] : new int[m + 1];
        Span<int> cur = m + 1 <= 256 ? stackalloc int[m + 1] : new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++)
        {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++)
            {
                int cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                int v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                if (v < rowMin) rowMin = v;
            }
            if (rowMin > limit) return limit + 1;
            var tmp = prev2; prev2 = prev; prev = cur; cur = tmp;
        }
        return prev[m];
    }
}
