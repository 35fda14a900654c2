using ClaimLang.Utilities;

namespace ClaimLang.Tests.Utilities;

/// <summary>The did-you-mean index must give exactly what a scan of every candidate gives, only faster.</summary>
public class SuggestionIndexTests
{
    private static readonly string[] Names =
    [
        "IRGC", "irgc", "Sarkis", "Sarkiss", "MET", "MEТ", "Reuters", "reuters_2017", "Reuters_2017", "AP", "APx",
        "Tehran", "Tehrn", "Teheran", "coup_attempt", "coup_attempts", "cuop_attempt", "a", "ab", "abc", "x.y", "Éric",
        "éric", "Dépêche", "claim_00017", "claim_00071", "claim_00107", "claim_10017",
    ];

    [Theory]
    [InlineData("Sarkis")]
    [InlineData("Sarkiz")]
    [InlineData("IRGc")]
    [InlineData("Tehran")]
    [InlineData("coup_atempt")]
    [InlineData("ocup_attempt")]
    [InlineData("ÉRIC")]
    [InlineData("claim_00107")]
    [InlineData("b")]
    [InlineData("")]
    [InlineData("a_very_long_name_nobody_declared")]
    public void Answers_like_a_scan_of_every_candidate(string word)
    {
        var index = new SuggestionIndex(Names);
        Assert.Equal(Suggestions.Closest(word, Names), index.Closest(word));
        Assert.Equal(Suggestions.Best(word, Names), index.Best(word));
    }

    [Fact]
    public void Answers_like_a_scan_on_many_generated_names()
    {
        var random = new Random(20261122);
        const string alphabet = "abcdeXYZ_019.";
        string Word(int length)
        {
            var chars = new char[length];
            for (int i = 0; i < length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
            return new string(chars);
        }
        var names = Enumerable.Range(0, 3000).Select(_ => Word(random.Next(1, 9))).Distinct().ToArray();
        var index = new SuggestionIndex(names);
        int withSuggestions = 0;
        for (int i = 0; i < 1500; i++)
        {
            // Half the queries are near misses of a declared name, half are random words.
            string word = i % 2 == 0 ? Mutate(names[random.Next(names.Length)], random, alphabet) : Word(random.Next(1, 10));
            var expected = Suggestions.Closest(word, names);
            Assert.Equal(expected, index.Closest(word));
            if (expected.Count > 0) withSuggestions++;
        }
        Assert.True(withSuggestions > 500, $"only {withSuggestions} queries had a suggestion");
    }

    private static string Mutate(string name, Random random, string alphabet)
    {
        var chars = new List<char>(name);
        int at = random.Next(chars.Count);
        switch (random.Next(4))
        {
            case 0: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
            case 1: if (chars.Count > 1) chars.RemoveAt(at); break;
            case 2: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
            default:
                if (at + 1 < chars.Count) (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                else chars[at] = char.ToUpperInvariant(chars[at]);
                break;
        }
        return new string([.. chars]);
    }

    [Fact]
    public void Offers_other_casings_and_never_the_word_itself()
    {
        var index = new SuggestionIndex(["Reuters", "reuters", "REUTERS"]);
        Assert.Equal(["REUTERS", "reuters"], index.Closest("Reuters"));
        Assert.Empty(new SuggestionIndex(Array.Empty<string>()).Closest("Reuters"));
    }

    [Fact]
    public void Suggests_only_names_of_the_accepted_categories()
    {
        var index = new SuggestionIndex([("Reuters", 1u), ("Reuter", 2u), ("Reuterz", 4u), ("Reuters", 4u)]);
        Assert.Equal(["Reuter"], index.Closest("Reuterx", categories: 2u));
        Assert.Equal(["Reuters", "Reuterz"], index.Closest("Reuterx", categories: 4u));
        Assert.Equal(["Reuter", "Reuters", "Reuterz"], index.Closest("Reuterx"));
        Assert.Empty(index.Closest("Reuterx", categories: 8u));
    }
}
