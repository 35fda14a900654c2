using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;
using ClaimLang.LanguageServer.Workspace;

namespace ClaimLang.LanguageServer.Features;

/// <summary>Builds workspace edits in the form the client accepts (versioned document changes when it can).</summary>
internal static class WorkspaceEdits
{
    public static WorkspaceEdit Create(ClientInfo client, IEnumerable<(DocumentSnapshot Document, TextEdit Edit)> edits)
    {
        var byDocument = new Dictionary<string, (DocumentSnapshot Document, List<TextEdit> Edits)>(StringComparer.Ordinal);
        foreach (var (document, edit) in edits)
        {
            if (!byDocument.TryGetValue(document.Key, out var entry)) byDocument[document.Key] = entry = (document, []);
            entry.Edits.Add(edit);
        }
        if (client.DocumentChanges)
        {
            return new WorkspaceEdit
            {
                DocumentChanges = byDocument.Values
                    .OrderBy(e => e.Document.Key, StringComparer.Ordinal)
                    .Select(e => new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(e.Document.Uri, e.Document.Version), e.Edits))
                    .ToList(),
            };
        }
        var changes = new Dictionary<string, IReadOnlyList<TextEdit>>(StringComparer.Ordinal);
        foreach (var (document, list) in byDocument.Values) changes[document.Uri] = list;
        return new WorkspaceEdit { Changes = changes };
    }
}
