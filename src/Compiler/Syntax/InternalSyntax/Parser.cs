using ClaimLang.Diagnostics;
using ClaimLang.Utilities;

namespace ClaimLang.Syntax.InternalSyntax;

/// <summary>
/// The hand-written recursive-descent parser. The language is flat (file → declaration → clause → list), so the
/// call depth is bounded by a constant whatever the input. Each declaration is one logical line: the parser never
/// reads past the next token at column 1, so an error cannot spill into the next declaration, and a declaration's
/// green node depends only on its own text (which is what makes incremental re-parsing exact).
/// Error recovery: a missing part becomes a missing token; an unusable token becomes skipped-token trivia.
/// After one error the parser stays quiet until it consumes a token that fits again (one mistake, one diagnostic).
/// </summary>
internal sealed class Parser
{
    private readonly Lexer _lexer;
    private readonly TokenCache _tokens;
    private readonly GreenNodeCache _nodes;

    // Lookahead: at most three tokens are ever needed.
    private readonly LexedToken[] _buffer = new LexedToken[4];
    private int _bufferStart;
    private int _bufferCount;

    // Lists are built in reusable buffers (lists nest at most three deep: clauses → arguments → ...).
    private readonly Stack<List<GreenNode>> _listPool = new();

    private List<GreenNode> RentList()
    {
        if (_listPool.TryPop(out var list)) return list;
        return new List<GreenNode>(8);
    }

    /// <summary>Makes a list node of the items (inline up to three) and returns the buffer to the pool.</summary>
    private GreenNode ListAndReturn(List<GreenNode> list)
    {
        var node = _nodes.List(list);
        list.Clear();
        _listPool.Push(list);
        return node;
    }

    // Per-declaration state.
    private readonly List<SyntaxDiagnosticInfo> _diagnostics = new();
    private readonly List<GreenTrivia> _pendingSkipped = new();
    private int _declarationStart;
    private bool _recovering;
    private bool _skippedDependsOnRest;
    private int _lastStart;
    private int _lastEnd;

    public Parser(string text, int start = 0, NameTable? names = null, bool atTextStart = true)
    {
        _lexer = new Lexer(text, start, names ?? NameTable.Shared, atTextStart);
        _tokens = TokenCache.Shared;
        _nodes = GreenNodeCache.Shared;
    }

    /// <summary>See <see cref="Lexer.TouchedEnd"/>.</summary>
    public bool TouchedEnd => _lexer.TouchedEnd;

    // ------------------------------------------------------------------ token stream

    private ref LexedToken Peek(int k = 0)
    {
        while (_bufferCount <= k)
        {
            _lexer.Next(ref _buffer[(_bufferStart + _bufferCount) & 3]);
            _bufferCount++;
        }
        return ref _buffer[(_bufferStart + k) & 3];
    }

    private ref LexedToken Current => ref Peek(0);

    private void Advance()
    {
        _bufferStart = (_bufferStart + 1) & 3;
        _bufferCount--;
    }

    /// <summary>The full start of the next unread token: where the next declaration would begin.</summary>
    public int Position => Peek().FullStart;

    public bool AtEndOfFile => Peek().Kind == SyntaxKind.EndOfFileToken;

    /// <summary>The current declaration ends before the next token at column 1 or at the end of the file.</summary>
    private bool AtDeclarationEnd
    {
        get
        {
            ref var t = ref Peek();
            return t.Kind == SyntaxKind.EndOfFileToken || t.StartsLine;
        }
    }

    private GreenToken Eat(SyntaxKind asKind)
    {
        ref var t = ref Peek();
        GreenNode? leading = t.Leading;
        if (_pendingSkipped.Count > 0)
        {
            var skipped = GreenTriviaList.Create(_pendingSkipped);
            _pendingSkipped.Clear();
            leading = GreenTriviaList.Concat(skipped, leading);
        }
        var token = t.DependsOnRest
            ? new GreenToken(asKind, t.Text, leading, t.Trailing, dependsOnRest: true)
            : _tokens.Get(asKind, t.Text, t.TextHash, leading, t.Trailing);
        _lastStart = t.Start;
        _lastEnd = t.End;
        // Punctuation alone does not show that the parser is back on track (think of "(a: , , )").
        if (SyntaxFacts.GetText(t.Kind) is null) _recovering = false;
        Advance();
        return token;
    }

    private GreenToken EatAsIs() => Eat(Peek().Kind);

    /// <summary>Turns the current token into skipped-token trivia that travels with the next token eaten.</summary>
    private void Skip()
    {
        ref var t = ref Peek();
        if (t.DependsOnRest) _skippedDependsOnRest = true;
        GreenTriviaList.AddTo(_pendingSkipped, t.Leading);
        _pendingSkipped.Add(new GreenTrivia(SyntaxKind.SkippedTokenTrivia, t.Text));
        GreenTriviaList.AddTo(_pendingSkipped, t.Trailing);
        Advance();
    }

    // ------------------------------------------------------------------ diagnostics

    private void Report(int start, int length, DiagnosticDescriptor descriptor, string message, string? suggestion = null)
    {
        if (_recovering) return;
        _recovering = true;
        _diagnostics.Add(new SyntaxDiagnosticInfo(start - _declarationStart, length, descriptor, message, suggestion));
    }

    private void ReportAtCurrent(DiagnosticDescriptor descriptor, string message, string? suggestion = null)
    {
        ref var t = ref Peek();
        if (t.Kind == SyntaxKind.EndOfFileToken || t.StartsLine)
        {
            ReportAfterPrevious(descriptor, message, suggestion);
            return;
        }
        Report(t.Start, t.Width, descriptor, message, suggestion);
    }

    /// <summary>Reports a missing part on the token before it, so that the squiggle is visible and on the right line.</summary>
    private void ReportAfterPrevious(DiagnosticDescriptor descriptor, string message, string? suggestion = null) =>
        Report(_lastStart, _lastEnd - _lastStart, descriptor, message, suggestion);

    private static string Found(in LexedToken t) => t.Kind switch
    {
        SyntaxKind.EndOfFileToken => "the end of the file",
        SyntaxKind.IdentifierToken => $"'{MessageText.Quote(t.Text)}'",
        SyntaxKind.BadToken => $"'{Shorten(t.Text)}'",
        SyntaxKind.StringLiteralToken or SyntaxKind.RawStringLiteralToken => "a string",
        SyntaxKind.NumberLiteralToken => $"the number '{MessageText.Quote(t.Text)}'",
        SyntaxKind.DateLiteralToken => $"the date '{Shorten(t.Text)}'",
        _ => $"'{MessageText.Quote(t.Text)}'",
    };

    private string FoundHere()
    {
        ref var t = ref Peek();
        return t.Kind == SyntaxKind.EndOfFileToken || t.StartsLine ? "the end of the line" : Found(t);
    }

    private static string Shorten(string text) => MessageText.Quote(text, 24);

    // ------------------------------------------------------------------ compilation unit

    public GreenSyntaxNode ParseCompilationUnit()
    {
        var declarations = new GreenDeclarationList.Builder();
        while (!AtEndOfFile) declarations.Add(ParseDeclaration());
        return FinishCompilationUnit(declarations.ToList());
    }

    public GreenSyntaxNode FinishCompilationUnit(List<GreenNode> declarations) =>
        FinishCompilationUnit(GreenDeclarationList.Create(declarations));

    public GreenSyntaxNode FinishCompilationUnit(GreenDeclarationList list)
    {
        _diagnostics.Clear();
        _recovering = false;
        // Compilation-unit diagnostics (from the end-of-file token's leading trivia) are relative to its full start.
        _declarationStart = Peek().FullStart;
        var eof = Eat(SyntaxKind.EndOfFileToken);
        foreach (var d in _lexer.Diagnostics)
            _diagnostics.Add(new SyntaxDiagnosticInfo(d.Start - _declarationStart, d.Length, d.Descriptor, d.Message));
        _lexer.Diagnostics.Clear();
        return new GreenSyntaxNode(SyntaxKind.CompilationUnit, [list, eof], _diagnostics.Count == 0 ? null : _diagnostics.ToArray());
    }

    /// <summary>Parses one logical line (plus its continuation lines) into a declaration node.</summary>
    public GreenNode ParseDeclaration()
    {
        _diagnostics.Clear();
        _pendingSkipped.Clear();
        _recovering = false;
        _skippedDependsOnRest = false;
        ref var first = ref Peek();
        _declarationStart = first.FullStart;
        _lastStart = first.Start;
        _lastEnd = first.End;

        GreenNode node;
        if (!first.StartsLine)
        {
            node = ParseSkippedDeclaration(DiagnosticCatalog.OrphanContinuation,
                DiagnosticCatalog.OrphanContinuation.MessageFormat, null);
        }
        else if (first.Kind == SyntaxKind.IdentifierToken && SyntaxFacts.DeclarationKeywords.TryGetValue(first.Text, out var keyword))
        {
            node = keyword switch
            {
                SyntaxKind.SourceKeyword => ParseNamedDeclaration(SyntaxKind.SourceDeclaration, keyword, "title"),
                SyntaxKind.ActorKeyword => ParseNamedDeclaration(SyntaxKind.ActorDeclaration, keyword, "display name"),
                SyntaxKind.PlaceKeyword => ParseNamedDeclaration(SyntaxKind.PlaceDeclaration, keyword, "display name"),
                SyntaxKind.HypothesisKeyword => ParseNamedDeclaration(SyntaxKind.HypothesisDeclaration, keyword, "statement"),
                SyntaxKind.PredicateKeyword => ParsePredicate(),
                _ => ParseClaim(),
            };
        }
        else
        {
            string? suggestion = first.Kind == SyntaxKind.IdentifierToken
                ? Suggestions.Best(first.Text, SyntaxFacts.DeclarationKeywords.Keys.Order(StringComparer.Ordinal))
                : null;
            string message = suggestion is not null
                ? $"'{MessageText.Quote(first.Text)}' does not start a declaration; did you mean '{suggestion}'?"
                : $"a line must start with a declaration keyword (source, actor, place, predicate, hypothesis or claim), found {Found(first)}";
            node = ParseSkippedDeclaration(DiagnosticCatalog.NotADeclaration, message, suggestion);
        }

        // Lexical diagnostics that fall inside this declaration.
        int end = _declarationStart + node.FullWidth;
        var lexical = _lexer.Diagnostics;
        int taken = 0;
        while (taken < lexical.Count && lexical[taken].Start < end)
        {
            var d = lexical[taken++];
            int offset = d.Start - _declarationStart;
            // A token that is itself malformed explains the parser's complaint about it: keep one diagnostic.
            _diagnostics.RemoveAll(p => p.Offset == offset);
            _diagnostics.Add(new SyntaxDiagnosticInfo(offset, d.Length, d.Descriptor, d.Message));
        }
        if (taken > 0) lexical.RemoveRange(0, taken);

        if ((_diagnostics.Count > 0 || _skippedDependsOnRest) && node is GreenSyntaxNode syntaxNode)
        {
            _diagnostics.Sort(static (a, b) => a.Offset.CompareTo(b.Offset));
            node = syntaxNode.WithDiagnostics(_diagnostics.ToArray(), _skippedDependsOnRest);
        }
        return node;
    }

    /// <summary>Wraps up a declaration: skipped tokens still pending go into its last token's trailing trivia.</summary>
    private GreenNode Finish(SyntaxKind kind, params GreenNode?[] slots)
    {
        GreenNode node = new GreenSyntaxNode(kind, slots);
        if (_pendingSkipped.Count > 0)
        {
            var skipped = GreenTriviaList.Create(_pendingSkipped)!;
            _pendingSkipped.Clear();
            node = node.WithTrailingTriviaAppended(skipped);
        }
        return node;
    }

    private GreenNode ParseSkippedDeclaration(DiagnosticDescriptor descriptor, string message, string? suggestion)
    {
        ref var first = ref Peek();
        Report(first.Start, first.Width, descriptor, message, suggestion);
        var tokens = new List<GreenNode> { EatAsIs() };
        while (!AtDeclarationEnd) tokens.Add(EatAsIs());
        return new GreenSyntaxNode(SyntaxKind.SkippedDeclaration, [new GreenSyntaxNode(SyntaxKind.List, tokens.ToArray())]);
    }

    // ------------------------------------------------------------------ declarations

    /// <summary><c>source|actor|place|hypothesis Name "text" clauses…</c></summary>
    private GreenNode ParseNamedDeclaration(SyntaxKind kind, SyntaxKind keywordKind, string textPart)
    {
        string word = SyntaxFacts.DeclarationName(kind);
        var keyword = Eat(keywordKind);
        var name = ExpectIdentifier(new LazyMessage("expected a name after '", word, "'"));
        var title = ExpectString(new LazyMessage("expected the ", textPart, " (a string) after ", word, " '", name.IsMissing ? "…" : null, "'", name.IsMissing ? null : name.Text));
        var clauses = ParseClauses(kind);
        return Finish(kind, keyword, name, title, clauses);
    }

    /// <summary><c>predicate name [(param: type, …)] ["description"]</c></summary>
    private GreenNode ParsePredicate()
    {
        var keyword = Eat(SyntaxKind.PredicateKeyword);
        var name = ExpectIdentifier("expected a predicate name after 'predicate'");
        GreenNode? parameters = null;
        if (!AtDeclarationEnd && Peek().Kind == SyntaxKind.OpenParenToken) parameters = ParseParameterList();
        GreenToken? description = null;
        if (!AtDeclarationEnd && Peek().Kind is SyntaxKind.StringLiteralToken or SyntaxKind.RawStringLiteralToken)
            description = EatAsIs();
        var clauses = ParseClauses(SyntaxKind.PredicateDeclaration);
        return Finish(SyntaxKind.PredicateDeclaration, keyword, name, parameters, description, clauses);
    }

    /// <summary><c>claim [Label =] Subject.predicate[(args)] clauses…</c></summary>
    private GreenNode ParseClaim()
    {
        var keyword = Eat(SyntaxKind.ClaimKeyword);
        GreenNode? label = null;
        if (!AtDeclarationEnd)
        {
            if (Peek().Kind == SyntaxKind.IdentifierToken && PeekContinues(1, SyntaxKind.EqualsToken))
            {
                var labelName = EatAsIs();
                label = _nodes.Node2(SyntaxKind.ClaimLabel, labelName, Eat(SyntaxKind.EqualsToken));
            }
            else if (Peek().Kind == SyntaxKind.EqualsToken)
            {
                ReportAfterPrevious(DiagnosticCatalog.MissingPart, "expected a label before '='");
                var missing = GreenToken.Missing(SyntaxKind.IdentifierToken);
                label = _nodes.Node2(SyntaxKind.ClaimLabel, missing, Eat(SyntaxKind.EqualsToken));
            }
        }

        GreenToken subject, dot, predicate;
        ref var t = ref Peek();
        bool subjectHere = !AtDeclarationEnd && t.Kind == SyntaxKind.IdentifierToken &&
            !(SyntaxFacts.TryGetClause(SyntaxFacts.ClaimClauses, t.Text, out _) && !PeekContinues(1, SyntaxKind.DotToken));
        if (subjectHere)
        {
            subject = EatAsIs();
            if (!AtDeclarationEnd && Peek().Kind == SyntaxKind.DotToken)
            {
                dot = Eat(SyntaxKind.DotToken);
                predicate = ExpectIdentifier(new LazyMessage("expected a predicate name after '", g: ".'", h: subject.Text));
            }
            else
            {
                ReportAfterPrevious(DiagnosticCatalog.MissingPart,
                    $"expected '.' and a predicate after the subject '{MessageText.Quote(subject.Text)}' (write '{MessageText.Quote(subject.Text)}.predicate')");
                dot = GreenToken.Missing(SyntaxKind.DotToken);
                predicate = GreenToken.Missing(SyntaxKind.IdentifierToken);
            }
        }
        else
        {
            ReportAfterPrevious(DiagnosticCatalog.MissingPart,
                label is null ? "expected 'Subject.predicate' after 'claim'" : "expected 'Subject.predicate' after '='");
            subject = GreenToken.Missing(SyntaxKind.IdentifierToken);
            dot = GreenToken.Missing(SyntaxKind.DotToken);
            predicate = GreenToken.Missing(SyntaxKind.IdentifierToken);
        }

        GreenNode? arguments = null;
        if (!AtDeclarationEnd && Peek().Kind == SyntaxKind.OpenParenToken) arguments = ParseArgumentList();
        var clauses = ParseClauses(SyntaxKind.ClaimDeclaration);
        return Finish(SyntaxKind.ClaimDeclaration, keyword, label, subject, dot, predicate, arguments, clauses);
    }

    private bool PeekContinues(int k, SyntaxKind kind)
    {
        ref var t = ref Peek(k);
        return t.Kind == kind && !t.StartsLine;
    }

    // ------------------------------------------------------------------ clauses

    private GreenNode ParseClauses(SyntaxKind declarationKind)
    {
        var clauses = SyntaxFacts.GetClauses(declarationKind);
        List<GreenNode>? result = null;
        while (!AtDeclarationEnd)
        {
            ref var t = ref Peek();
            if (t.Kind == SyntaxKind.IdentifierToken && SyntaxFacts.TryGetClause(clauses, t.Text, out var info))
            {
                (result ??= RentList()).Add(ParseClause(info));
                continue;
            }
            ReportNotAClause(declarationKind, clauses, t);
            Skip();
        }
        return result is null ? EmptyList : ListAndReturn(result);
    }

    internal static readonly GreenSyntaxNode EmptyList = GreenLists.Empty;

    private void ReportNotAClause(SyntaxKind declarationKind, IReadOnlyList<SyntaxFacts.ClauseInfo> clauses, in LexedToken t)
    {
        if (_recovering) return;
        string word = SyntaxFacts.DeclarationName(declarationKind);
        string article = word is "actor" or "hypothesis" ? "an" : "a";
        if (clauses.Count == 0)
        {
            string what = declarationKind == SyntaxKind.PredicateDeclaration
                ? "a predicate declaration ends after its parameters and description"
                : $"{article} {word} declaration takes no clauses";
            Report(t.Start, t.Width, t.Kind == SyntaxKind.IdentifierToken ? DiagnosticCatalog.NotAClause : DiagnosticCatalog.UnexpectedToken,
                $"unexpected {Found(t)}: {what}");
            return;
        }
        var names = new string[clauses.Count];
        for (int i = 0; i < names.Length; i++) names[i] = clauses[i].Keyword;
        string list = string.Join(", ", names);
        if (t.Kind == SyntaxKind.IdentifierToken)
        {
            string? suggestion = Suggestions.Best(t.Text, names);
            string message = suggestion is not null
                ? $"'{MessageText.Quote(t.Text)}' is not a clause of {article} {word}; did you mean '{suggestion}'?"
                : $"'{MessageText.Quote(t.Text)}' is not a clause of {article} {word} (its clauses are: {list})";
            Report(t.Start, t.Width, DiagnosticCatalog.NotAClause, message, suggestion);
        }
        else
        {
            Report(t.Start, t.Width, DiagnosticCatalog.UnexpectedToken, $"unexpected {Found(t)}; expected a clause of {article} {word} ({list})");
        }
    }

    private GreenNode ParseClause(SyntaxFacts.ClauseInfo info)
    {
        var keyword = Eat(info.KeywordKind);
        string k = info.Keyword;
        switch (info.Shape)
        {
            case ClauseValueShape.Date:
                return _nodes.Node2(info.ClauseKind, keyword, ExpectDate(info.Keyword));
            case ClauseValueShape.String:
                return _nodes.Node2(info.ClauseKind, keyword, ExpectString(new LazyMessage("expected a string after '", k, "'")));
            case ClauseValueShape.Identifier:
                return _nodes.Node2(info.ClauseKind, keyword, ExpectIdentifier(new LazyMessage("expected a word after '", k, "' (for example 'kind outlet')")));
            case ClauseValueShape.Grade:
                return _nodes.Node2(info.ClauseKind, keyword, ExpectGrade(info.KeywordKind));
            case ClauseValueShape.Name:
                return _nodes.Node2(info.ClauseKind, keyword, ExpectIdentifier(new LazyMessage("expected a name after '", k, "'")));
            case ClauseValueShape.NameList:
                return _nodes.Node2(info.ClauseKind, keyword, ParseSeparated(ListItem.Name, k));
            case ClauseValueShape.IdentifierList:
                return _nodes.Node2(info.ClauseKind, keyword, ParseSeparated(ListItem.Name, k));
            case ClauseValueShape.StringList:
                return _nodes.Node2(info.ClauseKind, keyword, ParseSeparated(ListItem.String, k));
            case ClauseValueShape.ReferenceList:
                return _nodes.Node2(info.ClauseKind, keyword, ParseSeparated(ListItem.Reference, k));
            case ClauseValueShape.Reference:
                return _nodes.Node2(info.ClauseKind, keyword, ParseReference(new LazyMessage("expected a claim reference after '", k, "'")));
            case ClauseValueShape.Coordinates:
            {
                var latitude = ExpectNumber(new LazyMessage("expected a latitude after '", k, "' (write 'at 33.51, 36.29')"));
                GreenToken comma, longitude;
                if (!AtDeclarationEnd && Peek().Kind == SyntaxKind.CommaToken)
                {
                    comma = Eat(SyntaxKind.CommaToken);
                    longitude = ExpectNumber("expected a longitude after ','");
                }
                else
                {
                    if (!latitude.IsMissing) ReportAfterPrevious(DiagnosticCatalog.MissingPart, "expected ',' and a longitude after the latitude");
                    comma = GreenToken.Missing(SyntaxKind.CommaToken);
                    longitude = GreenToken.Missing(SyntaxKind.NumberLiteralToken);
                }
                return new GreenSyntaxNode(info.ClauseKind, [keyword, latitude, comma, longitude]);
            }
            default:
                throw new InvalidOperationException(info.Shape.ToString());
        }
    }

    private enum ListItem { Name, String, Reference }

    /// <param name="keyword">The clause keyword the list follows (for messages).</param>
    private GreenNode ParseSeparated(ListItem item, string keyword)
    {
        var items = RentList();
        string expected = item switch
        {
            ListItem.String => "a string",
            ListItem.Reference => "a reference",
            _ => "a name",
        };
        items.Add(ParseListItem(item, new LazyMessage("expected ", expected, " after '", keyword, "'")));
        while (!AtDeclarationEnd && Peek().Kind == SyntaxKind.CommaToken)
        {
            items.Add(Eat(SyntaxKind.CommaToken));
            items.Add(ParseListItem(item, new LazyMessage("expected ", expected, " after ','")));
        }
        return ListAndReturn(items);
    }

    private GreenNode ParseListItem(ListItem item, LazyMessage message) => item switch
    {
        ListItem.String => ExpectString(message),
        ListItem.Reference => ParseReference(message),
        _ => ExpectIdentifier(message),
    };

    /// <summary><c>Name</c> or <c>Subject.predicate</c>.</summary>
    private GreenNode ParseReference(LazyMessage message)
    {
        var name = ExpectIdentifier(message);
        if (!name.IsMissing && !AtDeclarationEnd && Peek().Kind == SyntaxKind.DotToken)
        {
            var dot = Eat(SyntaxKind.DotToken);
            var member = ExpectIdentifier(new LazyMessage("expected a predicate name after '", g: ".'", h: name.Text));
            return _nodes.Node3(SyntaxKind.Reference, name, dot, member);
        }
        return _nodes.Node3(SyntaxKind.Reference, name, null, null);
    }

    // ------------------------------------------------------------------ parameter and argument lists

    private GreenNode ParseParameterList()
    {
        var open = Eat(SyntaxKind.OpenParenToken);
        var items = RentList();
        while (!AtDeclarationEnd && Peek().Kind != SyntaxKind.CloseParenToken)
        {
            var name = ExpectIdentifier("expected a parameter name");
            GreenToken colon, type;
            if (!AtDeclarationEnd && Peek().Kind == SyntaxKind.ColonToken)
            {
                colon = Eat(SyntaxKind.ColonToken);
                type = ExpectType();
            }
            else
            {
                if (!name.IsMissing) ReportAtCurrent(DiagnosticCatalog.MissingPart, $"expected ':' and a type after the parameter '{MessageText.Quote(name.Text)}' (write '{MessageText.Quote(name.Text)}: actor')");
                colon = GreenToken.Missing(SyntaxKind.ColonToken);
                type = GreenToken.Missing(SyntaxKind.IdentifierToken);
            }
            items.Add(_nodes.Node3(SyntaxKind.Parameter, name, colon, type));
            if (!SeparatorOrClose(items, "parameter")) break;
        }
        return _nodes.Node3(SyntaxKind.ParameterList, open, ListAndReturn(items), ExpectClose("parameter"));
    }

    private GreenNode ParseArgumentList()
    {
        var open = Eat(SyntaxKind.OpenParenToken);
        var items = RentList();
        while (!AtDeclarationEnd && Peek().Kind != SyntaxKind.CloseParenToken)
        {
            GreenToken? name = null, colon = null;
            if (Peek().Kind == SyntaxKind.IdentifierToken && PeekContinues(1, SyntaxKind.ColonToken))
            {
                name = EatAsIs();
                colon = Eat(SyntaxKind.ColonToken);
            }
            GreenToken value;
            ref var t = ref Peek();
            if (!AtDeclarationEnd && t.Kind is SyntaxKind.IdentifierToken or SyntaxKind.NumberLiteralToken or SyntaxKind.DateLiteralToken
                    or SyntaxKind.StringLiteralToken or SyntaxKind.RawStringLiteralToken)
            {
                value = EatAsIs();
            }
            else
            {
                ReportAtCurrent(DiagnosticCatalog.MissingPart, $"expected an argument value (a name, number, date or string), found {FoundHere()}");
                value = GreenToken.Missing(SyntaxKind.IdentifierToken);
            }
            items.Add(_nodes.Node3(SyntaxKind.Argument, name, colon, value));
            if (!SeparatorOrClose(items, "argument")) break;
        }
        return _nodes.Node3(SyntaxKind.ArgumentList, open, ListAndReturn(items), ExpectClose("argument"));
    }

    /// <summary>After a list element: eats a ',' (true: continue), stops before ')' (false), or skips junk.</summary>
    private bool SeparatorOrClose(List<GreenNode> items, string what)
    {
        while (true)
        {
            if (AtDeclarationEnd) return false;
            ref var t = ref Peek();
            if (t.Kind == SyntaxKind.CommaToken)
            {
                items.Add(Eat(SyntaxKind.CommaToken));
                if (!AtDeclarationEnd && Peek().Kind == SyntaxKind.CloseParenToken)
                {
                    ReportAtCurrent(DiagnosticCatalog.MissingPart, $"expected another {what} after ','; remove the trailing comma");
                    items.Add(what == "argument"
                        ? _nodes.Node3(SyntaxKind.Argument, null, null, GreenToken.Missing(SyntaxKind.IdentifierToken))
                        : _nodes.Node3(SyntaxKind.Parameter, GreenToken.Missing(SyntaxKind.IdentifierToken), GreenToken.Missing(SyntaxKind.ColonToken), GreenToken.Missing(SyntaxKind.IdentifierToken)));
                    return false;
                }
                return true;
            }
            if (t.Kind == SyntaxKind.CloseParenToken) return false;
            ReportAtCurrent(DiagnosticCatalog.UnexpectedToken, $"expected ',' or ')' in the {what} list, found {Found(t)}");
            Skip();
        }
    }

    private GreenToken ExpectClose(string what)
    {
        if (!AtDeclarationEnd && Peek().Kind == SyntaxKind.CloseParenToken) return Eat(SyntaxKind.CloseParenToken);
        ReportAfterPrevious(DiagnosticCatalog.UnexpectedToken, $"expected ')' to close the {what} list, found {FoundHere()}");
        return GreenToken.Missing(SyntaxKind.CloseParenToken);
    }

    private GreenToken ExpectType()
    {
        ref var t = ref Peek();
        if (!AtDeclarationEnd && t.Kind == SyntaxKind.IdentifierToken)
        {
            if (SyntaxFacts.TypeKeywords.TryGetValue(t.Text, out var kind)) return Eat(kind);
            string? suggestion = Suggestions.Best(t.Text, SyntaxFacts.TypeKeywords.Keys.Order(StringComparer.Ordinal));
            ReportAtCurrent(DiagnosticCatalog.UnexpectedToken,
                $"unknown parameter type '{MessageText.Quote(t.Text)}'; expected actor, place, date, number, text or claim" +
                (suggestion is null ? "" : $" (did you mean '{suggestion}'?)"), suggestion);
            return EatAsIs();
        }
        ReportAtCurrent(DiagnosticCatalog.MissingPart, $"expected a parameter type (actor, place, date, number, text or claim), found {FoundHere()}");
        return GreenToken.Missing(SyntaxKind.IdentifierToken);
    }

    // ------------------------------------------------------------------ single values

    private GreenToken ExpectIdentifier(LazyMessage message)
    {
        if (!AtDeclarationEnd && Peek().Kind == SyntaxKind.IdentifierToken) return EatAsIs();
        ReportMissing(message);
        return GreenToken.Missing(SyntaxKind.IdentifierToken);
    }

    private GreenToken ExpectString(LazyMessage message)
    {
        if (!AtDeclarationEnd && Peek().Kind is SyntaxKind.StringLiteralToken or SyntaxKind.RawStringLiteralToken) return EatAsIs();
        ReportMissing(message);
        return GreenToken.Missing(SyntaxKind.StringLiteralToken);
    }

    private GreenToken ExpectNumber(LazyMessage message)
    {
        if (!AtDeclarationEnd && Peek().Kind == SyntaxKind.NumberLiteralToken) return EatAsIs();
        ReportMissing(message);
        return GreenToken.Missing(SyntaxKind.NumberLiteralToken);
    }

    private GreenToken ExpectGrade(SyntaxKind keyword)
    {
        if (!AtDeclarationEnd && Peek().Kind is SyntaxKind.IdentifierToken or SyntaxKind.NumberLiteralToken) return EatAsIs();
        ReportMissing(keyword switch
        {
            SyntaxKind.ConfidenceKeyword => "expected a confidence (low, moderate or high) after 'confidence'",
            SyntaxKind.ReliabilityKeyword => "expected a reliability grade (A to F) after 'reliability'",
            _ => "expected a credibility grade (1 to 6) after 'credibility'",
        });
        return GreenToken.Missing(SyntaxKind.IdentifierToken);
    }

    private GreenToken ExpectDate(string keyword)
    {
        ref var t = ref Peek();
        if (!AtDeclarationEnd)
        {
            if (t.Kind == SyntaxKind.DateLiteralToken) return EatAsIs();
            if (t.Kind == SyntaxKind.NumberLiteralToken)
            {
                if (!IsYear(t.Text))
                {
                    Report(t.Start, t.Width, DiagnosticCatalog.MalformedDate,
                        $"malformed date '{MessageText.Quote(t.Text)}': a bare number where a date is expected must be a four-digit year");
                }
                return EatAsIs();
            }
        }
        ReportMissing($"expected a date after '{keyword}' (for example 2017-01-28), found {FoundHere()}");
        return GreenToken.Missing(SyntaxKind.DateLiteralToken);
    }

    private static bool IsYear(string text) =>
        text.Length == 4 && SyntaxFacts.IsDigit(text[0]) && SyntaxFacts.IsDigit(text[1]) && SyntaxFacts.IsDigit(text[2]) && SyntaxFacts.IsDigit(text[3]);

    /// <summary>A missing part: reported on the previous token (or on an unexpected token right here).</summary>
    private void ReportMissing(LazyMessage lazy)
    {
        if (_recovering) return;
        string message = lazy.ToString();
        ref var t = ref Peek();
        if (t.Kind == SyntaxKind.EndOfFileToken || t.StartsLine || t.Kind == SyntaxKind.IdentifierToken)
            ReportAfterPrevious(DiagnosticCatalog.MissingPart, message);
        else
            Report(t.Start, t.Width, DiagnosticCatalog.MissingPart, message.Contains(", found ", StringComparison.Ordinal) ? message : $"{message}, found {Found(t)}");
    }
}

/// <summary>
/// A diagnostic message put together only when it is reported. The parser names what it expects at every step, and
/// formatting those messages eagerly (on the success path, for every clause and list) was a large share of parse time
/// and allocations. Up to eight pieces, concatenated; a null piece is skipped. A string converts implicitly.
/// </summary>
internal readonly struct LazyMessage(string a, string? b = null, string? c = null, string? d = null, string? e = null, string? f = null, string? g = null, string? h = null)
{
    public static implicit operator LazyMessage(string text) => new(text);

    /// <summary>Quotes the name piece <paramref name="h"/> as messages do (it goes between pieces f and g).</summary>
    public override string ToString() =>
        string.Concat(string.Concat(a, b, c, d), string.Concat(e, f, h is null ? null : MessageText.Quote(h), g));
}

/// <summary>
/// Shares identical green tokens (same kind, text and trivia): keywords, punctuation and repeated names and dates with
/// the usual single space or line break after them. Keyed on the text's hash (computed by the lexer as it scanned the
/// text) and the trivia's <see cref="GreenNode.CacheKey"/>; only tokens whose trivia is one of the shared instances
/// (or absent) are shared. Fixed size, two-way set-associative, kept small (a larger table cost more in cache misses
/// and in GC promotion of the cached tokens than it saved in allocations); an entry is overwritten on collision.
/// </summary>
internal sealed class TokenCache
{
    /// <summary>
    /// An entry carries its key (text reference, text hash, kind, trivia keys) beside the token, so a lookup reads
    /// only the table and never the token object itself, which is usually cold in the cache.
    /// </summary>
    private struct Entry
    {
        public GreenToken? Token;
        public string? Text;
        public int TextHash;
        public int LeadingKey;
        public int TrailingKey;
        public SyntaxKind Kind;
    }

    private readonly Entry[] _entries = new Entry[1 << 13];
    private const int FixedKinds = 256;
    private const int FixedTrivia = 64;
    private readonly GreenToken?[] _fixed = new GreenToken?[FixedKinds * FixedTrivia];

    private static bool IsFixedText(SyntaxKind kind) => SyntaxFacts.IsKeyword(kind) || SyntaxFacts.GetText(kind) is not null;

    [ThreadStatic] private static TokenCache? s_shared;
    public static TokenCache Shared => s_shared ??= new TokenCache();

    public GreenToken Get(SyntaxKind kind, string text, int textHash, GreenNode? leading, GreenNode? trailing)
    {
        int leadingKey = 0, trailingKey = 0;
        // Keywords and punctuation (whose text the kind decides) with no leading trivia and a common trailing one
        // (nothing, a space, a line break): a direct table, no hashing.
        if (leading is null && (uint)kind < FixedKinds && IsFixedText(kind))
        {
            trailingKey = trailing is null ? 0 : trailing.CacheKey;
            if ((trailing is null || trailingKey != 0) && trailingKey < FixedTrivia)
            {
                ref var fixedSlot = ref _fixed[(int)kind * FixedTrivia + trailingKey];
                var known = fixedSlot;
                if (known is not null && ReferenceEquals(known.Trailing, trailing) && string.Equals(known.Text, text)) return known;
                return fixedSlot = new GreenToken(kind, text, leading, trailing);
            }
        }
        // String literals are (nearly) never repeated, and their entries would only evict useful ones.
        if (text.Length > 48 || kind is SyntaxKind.StringLiteralToken or SyntaxKind.RawStringLiteralToken || text.Length == 0
            || (leading is not null && (leadingKey = leading.CacheKey) == 0)
            || (trailing is not null && (trailingKey = trailing.CacheKey) == 0))
            return new GreenToken(kind, text, leading, trailing);
        uint hash = (uint)textHash * 0x9E3779B1u ^ (uint)kind * 0x85EBCA77u ^ (uint)leadingKey * 0xC2B2AE3Du ^ (uint)trailingKey * 0x27D4EB2Fu;
        hash ^= hash >> 15;
        int index = (int)((hash << 1) & (uint)(_entries.Length - 2));
        // The text is interned by the lexer's name table, so equal texts are (nearly always) the same string; a
        // different instance of equal text only costs a second token.
        ref var first = ref _entries[index];
        if (first.TextHash == textHash && ReferenceEquals(first.Text, text) && first.Kind == kind
            && first.LeadingKey == leadingKey && first.TrailingKey == trailingKey)
            return first.Token!;
        ref var second = ref _entries[index + 1];
        if (second.TextHash == textHash && ReferenceEquals(second.Text, text) && second.Kind == kind
            && second.LeadingKey == leadingKey && second.TrailingKey == trailingKey)
            return second.Token!;
        var created = new GreenToken(kind, text, leading, trailing);
        second = first;
        first = new Entry { Token = created, Text = text, TextHash = textHash, LeadingKey = leadingKey, TrailingKey = trailingKey, Kind = kind };
        return created;
    }
}
