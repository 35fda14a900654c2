namespace ClaimLang.LanguageServer.Features;

/// <summary>The grade scales of the language, with short explanations for hover and completion.</summary>
internal static class Grades
{
    /// <summary>Admiralty source reliability, A to F.</summary>
    public static readonly IReadOnlyList<(string Value, string Meaning)> Reliability =
    [
        ("A", "completely reliable"),
        ("B", "usually reliable"),
        ("C", "fairly reliable"),
        ("D", "not usually reliable"),
        ("E", "unreliable"),
        ("F", "reliability cannot be judged"),
    ];

    /// <summary>Admiralty information credibility, 1 to 6.</summary>
    public static readonly IReadOnlyList<(string Value, string Meaning)> Credibility =
    [
        ("1", "confirmed by other sources"),
        ("2", "probably true"),
        ("3", "possibly true"),
        ("4", "doubtful"),
        ("5", "improbable"),
        ("6", "truth cannot be judged"),
    ];

    /// <summary>Analytic confidence in the sense of ICD 203.</summary>
    public static readonly IReadOnlyList<(string Value, string Meaning)> Confidence =
    [
        ("low", "the information is scant, questionable or fragmented, or the sources are of doubtful quality"),
        ("moderate", "the information is credibly sourced and plausible, but not corroborated enough for more"),
        ("high", "the judgement rests on high-quality information from several sources"),
    ];

    public static string? Describe(IReadOnlyList<(string Value, string Meaning)> scale, string value)
    {
        foreach (var (v, meaning) in scale)
        {
            if (v == value) return meaning;
        }
        return null;
    }

    public static string? DescribeReliability(char? grade) => grade is { } g ? Describe(Reliability, g.ToString()) : null;
}
