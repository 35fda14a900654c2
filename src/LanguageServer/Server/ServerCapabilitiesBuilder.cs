using System.Text.Json;
using System.Text.Json.Nodes;
using ClaimLang.LanguageServer.Features;

namespace ClaimLang.LanguageServer.Server;

/// <summary>What the server tells the client it can do, in answer to <c>initialize</c>.</summary>
internal static class ServerCapabilitiesBuilder
{
    public static JsonElement Build()
    {
        var legend = new JsonObject
        {
            ["tokenTypes"] = ToArray(SemanticTokensBuilder.TokenTypes),
            ["tokenModifiers"] = ToArray(SemanticTokensBuilder.TokenModifiers),
        };
        var capabilities = new JsonObject
        {
            ["positionEncoding"] = "utf-16",
            ["textDocumentSync"] = new JsonObject
            {
                ["openClose"] = true,
                ["change"] = 2,
                ["save"] = new JsonObject { ["includeText"] = false },
            },
            ["hoverProvider"] = true,
            ["definitionProvider"] = true,
            ["referencesProvider"] = true,
            ["documentHighlightProvider"] = true,
            ["renameProvider"] = new JsonObject { ["prepareProvider"] = true },
            ["completionProvider"] = new JsonObject
            {
                ["triggerCharacters"] = ToArray([".", "(", ",", ":", "="]),
                ["resolveProvider"] = false,
            },
            ["documentSymbolProvider"] = true,
            ["workspaceSymbolProvider"] = true,
            ["semanticTokensProvider"] = new JsonObject
            {
                ["legend"] = legend,
                ["range"] = true,
                ["full"] = new JsonObject { ["delta"] = true },
            },
            ["documentFormattingProvider"] = true,
            ["documentRangeFormattingProvider"] = true,
            ["foldingRangeProvider"] = true,
            ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = ToArray(["quickfix"]) },
            ["inlayHintProvider"] = true,
            ["codeLensProvider"] = new JsonObject { ["resolveProvider"] = false },
            ["workspace"] = new JsonObject
            {
                ["workspaceFolders"] = new JsonObject { ["supported"] = true, ["changeNotifications"] = true },
            },
        };
        return JsonSerializer.SerializeToElement(capabilities);
    }

    private static JsonArray ToArray(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (string value in values) array.Add(value);
        return array;
    }
}
