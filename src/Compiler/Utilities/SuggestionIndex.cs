using System.Numerics;

namespace ClaimLang.Utilities;

/// <summary>
/// Did-you-mean over a large, fixed set of names (every declared name of a workspace): the same answers as
/// <see cref="Suggestions.Closest"/>, without computing an edit distance for every candidate. Candidates are grouped
/// by length, and each carries a 64-bit set of the (lower-cased) characters it contains. One edit adds or removes at
/// most one character of that set, and a substitution at most one of each, so two names whose sets differ in
/// <c>k</c> characters are at least <c>⌈k / 2⌉</c> edits apart; only the candidates within the length window that
/// pass this bound get the real distance. Building is linear; a query reads two arrays per length it can reach.
/// Immutable once built, so safe to query from several threads.
/// </summary>
public sealed class SuggestionIndex
{
    private readonly string[] _names;        // by length, then ordinal
    private readonly ulong[] _masks;         // character sets, parallel to _names
    private readonly uint[] _categories;     // category flags, parallel to _names
    private readonly int[] _lengthStart;     // _lengthStart[n]..._lengthStart[n + 1]: the names of length n

    public SuggestionIndex(IEnumerable<string> candidates) : this(candidates.Select(static c => (c, 1u)))
    {
    }

    /// <summary>An index whose candidates carry categories (bit flags), so that one index serves queries that accept
    /// different categories (a name that must be a source, one that may be an actor or a place…).</summary>
    public SuggestionIndex(IEnumerable<(string Name, uint Categories)> candidates)
    {
        var names = new List<(string Name, uint Categories)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, categories) in candidates)
        {
            if (seen.TryGetValue(name, out int at)) names[at] = (name, names[at].Categories | categories);
            else
            {
                seen[name] = names.Count;
                names.Add((name, categories));
            }
        }
        names.Sort(static (a, b) => a.Name.Length != b.Name.Length ? a.Name.Length.CompareTo(b.Name.Length) : string.CompareOrdinal(a.Name, b.Name));
        _names = new string[names.Count];
        _categories = new uint[names.Count];
        _masks = new ulong[names.Count];
        int maxLength = names.Count == 0 ? 0 : names[^1].Name.Length;
        _lengthStart = new int[maxLength + 2];
        for (int i = 0; i < names.Count; i++)
        {
            (_names[i], _categories[i]) = names[i];
            _masks[i] = Mask(_names[i]);
            _lengthStart[_names[i].Length + 1] = i + 1;
        }
        // Lengths nobody has start where the previous length ended.
        for (int n = 1; n < _lengthStart.Length; n++) _lengthStart[n] = Math.Max(_lengthStart[n], _lengthStart[n - 1]);
    }

    public int Count => _names.Length;

    /// <summary>The closest names to <paramref name="word"/>, best first (as <see cref="Suggestions.Closest"/>).</summary>
    /// <param name="word">The name that was not found.</param>
    /// <param name="max">How many suggestions at most.</param>
    /// <param name="categories">Only candidates in one of these categories are suggested.</param>
    public IReadOnlyList<string> Closest(string word, int max = 3, uint categories = uint.MaxValue)
    {
        int limit = Suggestions.LimitFor(word.Length);
        if (max <= 0) return [];
        // The best `max` so far, kept sorted (distance, then ordinal); once it is full, nothing farther than its
        // last entry can get in, so the limit tightens as better candidates turn up.
        var best = new List<(int Distance, string Name)>(max + 1);
        ulong mask = Mask(word);
        int from = Math.Max(0, word.Length - limit), to = Math.Min(_lengthStart.Length - 2, word.Length + limit);
        for (int length = from; length <= to; length++)
        {
            if (Math.Abs(length - word.Length) > limit) continue;
            for (int i = _lengthStart[length]; i < _lengthStart[length + 1]; i++)
            {
                if ((_categories[i] & categories) == 0 || (BitOperations.PopCount(_masks[i] ^ mask) + 1) / 2 > limit) continue;
                string candidate = _names[i];
                int d;
                if (string.Equals(candidate, word, StringComparison.OrdinalIgnoreCase))
                {
                    // Another casing of the word is always worth suggesting; the word itself never is.
                    if (string.Equals(candidate, word, StringComparison.Ordinal)) continue;
                    d = 0;
                }
                else
                {
                    d = Suggestions.Distance(word, candidate, limit);
                    if (d > limit) continue;
                }
                int at = best.Count;
                while (at > 0 && Compare(best[at - 1], (d, candidate)) > 0) at--;
                if (at >= max) continue;
                best.Insert(at, (d, candidate));
                if (best.Count > max) best.RemoveAt(max);
                if (best.Count == max) limit = best[^1].Distance;
            }
        }
        var result = new List<string>(best.Count);
        foreach (var (_, name) in best) result.Add(name);
        return result;

        static int Compare((int Distance, string Name) a, (int Distance, string Name) b) =>
            a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Name, b.Name);
    }

    public string? Best(string word, uint categories = uint.MaxValue) => Closest(word, 1, categories) is [var first] ? first : null;

    /// <summary>The set of characters of <paramref name="name"/>, compared as the edit distance compares them (lower-cased).</summary>
    private static ulong Mask(string name)
    {
        ulong mask = 0;
        foreach (char raw in name)
        {
            char c = char.ToLowerInvariant(raw);
            int bit = c switch
            {
                >= 'a' and <= 'z' => c - 'a',
                >= '0' and <= '9' => 26 + (c - '0'),
                '_' => 36,
                '.' => 37,
                '-' => 38,
                _ => 39 + (int)((uint)c % 25),
            };
            mask |= 1UL << bit;
        }
        return mask;
    }
}
