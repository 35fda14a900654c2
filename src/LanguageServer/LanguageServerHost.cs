using System.Reflection;
using ClaimLang.LanguageServer.Server;

namespace ClaimLang.LanguageServer;

/// <summary>Settings of a language server run (the defaults suit <c>claimc lsp</c>; tests shorten the delay).</summary>
public sealed class LanguageServerOptions
{
    /// <summary>Where the server logs; standard error when null.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>A message body larger than this is read and dropped, and answered with an error.</summary>
    public long MaxMessageBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>How long the server waits after the last change before it checks the workspace again.</summary>
    public TimeSpan DiagnosticsDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Extra handlers (tests use them to exercise failures and cancellation).</summary>
    internal IReadOnlyList<Server.ILspHandler> ExtraHandlers { get; init; } = [];
}

/// <summary>Starts the ClaimLang language server (LSP 3.17, JSON-RPC over the given streams).</summary>
public static class LanguageServerHost
{
    /// <summary>The server's version, reported in <c>initialize</c>.</summary>
    public static string Version { get; } =
        typeof(LanguageServerHost).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>
    /// Serves one client until it sends <c>exit</c> or closes <paramref name="input"/>. Returns the process exit code
    /// that LSP prescribes: 0 when <c>shutdown</c> came before, 1 otherwise. Logs go to standard error.
    /// </summary>
    public static Task<int> RunAsync(Stream input, Stream output, CancellationToken cancellationToken) =>
        RunAsync(input, output, new LanguageServerOptions(), cancellationToken);

    public static Task<int> RunAsync(Stream input, Stream output, LanguageServerOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        var server = new LspServer(input, output, options);
        return server.RunAsync(cancellationToken);
    }
}
