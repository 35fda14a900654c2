using ClaimLang.LanguageServer.Protocol;
using ClaimLang.LanguageServer.Workspace;

namespace ClaimLang.LanguageServer.Server;

/// <summary>What a request handler sees: the workspace as it was when the request arrived, and the client's abilities.</summary>
internal sealed class RequestContext
{
    public RequestContext(WorkspaceSnapshot workspace, ClientInfo client, ServerServices services)
    {
        Workspace = workspace;
        Client = client;
        Services = services;
    }

    public WorkspaceSnapshot Workspace { get; }
    public ClientInfo Client { get; }
    public ServerServices Services { get; }

    /// <summary>The document a request names; an unknown document is an InvalidParams error.</summary>
    public DocumentSnapshot GetDocument(TextDocumentIdentifier document) => GetDocument(document.Uri);

    public DocumentSnapshot GetDocument(string uri) =>
        Workspace.GetDocument(uri)
        ?? throw new LspException(ErrorCodes.InvalidParams, $"unknown document '{uri}': it is neither open nor part of the workspace");
}

/// <summary>What a notification handler sees: the mutable workspace (notifications run in order on the server loop).</summary>
internal sealed class NotificationContext
{
    public NotificationContext(WorkspaceManager workspace, ClientInfo client, ServerServices services)
    {
        Workspace = workspace;
        Client = client;
        Services = services;
    }

    public WorkspaceManager Workspace { get; }
    public ClientInfo Client { get; }
    public ServerServices Services { get; }
}

/// <summary>Long-lived services shared by handlers.</summary>
internal sealed class ServerServices
{
    public ServerServices(Action<int, string> log)
    {
        Log = log;
    }

    /// <summary>Logs to stderr (and, for warnings and errors, to the client's log).</summary>
    public Action<int, string> Log { get; }

    public Features.SemanticTokensCache SemanticTokens { get; } = new();
}
