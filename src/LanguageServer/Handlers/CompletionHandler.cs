using ClaimLang.Binding;
using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;
using ClaimLang.LanguageServer.Workspace;
using ClaimLang.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>
/// textDocument/completion, by the cursor's place in the syntax: declaration keywords at the start of a line; the
/// clauses the declaration may still take; after a clause keyword, names of the right kind (sources after
/// <c>source</c>, places after <c>at</c>…) or the values of a grade; actors and places as a claim's subject,
/// predicates after the dot, parameter names and fitting values in an argument list, and type words in a
/// predicate's parameter list. Nothing inside comments and strings.
/// </summary>
internal sealed class CompletionHandler : ILspHandler
{
    public void Register(HandlerRegistry registry) =>
        registry.Request<CompletionParams, CompletionList>("textDocument/completion", Handle);

    private static readonly CompletionList Empty = new(false, []);

    private static CompletionList Handle(CompletionParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(p.TextDocument);
        var text = document.Text;
        int offset = document.GetOffset(p.Position);
        var tree = document.Tree;
        if (IsInCommentOrString(tree, offset)) return Empty;

        int wordStart = offset;
        while (wordStart > 0 && SyntaxFacts.IsIdentifierPart(text[wordStart - 1])) wordStart--;
        int wordEnd = offset;
        while (wordEnd < text.Length && SyntaxFacts.IsIdentifierPart(text[wordEnd])) wordEnd++;
        var replace = TextSpan.FromBounds(wordStart, wordEnd);
        var builder = new Items(document, replace, context.Client);

        int lineStart = document.Lines.GetLineStart(document.Lines.GetLine(offset));
        if (wordStart == lineStart || (wordStart == 1 && text[0] == '\uFEFF'))
        {
            builder.DeclarationKeywords();
            return builder.ToList();
        }

        var previous = Navigation.TokenBefore(tree, wordStart);
        if (previous.IsDefault) return Empty;
        var declaration = previous.Parent?.Ancestors(includeSelf: true).OfType<DeclarationSyntax>().FirstOrDefault();
        if (declaration is null or SkippedDeclarationSyntax) return Empty;

        var project = context.Workspace.GetProject(document);
        var compilation = project.Compilation;
        cancellationToken.ThrowIfCancellationRequested();
        var parent = previous.Parent;

        // After a clause keyword, or after a comma in a clause's list: the clause's values.
        var clause = parent?.Ancestors(includeSelf: true).OfType<ClauseSyntax>().FirstOrDefault();
        if (clause is not null && (clause.Keyword == previous || previous.Kind == SyntaxKind.CommaToken))
        {
            builder.ClauseValues(clause.Keyword.Kind, declaration.Kind, compilation);
            return builder.ToList();
        }

        switch (declaration)
        {
            case ClaimDeclarationSyntax claim:
                if (claim.Keyword == previous || (claim.Label is { } label && label.EqualsToken == previous))
                {
                    builder.Names(compilation, SymbolKind.Actor, SymbolKind.Place);
                    return builder.ToList();
                }
                if (claim.DotToken == previous && !previous.IsMissing)
                {
                    builder.Predicates(compilation);
                    return builder.ToList();
                }
                if (claim.ArgumentList is { } arguments && previous.SpanStart >= arguments.OpenParen.SpanStart
                    && (arguments.CloseParen.IsMissing || previous.SpanStart < arguments.CloseParen.SpanStart))
                {
                    Arguments(builder, claim, arguments, previous, compilation);
                    return builder.ToList();
                }
                if (claim.Predicate.IsMissing) return Empty;
                break;
            case PredicateDeclarationSyntax:
                if (previous.Kind == SyntaxKind.ColonToken && previous.Parent is ParameterSyntax)
                    builder.TypeWords();
                return builder.ToList();
            case NamedDeclarationSyntax named:
                if (named.Keyword == previous || named.Text.IsMissing) return Empty;
                break;
        }

        builder.ClauseKeywords(declaration, replace);
        return builder.ToList();
    }

    private static void Arguments(Items builder, ClaimDeclarationSyntax claim, ArgumentListSyntax list, SyntaxToken previous, Compilation compilation)
    {
        var predicate = claim.Predicate.IsMissing ? null : compilation.LookupPredicate(claim.Predicate.Text);
        if (previous.Kind == SyntaxKind.ColonToken && previous.Parent is ArgumentSyntax named)
        {
            var parameter = predicate?.FindParameter(named.Name.Text);
            builder.ArgumentValues(parameter?.Type, compilation);
            return;
        }
        if (previous.Kind is not (SyntaxKind.OpenParenToken or SyntaxKind.CommaToken)) return;

        // Which slot the cursor is in, and what the arguments before it already fill.
        int index = 0;
        bool seenNamed = false;
        var given = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in list.Arguments)
        {
            if (argument.SpanStart > previous.SpanStart) break;
            if (argument.IsNamed)
            {
                seenNamed = true;
                given.Add(argument.Name.Text);
            }
            else if (!argument.Value.IsMissing && predicate is not null && index < predicate.Parameters.Length)
            {
                given.Add(predicate.Parameters[index].Name);
            }
            if (!argument.Value.IsMissing || argument.IsNamed) index++;
        }
        if (predicate is null)
        {
            builder.ArgumentValues(null, compilation);
            return;
        }
        foreach (var parameter in predicate.Parameters)
        {
            if (!given.Contains(parameter.Name)) builder.ParameterName(parameter);
        }
        if (!seenNamed && index < predicate.Parameters.Length) builder.ArgumentValues(predicate.Parameters[index].Type, compilation);
    }

    private static bool IsInCommentOrString(SyntaxTree tree, int offset)
    {
        var root = tree.GetRoot();
        for (int probe = Math.Max(offset - 1, 0); probe <= offset; probe++)
        {
            var token = root.FindToken(probe);
            if (token.IsDefault) continue;
            if (token.Kind is SyntaxKind.StringLiteralToken or SyntaxKind.RawStringLiteralToken && !token.IsMissing)
            {
                var span = token.Span;
                bool closed = span.Length >= 2 && token.Text[^1] == '"' && !(token.Kind == SyntaxKind.RawStringLiteralToken && span.Length < 6);
                if (offset > span.Start && (offset < span.End || (offset == span.End && !closed))) return true;
            }
            foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
            {
                if (!SyntaxFacts.IsComment(trivia.Kind)) continue;
                var span = trivia.Span;
                bool lineComment = trivia.Kind != SyntaxKind.MultiLineCommentTrivia;
                bool open = lineComment || !trivia.Text.EndsWith("*/", StringComparison.Ordinal) || trivia.Text.Length < 4;
                if (offset > span.Start && (offset < span.End || (offset == span.End && open))) return true;
            }
        }
        return false;
    }

    /// <summary>Collects completion items that replace the word at the cursor.</summary>
    private sealed class Items
    {
        private readonly DocumentSnapshot _document;
        private readonly LspRange _range;
        private readonly ClientInfo _client;
        private readonly List<CompletionItem> _items = [];
        private readonly HashSet<string> _labels = new(StringComparer.Ordinal);

        public Items(DocumentSnapshot document, TextSpan replace, ClientInfo client)
        {
            _document = document;
            _range = document.GetRange(replace);
            _client = client;
        }

        public CompletionList ToList() => new(false, _items);

        private void Add(string label, CompletionItemKind kind, string? detail, string? documentation, string sortGroup,
            string? insert = null, bool snippet = false)
        {
            if (!_labels.Add(label)) return;
            _items.Add(new CompletionItem
            {
                Label = label,
                Kind = kind,
                Detail = detail,
                Documentation = documentation is null ? null
                    : new MarkupContent(_client.CompletionMarkdown ? MarkupKind.Markdown : MarkupKind.PlainText, documentation),
                SortText = sortGroup + label,
                FilterText = label,
                TextEdit = new TextEdit(_range, insert ?? label),
                InsertTextFormat = snippet ? 2 : 1,
            });
        }

        public void DeclarationKeywords()
        {
            (string Keyword, string Snippet, string Detail)[] keywords =
            [
                ("source", "source ${1:Name} \"${2:title}\"", "declares a source of information"),
                ("actor", "actor ${1:Name} \"${2:display name}\"", "declares an actor"),
                ("place", "place ${1:Name} \"${2:display name}\"", "declares a place"),
                ("predicate", "predicate ${1:name}(${2:param}: ${3|actor,place,date,number,text,claim|})", "declares what claims can say"),
                ("hypothesis", "hypothesis ${1:Name} \"${2:statement}\"", "declares a hypothesis"),
                ("claim", "claim ${1:Subject}.${2:predicate} source ${3:Source} confidence ${4|low,moderate,high|}", "states a claim"),
            ];
            foreach (var (keyword, snippet, detail) in keywords)
            {
                if (_client.CompletionSnippets) Add(keyword, CompletionItemKind.Keyword, detail, null, "0", snippet, snippet: true);
                else Add(keyword, CompletionItemKind.Keyword, detail, null, "0", keyword + " ");
            }
        }

        public void ClauseKeywords(DeclarationSyntax declaration, TextSpan typing)
        {
            var present = new HashSet<SyntaxKind>();
            foreach (var clause in declaration.Clauses)
            {
                // The word being typed may already parse as a clause: it does not count.
                if (clause.Keyword.Span.IntersectsWith(typing) || clause.Keyword.Span.End == typing.Start) continue;
                present.Add(clause.Kind);
            }
            foreach (var info in SyntaxFacts.GetClauses(declaration.Kind))
            {
                if (present.Contains(info.ClauseKind) && !info.Repeatable) continue;
                string? description = SyntaxInfo.DescribeClause(info.Keyword, declaration.Kind);
                string? snippet = !_client.CompletionSnippets ? null : info.KeywordKind switch
                {
                    SyntaxKind.ConfidenceKeyword => "confidence ${1|low,moderate,high|}",
                    SyntaxKind.ReliabilityKeyword => "reliability ${1|A,B,C,D,E,F|}",
                    SyntaxKind.CredibilityKeyword => "credibility ${1|1,2,3,4,5,6|}",
                    _ => info.Shape is ClauseValueShape.String or ClauseValueShape.StringList ? info.Keyword + " \"$1\"" : null,
                };
                string sort = info.KeywordKind == SyntaxKind.SourceKeyword && declaration.Kind == SyntaxKind.ClaimDeclaration ? "0" : "1";
                if (snippet is not null) Add(info.Keyword, CompletionItemKind.Keyword, description, null, sort, snippet, snippet: true);
                else Add(info.Keyword, CompletionItemKind.Keyword, description, null, sort, info.Keyword + " ");
            }
        }

        public void ClauseValues(SyntaxKind keyword, SyntaxKind declarationKind, Compilation compilation)
        {
            switch (keyword)
            {
                case SyntaxKind.SourceKeyword or SyntaxKind.CitesKeyword:
                    Names(compilation, SymbolKind.Source);
                    break;
                case SyntaxKind.PartOfKeyword:
                    Names(compilation, SymbolKind.Actor);
                    break;
                case SyntaxKind.InKeyword:
                    Names(compilation, SymbolKind.Place);
                    break;
                case SyntaxKind.AtKeyword when declarationKind == SyntaxKind.ClaimDeclaration:
                    Names(compilation, SymbolKind.Place);
                    break;
                case SyntaxKind.ContradictsKeyword:
                    Names(compilation, SymbolKind.Claim, SymbolKind.Hypothesis, SymbolKind.Source);
                    break;
                case SyntaxKind.SupportsKeyword:
                    Names(compilation, SymbolKind.Claim, SymbolKind.Hypothesis);
                    break;
                case SyntaxKind.SupersedesKeyword:
                    Names(compilation, SymbolKind.Claim);
                    break;
                case SyntaxKind.ConfidenceKeyword:
                    Scale(Grades.Confidence);
                    break;
                case SyntaxKind.ReliabilityKeyword:
                    Scale(Grades.Reliability);
                    break;
                case SyntaxKind.CredibilityKeyword:
                    Scale(Grades.Credibility);
                    break;
                case SyntaxKind.KindKeyword when declarationKind == SyntaxKind.SourceDeclaration:
                    Words(compilation.Bound.Sources.Select(s => s.SourceKind), ["analysis", "outlet", "report", "comment", "official", "social"]);
                    break;
                case SyntaxKind.KindKeyword when declarationKind == SyntaxKind.ActorDeclaration:
                    Words(compilation.Bound.Actors.Select(a => a.ActorKind), ["person", "state", "military", "organization", "group"]);
                    break;
                case SyntaxKind.LangKeyword:
                    Words(compilation.Bound.Sources.Select(s => s.Lang), ["en"]);
                    break;
                case SyntaxKind.TagsKeyword:
                    Words(compilation.Claims.SelectMany(c => c.Tags).Select(t => (string?)t), []);
                    break;
            }
        }

        private void Scale(IReadOnlyList<(string Value, string Meaning)> scale)
        {
            for (int i = 0; i < scale.Count; i++)
                Add(scale[i].Value, CompletionItemKind.EnumMember, scale[i].Meaning, null, i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
        }

        private void Words(IEnumerable<string?> inUse, IEnumerable<string> defaults)
        {
            foreach (string? word in inUse)
            {
                if (!string.IsNullOrEmpty(word)) Add(word, CompletionItemKind.Value, "used in this workspace", null, "0");
            }
            foreach (string word in defaults) Add(word, CompletionItemKind.Value, null, null, "1");
        }

        public void Names(Compilation compilation, params SymbolKind[] kinds)
        {
            for (int k = 0; k < kinds.Length; k++)
            {
                IEnumerable<Symbol> symbols = kinds[k] switch
                {
                    SymbolKind.Source => compilation.Bound.Sources,
                    SymbolKind.Actor => compilation.Bound.Actors,
                    SymbolKind.Place => compilation.Bound.Places,
                    SymbolKind.Hypothesis => compilation.Bound.Hypotheses,
                    SymbolKind.Claim => compilation.Claims.Where(c => c.Label is not null),
                    _ => [],
                };
                foreach (var symbol in symbols) Symbol(symbol, k.ToString(System.Globalization.CultureInfo.InvariantCulture), compilation);
            }
        }

        public void Predicates(Compilation compilation)
        {
            foreach (var predicate in compilation.Bound.Predicates) Symbol(predicate, "0", compilation);
        }

        private void Symbol(Symbol symbol, string sortGroup, Compilation compilation)
        {
            string detail = symbol switch
            {
                SourceSymbol s => s.Reliability is { } r ? $"source ({r}) {s.Title}" : "source " + s.Title,
                ActorSymbol a => "actor " + a.DisplayName,
                PlaceSymbol pl => "place " + pl.DisplayName,
                HypothesisSymbol h => "hypothesis " + h.Statement,
                ClaimSymbol c => "claim " + c.SubjectName + "." + c.PredicateName,
                PredicateSymbol p => SymbolText.PredicateSignature(p),
                _ => symbol.KindName,
            };
            Add(symbol.Name, SymbolKinds.ToCompletion(symbol.Kind), detail, SymbolText.Markdown(symbol, compilation), sortGroup);
        }

        public void ParameterName(ParameterSymbol parameter) =>
            Add(parameter.Name + ":", CompletionItemKind.Field, SymbolText.Signature(parameter), null, "0", parameter.Name + ": ");

        public void ArgumentValues(ParameterType? type, Compilation compilation)
        {
            switch (type)
            {
                case ParameterType.Actor: Names(compilation, SymbolKind.Actor); break;
                case ParameterType.Place: Names(compilation, SymbolKind.Place); break;
                case ParameterType.Claim: Names(compilation, SymbolKind.Claim); break;
                case null: Names(compilation, SymbolKind.Actor, SymbolKind.Place, SymbolKind.Source, SymbolKind.Hypothesis, SymbolKind.Claim); break;
            }
        }

        public void TypeWords()
        {
            foreach (string word in SyntaxFacts.TypeKeywords.Keys.Order(StringComparer.Ordinal))
                Add(word, CompletionItemKind.TypeParameter, "parameter type", null, "0");
        }
    }
}
