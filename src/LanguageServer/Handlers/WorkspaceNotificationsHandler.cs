using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Server;
using ClaimLang.LanguageServer.Workspace;

namespace ClaimLang.LanguageServer.Handlers;

/// <summary>Files changed on disk, workspace folders added or removed, settings changed.</summary>
internal sealed class WorkspaceNotificationsHandler : ILspHandler
{
    public void Register(HandlerRegistry registry)
    {
        registry.Notification<DidChangeWatchedFilesParams>("workspace/didChangeWatchedFiles",
            (p, context) => context.Workspace.ApplyFileEvents(p.Changes));
        registry.Notification<DidChangeWorkspaceFoldersParams>("workspace/didChangeWorkspaceFolders", (p, context) =>
        {
            var added = new List<string>();
            var removed = new List<string>();
            foreach (var folder in p.Event.Added)
            {
                if (DocumentKeys.TryGetPath(folder.Uri, out string? path)) added.Add(path!);
            }
            foreach (var folder in p.Event.Removed)
            {
                if (DocumentKeys.TryGetPath(folder.Uri, out string? path)) removed.Add(path!);
            }
            context.Workspace.ChangeFolders(added, removed);
        });
        // The server has no client-side settings: everything comes from claimlang.json, which is watched.
        registry.Notification<System.Text.Json.JsonElement>("workspace/didChangeConfiguration", (_, _) => { });
    }
}
