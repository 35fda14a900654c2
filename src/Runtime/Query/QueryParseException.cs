namespace ClaimLang.Runtime.Querying;

/// <summary>
/// A query could not be parsed. <see cref="Column"/> (1-based) points at the problem; the message says what
/// was found and what was expected there, e.g. <c>column 27: 'medium' is not a confidence level; expected low,
/// moderate or high</c>.
/// </summary>
public sealed class QueryParseException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public QueryParseException()
        : this("", 0, "invalid query", [], "")
    {
    }

    /// <summary>Creates the exception with a message (position 0).</summary>
    public QueryParseException(string message)
        : this("", 0, message, [], "")
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it (position 0).</summary>
    public QueryParseException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Query = "";
        Reason = message;
        Expected = [];
        Found = "";
        Line = 1;
        Column = 1;
    }

    /// <summary>Creates the exception for a problem at <paramref name="position"/> in <paramref name="query"/>.</summary>
    /// <param name="query">The query text.</param>
    /// <param name="position">The 0-based offset of the problem.</param>
    /// <param name="reason">What is wrong.</param>
    /// <param name="expected">What would have been accepted there.</param>
    /// <param name="found">What was found there (e.g. <c>'medium'</c> or <c>end of query</c>).</param>
    public QueryParseException(string query, int position, string reason, IReadOnlyList<string> expected, string found)
        : base(Format(query, position, reason))
    {
        Query = query;
        Position = position;
        Reason = reason;
        Expected = expected;
        Found = found;
        (Line, Column) = LineAndColumn(query, position);
    }

    /// <summary>The query text.</summary>
    public string Query { get; }

    /// <summary>The 0-based offset of the problem in <see cref="Query"/>.</summary>
    public int Position { get; }

    /// <summary>The 1-based line of the problem (queries are usually one line).</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem on its line, in UTF-16 code units.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>What would have been accepted at the position.</summary>
    public IReadOnlyList<string> Expected { get; }

    /// <summary>What was found at the position.</summary>
    public string Found { get; }

    private static string Format(string query, int position, string reason)
    {
        var (line, column) = LineAndColumn(query, position);
        return query.Contains('\n', StringComparison.Ordinal)
            ? $"line {line}, column {column}: {reason}"
            : $"column {column}: {reason}";
    }

    private static (int Line, int Column) LineAndColumn(string query, int position)
    {
        var line = 1;
        var lineStart = 0;
        for (var k = 0; k < position && k < query.Length; k++)
        {
            if (query[k] == '\n')
            {
                line++;
                lineStart = k + 1;
            }
        }

        return (line, position - lineStart + 1);
    }
}
