using System.CommandLine;
using ClaimLang.Cli.Commands;
using ClaimLang.Workspace;

namespace ClaimLang.Cli;

/// <summary>Exit codes, as the spec fixes them.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Errors = 1;
    public const int BadUsage = 2;
    public const int InternalError = 3;
}

/// <summary>Builds the command tree and runs it, turning failures into the spec's exit codes.</summary>
public static class CliApplication
{
    public static RootCommand CreateRootCommand(CliContext context) => new("claimc — compile, check and format ClaimLang claim files")
    {
        CheckCommand.Create(context),
        BuildCommand.Create(context),
        FmtCommand.Create(context),
        QueryCommand.Create(context),
        ExplainCommand.Create(context),
        SyntaxCommand.Create(context),
        LspCommand.Create(context),
        InitCommand.Create(context),
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string? currentDirectory = null)
    {
        var context = new CliContext(output, error, currentDirectory ?? Directory.GetCurrentDirectory());
        try
        {
            var root = CreateRootCommand(context);
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                foreach (var e in parse.Errors) await error.WriteLineAsync("claimc: " + e.Message);
                await error.WriteLineAsync("Run 'claimc --help' for usage.");
                return ExitCodes.BadUsage;
            }
            var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(config);
        }
        catch (InputException e)
        {
            await error.WriteLineAsync("claimc: " + e.Message);
            return ExitCodes.BadUsage;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("claimc: cancelled");
            return ExitCodes.InternalError;
        }
        catch (Exception e)
        {
            await error.WriteLineAsync($"claimc: internal error: {e.Message}");
            if (Environment.GetEnvironmentVariable("CLAIMC_DEBUG") is "1") await error.WriteLineAsync(e.ToString());
            else await error.WriteLineAsync("Set CLAIMC_DEBUG=1 for details, and please report this.");
            return ExitCodes.InternalError;
        }
    }
}

/// <summary>What every command needs: where to write, and the folder paths are relative to.</summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, string CurrentDirectory)
{
    /// <summary>Pins "today" for reproducible runs (CLAIMC_TODAY=yyyy-mm-dd); claimlang.json's asOf wins over it.</summary>
    public DateOnly? Today => Environment.GetEnvironmentVariable("CLAIMC_TODAY") is { } s && DateOnly.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
}
