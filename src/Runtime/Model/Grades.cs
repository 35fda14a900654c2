namespace ClaimLang.Runtime;

/// <summary>
/// Analytic confidence in a claim (ICD 203). The numeric values order the levels:
/// <c>Low &lt; Moderate &lt; High</c>.
/// </summary>
public enum Confidence
{
    /// <summary>Low confidence (<c>low</c>).</summary>
    Low = 1,

    /// <summary>Moderate confidence (<c>moderate</c>).</summary>
    Moderate = 2,

    /// <summary>High confidence (<c>high</c>).</summary>
    High = 3,
}

/// <summary>
/// The Admiralty grade of a source's reliability, from A (completely reliable) to F (cannot be judged).
/// The numeric values follow the letters (A = 1 … F = 6).
/// </summary>
public enum ReliabilityGrade
{
    /// <summary>A — completely reliable.</summary>
    A = 1,

    /// <summary>B — usually reliable.</summary>
    B = 2,

    /// <summary>C — fairly reliable.</summary>
    C = 3,

    /// <summary>D — not usually reliable.</summary>
    D = 4,

    /// <summary>E — unreliable.</summary>
    E = 5,

    /// <summary>F — reliability cannot be judged.</summary>
    F = 6,
}

/// <summary>
/// The Admiralty grade of a piece of information's credibility, from 1 (confirmed) to 6 (cannot be judged).
/// The numeric value is the grade written in the source (<c>credibility 4</c>).
/// </summary>
public enum CredibilityGrade
{
    /// <summary>1 — confirmed by other sources.</summary>
    Confirmed = 1,

    /// <summary>2 — probably true.</summary>
    ProbablyTrue = 2,

    /// <summary>3 — possibly true.</summary>
    PossiblyTrue = 3,

    /// <summary>4 — doubtful.</summary>
    Doubtful = 4,

    /// <summary>5 — improbable.</summary>
    Improbable = 5,

    /// <summary>6 — truth cannot be judged.</summary>
    CannotBeJudged = 6,
}

/// <summary>Converts grades to and from the text used in claim files and in the dataset.</summary>
public static class Grades
{
    /// <summary>The dataset spelling of a confidence level: <c>low</c>, <c>moderate</c> or <c>high</c>.</summary>
    public static string ToText(Confidence confidence) => confidence switch
    {
        Confidence.Low => "low",
        Confidence.Moderate => "moderate",
        Confidence.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "not a confidence level"),
    };

    /// <summary>The dataset spelling of a reliability grade: one capital letter A–F.</summary>
    public static string ToText(ReliabilityGrade grade) => grade switch
    {
        ReliabilityGrade.A => "A",
        ReliabilityGrade.B => "B",
        ReliabilityGrade.C => "C",
        ReliabilityGrade.D => "D",
        ReliabilityGrade.E => "E",
        ReliabilityGrade.F => "F",
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "not a reliability grade"),
    };

    /// <summary>The dataset value of a credibility grade: 1–6.</summary>
    public static int ToNumber(CredibilityGrade grade) =>
        grade is >= CredibilityGrade.Confirmed and <= CredibilityGrade.CannotBeJudged
            ? (int)grade
            : throw new ArgumentOutOfRangeException(nameof(grade), grade, "not a credibility grade");

    /// <summary>Reads <c>low</c>, <c>moderate</c> or <c>high</c>.</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="ignoreCase">Accept any letter case (the query language does; the dataset does not).</param>
    /// <param name="confidence">The level read.</param>
    public static bool TryParseConfidence(ReadOnlySpan<char> text, bool ignoreCase, out Confidence confidence)
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (text.Equals("low", comparison))
        {
            confidence = Confidence.Low;
            return true;
        }

        if (text.Equals("moderate", comparison))
        {
            confidence = Confidence.Moderate;
            return true;
        }

        if (text.Equals("high", comparison))
        {
            confidence = Confidence.High;
            return true;
        }

        confidence = default;
        return false;
    }

    /// <summary>Reads one letter A–F.</summary>
    /// <param name="text">The text to read.</param>
    /// <param name="ignoreCase">Accept a lower-case letter too.</param>
    /// <param name="grade">The grade read.</param>
    public static bool TryParseReliability(ReadOnlySpan<char> text, bool ignoreCase, out ReliabilityGrade grade)
    {
        grade = default;
        if (text.Length != 1)
        {
            return false;
        }

        var c = ignoreCase ? char.ToUpperInvariant(text[0]) : text[0];
        if (c is < 'A' or > 'F')
        {
            return false;
        }

        grade = (ReliabilityGrade)(c - 'A' + 1);
        return true;
    }

    /// <summary>Reads one digit 1–6.</summary>
    public static bool TryParseCredibility(ReadOnlySpan<char> text, out CredibilityGrade grade)
    {
        grade = default;
        if (text.Length != 1 || text[0] is < '1' or > '6')
        {
            return false;
        }

        grade = (CredibilityGrade)(text[0] - '0');
        return true;
    }

    /// <summary>Converts a number 1–6 to a credibility grade.</summary>
    public static bool TryFromNumber(long number, out CredibilityGrade grade)
    {
        grade = default;
        if (number is < 1 or > 6)
        {
            return false;
        }

        grade = (CredibilityGrade)number;
        return true;
    }
}
