using System.CommandLine;
using ClaimLang.Diagnostics;
using ClaimLang.Workspace;

namespace ClaimLang.Cli.Commands;

/// <summary><c>claimc explain CODE</c>: prints the help page of a diagnostic code.</summary>
public static class ExplainCommand
{
    public static Command Create(CliContext context)
    {
        var code = new Argument<string>("code") { Description = "A diagnostic code, e.g. CLM2001" };
        var command = new Command("explain", "Explain a diagnostic code") { code };
        command.SetAction(result =>
        {
            var id = result.GetValue(code)!.Trim();
            if (DiagnosticCatalog.GetHelp(id) is not { } help)
                throw new InputException($"unknown diagnostic code '{id}'; codes look like CLM2001 (see 'claimc explain --help')");
            context.Output.Write(help.EndsWith('\n') ? help : help + "\n");
            return ExitCodes.Success;
        });
        return command;
    }
}
