namespace ClaimLang.Runtime;

/// <summary>The kinds of declarations that have an id in the dataset's shared namespace.</summary>
public enum EntityKind
{
    /// <summary>A source (<c>source</c> declaration).</summary>
    Source,

    /// <summary>An actor (<c>actor</c> declaration).</summary>
    Actor,

    /// <summary>A place (<c>place</c> declaration).</summary>
    Place,

    /// <summary>A hypothesis (<c>hypothesis</c> declaration).</summary>
    Hypothesis,

    /// <summary>A claim (<c>claim</c> declaration).</summary>
    Claim,
}

/// <summary>A document or account that claims come from (<c>source</c> declaration).</summary>
public sealed record Source
{
    /// <summary>The declared name, e.g. <c>MET</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>The publication date (<c>published</c>), or null.</summary>
    public ClaimDate? Published { get; init; }

    /// <summary>The author (<c>author</c>), or null.</summary>
    public string? Author { get; init; }

    /// <summary>The publisher (<c>publisher</c>), or null.</summary>
    public string? Publisher { get; init; }

    /// <summary>The address (<c>url</c>), or null.</summary>
    public string? Url { get; init; }

    /// <summary>The Admiralty reliability grade (<c>reliability</c>), or null when unrated.</summary>
    public ReliabilityGrade? Reliability { get; init; }

    /// <summary>The kind of source (<c>kind</c>, e.g. <c>analysis</c>), or null.</summary>
    public string? Kind { get; init; }

    /// <summary>The language (<c>lang</c>), or null.</summary>
    public string? Lang { get; init; }

    /// <summary>The path of the source's text, relative to the workspace root (<c>document</c>), or null.</summary>
    public string? Document { get; init; }

    /// <summary>The ids of the sources this one cites (<c>cites</c>), in the order written.</summary>
    public EquatableArray<string> Cites { get; init; }

    /// <summary>The documentation comment (<c>///</c>) above the declaration, or null.</summary>
    public string? Doc { get; init; }

    /// <summary>Where the source is declared, or null.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>A person, organisation, unit or state (<c>actor</c> declaration).</summary>
public sealed record Actor
{
    /// <summary>The declared name, e.g. <c>IRGC</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>The kind of actor (<c>kind</c>, e.g. <c>military</c>), or null.</summary>
    public string? Kind { get; init; }

    /// <summary>Other names (<c>aka</c>), in the order written.</summary>
    public EquatableArray<string> Aka { get; init; }

    /// <summary>The id of the actor this one is part of (<c>part_of</c>), or null.</summary>
    public string? PartOf { get; init; }

    /// <summary>The documentation comment (<c>///</c>) above the declaration, or null.</summary>
    public string? Doc { get; init; }

    /// <summary>Where the actor is declared, or null.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>A location (<c>place</c> declaration).</summary>
public sealed record Place
{
    /// <summary>The declared name, e.g. <c>Damascus</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>The id of the place this one lies in (<c>in</c>), or null.</summary>
    public string? In { get; init; }

    /// <summary>The latitude in degrees (<c>at</c>), or null.</summary>
    public double? Lat { get; init; }

    /// <summary>The longitude in degrees (<c>at</c>), or null.</summary>
    public double? Lon { get; init; }

    /// <summary>The documentation comment (<c>///</c>) above the declaration, or null.</summary>
    public string? Doc { get; init; }

    /// <summary>Where the place is declared, or null.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>One parameter of a predicate.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Type">The parameter type (never <see cref="ArgumentType.Name"/>).</param>
public sealed record PredicateParameter(string Name, ArgumentType Type);

/// <summary>
/// A predicate: declared with <c>predicate</c>, or only used by claims (then <see cref="Declared"/> is false,
/// it has no parameters, description or location).
/// </summary>
public sealed record Predicate
{
    /// <summary>The predicate name, e.g. <c>coup_attempt</c>.</summary>
    public required string Name { get; init; }

    /// <summary>True when a <c>predicate</c> declaration exists; false when claims use it undeclared.</summary>
    public bool Declared { get; init; } = true;

    /// <summary>The parameters, in declaration order.</summary>
    public EquatableArray<PredicateParameter> Params { get; init; }

    /// <summary>The description string, or null.</summary>
    public string? Description { get; init; }

    /// <summary>The documentation comment (<c>///</c>) above the declaration, or null.</summary>
    public string? Doc { get; init; }

    /// <summary>Where the predicate is declared, or null (always null when not declared).</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>A statement that claims may support or contradict (<c>hypothesis</c> declaration).</summary>
public sealed record Hypothesis
{
    /// <summary>The declared name, e.g. <c>H1</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The statement.</summary>
    public required string Statement { get; init; }

    /// <summary>The ids of the claims that support this hypothesis directly, in ordinal order.</summary>
    public EquatableArray<string> SupportedBy { get; init; }

    /// <summary>The ids of the claims that contradict this hypothesis, in ordinal order.</summary>
    public EquatableArray<string> ContradictedBy { get; init; }

    /// <summary>The documentation comment (<c>///</c>) above the declaration, or null.</summary>
    public string? Doc { get; init; }

    /// <summary>Where the hypothesis is declared, or null.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary>One claim: a subject, a predicate, arguments, and everything the analyst said about it.</summary>
public sealed record Claim
{
    /// <summary>The claim's id: its label, or an id derived from its content (see docs/dataset.md).</summary>
    public required string Id { get; init; }

    /// <summary>The label (<c>claim label = …</c>), or null.</summary>
    public string? Label { get; init; }

    /// <summary>The id of the subject, an actor or a place.</summary>
    public required string Subject { get; init; }

    /// <summary>The predicate name.</summary>
    public required string Predicate { get; init; }

    /// <summary>The arguments, positional ones first, in the order written.</summary>
    public EquatableArray<ClaimArgument> Args { get; init; }

    /// <summary>The date (<c>on</c>), or null.</summary>
    public ClaimDate? Date { get; init; }

    /// <summary>The ids of the claim's sources (<c>source</c>), in the order written.</summary>
    public EquatableArray<string> Sources { get; init; }

    /// <summary>The analytic confidence (<c>confidence</c>), or null.</summary>
    public Confidence? Confidence { get; init; }

    /// <summary>The Admiralty credibility (<c>credibility</c>), or null.</summary>
    public CredibilityGrade? Credibility { get; init; }

    /// <summary>The id of the place (<c>at</c>), or null.</summary>
    public string? At { get; init; }

    /// <summary>The ids of the claims, hypotheses and sources this claim contradicts, in ordinal order;
    /// a contradiction between two claims is listed on both.</summary>
    public EquatableArray<string> Contradicts { get; init; }

    /// <summary>The ids of the claims, hypotheses and sources this claim supports, in ordinal order.</summary>
    public EquatableArray<string> Supports { get; init; }

    /// <summary>The ids of the claims that support this claim, in ordinal order.</summary>
    public EquatableArray<string> SupportedBy { get; init; }

    /// <summary>The id of the claim this claim replaces (<c>supersedes</c>), or null.</summary>
    public string? Supersedes { get; init; }

    /// <summary>The id of the claim that replaces this claim, or null; when several do, the first in ordinal order.</summary>
    public string? SupersededBy { get; init; }

    /// <summary>The quotation (<c>quote</c>), or null.</summary>
    public string? Quote { get; init; }

    /// <summary>The analyst's note (<c>note</c>), or null.</summary>
    public string? Note { get; init; }

    /// <summary>The tags (<c>tags</c>), in the order written.</summary>
    public EquatableArray<string> Tags { get; init; }

    /// <summary>The documentation comment (<c>///</c>) above the declaration, or null.</summary>
    public string? Doc { get; init; }

    /// <summary>Where the claim is declared, or null.</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>The value of the argument named <paramref name="name"/>, or null.</summary>
    public ArgumentValue? GetArgument(string name)
    {
        foreach (var argument in Args)
        {
            if (string.Equals(argument.Name, name, StringComparison.Ordinal))
            {
                return argument.Value;
            }
        }

        return null;
    }
}
