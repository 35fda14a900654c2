using System.Diagnostics.CodeAnalysis;
using Sprache;

namespace ClaimLang.Runtime.Querying;

/// <summary>
/// A parsed claim query, e.g.
/// <c>subject = IRGC and confidence &gt;= moderate and date overlaps 2017-01 and not superseded</c>.
/// Parse with <see cref="Parse"/>; run with <see cref="Evaluate"/>. The language is described in docs/query.md.
/// </summary>
public sealed class Query
{
    private Query(string text, QueryNode root)
    {
        Text = text;
        Root = root;
    }

    /// <summary>The query text as given.</summary>
    public string Text { get; }

    /// <summary>The syntax tree.</summary>
    public QueryNode Root { get; }

    /// <summary>Parses a query.</summary>
    /// <exception cref="QueryParseException">The text is not a valid query; the exception gives the column and
    /// what was expected there.</exception>
    public static Query Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckNesting(text);
        var result = QueryGrammar.Query.TryParse(text);
        if (result.WasSuccessful)
        {
            return new Query(text, result.Value);
        }

        var position = Math.Min(result.Remainder.Position, text.Length);
        var expected = result.Expectations.Distinct(StringComparer.Ordinal).ToArray();
        var found = Describe(text, position);
        var reason = string.IsNullOrEmpty(result.Message)
            ? $"unexpected {found}; expected {QueryGrammar.Join(expected)}"
            : result.Message;
        throw new QueryParseException(text, position, reason, expected, found);
    }

    /// <summary>Parses a query; false (with the error) when the text is not a valid query.</summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out Query? query,
        [NotNullWhen(false)] out QueryParseException? error)
    {
        try
        {
            query = Parse(text);
            error = null;
            return true;
        }
        catch (QueryParseException e)
        {
            query = null;
            error = e;
            return false;
        }
    }

    /// <summary>The claims of <paramref name="dataset"/> that match, in timeline order.</summary>
    public IReadOnlyList<Claim> Evaluate(ClaimDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var index = dataset.Index;
        var result = new List<Claim>();
        foreach (var claim in index.Timeline)
        {
            if (QueryEvaluator.Matches(Root, claim, index))
            {
                result.Add(claim);
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="claim"/> (a claim of <paramref name="dataset"/>) matches.</summary>
    public bool Matches(Claim claim, ClaimDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(dataset);
        return QueryEvaluator.Matches(Root, claim, dataset.Index);
    }

    /// <summary>The query in a normalised form (lower-case keywords, single spaces, parentheses where operators mix).</summary>
    public override string ToString() => Root.ToString();

    private static void CheckNesting(string text)
    {
        var depth = 0;
        var inString = false;
        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (inString)
            {
                if (c == '\\')
                {
                    k++;
                }
                else if (c is '"' or '\n')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c == '(')
            {
                if (++depth > QueryGrammar.MaxNesting)
                {
                    throw new QueryParseException(text, k,
                        $"parentheses nested more than {QueryGrammar.MaxNesting} deep", [], "'('");
                }
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
        }
    }

    /// <summary>Describes what is at <paramref name="position"/>, for messages: a word, a value, a symbol or the end.</summary>
    private static string Describe(string text, int position)
    {
        if (position >= text.Length)
        {
            return "end of query";
        }

        var c = text[position];
        int end;
        if (c == '"')
        {
            end = text.IndexOf('"', position + 1);
            end = end < 0 ? text.Length : end + 1;
        }
        else if (QueryGrammar.ReadOperator(text, position) is { Operator: not null, Length: var length } && !char.IsLetter(c))
        {
            end = position + length;
        }
        else if (QuerySyntax.IsBareChar(c))
        {
            end = position;
            while (end < text.Length && QuerySyntax.IsBareChar(text[end]))
            {
                end++;
            }
        }
        else
        {
            end = position + 1;
        }

        var token = text[position..end];
        if (token.Length > 40)
        {
            token = token[..37] + "...";
        }

        return $"'{token}'";
    }
}

/// <summary>Decides whether a claim matches a query node.</summary>
internal static class QueryEvaluator
{
    public static bool Matches(QueryNode node, Claim claim, DatasetIndex index)
    {
        switch (node)
        {
            case AndNode and:
                foreach (var operand in and.Operands)
                {
                    if (!Matches(operand, claim, index))
                    {
                        return false;
                    }
                }

                return true;
            case OrNode or:
                foreach (var operand in or.Operands)
                {
                    if (Matches(operand, claim, index))
                    {
                        return true;
                    }
                }

                return false;
            case NotNode not:
                return !Matches(not.Operand, claim, index);
            case ConditionNode condition:
                return Test(condition, condition.Operator, claim, index);
            default:
                throw new InvalidOperationException($"unknown query node {node.GetType().Name}");
        }
    }

    private static bool Test(ConditionNode condition, QueryOperator op, Claim claim, DatasetIndex index)
    {
        // Negated operators are defined as the negation of their positive form.
        switch (op)
        {
            case QueryOperator.NotEqual:
                return !Test(condition, QueryOperator.Equal, claim, index);
            case QueryOperator.NotIn:
                return !Test(condition, QueryOperator.In, claim, index);
            case QueryOperator.NotLike:
                return !Test(condition, QueryOperator.Like, claim, index);
        }

        switch (condition.Field)
        {
            case QueryField.Id:
                return TestText(claim.Id, condition, op, index);
            case QueryField.Label:
                return TestText(claim.Label, condition, op, index);
            case QueryField.Subject:
                return TestText(claim.Subject, condition, op, index);
            case QueryField.Predicate:
                return TestText(claim.Predicate, condition, op, index);
            case QueryField.At:
                return TestText(claim.At, condition, op, index);
            case QueryField.Quote:
                return TestText(claim.Quote, condition, op, index);
            case QueryField.Note:
                return TestText(claim.Note, condition, op, index);
            case QueryField.Source:
                return TestAny(claim.Sources, condition, op, index);
            case QueryField.Tag:
                return TestAny(claim.Tags, condition, op, index);
            case QueryField.Supports:
                return TestAny(claim.Supports, condition, op, index);
            case QueryField.Contradicts:
                return TestAny(claim.Contradicts, condition, op, index);
            case QueryField.Confidence:
                return TestRank(claim.Confidence is { } level ? (int)level : null, condition, op);
            case QueryField.Credibility:
                return TestRank(claim.Credibility is { } grade ? (int)grade : null, condition, op);
            case QueryField.Reliability:
                foreach (var id in claim.Sources)
                {
                    if (index.FindSource(id)?.Reliability is { } reliability && TestRank((int)reliability, condition, op))
                    {
                        return true;
                    }
                }

                return false;
            case QueryField.Date:
                return TestDate(claim.Date, condition, op);
            case QueryField.Superseded:
                return index.IsSuperseded(claim);
            case QueryField.Contradicted:
                return index.IsContradicted(claim);
            default:
                return false;
        }
    }

    private static bool TestAny(EquatableArray<string> items, ConditionNode condition, QueryOperator op, DatasetIndex index)
    {
        if (op == QueryOperator.Exists)
        {
            return items.Count > 0;
        }

        foreach (var item in items)
        {
            if (TestText(item, condition, op, index))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TestText(string? text, ConditionNode condition, QueryOperator op, DatasetIndex index)
    {
        if (text is null)
        {
            return false;
        }

        switch (op)
        {
            case QueryOperator.Exists:
                return true;
            case QueryOperator.Equal:
                return string.Equals(text, condition.Values[0].Text, StringComparison.Ordinal);
            case QueryOperator.In:
                foreach (var value in condition.Values)
                {
                    if (string.Equals(text, value.Text, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }

                return false;
            case QueryOperator.Like:
                return Glob.IsMatch(text, condition.Values[0].Text);
            case QueryOperator.Under:
                return index.IsWithin(text, condition.Values[0].Text);
            default:
                return false;
        }
    }

    private static bool TestRank(int? rank, ConditionNode condition, QueryOperator op)
    {
        if (rank is not { } r)
        {
            return false;
        }

        switch (op)
        {
            case QueryOperator.Exists:
                return true;
            case QueryOperator.In:
                foreach (var value in condition.Values)
                {
                    if (value.Rank == r)
                    {
                        return true;
                    }
                }

                return false;
        }

        var v = condition.Values[0].Rank ?? 0;
        return op switch
        {
            QueryOperator.Equal => r == v,
            QueryOperator.Less => r < v,
            QueryOperator.LessOrEqual => r <= v,
            QueryOperator.Greater => r > v,
            QueryOperator.GreaterOrEqual => r >= v,
            _ => false,
        };
    }

    private static bool TestDate(ClaimDate? date, ConditionNode condition, QueryOperator op)
    {
        if (date is null)
        {
            return false;
        }

        if (op == QueryOperator.Exists)
        {
            return true;
        }

        var value = condition.Values[0].Date!.Value;
        return op switch
        {
            QueryOperator.Overlaps => date.Value.Overlaps(value),
            QueryOperator.Before => date.Value.CertainlyBefore(value),
            QueryOperator.After => date.Value.CertainlyAfter(value),
            QueryOperator.Within => value.Contains(date.Value),
            _ => false,
        };
    }
}
