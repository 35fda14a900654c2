using System.Text.Json;
using ClaimLang.LanguageServer.Protocol;

namespace ClaimLang.LanguageServer.Server;

/// <summary>Implemented by every handler class: adds the methods it serves to the registry.</summary>
internal interface ILspHandler
{
    void Register(HandlerRegistry registry);
}

/// <summary>A request method: reads its parameters from JSON and computes a result on a workspace snapshot.</summary>
/// <param name="StaleOnEdit">An edit of the request's document while it runs makes the answer worthless: the
/// request is cancelled and answered with ContentModified.</param>
internal sealed record RequestRegistration(string Method, Func<JsonElement?, RequestContext, CancellationToken, object?> Invoke, Type ResultType, bool StaleOnEdit);

/// <summary>A notification method: runs in message order on the server's loop (it may change the workspace).</summary>
internal sealed record NotificationRegistration(string Method, Action<JsonElement?, NotificationContext> Invoke);

/// <summary>Method name → handler.</summary>
internal sealed class HandlerRegistry
{
    private readonly Dictionary<string, RequestRegistration> _requests = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NotificationRegistration> _notifications = new(StringComparer.Ordinal);

    public void Request<TParams, TResult>(string method, Func<TParams, RequestContext, CancellationToken, TResult> handler, bool staleOnEdit = false)
    {
        _requests.Add(method, new RequestRegistration(method,
            (parameters, context, cancellationToken) => handler(ReadParams<TParams>(method, parameters), context, cancellationToken),
            typeof(TResult), staleOnEdit));
    }

    public void Notification<TParams>(string method, Action<TParams, NotificationContext> handler)
    {
        _notifications.Add(method, new NotificationRegistration(method,
            (parameters, context) => handler(ReadParams<TParams>(method, parameters), context)));
    }

    public bool TryGetRequest(string method, out RequestRegistration registration) => _requests.TryGetValue(method, out registration!);
    public bool TryGetNotification(string method, out NotificationRegistration registration) => _notifications.TryGetValue(method, out registration!);
    public IEnumerable<string> RequestMethods => _requests.Keys;

    /// <summary>Deserialises parameters; anything missing or of the wrong shape is InvalidParams.</summary>
    internal static T ReadParams<T>(string method, JsonElement? parameters)
    {
        if (parameters is not { } element || element.ValueKind == JsonValueKind.Null)
            throw new LspException(ErrorCodes.InvalidParams, $"{method}: the parameters are missing");
        try
        {
            return element.Deserialize<T>(LspJson.Options)
                ?? throw new LspException(ErrorCodes.InvalidParams, $"{method}: the parameters are missing");
        }
        catch (JsonException e)
        {
            string where = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : $" (at {e.Path})";
            throw new LspException(ErrorCodes.InvalidParams, $"{method}: invalid parameters{where}: {FirstSentence(e.Message)}");
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or FormatException or OverflowException)
        {
            throw new LspException(ErrorCodes.InvalidParams, $"{method}: invalid parameters: {e.Message}");
        }
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
