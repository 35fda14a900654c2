using ClaimLang.Binding;
using ClaimLang.LanguageServer.Protocol;
using ClaimLang.Syntax;

namespace ClaimLang.LanguageServer.Features;

/// <summary>How ClaimLang's kinds of declaration show in outlines and completion lists.</summary>
internal static class SymbolKinds
{
    public static LspSymbolKind ToLsp(SymbolKind kind) => kind switch
    {
        SymbolKind.Source => LspSymbolKind.Module,
        SymbolKind.Actor => LspSymbolKind.Class,
        SymbolKind.Place => LspSymbolKind.Struct,
        SymbolKind.Predicate => LspSymbolKind.Function,
        SymbolKind.Hypothesis => LspSymbolKind.Boolean,
        SymbolKind.Claim => LspSymbolKind.Event,
        _ => LspSymbolKind.Field,
    };

    public static LspSymbolKind ToLsp(SyntaxKind declarationKind) => declarationKind switch
    {
        SyntaxKind.SourceDeclaration => LspSymbolKind.Module,
        SyntaxKind.ActorDeclaration => LspSymbolKind.Class,
        SyntaxKind.PlaceDeclaration => LspSymbolKind.Struct,
        SyntaxKind.PredicateDeclaration => LspSymbolKind.Function,
        SyntaxKind.HypothesisDeclaration => LspSymbolKind.Boolean,
        _ => LspSymbolKind.Event,
    };

    public static CompletionItemKind ToCompletion(SymbolKind kind) => kind switch
    {
        SymbolKind.Source => CompletionItemKind.Module,
        SymbolKind.Actor => CompletionItemKind.Class,
        SymbolKind.Place => CompletionItemKind.Struct,
        SymbolKind.Predicate => CompletionItemKind.Function,
        SymbolKind.Hypothesis => CompletionItemKind.Interface,
        SymbolKind.Claim => CompletionItemKind.Event,
        _ => CompletionItemKind.Field,
    };
}
