namespace ClaimLang.Syntax.InternalSyntax;

/// <summary>
/// Interns short token texts so that the thousands of occurrences of <c>MET</c> or <c>2017-01-28</c> in a workspace
/// share one string and looking one up allocates nothing. A small open-addressing table that forgets entries on
/// collision (like a cache): correctness never depends on a hit.
/// </summary>
internal sealed class NameTable
{
    private const int MaxLength = 48;
    private readonly string?[] _entries;
    private readonly int _mask;

    public NameTable(int capacityPowerOfTwo = 1 << 14)
    {
        _entries = new string?[capacityPowerOfTwo];
        _mask = capacityPowerOfTwo - 1;
    }

    public string Get(ReadOnlySpan<char> text) => Get(text, Hash(text));

    /// <summary>Interns <paramref name="text"/>, whose <see cref="Hash"/> the caller computed while scanning it.</summary>
    public string Get(ReadOnlySpan<char> text, int hash)
    {
        if (text.Length > MaxLength || text.Length == 0) return text.ToString();
        ref string? slot = ref _entries[hash & _mask];
        var existing = slot;
        if (existing is not null && text.SequenceEqual(existing)) return existing;
        var created = text.ToString();
        slot = created;
        return created;
    }

    public const uint HashSeed = 2166136261;

    /// <summary>One step of the hash (FNV-1a over UTF-16 code units); the lexer runs it as it scans a word.</summary>
    public static uint Step(uint h, char c) => (h ^ c) * 16777619;

    public static int Finish(uint h) => (int)(h ^ (h >> 15));

    public static int Hash(ReadOnlySpan<char> text)
    {
        uint h = HashSeed;
        foreach (char c in text) h = Step(h, c);
        return Finish(h);
    }

    /// <summary>A table shared by parses on one thread; parsing many files in parallel uses one table per thread.</summary>
    [ThreadStatic] private static NameTable? s_shared;
    public static NameTable Shared => s_shared ??= new NameTable();
}
