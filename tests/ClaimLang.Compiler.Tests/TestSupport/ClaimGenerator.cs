using System.Text;

namespace ClaimLang.Tests.TestSupport;

/// <summary>
/// Generates well-formed and deliberately mangled ClaimLang text from a seed, for round-trip, incremental and
/// differential tests. Deterministic for a given seed.
/// </summary>
public sealed class ClaimGenerator(int seed)
{
    private readonly Random _random = new(seed);

    private static readonly string[] Names = ["MET", "WIB", "Sarkis", "IRGC", "Bashar", "Maher", "Russia", "Damascus", "H1", "coup", "Almaza", "Quds_Force", "Hmeimim", "Latakia", "SAA"];
    private static readonly string[] Predicates = ["coup_attempt", "aligned_with", "high_alert", "deployed_to", "withdrew", "source", "claim", "met_with"];
    private static readonly string[] Dates = ["2017", "2017-01", "2017-01-28", "2017-01~", "2016?", "2019-XX", "2017-21", "2017-01-23/2017-01-27", "2017-01/..", "../2017-01-30", "2017-01/", "2017-01-28T07:23Z", "2017-02-30", "2017-1-28", "201X%"];
    private static readonly string[] Strings = ["\"a title\"", "\"with \\\"escapes\\\" \\n \\u{1F600}\"", "\"\"", "\"\"\"raw\nacross lines\"\"\"", "\"عربي 😀\"", "\"bad \\q escape\""];

    public string Name() => Names[_random.Next(Names.Length)];
    public string Date() => Dates[_random.Next(Dates.Length)];
    public string Str() => Strings[_random.Next(Strings.Length)];

    public string Declaration()
    {
        var b = new StringBuilder();
        if (_random.Next(6) == 0) b.Append("/// doc for this one\n");
        switch (_random.Next(7))
        {
            case 0:
                b.Append("source ").Append(Name()).Append(' ').Append(Str());
                if (Chance()) b.Append("\n  published ").Append(Date());
                if (Chance()) b.Append(" reliability ").Append("ABCDEFG"[_random.Next(7)]);
                if (Chance()) b.Append(" cites ").Append(Name()).Append(", ").Append(Name());
                if (Chance()) b.Append(" kind outlet author ").Append(Str());
                break;
            case 1:
                b.Append("actor ").Append(Name()).Append(' ').Append(Str());
                if (Chance()) b.Append(" kind military");
                if (Chance()) b.Append(" aka \"x\", \"y\"");
                if (Chance()) b.Append("\n  part_of ").Append(Name());
                break;
            case 2:
                b.Append("place ").Append(Name()).Append(' ').Append(Str());
                if (Chance()) b.Append(" in ").Append(Name());
                if (Chance()) b.Append(" at 33.4114, -36.4156");
                break;
            case 3:
                b.Append("predicate ").Append(Predicates[_random.Next(Predicates.Length)]);
                if (Chance()) b.Append("(target: actor, when: date, n: number)");
                if (Chance()) b.Append(' ').Append(Str());
                break;
            case 4:
                b.Append("hypothesis ").Append(Name()).Append(' ').Append(Str());
                break;
            default:
                b.Append("claim ");
                if (Chance()) b.Append(Name()).Append(" = ");
                b.Append(Name()).Append('.').Append(Predicates[_random.Next(Predicates.Length)]);
                if (Chance()) b.Append("(target: ").Append(Name()).Append(", 40_000, ").Append(Date()).Append(')');
                if (Chance()) b.Append(" on ").Append(Date());
                b.Append(" source ").Append(Name());
                if (Chance()) b.Append("\n  confidence ").Append(_random.Next(2) == 0 ? "low" : "high");
                if (Chance()) b.Append(" credibility ").Append(_random.Next(1, 8));
                if (Chance()) b.Append(" contradicts ").Append(Name()).Append(", ").Append(Name()).Append('.').Append("coup_attempt");
                if (Chance()) b.Append(" supports ").Append(Name());
                if (Chance()) b.Append(" /* inline */ supersedes ").Append(Name());
                if (Chance()) b.Append("\n  quote ").Append(Str());
                if (Chance()) b.Append(" tags a, b // trailing\n  note \"n\"");
                break;
        }
        b.Append(_random.Next(8) == 0 ? "\r\n" : "\n");
        if (_random.Next(5) == 0) b.Append('\n');
        return b.ToString();
    }

    public string File(int declarations)
    {
        var b = new StringBuilder();
        for (int i = 0; i < declarations; i++) b.Append(Declaration());
        return b.ToString();
    }

    private static readonly string[] Fragments =
    [
        "\n", "\r\n", "\r", " ", "  ", "\t", "claim ", "source ", "x", "Y", "\"", "\"\"\"", "/*", "*/", "//", "///", ",", ".", "(", ")",
        ":", "=", "2017", "-", "~", "?", "on ", " confidence low", "\\", "\u00e9", "😀", "\uD800", "\0", "§", "\uFEFF", "\n  ", "\nclaim A.b source S\n",
    ];

    /// <summary>A random edit of <paramref name="text"/>: (start, length to remove, text to insert).</summary>
    public (int Start, int Length, string Insert) Edit(string text)
    {
        int start = text.Length == 0 ? 0 : _random.Next(text.Length + 1);
        int length = _random.Next(4) == 0 ? Math.Min(text.Length - start, _random.Next(0, 12)) : 0;
        string insert = _random.Next(5) == 0 ? "" : Fragments[_random.Next(Fragments.Length)];
        if (length == 0 && insert.Length == 0) insert = "x";
        return (start, length, insert);
    }

    private const string Punctuation = "\"/*\\\n\r.,():=~?%-";

    public string Garbage(int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = _random.Next(10) switch
            {
                0 => (char)_random.Next(0, 32),
                1 => (char)_random.Next(0xD800, 0xE000),
                2 => Punctuation[_random.Next(Punctuation.Length)],
                3 => (char)_random.Next(0x0600, 0x0700),
                _ => (char)_random.Next(32, 127),
            };
        }
        return new string(chars);
    }

    public string Mutate(string text)
    {
        for (int i = 0, n = _random.Next(1, 6); i < n; i++)
        {
            var (start, length, insert) = Edit(text);
            text = text.Remove(start, length).Insert(start, insert);
        }
        return text;
    }

    private bool Chance() => _random.Next(2) == 0;
}
