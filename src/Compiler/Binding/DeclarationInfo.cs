using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ClaimLang.Syntax;
using ClaimLang.Syntax.InternalSyntax;

namespace ClaimLang.Binding;

/// <summary>A name (or other token) used in a declaration, with its span relative to the declaration's full start.</summary>
public readonly record struct NameUse(string Text, int Offset, int Length)
{
    public bool IsMissing => Length == 0 && Text.Length == 0;
}

/// <summary>
/// A value in a clause or argument: the token's kind, raw text and decoded value, its relative span, and for a
/// <c>Subject.predicate</c> reference the member part.
/// </summary>
public readonly record struct ValueInfo(SyntaxKind TokenKind, string Text, string Value, int Offset, int Length, NameUse? Member = null)
{
    public bool IsMissing => Length == 0 && Text.Length == 0;
    public bool IsName => TokenKind == SyntaxKind.IdentifierToken;
}

/// <summary>One clause: its kind, the keyword's relative span and its values in order.</summary>
public sealed record ClauseInfo(SyntaxKind Kind, string Keyword, int KeywordOffset, int KeywordLength, ImmutableArray<ValueInfo> Values, int Offset, int Length);

public sealed record ArgumentInfo(NameUse? Name, ValueInfo Value, int Offset, int Length);

public sealed record ParameterInfo(NameUse Name, string Type, int TypeOffset, int TypeLength);

/// <summary>
/// Everything the binder needs from one declaration, with spans relative to the declaration's full start. It
/// depends only on the declaration's green node, so it is computed once per green node and cached on it: after an
/// edit, only the re-parsed declarations are summarised again.
/// </summary>
public sealed class DeclarationInfo
{
    private static readonly ConditionalWeakTable<object, DeclarationInfo> Cache = new();

    public SyntaxKind Kind { get; private init; }
    public NameUse Keyword { get; private init; }
    /// <summary>The declared name (source, actor, place, hypothesis, predicate, claim label).</summary>
    public NameUse? Name { get; private init; }
    /// <summary>The title, display name, statement or predicate description (decoded), with its span.</summary>
    public ValueInfo? Text { get; private init; }
    public ImmutableArray<ClauseInfo> Clauses { get; private init; } = [];
    public NameUse? Subject { get; private init; }
    public NameUse? Predicate { get; private init; }
    public ImmutableArray<ArgumentInfo> Arguments { get; private init; } = [];
    public bool HasArgumentList { get; private init; }
    public ImmutableArray<ParameterInfo> Parameters { get; private init; } = [];
    public bool HasParameterList { get; private init; }
    /// <summary>The text of the <c>///</c> comments directly above the declaration, without the slashes.</summary>
    public string? Documentation { get; private init; }
    /// <summary>The declaration's span without its leading and trailing trivia, relative to its full start.</summary>
    public int SpanOffset { get; private init; }
    public int SpanLength { get; private init; }
    public int FullWidth { get; private init; }
    /// <summary>Whether the parser reported an error inside this declaration.</summary>
    public bool HasSyntaxErrors { get; private init; }

    public ClauseInfo? FindClause(SyntaxKind kind)
    {
        foreach (var clause in Clauses) if (clause.Kind == kind) return clause;
        return null;
    }

    internal static DeclarationInfo Get(GreenNode green) =>
        Cache.GetValue(green, static g => Create((GreenNode)g));

    private static DeclarationInfo Create(GreenNode green)
    {
        // A detached red node at position 0: every position read from it is relative to the declaration.
        var node = (DeclarationSyntax)SyntaxNodeFactory.Create(green, null, 0);
        var span = node.Span;
        var clauses = ImmutableArray.CreateBuilder<ClauseInfo>(node.Clauses.Count);
        foreach (var clause in node.Clauses) clauses.Add(Summarise(clause));

        NameUse? name = node.Identifier.IsDefault || node.Identifier.IsMissing ? null : Use(node.Identifier);
        ValueInfo? text = null;
        NameUse? subject = null, predicate = null;
        var arguments = ImmutableArray<ArgumentInfo>.Empty;
        var parameters = ImmutableArray<ParameterInfo>.Empty;
        bool hasArguments = false, hasParameters = false;
        switch (node)
        {
            case NamedDeclarationSyntax named:
                if (!named.Text.IsMissing) text = Value(named.Text);
                break;
            case PredicateDeclarationSyntax p:
                if (!p.Description.IsDefault && !p.Description.IsMissing) text = Value(p.Description);
                if (p.ParameterList is { } list)
                {
                    hasParameters = true;
                    var builder = ImmutableArray.CreateBuilder<ParameterInfo>();
                    foreach (var parameter in list.Parameters)
                    {
                        if (parameter.Identifier.IsMissing) continue;
                        builder.Add(new ParameterInfo(Use(parameter.Identifier), parameter.Type.IsMissing ? "" : parameter.Type.Text,
                            parameter.Type.SpanStart, parameter.Type.Span.Length));
                    }
                    parameters = builder.ToImmutable();
                }
                break;
            case ClaimDeclarationSyntax c:
                if (!c.Subject.IsMissing) subject = Use(c.Subject);
                if (!c.Predicate.IsMissing) predicate = Use(c.Predicate);
                if (c.ArgumentList is { } args)
                {
                    hasArguments = true;
                    var builder = ImmutableArray.CreateBuilder<ArgumentInfo>();
                    foreach (var argument in args.Arguments)
                    {
                        if (argument.Value.IsMissing) continue;
                        builder.Add(new ArgumentInfo(argument.IsNamed && !argument.Name.IsMissing ? Use(argument.Name) : null,
                            Value(argument.Value), argument.SpanStart, argument.Span.Length));
                    }
                    arguments = builder.ToImmutable();
                }
                break;
        }

        return new DeclarationInfo
        {
            Kind = node.Kind,
            Keyword = node.Keyword.IsDefault ? new NameUse("", 0, 0) : Use(node.Keyword),
            Name = name,
            Text = text,
            Clauses = clauses.MoveToImmutable(),
            Subject = subject,
            Predicate = predicate,
            Arguments = arguments,
            HasArgumentList = hasArguments,
            Parameters = parameters,
            HasParameterList = hasParameters,
            Documentation = ReadDocumentation(node.Keyword),
            SpanOffset = span.Start,
            SpanLength = span.Length,
            FullWidth = green.FullWidth,
            HasSyntaxErrors = green.ContainsDiagnostics,
        };
    }

    private static NameUse Use(SyntaxToken token) => new(token.Text, token.SpanStart, token.Span.Length);

    private static ValueInfo Value(SyntaxToken token) =>
        new(token.Kind, token.Text, token.IsMissing ? "" : token.ValueText, token.SpanStart, token.Span.Length);

    private static ClauseInfo Summarise(ClauseSyntax clause)
    {
        var values = ImmutableArray.CreateBuilder<ValueInfo>();
        switch (clause)
        {
            case ValueClauseSyntax v:
                if (!v.Value.IsMissing) values.Add(Value(v.Value));
                break;
            case TokenListClauseSyntax list:
                foreach (var token in list.Values) if (!token.IsMissing) values.Add(Value(token));
                break;
            case ReferenceListClauseSyntax refs:
                foreach (var reference in refs.References) AddReference(values, reference);
                break;
            case ReferenceClauseSyntax single:
                AddReference(values, single.Reference);
                break;
            case CoordinatesClauseSyntax coordinates:
                if (!coordinates.Latitude.IsMissing) values.Add(Value(coordinates.Latitude));
                if (!coordinates.Longitude.IsMissing) values.Add(Value(coordinates.Longitude));
                break;
        }
        var span = clause.Span;
        return new ClauseInfo(clause.Kind, clause.Keyword.Text, clause.Keyword.SpanStart, clause.Keyword.Span.Length,
            values.ToImmutable(), span.Start, span.Length);
    }

    private static void AddReference(ImmutableArray<ValueInfo>.Builder values, ReferenceSyntax reference)
    {
        if (reference.Identifier.IsMissing) return;
        NameUse? member = reference.IsQualified && !reference.Member.IsMissing ? Use(reference.Member) : null;
        if (reference.IsQualified && member is null) return; // "X." without a predicate: a syntax error already
        var start = reference.Identifier.SpanStart;
        int end = member is { } m ? m.Offset + m.Length : start + reference.Identifier.Span.Length;
        values.Add(new ValueInfo(SyntaxKind.IdentifierToken, reference.Identifier.Text, reference.Identifier.Text, start, end - start, member));
    }

    /// <summary>The <c>///</c> lines directly above the declaration keyword (no blank line between).</summary>
    private static string? ReadDocumentation(SyntaxToken keyword)
    {
        if (keyword.IsDefault) return null;
        var trivia = keyword.LeadingTrivia;
        var lines = new List<string>();
        // Walk backwards: end-of-line and indentation between doc lines are fine; a blank line or another comment ends it.
        int lineBreaks = 0;
        for (int i = trivia.Count - 1; i >= 0; i--)
        {
            var t = trivia[i];
            if (t.Kind == SyntaxKind.EndOfLineTrivia)
            {
                if (++lineBreaks > 1) break;
                continue;
            }
            if (t.Kind == SyntaxKind.WhitespaceTrivia) continue;
            if (t.Kind != SyntaxKind.DocumentationCommentTrivia) break;
            lineBreaks = 0;
            var text = t.Text.AsSpan(3);
            if (text.Length > 0 && text[0] == ' ') text = text[1..];
            lines.Add(text.TrimEnd().ToString());
        }
        if (lines.Count == 0) return null;
        lines.Reverse();
        return string.Join("\n", lines);
    }
}
