namespace ClaimLang.Runtime.Querying;

/// <summary>The vocabulary of the query language: field names, operators and which operators fit which field.</summary>
internal static class QuerySyntax
{
    private static readonly (string Name, QueryField Field)[] FieldNames =
    [
        ("id", QueryField.Id),
        ("label", QueryField.Label),
        ("subject", QueryField.Subject),
        ("predicate", QueryField.Predicate),
        ("source", QueryField.Source),
        ("confidence", QueryField.Confidence),
        ("credibility", QueryField.Credibility),
        ("reliability", QueryField.Reliability),
        ("date", QueryField.Date),
        ("at", QueryField.At),
        ("tag", QueryField.Tag),
        ("quote", QueryField.Quote),
        ("note", QueryField.Note),
        ("superseded", QueryField.Superseded),
        ("contradicted", QueryField.Contradicted),
        ("supports", QueryField.Supports),
        ("contradicts", QueryField.Contradicts),
    ];

    private static readonly QueryOperator[] Names =
        [QueryOperator.Equal, QueryOperator.NotEqual, QueryOperator.In, QueryOperator.NotIn, QueryOperator.Like, QueryOperator.NotLike];

    private static readonly QueryOperator[] NamesWithin = [.. Names, QueryOperator.Under];

    private static readonly QueryOperator[] NamesOrAbsent = [QueryOperator.Exists, .. Names];

    private static readonly QueryOperator[] NamesWithinOrAbsent = [QueryOperator.Exists, .. NamesWithin];

    private static readonly QueryOperator[] Ordered =
    [
        QueryOperator.Exists, QueryOperator.Equal, QueryOperator.NotEqual, QueryOperator.Less, QueryOperator.LessOrEqual,
        QueryOperator.Greater, QueryOperator.GreaterOrEqual, QueryOperator.In, QueryOperator.NotIn,
    ];

    private static readonly QueryOperator[] Texts =
        [QueryOperator.Exists, QueryOperator.Equal, QueryOperator.NotEqual, QueryOperator.Like, QueryOperator.NotLike];

    private static readonly QueryOperator[] Dates =
        [QueryOperator.Exists, QueryOperator.Overlaps, QueryOperator.Before, QueryOperator.After, QueryOperator.Within];

    private static readonly QueryOperator[] Flags = [QueryOperator.Exists];

    /// <summary>All field names, in documentation order.</summary>
    public static IEnumerable<string> AllFieldNames => FieldNames.Select(f => f.Name);

    public static string FieldName(QueryField field)
    {
        foreach (var (name, f) in FieldNames)
        {
            if (f == field)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(field), field, "not a query field");
    }

    public static bool TryGetField(ReadOnlySpan<char> word, out QueryField field)
    {
        foreach (var (name, f) in FieldNames)
        {
            if (word.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                field = f;
                return true;
            }
        }

        field = default;
        return false;
    }

    /// <summary>The operators <paramref name="field"/> accepts (<see cref="QueryOperator.Exists"/> when it may stand alone).</summary>
    public static QueryOperator[] OperatorsFor(QueryField field) => field switch
    {
        QueryField.Id or QueryField.Predicate or QueryField.Source => Names,
        QueryField.Subject => NamesWithin,
        QueryField.At => NamesWithinOrAbsent,
        QueryField.Label or QueryField.Tag or QueryField.Supports or QueryField.Contradicts => NamesOrAbsent,
        QueryField.Confidence or QueryField.Credibility or QueryField.Reliability => Ordered,
        QueryField.Quote or QueryField.Note => Texts,
        QueryField.Date => Dates,
        _ => Flags,
    };

    public static string OperatorText(QueryOperator op) => op switch
    {
        QueryOperator.Equal => "=",
        QueryOperator.NotEqual => "!=",
        QueryOperator.Less => "<",
        QueryOperator.LessOrEqual => "<=",
        QueryOperator.Greater => ">",
        QueryOperator.GreaterOrEqual => ">=",
        QueryOperator.In => "in",
        QueryOperator.NotIn => "not in",
        QueryOperator.Like => "like",
        QueryOperator.NotLike => "not like",
        QueryOperator.Overlaps => "overlaps",
        QueryOperator.Before => "before",
        QueryOperator.After => "after",
        QueryOperator.Within => "within",
        QueryOperator.Under => "under",
        _ => "",
    };

    /// <summary>A character that may appear in a value written without quotes.</summary>
    public static bool IsBareChar(char c) =>
        !char.IsWhiteSpace(c) && c is not ('(' or ')' or ',' or '"' or '=' or '!' or '<' or '>');

    /// <summary>A character that may start or continue a word (field name, keyword).</summary>
    public static bool IsWordStart(char c) => char.IsLetter(c) || c == '_';

    public static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    public static bool IsBareValue(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsBareChar(c))
            {
                return false;
            }
        }

        // A bare value that reads as a keyword would print back as one.
        return !text.Equals("and", StringComparison.OrdinalIgnoreCase) &&
            !text.Equals("or", StringComparison.OrdinalIgnoreCase) &&
            !text.Equals("not", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The field name closest to <paramref name="word"/> (edit distance at most 2), or null.</summary>
    public static string? Closest(string word)
    {
        string? best = null;
        var bestDistance = 3;
        foreach (var (name, _) in FieldNames)
        {
            var distance = Distance(word.ToLowerInvariant(), name);
            if (distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int Distance(string a, string b)
    {
        // Optimal string alignment distance, two rows at a time.
        if (Math.Abs(a.Length - b.Length) > 2)
        {
            return int.MaxValue;
        }

        var previousPrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previousPrevious[j - 2] + 1);
                }

                current[j] = value;
            }

            (previousPrevious, previous, current) = (previous, current, previousPrevious);
        }

        return previous[b.Length];
    }
}
