using Sprache;

namespace ClaimLang.Runtime.Querying;

/// <summary>
/// The query grammar, built with Sprache combinators over a few hand-written token parsers that report
/// precise positions and expectations.
/// </summary>
/// <remarks>
/// <code>
/// query     = or-expr END
/// or-expr   = and-expr ("or" and-expr)*
/// and-expr  = unary ("and" unary)*
/// unary     = "not"* primary
/// primary   = condition | "(" or-expr ")"
/// condition = FIELD [operator value | "in" "(" value ("," value)* ")" | "not" ("in" | "like") …]
/// value     = BARE | "quoted \" string"
/// </code>
/// A token parser that does not match fails where it started, without consuming input; a failure after
/// something was consumed is final (<c>XMany</c>/<c>XOr</c>), so errors are reported where they happen
/// rather than at the start of the enclosing expression. Parentheses nest at most
/// <see cref="MaxNesting"/> deep (checked before parsing), which bounds the parser's recursion.
/// </remarks>
internal static class QueryGrammar
{
    public const int MaxNesting = 32;

    private static readonly Parser<int> Spaces = i => Result.Success(0, SkipSpace(i));

    private static readonly Parser<int> End = i =>
        i.AtEnd ? Result.Success(i.Position, i) : Fail<int>(i, "'and'", "'or'", "end of query");

    private static readonly Parser<(QueryField Field, int Position)> FieldName = i =>
    {
        var (word, rest) = ReadWord(i);
        if (word is null || word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("or", StringComparison.OrdinalIgnoreCase))
        {
            return Fail<(QueryField, int)>(i, "a field name", "'not'", "'('");
        }

        if (!QuerySyntax.TryGetField(word, out var field))
        {
            var closest = QuerySyntax.Closest(word);
            var message = closest is null
                ? $"unknown field '{word}'; the fields are {string.Join(", ", QuerySyntax.AllFieldNames)}"
                : $"unknown field '{word}'; did you mean '{closest}'?";
            return Result.Failure<(QueryField, int)>(i, message, ["a field name"]);
        }

        return Result.Success((field, i.Position), SkipSpace(rest));
    };

    private static readonly Parser<QueryNode> Condition =
        from field in FieldName
        from op in Operator(field.Field)
        from values in Values(field.Field, op)
        select (QueryNode)new ConditionNode(field.Field, op, values, field.Position);

    private static readonly Parser<QueryNode> Parenthesised =
        from open in Symbol("(", "'('")
        from inner in Parse.Ref(() => OrExpression)
        from close in Symbol(")", "'and'", "'or'", "')'")
        select inner;

    private static readonly Parser<QueryNode> Primary = Condition.XOr(Parenthesised);

    private static readonly Parser<QueryNode> Unary =
        from nots in Keyword("not").Many()
        from primary in Primary
        select Negate(primary, nots);

    private static readonly Parser<QueryNode> AndExpression =
        from first in Unary
        from rest in (from keyword in Keyword("and") from operand in Unary select operand).XMany()
        select Combine(first, rest, and: true);

    private static readonly Parser<QueryNode> OrExpression =
        from first in AndExpression
        from rest in (from keyword in Keyword("or") from operand in AndExpression select operand).XMany()
        select Combine(first, rest, and: false);

    /// <summary>A whole query: optional white space, an expression, the end of the text.</summary>
    public static readonly Parser<QueryNode> Query =
        from leading in Spaces
        from expression in OrExpression
        from end in End
        select expression;

    // ------------------------------------------------------------------------------ token parsers

    private static Parser<int> Keyword(string keyword) => i =>
    {
        var (word, rest) = ReadWord(i);
        return word is not null && word.Equals(keyword, StringComparison.OrdinalIgnoreCase)
            ? Result.Success(i.Position, SkipSpace(rest))
            : Fail<int>(i, $"'{keyword}'");
    };

    private static Parser<int> Symbol(string symbol, params string[] expected) => i =>
    {
        if (!i.Source.AsSpan(i.Position).StartsWith(symbol, StringComparison.Ordinal))
        {
            return Fail<int>(i, expected);
        }

        var rest = i;
        for (var k = 0; k < symbol.Length; k++)
        {
            rest = rest.Advance();
        }

        return Result.Success(i.Position, SkipSpace(rest));
    };

    private static Parser<QueryOperator> Operator(QueryField field) => i =>
    {
        var allowed = QuerySyntax.OperatorsFor(field);
        var name = QuerySyntax.FieldName(field);
        var (op, length) = ReadOperator(i.Source, i.Position);
        if (op is null)
        {
            return Array.IndexOf(allowed, QueryOperator.Exists) >= 0
                ? Result.Success(QueryOperator.Exists, i)
                : Fail<QueryOperator>(i, Expectations(allowed));
        }

        var written = i.Source.Substring(i.Position, length);
        if (Array.IndexOf(allowed, op.Value) < 0)
        {
            var message = allowed.Length == 1
                ? $"'{name}' takes no operator: write '{name}' or 'not {name}'"
                : $"'{written}' cannot be used with '{name}'; expected {Join(Expectations(allowed))}";
            return Result.Failure<QueryOperator>(i, message, Expectations(allowed));
        }

        var rest = i;
        for (var k = 0; k < length; k++)
        {
            rest = rest.Advance();
        }

        return Result.Success(op.Value, SkipSpace(rest));
    };

    private static Parser<EquatableArray<QueryValue>> Values(QueryField field, QueryOperator op)
    {
        if (op == QueryOperator.Exists)
        {
            return Parse.Return(EquatableArray<QueryValue>.Empty);
        }

        var value = Value(field, op);
        if (op is not (QueryOperator.In or QueryOperator.NotIn))
        {
            return value.Select(v => EquatableArray.Create([v]));
        }

        return
            from open in Symbol("(", "'('")
            from first in value
            from rest in (from comma in Symbol(",", "','") from next in value select next).XMany()
            from close in Symbol(")", "','", "')'")
            select EquatableArray<QueryValue>.Create([first, .. rest]);
    }

    private static Parser<QueryValue> Value(QueryField field, QueryOperator op) => i =>
    {
        var source = i.Source;
        var start = i.Position;
        string text;
        int end;
        var quoted = start < source.Length && source[start] == '"';
        if (quoted)
        {
            var error = ReadQuoted(source, start, out text, out end);
            if (error is { } problem)
            {
                return Result.Failure<QueryValue>(Move(i, problem.Position), problem.Message, ["'\"'"]);
            }
        }
        else
        {
            end = start;
            while (end < source.Length && QuerySyntax.IsBareChar(source[end]))
            {
                end++;
            }

            if (end == start)
            {
                return Fail<QueryValue>(i, ValueExpectations(field, op));
            }

            text = source[start..end];
        }

        var value = new QueryValue(text, start);
        switch (field)
        {
            case QueryField.Confidence:
                if (!Grades.TryParseConfidence(text, ignoreCase: true, out var level))
                {
                    return Result.Failure<QueryValue>(i, $"'{text}' is not a confidence level; expected low, moderate or high",
                        ValueExpectations(field, op));
                }

                value = value with { Rank = (int)level };
                break;
            case QueryField.Credibility:
                if (!Grades.TryParseCredibility(text, out var credibility))
                {
                    return Result.Failure<QueryValue>(i, $"'{text}' is not a credibility grade; expected 1, 2, 3, 4, 5 or 6",
                        ValueExpectations(field, op));
                }

                value = value with { Rank = (int)credibility };
                break;
            case QueryField.Reliability:
                if (!Grades.TryParseReliability(text, ignoreCase: true, out var grade))
                {
                    return Result.Failure<QueryValue>(i, $"'{text}' is not a reliability grade; expected A, B, C, D, E or F",
                        ValueExpectations(field, op));
                }

                value = value with { Rank = (int)grade };
                break;
            case QueryField.Date:
                var parsed = EdtfDate.Parse(text.AsSpan());
                if (!parsed.Success)
                {
                    var offset = Math.Clamp(parsed.ErrorOffset, 0, text.Length) + (quoted ? 1 : 0);
                    return Result.Failure<QueryValue>(Move(i, start + offset),
                        $"'{text}' is not an EDTF date: {parsed.ErrorMessage}", ValueExpectations(field, op));
                }

                value = value with { Date = parsed.Value };
                break;
            default:
                if (text.Length == 0 && op is not (QueryOperator.Like or QueryOperator.NotLike))
                {
                    return Result.Failure<QueryValue>(i, $"empty value for '{QuerySyntax.FieldName(field)}'",
                        ValueExpectations(field, op));
                }

                break;
        }

        return Result.Success(value, SkipSpace(Move(i, end)));
    };

    // ------------------------------------------------------------------------------ helpers

    private static IResult<T> Fail<T>(IInput at, params string[] expected) => Result.Failure<T>(at, "", expected);

    private static IInput SkipSpace(IInput i)
    {
        while (!i.AtEnd && char.IsWhiteSpace(i.Current))
        {
            i = i.Advance();
        }

        return i;
    }

    private static IInput Move(IInput i, int position)
    {
        while (i.Position < position && !i.AtEnd)
        {
            i = i.Advance();
        }

        return i;
    }

    private static (string? Word, IInput After) ReadWord(IInput i)
    {
        if (i.AtEnd || !QuerySyntax.IsWordStart(i.Current))
        {
            return (null, i);
        }

        var start = i.Position;
        var rest = i.Advance();
        while (!rest.AtEnd && QuerySyntax.IsWordPart(rest.Current))
        {
            rest = rest.Advance();
        }

        return (i.Source[start..rest.Position], rest);
    }

    /// <summary>Recognises an operator at <paramref name="position"/>: the operator and how many characters it spans.</summary>
    internal static (QueryOperator? Operator, int Length) ReadOperator(string source, int position)
    {
        var rest = source.AsSpan(position);
        if (rest.StartsWith("!=")) return (QueryOperator.NotEqual, 2);
        if (rest.StartsWith("<=")) return (QueryOperator.LessOrEqual, 2);
        if (rest.StartsWith(">=")) return (QueryOperator.GreaterOrEqual, 2);
        if (rest.StartsWith("=")) return (QueryOperator.Equal, 1);
        if (rest.StartsWith("<")) return (QueryOperator.Less, 1);
        if (rest.StartsWith(">")) return (QueryOperator.Greater, 1);

        var length = WordLength(rest);
        var word = rest[..length];
        QueryOperator? op = null;
        if (word.Equals("in", StringComparison.OrdinalIgnoreCase)) op = QueryOperator.In;
        else if (word.Equals("like", StringComparison.OrdinalIgnoreCase)) op = QueryOperator.Like;
        else if (word.Equals("overlaps", StringComparison.OrdinalIgnoreCase)) op = QueryOperator.Overlaps;
        else if (word.Equals("before", StringComparison.OrdinalIgnoreCase)) op = QueryOperator.Before;
        else if (word.Equals("after", StringComparison.OrdinalIgnoreCase)) op = QueryOperator.After;
        else if (word.Equals("within", StringComparison.OrdinalIgnoreCase)) op = QueryOperator.Within;
        else if (word.Equals("under", StringComparison.OrdinalIgnoreCase)) op = QueryOperator.Under;
        else if (word.Equals("not", StringComparison.OrdinalIgnoreCase))
        {
            var gap = length;
            while (gap < rest.Length && char.IsWhiteSpace(rest[gap]))
            {
                gap++;
            }

            if (gap > length)
            {
                var second = rest[gap..][..WordLength(rest[gap..])];
                if (second.Equals("in", StringComparison.OrdinalIgnoreCase))
                {
                    return (QueryOperator.NotIn, gap + second.Length);
                }

                if (second.Equals("like", StringComparison.OrdinalIgnoreCase))
                {
                    return (QueryOperator.NotLike, gap + second.Length);
                }
            }
        }

        return op is null ? (null, 0) : (op, length);
    }

    private static int WordLength(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !QuerySyntax.IsWordStart(text[0]))
        {
            return 0;
        }

        var length = 1;
        while (length < text.Length && QuerySyntax.IsWordPart(text[length]))
        {
            length++;
        }

        return length;
    }

    /// <summary>Reads a quoted string starting at <paramref name="start"/> (its opening quote).</summary>
    private static (int Position, string Message)? ReadQuoted(string source, int start, out string text, out int end)
    {
        var builder = new System.Text.StringBuilder();
        var k = start + 1;
        while (k < source.Length)
        {
            var c = source[k];
            if (c == '"')
            {
                text = builder.ToString();
                end = k + 1;
                return null;
            }

            if (c is '\n' or '\r')
            {
                break;
            }

            if (c == '\\')
            {
                if (k + 1 >= source.Length)
                {
                    break;
                }

                var escaped = source[k + 1] switch
                {
                    '"' => '"',
                    '\\' => '\\',
                    'n' => '\n',
                    't' => '\t',
                    _ => '\0',
                };
                if (escaped == '\0')
                {
                    text = "";
                    end = k;
                    return (k, $"invalid escape '\\{source[k + 1]}' in a string; use \\\", \\\\, \\n or \\t");
                }

                builder.Append(escaped);
                k += 2;
                continue;
            }

            builder.Append(c);
            k++;
        }

        text = "";
        end = k;
        return (start, "unterminated string; add the closing '\"'");
    }

    private static QueryNode Negate(QueryNode node, IEnumerable<int> nots)
    {
        var count = 0;
        var first = 0;
        foreach (var position in nots)
        {
            if (count++ == 0)
            {
                first = position;
            }
        }

        return count % 2 == 1 ? new NotNode(node, first) : node;
    }

    private static QueryNode Combine(QueryNode first, IEnumerable<QueryNode> rest, bool and)
    {
        var operands = new List<QueryNode> { first };
        operands.AddRange(rest);
        if (operands.Count == 1)
        {
            return first;
        }

        var array = EquatableArray<QueryNode>.Create(operands);
        return and ? new AndNode(array, first.Position) : new OrNode(array, first.Position);
    }

    private static string[] Expectations(QueryOperator[] operators)
    {
        var result = new List<string>(operators.Length);
        foreach (var op in operators)
        {
            if (op != QueryOperator.Exists)
            {
                result.Add($"'{QuerySyntax.OperatorText(op)}'");
            }
        }

        return [.. result];
    }

    private static string[] ValueExpectations(QueryField field, QueryOperator op) => field switch
    {
        QueryField.Confidence => ["low", "moderate", "high"],
        QueryField.Credibility => ["a credibility grade 1-6"],
        QueryField.Reliability => ["a reliability grade A-F"],
        QueryField.Date => ["an EDTF date"],
        _ when op is QueryOperator.Like or QueryOperator.NotLike => ["a pattern"],
        QueryField.Quote or QueryField.Note => ["a string"],
        _ => [$"a value for '{QuerySyntax.FieldName(field)}'"],
    };

    /// <summary>Joins expectations as <c>a, b or c</c>.</summary>
    internal static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "something else",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1],
    };
}
