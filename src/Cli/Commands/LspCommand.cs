using System.CommandLine;

namespace ClaimLang.Cli.Commands;

/// <summary><c>claimc lsp</c>: the language server on standard input and output.</summary>
public static class LspCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("lsp", "Run the language server over stdio (LSP 3.17)");
        command.SetAction(async (result, cancellation) =>
        {
            _ = context;
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            return await ClaimLang.LanguageServer.LanguageServerHost.RunAsync(input, output, cancellation);
        });
        return command;
    }
}
