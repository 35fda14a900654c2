using System.Text;

namespace ClaimLang.Runtime.Querying;

/// <summary>The claim fields a query can test. See docs/query.md.</summary>
public enum QueryField
{
    /// <summary><c>id</c>: the claim's id.</summary>
    Id,

    /// <summary><c>label</c>: the claim's label (absent for unlabelled claims).</summary>
    Label,

    /// <summary><c>subject</c>: the subject's id.</summary>
    Subject,

    /// <summary><c>predicate</c>: the predicate name.</summary>
    Predicate,

    /// <summary><c>source</c>: any of the claim's sources.</summary>
    Source,

    /// <summary><c>confidence</c>: low &lt; moderate &lt; high.</summary>
    Confidence,

    /// <summary><c>credibility</c>: 1–6.</summary>
    Credibility,

    /// <summary><c>reliability</c>: the grade of any of the claim's sources, A &lt; B &lt; … &lt; F.</summary>
    Reliability,

    /// <summary><c>date</c>: the claim's EDTF date.</summary>
    Date,

    /// <summary><c>at</c>: the place's id.</summary>
    At,

    /// <summary><c>tag</c>: any of the claim's tags.</summary>
    Tag,

    /// <summary><c>quote</c>: the quotation.</summary>
    Quote,

    /// <summary><c>note</c>: the analyst's note.</summary>
    Note,

    /// <summary><c>superseded</c>: some claim supersedes this one.</summary>
    Superseded,

    /// <summary><c>contradicted</c>: the claim is in a contradiction with another claim, or a source disputes it.</summary>
    Contradicted,

    /// <summary><c>supports</c>: any id in the claim's <c>supports</c>.</summary>
    Supports,

    /// <summary><c>contradicts</c>: any id in the claim's <c>contradicts</c>.</summary>
    Contradicts,
}

/// <summary>The operators of a condition.</summary>
public enum QueryOperator
{
    /// <summary>No operator: the field is present (or, for <c>superseded</c> and <c>contradicted</c>, true).</summary>
    Exists,

    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>!=</c> (always the negation of <c>=</c>).</summary>
    NotEqual,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&lt;=</c></summary>
    LessOrEqual,

    /// <summary><c>&gt;</c></summary>
    Greater,

    /// <summary><c>&gt;=</c></summary>
    GreaterOrEqual,

    /// <summary><c>in (a, b, …)</c></summary>
    In,

    /// <summary><c>not in (a, b, …)</c></summary>
    NotIn,

    /// <summary><c>like "glob*"</c> (<c>*</c> any run, <c>?</c> one character, letter case ignored).</summary>
    Like,

    /// <summary><c>not like "glob*"</c></summary>
    NotLike,

    /// <summary><c>date overlaps X</c>: the dates can share a day.</summary>
    Overlaps,

    /// <summary><c>date before X</c>: certainly before.</summary>
    Before,

    /// <summary><c>date after X</c>: certainly after.</summary>
    After,

    /// <summary><c>date within X</c>: every day the claim's date allows lies in X.</summary>
    Within,

    /// <summary><c>subject under X</c> / <c>at under X</c>: X itself or anything part of / in it, transitively.</summary>
    Under,
}

/// <summary>A node of a parsed query.</summary>
/// <param name="Position">The 0-based offset in the query text where the node starts.</param>
public abstract record QueryNode(int Position)
{
    /// <summary>The node as query text, fully parenthesised where operators mix.</summary>
    public sealed override string ToString()
    {
        var builder = new StringBuilder();
        QueryPrinter.Print(this, builder);
        return builder.ToString();
    }
}

/// <summary><c>a or b or …</c>: true when any operand is.</summary>
/// <param name="Operands">Two or more operands.</param>
/// <param name="Position">The 0-based offset of the first operand.</param>
public sealed record OrNode(EquatableArray<QueryNode> Operands, int Position) : QueryNode(Position);

/// <summary><c>a and b and …</c>: true when every operand is.</summary>
/// <param name="Operands">Two or more operands.</param>
/// <param name="Position">The 0-based offset of the first operand.</param>
public sealed record AndNode(EquatableArray<QueryNode> Operands, int Position) : QueryNode(Position);

/// <summary><c>not a</c>.</summary>
/// <param name="Operand">The negated node.</param>
/// <param name="Position">The 0-based offset of the <c>not</c>.</param>
public sealed record NotNode(QueryNode Operand, int Position) : QueryNode(Position);

/// <summary>One test of a claim field, e.g. <c>confidence &gt;= moderate</c>.</summary>
/// <param name="Field">The field tested.</param>
/// <param name="Operator">The operator.</param>
/// <param name="Values">The values: none for <see cref="QueryOperator.Exists"/>, several for <c>in</c>, otherwise one.</param>
/// <param name="Position">The 0-based offset of the field name.</param>
public sealed record ConditionNode(QueryField Field, QueryOperator Operator, EquatableArray<QueryValue> Values, int Position)
    : QueryNode(Position);

/// <summary>A value in a condition, as written and as understood.</summary>
/// <param name="Text">The value's text (without quotes; escapes resolved).</param>
/// <param name="Position">The 0-based offset where the value starts (its opening quote, if quoted).</param>
public sealed record QueryValue(string Text, int Position)
{
    /// <summary>The rank of an ordered value: confidence 1–3 (low–high), credibility 1–6, reliability 1–6 (A–F).</summary>
    public int? Rank { get; init; }

    /// <summary>The date of a <c>date</c> condition.</summary>
    public EdtfDate? Date { get; init; }
}

/// <summary>Writes query nodes back as query text (iterative over and/or lists; depth bounded by the parser).</summary>
internal static class QueryPrinter
{
    public static void Print(QueryNode node, StringBuilder builder)
    {
        switch (node)
        {
            case OrNode or:
                PrintList(or.Operands, " or ", builder);
                break;
            case AndNode and:
                PrintList(and.Operands, " and ", builder);
                break;
            case NotNode not:
                builder.Append("not ");
                PrintOperand(not.Operand, builder);
                break;
            case ConditionNode condition:
                PrintCondition(condition, builder);
                break;
        }
    }

    private static void PrintList(EquatableArray<QueryNode> operands, string separator, StringBuilder builder)
    {
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(separator);
            }

            PrintOperand(operands[i], builder);
        }
    }

    private static void PrintOperand(QueryNode node, StringBuilder builder)
    {
        if (node is OrNode or AndNode)
        {
            builder.Append('(');
            Print(node, builder);
            builder.Append(')');
        }
        else
        {
            Print(node, builder);
        }
    }

    private static void PrintCondition(ConditionNode condition, StringBuilder builder)
    {
        builder.Append(QuerySyntax.FieldName(condition.Field));
        if (condition.Operator == QueryOperator.Exists)
        {
            return;
        }

        builder.Append(' ').Append(QuerySyntax.OperatorText(condition.Operator)).Append(' ');
        if (condition.Operator is QueryOperator.In or QueryOperator.NotIn)
        {
            builder.Append('(');
            for (var i = 0; i < condition.Values.Count; i++)
            {
                if (i > 0)
                {
                    builder.Append(", ");
                }

                PrintValue(condition.Values[i], builder);
            }

            builder.Append(')');
        }
        else
        {
            PrintValue(condition.Values[0], builder);
        }
    }

    private static void PrintValue(QueryValue value, StringBuilder builder)
    {
        if (QuerySyntax.IsBareValue(value.Text))
        {
            builder.Append(value.Text);
            return;
        }

        builder.Append('"');
        foreach (var c in value.Text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\t': builder.Append("\\t"); break;
                default: builder.Append(c); break;
            }
        }

        builder.Append('"');
    }
}
