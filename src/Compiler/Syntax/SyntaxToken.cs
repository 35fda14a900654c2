using ClaimLang.Syntax.InternalSyntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Syntax;

/// <summary>A token in the red tree: its green token seen at an absolute position, with its parent node.</summary>
public readonly struct SyntaxToken : IEquatable<SyntaxToken>
{
    internal SyntaxToken(SyntaxNode? parent, GreenToken? green, int position, int index)
    {
        Parent = parent;
        Green = green;
        Position = position;
        Index = index;
    }

    public SyntaxNode? Parent { get; }
    internal GreenToken? Green { get; }
    /// <summary>Start of the full span (leading trivia included).</summary>
    public int Position { get; }
    internal int Index { get; }

    public bool IsDefault => Green is null;
    public SyntaxKind Kind => Green?.Kind ?? SyntaxKind.None;
    public string Text => Green?.Text ?? string.Empty;
    public bool IsMissing => Green?.IsMissing ?? true;
    public int SpanStart => Position + (Green?.LeadingTriviaWidth ?? 0);
    public TextSpan Span => new(SpanStart, Green?.Text.Length ?? 0);
    public TextSpan FullSpan => new(Position, Green?.FullWidth ?? 0);

    public SyntaxTriviaList LeadingTrivia => new(this, Green?.Leading, Position);
    public SyntaxTriviaList TrailingTrivia => new(this, Green?.Trailing, Span.End);

    public bool HasLeadingTrivia => Green?.Leading is not null;
    public bool HasTrailingTrivia => Green?.Trailing is not null;

    /// <summary>The unescaped value of a string token, the text of anything else.</summary>
    public string ValueText => Kind is SyntaxKind.StringLiteralToken or SyntaxKind.RawStringLiteralToken
        ? StringValue.Decode(Text, Kind)
        : Text;

    public string ToFullString() => Green?.ToFullString() ?? string.Empty;
    public override string ToString() => Text;

    public bool Equals(SyntaxToken other) => ReferenceEquals(Parent, other.Parent) && ReferenceEquals(Green, other.Green) && Position == other.Position && Index == other.Index;
    public override bool Equals(object? obj) => obj is SyntaxToken t && Equals(t);
    public override int GetHashCode() => HashCode.Combine(Parent, Green, Position, Index);
    public static bool operator ==(SyntaxToken a, SyntaxToken b) => a.Equals(b);
    public static bool operator !=(SyntaxToken a, SyntaxToken b) => !a.Equals(b);
}

/// <summary>One piece of trivia in the red tree.</summary>
public readonly struct SyntaxTrivia
{
    internal SyntaxTrivia(SyntaxToken token, GreenTrivia green, int position)
    {
        Token = token;
        Green = green;
        Position = position;
    }

    public SyntaxToken Token { get; }
    internal GreenTrivia Green { get; }
    public int Position { get; }
    public SyntaxKind Kind => Green.Kind;
    public string Text => Green.Text;
    public TextSpan Span => new(Position, Green.FullWidth);
    public override string ToString() => Text;
}

/// <summary>The leading or trailing trivia of a token.</summary>
public readonly struct SyntaxTriviaList : IReadOnlyList<SyntaxTrivia>
{
    private readonly SyntaxToken _token;
    private readonly GreenNode? _green;
    private readonly int _position;

    internal SyntaxTriviaList(SyntaxToken token, GreenNode? green, int position)
    {
        _token = token;
        _green = green;
        _position = position;
    }

    public int Count => _green switch
    {
        null => 0,
        GreenTrivia => 1,
        GreenTriviaList list => list.Count,
        _ => 0,
    };

    public SyntaxTrivia this[int index]
    {
        get
        {
            if (_green is GreenTrivia single)
            {
                if (index != 0) throw new ArgumentOutOfRangeException(nameof(index));
                return new SyntaxTrivia(_token, single, _position);
            }
            var list = (GreenTriviaList)_green!;
            int position = _position;
            for (int i = 0; i < index; i++) position += list[i].FullWidth;
            return new SyntaxTrivia(_token, list[index], position);
        }
    }

    public TextSpan Span => new(_position, _green?.FullWidth ?? 0);

    public IEnumerator<SyntaxTrivia> GetEnumerator()
    {
        int position = _position;
        switch (_green)
        {
            case GreenTrivia single:
                yield return new SyntaxTrivia(_token, single, position);
                break;
            case GreenTriviaList list:
                for (int i = 0; i < list.Count; i++)
                {
                    yield return new SyntaxTrivia(_token, list[i], position);
                    position += list[i].FullWidth;
                }
                break;
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
