using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ClaimLang.Runtime;
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
public readonly record struct ValueInfo
{
    // The member of a Subject.predicate reference is kept as its text and offset (its length is the text's), which
    // makes the value 32 bytes instead of 48: there are several per claim.
    private readonly string? _memberText;
    private readonly int _memberOffset;

    public ValueInfo(SyntaxKind tokenKind, string text, int offset, int length, NameUse? member = null)
    {
        TokenKind = tokenKind;
        Text = text;
        Offset = offset;
        Length = length;
        if (member is { } m)
        {
            System.Diagnostics.Debug.Assert(m.Length == m.Text.Length);
            _memberText = m.Text;
            _memberOffset = m.Offset;
        }
    }

    public SyntaxKind TokenKind { get; }
    public string Text { get; }
    public int Offset { get; }
    public int Length { get; }

    /// <summary>The <c>predicate</c> of a <c>Subject.predicate</c> reference.</summary>
    public NameUse? Member => _memberText is null ? null : new NameUse(_memberText, _memberOffset, _memberText.Length);

    public bool IsMissing => Length == 0 && Text.Length == 0;
    public bool IsName => TokenKind == SyntaxKind.IdentifierToken;

    /// <summary>The value: a string's unescaped contents (decoded on each call), or the token text.</summary>
    public string Value => TokenKind is SyntaxKind.StringLiteralToken or SyntaxKind.RawStringLiteralToken ? StringValue.Decode(Text, TokenKind) : Text;
}

/// <summary>
/// One clause: its kind, the keyword's relative span and its values in order. A value, not an object: the clauses
/// of a declaration are one array, and their values slices of one other array, so that a claim's summary is a few
/// objects rather than two per clause (which matters to the garbage collector at a million claims).
/// </summary>
public readonly record struct ClauseInfo(SyntaxKind Kind, string Keyword, int KeywordOffset, int KeywordLength, ValueList Values, int Offset, int Length);

/// <summary>Some consecutive values of a declaration's value array (read-only).</summary>
public readonly struct ValueList : IReadOnlyList<ValueInfo>, IEquatable<ValueList>
{
    private readonly ValueInfo[]? _array;
    private readonly int _start;

    internal ValueList(ValueInfo[]? array, int start, int length)
    {
        _array = array;
        _start = start;
        Length = length;
    }

    public static ValueList Empty => default;

    public int Length { get; }
    int IReadOnlyCollection<ValueInfo>.Count => Length;

    public ValueInfo this[int index] => (uint)index < (uint)Length ? _array![_start + index] : throw new ArgumentOutOfRangeException(nameof(index));

    public ReadOnlySpan<ValueInfo> AsSpan() => _array is null ? default : _array.AsSpan(_start, Length);

    internal ValueList WithArray(ValueInfo[] array) => new(Length == 0 ? null : array, _start, Length);

    public Enumerator GetEnumerator() => new(this);
    IEnumerator<ValueInfo> IEnumerable<ValueInfo>.GetEnumerator()
    {
        for (int i = 0; i < Length; i++) yield return this[i];
    }
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => ((IEnumerable<ValueInfo>)this).GetEnumerator();

    /// <summary>Equal when the values are equal, wherever they are stored.</summary>
    public bool Equals(ValueList other) => AsSpan().SequenceEqual(other.AsSpan());
    public override bool Equals(object? obj) => obj is ValueList other && Equals(other);
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var value in AsSpan()) hash.Add(value);
        return hash.ToHashCode();
    }

    public struct Enumerator(ValueList list)
    {
        private int _index = -1;
        public bool MoveNext() => ++_index < list.Length;
        public readonly ValueInfo Current => list._array![list._start + _index];
    }
}

public readonly record struct ArgumentInfo(NameUse? Name, ValueInfo Value, int Offset, int Length);

public sealed record ParameterInfo(NameUse Name, string Type, int TypeOffset, int TypeLength);

/// <summary>
/// Everything the binder needs from one declaration, with spans relative to the declaration's full start. It
/// depends only on the declaration's green node, so it is computed once per green node and cached on it: after an
/// edit, only the re-parsed declarations are summarised again.
/// </summary>
public sealed class DeclarationInfo
{
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

    // The derived id with its hash, published together (one reference) so that threads sharing this summary never
    // see one without the other.
    private sealed record DerivedId(string Text, int Hash);
    private DerivedId? _derivedClaimId;
    // A reference, so that threads sharing this (immutable, cached) summary never see a torn value.
    private sealed record DateCache(int Offset, EdtfParseResult Result);
    private DateCache? _date;

    /// <summary>
    /// The id a claim gets when it has no label: <c>Subject.predicate(args)@date/sources</c>. It depends on the
    /// declaration alone, so it is computed once per green node.
    /// </summary>
    public string DerivedClaimId => Derived().Text;

    /// <summary>The ordinal hash of <see cref="DerivedClaimId"/> (computed with it, so binding does not hash it again).</summary>
    internal int DerivedClaimIdHash => Derived().Hash;

    private DerivedId Derived()
    {
        if (_derivedClaimId is { } known) return known;
        string id = DeriveClaimId();
        return _derivedClaimId = new DerivedId(id, ClaimIdComparer.Hash(id));
    }

    /// <summary>Parses a date value of this declaration; the result for the last value parsed is kept.</summary>
    public EdtfParseResult ParseDate(ValueInfo value)
    {
        var cached = _date;
        if (cached is not null && cached.Offset == value.Offset) return cached.Result;
        var result = EdtfDate.Parse(value.Text.AsSpan());
        _date = new DateCache(value.Offset, result);
        return result;
    }

    // One builder per thread: ids are derived for a million claims at a time, on several threads.
    [ThreadStatic] private static System.Text.StringBuilder? t_idBuilder;

    private string DeriveClaimId()
    {
        var b = t_idBuilder ??= new System.Text.StringBuilder(128);
        b.Clear();
        b.Append(Subject?.Text).Append('.').Append(Predicate?.Text);
        if (Arguments.Length > 0)
        {
            b.Append('(');
            for (int i = 0; i < Arguments.Length; i++)
            {
                if (i > 0) b.Append(',');
                var a = Arguments[i];
                if (a.Name is { } n) b.Append(n.Text).Append('=');
                b.Append(a.Value.TokenKind is SyntaxKind.StringLiteralToken or SyntaxKind.RawStringLiteralToken ? "\"" + a.Value.Value + "\"" : a.Value.Text);
            }
            b.Append(')');
        }
        if (FindClause(SyntaxKind.OnClause) is { Values.Length: > 0 } on) b.Append('@').Append(on.Values[0].Text);
        if (FindClause(SyntaxKind.SourceClause) is { Values.Length: > 0 } source)
        {
            b.Append('/');
            for (int i = 0; i < source.Values.Length; i++)
            {
                if (i > 0) b.Append('+');
                b.Append(source.Values[i].Text);
            }
        }
        string id = b.ToString();
        if (b.Capacity > 4096) t_idBuilder = null;
        return id;
    }

    public ClauseInfo? FindClause(SyntaxKind kind)
    {
        foreach (var clause in Clauses) if (clause.Kind == kind) return clause;
        return null;
    }

    /// <summary>
    /// The summaries of all declarations of a tree, in order, kept with the tree. Each comes from its green node's
    /// cache, so a tree made by an edit summarises only the declarations that were parsed again. Once computed,
    /// binding needs the green tree no more.
    /// </summary>
    internal static DeclarationInfo[] ForTree(SyntaxTree tree)
    {
        if (tree.SummaryCache is DeclarationInfo[] cached) return cached;
        var list = tree.DeclarationList;
        var declarations = new GreenNode[list.Count];
        list.CopyTo(declarations);
        var result = new DeclarationInfo[declarations.Length];
        for (int i = 0; i < result.Length; i++) result[i] = Get(declarations[i]);
        return Interlocked.CompareExchange(ref tree.SummaryCache, result, null) as DeclarationInfo[] ?? result;
    }

    /// <summary>
    /// Computes everything binding will ask of a tree's declarations (summaries, declaration
    /// starts, syntax diagnostics), so that it can be done on the thread that parsed the file.
    /// </summary>
    internal static void Prepare(SyntaxTree tree, bool releaseRoot = false)
    {
        _ = ForTree(tree);
        _ = tree.DeclarationStarts;
        _ = tree.GetDiagnostics();
        if (releaseRoot) tree.ReleaseRoot();
    }

    internal static DeclarationInfo Get(GreenNode green)
    {
        var node = (GreenSyntaxNode)green;
        if (node.SemanticCache is DeclarationInfo cached) return cached;
        var created = Create(node);
        node.SemanticCache = created;
        return created;
    }

    // The summary is read straight off the green node (no red nodes), tracking each slot's offset from the
    // declaration's full start. Slot layouts are listed in docs/architecture.md.
    private static DeclarationInfo Create(GreenSyntaxNode green)
    {
        var kind = green.Kind;
        NameUse keyword = default;
        NameUse? name = null, subject = null, predicate = null;
        ValueInfo? text = null;
        var clauses = ImmutableArray<ClauseInfo>.Empty;
        var arguments = ImmutableArray<ArgumentInfo>.Empty;
        var parameters = ImmutableArray<ParameterInfo>.Empty;
        bool hasArguments = false, hasParameters = false;
        GreenToken? keywordToken = null;

        int offset = 0;
        for (int slot = 0, n = green.SlotCount; slot < n; slot++)
        {
            var child = green.GetSlot(slot);
            if (child is null) continue;
            if (slot == 0 && child is GreenToken k)
            {
                keywordToken = k;
                keyword = Use(k, offset);
            }
            switch (kind)
            {
                case SyntaxKind.SourceDeclaration or SyntaxKind.ActorDeclaration or SyntaxKind.PlaceDeclaration or SyntaxKind.HypothesisDeclaration:
                    if (slot == 1 && child is GreenToken { IsMissing: false } nameToken) name = Use(nameToken, offset);
                    else if (slot == 2 && child is GreenToken { IsMissing: false } textToken) text = Value(textToken, offset);
                    else if (slot == 3) clauses = ReadClauses(child, offset);
                    break;
                case SyntaxKind.PredicateDeclaration:
                    if (slot == 1 && child is GreenToken { IsMissing: false } predicateName) name = Use(predicateName, offset);
                    else if (slot == 2)
                    {
                        hasParameters = true;
                        parameters = ReadParameters(child, offset);
                    }
                    else if (slot == 3 && child is GreenToken { IsMissing: false } description) text = Value(description, offset);
                    break;
                case SyntaxKind.ClaimDeclaration:
                    switch (slot)
                    {
                        case 1 when child.GetSlot(0) is GreenToken { IsMissing: false } label: name = Use(label, offset); break;
                        case 2 when child is GreenToken { IsMissing: false } s: subject = Use(s, offset); break;
                        case 4 when child is GreenToken { IsMissing: false } p: predicate = Use(p, offset); break;
                        case 5:
                            hasArguments = true;
                            arguments = ReadArguments(child, offset);
                            break;
                        case 6: clauses = ReadClauses(child, offset); break;
                    }
                    break;
            }
            offset += child.FullWidth;
        }

        int leading = green.LeadingTriviaWidth;
        return new DeclarationInfo
        {
            Kind = kind,
            Keyword = keyword,
            Name = name,
            Text = text,
            Clauses = clauses,
            Subject = subject,
            Predicate = predicate,
            Arguments = arguments,
            HasArgumentList = hasArguments,
            Parameters = parameters,
            HasParameterList = hasParameters,
            Documentation = keywordToken is null ? null : ReadDocumentation(keywordToken.Leading),
            SpanOffset = leading,
            SpanLength = green.FullWidth - leading - green.TrailingTriviaWidth,
            FullWidth = green.FullWidth,
            HasSyntaxErrors = green.ContainsDiagnostics,
        };
    }

    private static NameUse Use(GreenToken token, int fullOffset) => new(token.Text, fullOffset + token.LeadingTriviaWidth, token.Text.Length);

    private static ValueInfo Value(GreenToken token, int fullOffset) =>
        new(token.Kind, token.Text, fullOffset + token.LeadingTriviaWidth, token.Text.Length);

    // Summaries are made on several threads at once (one per file being parsed); each has its own scratch list.
    [ThreadStatic] private static List<ValueInfo>? t_values;

    private static ImmutableArray<ClauseInfo> ReadClauses(GreenNode list, int listOffset)
    {
        int count = list.SlotCount;
        if (count == 0) return [];
        var values = t_values ??= new List<ValueInfo>(16);
        values.Clear();
        var result = new ClauseInfo[count];
        int offset = listOffset;
        for (int i = 0; i < count; i++)
        {
            var clause = list.GetSlot(i)!;
            result[i] = Clause(clause, offset, values);
            offset += clause.FullWidth;
        }
        // The clauses were made with slices of the scratch list; they now get the one array all their values share.
        var shared = values.ToArray();
        for (int i = 0; i < result.Length; i++) result[i] = result[i] with { Values = result[i].Values.WithArray(shared) };
        if (values.Capacity > 1024) t_values = null;
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private static ClauseInfo Clause(GreenNode clause, int clauseOffset, List<ValueInfo> values)
    {
        var keyword = (GreenToken)clause.GetSlot(0)!;
        int valueOffset = clauseOffset + keyword.FullWidth;
        int first = values.Count;
        var second = clause.GetSlot(1);
        switch (clause.Kind)
        {
            case SyntaxKind.CitesClause or SyntaxKind.SourceClause or SyntaxKind.TagsClause or SyntaxKind.AkaClause:
                TokenList(second!, valueOffset, values);
                break;
            case SyntaxKind.ContradictsClause or SyntaxKind.SupportsClause:
                ReferenceList(second!, valueOffset, values);
                break;
            case SyntaxKind.SupersedesClause:
                if (Reference(second!, valueOffset) is { } single) values.Add(single);
                break;
            case SyntaxKind.CoordinatesClause:
            {
                int o = valueOffset;
                for (int i = 1; i < clause.SlotCount; i++)
                {
                    var t = (GreenToken)clause.GetSlot(i)!;
                    if (i != 2 && !t.IsMissing) values.Add(Value(t, o));
                    o += t.FullWidth;
                }
                break;
            }
            default:
                if (second is GreenToken { IsMissing: false } token) values.Add(Value(token, valueOffset));
                break;
        }
        int start = clauseOffset + keyword.LeadingTriviaWidth;
        int end = clauseOffset + clause.FullWidth - clause.TrailingTriviaWidth;
        return new ClauseInfo(clause.Kind, keyword.Text, start, keyword.Text.Length, new ValueList(null, first, values.Count - first), start, end - start);
    }

    private static void TokenList(GreenNode list, int offset, List<ValueInfo> values)
    {
        int n = list.SlotCount;
        for (int i = 0; i < n; i++)
        {
            var t = (GreenToken)list.GetSlot(i)!;
            if ((i & 1) == 0 && !t.IsMissing) values.Add(Value(t, offset));
            offset += t.FullWidth;
        }
    }

    private static void ReferenceList(GreenNode list, int offset, List<ValueInfo> values)
    {
        int n = list.SlotCount;
        for (int i = 0; i < n; i++)
        {
            var item = list.GetSlot(i)!;
            if ((i & 1) == 0 && Reference(item, offset) is { } value) values.Add(value);
            offset += item.FullWidth;
        }
    }

    /// <summary><c>Name</c> or <c>Subject.predicate</c>; null when the name is missing or the member is.</summary>
    private static ValueInfo? Reference(GreenNode reference, int offset)
    {
        var identifier = (GreenToken)reference.GetSlot(0)!;
        if (identifier.IsMissing) return null;
        int start = offset + identifier.LeadingTriviaWidth;
        if (reference.GetSlot(1) is not GreenToken dot) return new ValueInfo(SyntaxKind.IdentifierToken, identifier.Text, start, identifier.Text.Length);
        var member = (GreenToken)reference.GetSlot(2)!;
        if (member.IsMissing) return null; // "X." without a predicate: a syntax error already
        int memberOffset = offset + identifier.FullWidth + dot.FullWidth;
        var use = Use(member, memberOffset);
        return new ValueInfo(SyntaxKind.IdentifierToken, identifier.Text, start, use.Offset + use.Length - start, use);
    }

    private static ImmutableArray<ParameterInfo> ReadParameters(GreenNode parameterList, int offset)
    {
        // ParameterList: open, list, close. Parameter: name, colon, type.
        offset += parameterList.GetSlot(0)!.FullWidth;
        var list = parameterList.GetSlot(1)!;
        var result = new List<ParameterInfo>();
        for (int i = 0; i < list.SlotCount; i++)
        {
            var item = list.GetSlot(i)!;
            if ((i & 1) == 0)
            {
                var nameToken = (GreenToken)item.GetSlot(0)!;
                var type = (GreenToken)item.GetSlot(2)!;
                if (!nameToken.IsMissing)
                {
                    int typeOffset = offset + nameToken.FullWidth + item.GetSlot(1)!.FullWidth;
                    result.Add(new ParameterInfo(Use(nameToken, offset), type.IsMissing ? "" : type.Text,
                        typeOffset + type.LeadingTriviaWidth, type.Text.Length));
                }
            }
            offset += item.FullWidth;
        }
        return [.. result];
    }

    private static ImmutableArray<ArgumentInfo> ReadArguments(GreenNode argumentList, int offset)
    {
        offset += argumentList.GetSlot(0)!.FullWidth;
        var list = argumentList.GetSlot(1)!;
        int n = list.SlotCount;
        if (n == 0) return [];
        var result = new ArgumentInfo[(n + 1) / 2];
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            var item = list.GetSlot(i)!;
            if ((i & 1) == 0)
            {
                // Argument: name?, colon?, value.
                int o = offset;
                NameUse? argName = null;
                if (item.GetSlot(0) is GreenToken nameToken)
                {
                    if (!nameToken.IsMissing) argName = Use(nameToken, o);
                    o += nameToken.FullWidth + (item.GetSlot(1)?.FullWidth ?? 0);
                }
                var value = (GreenToken)item.GetSlot(2)!;
                if (!value.IsMissing)
                {
                    int start = offset + item.LeadingTriviaWidth;
                    result[count++] = new ArgumentInfo(argName, Value(value, o), start, item.FullWidth - item.LeadingTriviaWidth - item.TrailingTriviaWidth);
                }
            }
            offset += item.FullWidth;
        }
        if (count < result.Length) Array.Resize(ref result, count);
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>The <c>///</c> lines directly above the declaration keyword (no blank line between).</summary>
    private static string? ReadDocumentation(GreenNode? leading)
    {
        if (leading is null) return null;
        var lines = new List<string>();
        int lineBreaks = 0;
        for (int i = leading.SlotCount == 0 ? 0 : leading.SlotCount - 1; i >= 0; i--)
        {
            var t = leading.SlotCount == 0 ? (GreenTrivia)leading : (GreenTrivia)leading.GetSlot(i)!;
            if (t.Kind == SyntaxKind.EndOfLineTrivia)
            {
                if (++lineBreaks > 1) break;
                continue;
            }
            if (t.Kind == SyntaxKind.WhitespaceTrivia) continue;
            if (t.Kind != SyntaxKind.DocumentationCommentTrivia) break;
            lineBreaks = 0;
            var line = t.Text.AsSpan(3);
            if (line.Length > 0 && line[0] == ' ') line = line[1..];
            lines.Add(line.TrimEnd().ToString());
        }
        if (lines.Count == 0) return null;
        lines.Reverse();
        return string.Join("\n", lines);
    }
}
