using ClaimLang.Syntax.InternalSyntax;

namespace ClaimLang.Syntax;

// The typed red nodes. Each class names the slots of its green node; see docs/architecture.md for the layouts.

/// <summary>A whole file: its declarations and the end-of-file token (which holds trailing comments).</summary>
public sealed class CompilationUnitSyntax : SyntaxNode
{
    internal CompilationUnitSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxList<DeclarationSyntax> Declarations => new(GetNodeSlot(0));
    public SyntaxToken EndOfFileToken => GetTokenSlot(1);
}

/// <summary>Any declaration: one logical line with its continuation lines.</summary>
public abstract class DeclarationSyntax : SyntaxNode
{
    private protected DeclarationSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    /// <summary>The declaration keyword (the first token of a skipped declaration).</summary>
    public abstract SyntaxToken Keyword { get; }

    /// <summary>The declared name, or a default token when the declaration declares none.</summary>
    public virtual SyntaxToken Identifier => default;

    public virtual SyntaxList<ClauseSyntax> Clauses => default;
}

/// <summary><c>source|actor|place|hypothesis Name "text"</c> with clauses.</summary>
public abstract class NamedDeclarationSyntax : DeclarationSyntax
{
    private protected NamedDeclarationSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public override SyntaxToken Keyword => GetTokenSlot(0);
    public override SyntaxToken Identifier => GetTokenSlot(1);
    /// <summary>The title (source), display name (actor, place) or statement (hypothesis).</summary>
    public SyntaxToken Text => GetTokenSlot(2);
    public override SyntaxList<ClauseSyntax> Clauses => new(GetNodeSlot(3));
}

public sealed class SourceDeclarationSyntax : NamedDeclarationSyntax
{
    internal SourceDeclarationSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken Title => Text;
}

public sealed class ActorDeclarationSyntax : NamedDeclarationSyntax
{
    internal ActorDeclarationSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken DisplayName => Text;
}

public sealed class PlaceDeclarationSyntax : NamedDeclarationSyntax
{
    internal PlaceDeclarationSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken DisplayName => Text;
}

public sealed class HypothesisDeclarationSyntax : NamedDeclarationSyntax
{
    internal HypothesisDeclarationSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken Statement => Text;
}

/// <summary><c>predicate name(param: type, …) "description"</c></summary>
public sealed class PredicateDeclarationSyntax : DeclarationSyntax
{
    internal PredicateDeclarationSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public override SyntaxToken Keyword => GetTokenSlot(0);
    public override SyntaxToken Identifier => GetTokenSlot(1);
    public ParameterListSyntax? ParameterList => GetNode<ParameterListSyntax>(2);
    public SyntaxToken Description => GetTokenSlot(3);
    public override SyntaxList<ClauseSyntax> Clauses => new(GetNodeSlot(4));
}

/// <summary><c>claim [Label =] Subject.predicate[(args)]</c> with clauses.</summary>
public sealed class ClaimDeclarationSyntax : DeclarationSyntax
{
    internal ClaimDeclarationSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public override SyntaxToken Keyword => GetTokenSlot(0);
    public ClaimLabelSyntax? Label => GetNode<ClaimLabelSyntax>(1);
    public override SyntaxToken Identifier => Label?.Identifier ?? default;
    public SyntaxToken Subject => GetTokenSlot(2);
    public SyntaxToken DotToken => GetTokenSlot(3);
    public SyntaxToken Predicate => GetTokenSlot(4);
    public ArgumentListSyntax? ArgumentList => GetNode<ArgumentListSyntax>(5);
    public override SyntaxList<ClauseSyntax> Clauses => new(GetNodeSlot(6));
}

/// <summary>A logical line that is not a declaration (CLM1006 or CLM1007). Its tokens are kept as they were.</summary>
public sealed class SkippedDeclarationSyntax : DeclarationSyntax
{
    internal SkippedDeclarationSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxTokenList Tokens => new(GetNodeSlot(0));
    public override SyntaxToken Keyword => Tokens.Count > 0 ? Tokens[0] : default;
}

public sealed class ClaimLabelSyntax : SyntaxNode
{
    internal ClaimLabelSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken Identifier => GetTokenSlot(0);
    public SyntaxToken EqualsToken => GetTokenSlot(1);
}

public sealed class ParameterListSyntax : SyntaxNode
{
    internal ParameterListSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken OpenParen => GetTokenSlot(0);
    public SeparatedSyntaxList<ParameterSyntax> Parameters => new(GetNodeSlot(1));
    public SyntaxToken CloseParen => GetTokenSlot(2);
}

public sealed class ParameterSyntax : SyntaxNode
{
    internal ParameterSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken Identifier => GetTokenSlot(0);
    public SyntaxToken Colon => GetTokenSlot(1);
    public SyntaxToken Type => GetTokenSlot(2);
}

public sealed class ArgumentListSyntax : SyntaxNode
{
    internal ArgumentListSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken OpenParen => GetTokenSlot(0);
    public SeparatedSyntaxList<ArgumentSyntax> Arguments => new(GetNodeSlot(1));
    public SyntaxToken CloseParen => GetTokenSlot(2);
}

/// <summary><c>[name:] value</c>. The value is a name, number, date or string token.</summary>
public sealed class ArgumentSyntax : SyntaxNode
{
    internal ArgumentSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken Name => GetTokenSlot(0);
    public SyntaxToken Colon => GetTokenSlot(1);
    public SyntaxToken Value => GetTokenSlot(2);
    public bool IsNamed => !Name.IsDefault;
}

/// <summary>A reference after contradicts/supports/supersedes: <c>Name</c> or <c>Subject.predicate</c>.</summary>
public sealed class ReferenceSyntax : SyntaxNode
{
    internal ReferenceSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken Identifier => GetTokenSlot(0);
    public SyntaxToken DotToken => GetTokenSlot(1);
    public SyntaxToken Member => GetTokenSlot(2);
    public bool IsQualified => !DotToken.IsDefault;
}

// ---------------------------------------------------------------- clauses

public abstract class ClauseSyntax : SyntaxNode
{
    private protected ClauseSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken Keyword => GetTokenSlot(0);
}

/// <summary>A clause with one token as its value: a date, string, word, grade or name.</summary>
public sealed class ValueClauseSyntax : ClauseSyntax
{
    internal ValueClauseSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken Value => GetTokenSlot(1);
}

/// <summary>A clause with a comma-separated list of tokens: <c>cites</c>, <c>source</c>, <c>tags</c>, <c>aka</c>.</summary>
public sealed class TokenListClauseSyntax : ClauseSyntax
{
    internal TokenListClauseSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SeparatedTokenList Values => new(GetNodeSlot(1));
}

/// <summary><c>contradicts</c> and <c>supports</c>: a comma-separated list of references.</summary>
public sealed class ReferenceListClauseSyntax : ClauseSyntax
{
    internal ReferenceListClauseSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SeparatedSyntaxList<ReferenceSyntax> References => new(GetNodeSlot(1));
}

/// <summary><c>supersedes</c>: one reference.</summary>
public sealed class ReferenceClauseSyntax : ClauseSyntax
{
    internal ReferenceClauseSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public ReferenceSyntax Reference => GetNode<ReferenceSyntax>(1)!;
}

/// <summary>A place's <c>at latitude, longitude</c>.</summary>
public sealed class CoordinatesClauseSyntax : ClauseSyntax
{
    internal CoordinatesClauseSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }
    public SyntaxToken Latitude => GetTokenSlot(1);
    public SyntaxToken Comma => GetTokenSlot(2);
    public SyntaxToken Longitude => GetTokenSlot(3);
}

internal static class SyntaxNodeFactory
{
    public static SyntaxNode Create(GreenNode green, SyntaxNode? parent, int position) => green.Kind switch
    {
        SyntaxKind.CompilationUnit => new CompilationUnitSyntax(green, parent, position),
        SyntaxKind.SourceDeclaration => new SourceDeclarationSyntax(green, parent, position),
        SyntaxKind.ActorDeclaration => new ActorDeclarationSyntax(green, parent, position),
        SyntaxKind.PlaceDeclaration => new PlaceDeclarationSyntax(green, parent, position),
        SyntaxKind.HypothesisDeclaration => new HypothesisDeclarationSyntax(green, parent, position),
        SyntaxKind.PredicateDeclaration => new PredicateDeclarationSyntax(green, parent, position),
        SyntaxKind.ClaimDeclaration => new ClaimDeclarationSyntax(green, parent, position),
        SyntaxKind.SkippedDeclaration => new SkippedDeclarationSyntax(green, parent, position),
        SyntaxKind.ClaimLabel => new ClaimLabelSyntax(green, parent, position),
        SyntaxKind.ParameterList => new ParameterListSyntax(green, parent, position),
        SyntaxKind.Parameter => new ParameterSyntax(green, parent, position),
        SyntaxKind.ArgumentList => new ArgumentListSyntax(green, parent, position),
        SyntaxKind.Argument => new ArgumentSyntax(green, parent, position),
        SyntaxKind.Reference => new ReferenceSyntax(green, parent, position),
        SyntaxKind.List => new SyntaxListNode(green, parent, position),
        SyntaxKind.CitesClause or SyntaxKind.SourceClause or SyntaxKind.TagsClause or SyntaxKind.AkaClause
            => new TokenListClauseSyntax(green, parent, position),
        SyntaxKind.ContradictsClause or SyntaxKind.SupportsClause => new ReferenceListClauseSyntax(green, parent, position),
        SyntaxKind.SupersedesClause => new ReferenceClauseSyntax(green, parent, position),
        SyntaxKind.CoordinatesClause => new CoordinatesClauseSyntax(green, parent, position),
        _ when SyntaxFacts.IsClause(green.Kind) => new ValueClauseSyntax(green, parent, position),
        _ => throw new InvalidOperationException("No red node for " + green.Kind),
    };
}
