using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>
/// didOpen / didChange / didClose / didSave. Changes are incremental (sync kind 2): each range edit goes through the
/// incremental parser; a whole-text change is reduced to the part that differs first. Runs in message order.
/// </summary>
internal sealed class TextDocumentSyncHandler : ILspHandler
{
    public void Register(HandlerRegistry registry)
    {
        registry.Notification<DidOpenTextDocumentParams>("textDocument/didOpen",
            (p, context) => context.Workspace.Open(p.TextDocument.Uri, p.TextDocument.Version, p.TextDocument.Text));
        registry.Notification<DidChangeTextDocumentParams>("textDocument/didChange",
            (p, context) => context.Workspace.Change(p.TextDocument.Uri, p.TextDocument.Version, p.ContentChanges));
        registry.Notification<DidCloseTextDocumentParams>("textDocument/didClose",
            (p, context) => context.Workspace.Close(p.TextDocument.Uri));
        // The file watcher reports the new content on disk; an open document's text is already known.
        registry.Notification<DidSaveTextDocumentParams>("textDocument/didSave", (_, _) => { });
    }
}
