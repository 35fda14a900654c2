using ClaimLang.Binding;
using ClaimLang.LanguageServer.Features;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;
using ClaimLang.LanguageServer.Workspace;
using ClaimLang.Syntax;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>
/// textDocument/prepareRename and textDocument/rename: renames a source, actor, place, hypothesis, claim label,
/// predicate or parameter everywhere in its project (all files). The new name must be an identifier that is not a
/// keyword and not already declared.
/// </summary>
internal sealed class RenameHandler : ILspHandler
{
    public void Register(HandlerRegistry registry)
    {
        registry.Request<TextDocumentPositionParams, PrepareRenameResult?>("textDocument/prepareRename", Prepare);
        registry.Request<RenameParams, WorkspaceEdit?>("textDocument/rename", Rename);
    }

    private static PrepareRenameResult? Prepare(TextDocumentPositionParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(p.TextDocument);
        if (Navigation.SymbolAt(context, document, p.Position) is not { } hit) return null;
        Check(hit, document);
        return new PrepareRenameResult(document.GetRange(hit.Span), hit.Symbol.Name);
    }

    private static WorkspaceEdit? Rename(RenameParams p, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(p.TextDocument);
        if (Navigation.SymbolAt(context, document, p.Position) is not { } hit)
            throw new LspException(ErrorCodes.RequestFailed, "there is nothing to rename here");
        Check(hit, document);
        var symbol = hit.Symbol;
        string newName = p.NewName;
        ValidateName(newName);
        if (newName == symbol.Name) return new WorkspaceEdit { Changes = [] };
        CheckConflict(hit.Project.Compilation, symbol, newName);
        cancellationToken.ThrowIfCancellationRequested();

        var edits = new List<(DocumentSnapshot, TextEdit)>();
        foreach (var (doc, reference) in Navigation.References(hit.Project, symbol, includeDeclaration: true))
        {
            // A claim reached through "Subject.predicate" is not spelled with its label there: leave that alone.
            if (reference.Span.Length != symbol.Name.Length || !TextIs(doc, reference.Span, symbol.Name)) continue;
            edits.Add((doc, new TextEdit(doc.GetRange(reference.Span), newName)));
        }
        return WorkspaceEdits.Create(context.Client, edits);
    }

    private static void Check(SymbolHit hit, DocumentSnapshot document)
    {
        var symbol = hit.Symbol;
        if (symbol is PredicateSymbol { IsDeclared: false })
            throw new LspException(ErrorCodes.RequestFailed, $"the predicate '{symbol.Name}' is not declared, so it cannot be renamed");
        if (symbol is ClaimSymbol { Label: null })
            throw new LspException(ErrorCodes.RequestFailed, "this claim has no label to rename");
        if (hit.Span.Length != symbol.Name.Length || !TextIs(document, hit.Span, symbol.Name))
            throw new LspException(ErrorCodes.RequestFailed, $"rename '{symbol.Name}' where it is written by its name");
    }

    private static bool TextIs(DocumentSnapshot document, Microsoft.CodeAnalysis.Text.TextSpan span, string name)
    {
        if (span.End > document.Text.Length) return false;
        for (int i = 0; i < name.Length; i++)
        {
            if (document.Text[span.Start + i] != name[i]) return false;
        }
        return true;
    }

    internal static void ValidateName(string name)
    {
        if (name.Length == 0 || !SyntaxFacts.IsIdentifierStart(name[0]))
            throw new LspException(ErrorCodes.InvalidParams, $"'{name}' is not a valid name: a name starts with a letter or '_'");
        foreach (char c in name)
        {
            if (!SyntaxFacts.IsIdentifierPart(c))
                throw new LspException(ErrorCodes.InvalidParams, $"'{name}' is not a valid name: it may hold only letters, digits and '_'");
        }
        if (SyntaxFacts.DeclarationKeywords.ContainsKey(name) || SyntaxFacts.AllClauseKeywords.Contains(name))
            throw new LspException(ErrorCodes.InvalidParams, $"'{name}' is a keyword; choose another name");
    }

    private static void CheckConflict(Compilation compilation, Symbol symbol, string newName)
    {
        switch (symbol)
        {
            case PredicateSymbol:
                if (compilation.LookupPredicate(newName) is not null)
                    throw new LspException(ErrorCodes.RequestFailed, $"a predicate named '{newName}' already exists");
                break;
            case ParameterSymbol parameter:
                var owner = compilation.Bound.Predicates.FirstOrDefault(pr => pr.Parameters.Contains(parameter));
                if (owner?.FindParameter(newName) is not null)
                    throw new LspException(ErrorCodes.RequestFailed, $"the predicate '{owner.Name}' already has a parameter '{newName}'");
                break;
            default:
                if (compilation.Lookup(newName) is { } existing)
                    throw new LspException(ErrorCodes.RequestFailed, $"'{newName}' is already declared (as a {existing.KindName})");
                break;
        }
    }
}
