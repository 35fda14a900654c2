namespace ClaimLang.Bench.Workload;

/// <summary>
/// A small deterministic random source (SplitMix64). The generator seeds one per declaration from the workspace seed
/// and the declaration's index, so a workspace is byte-for-byte the same on every machine and every .NET version
/// (System.Random's algorithm is not part of any contract), and any declaration can be produced on its own.
/// </summary>
internal struct Rng
{
    private ulong _state;

    public Rng(ulong seed) => _state = seed;

    public static Rng For(ulong seed, long index, ulong stream = 0) =>
        new(Mix(seed ^ Mix((ulong)index * 0x9E3779B97F4A7C15UL + stream)));

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A value in [0, <paramref name="bound"/>).</summary>
    public int Next(int bound) => bound <= 1 ? 0 : (int)(NextUInt64() % (ulong)bound);

    /// <summary>A value in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    /// <summary>True with probability <paramref name="percent"/>/100 (one decimal place of precision).</summary>
    public bool Percent(double percent) => NextUInt64() % 1000 < (ulong)(percent * 10);

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
