using System.CommandLine;
using ClaimLang.Syntax;
using ClaimLang.Workspace;

namespace ClaimLang.Cli.Commands;

/// <summary><c>claimc syntax &lt;file&gt;</c>: prints the syntax tree (kinds, spans, tokens, trivia) and syntax diagnostics.</summary>
public static class SyntaxCommand
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "A .claim file" };
        var command = new Command("syntax", "Print the syntax tree of a file") { file };
        command.SetAction(result =>
        {
            var path = Path.GetFullPath(result.GetValue(file)!, context.CurrentDirectory);
            if (!File.Exists(path)) throw new InputException($"no such file: {result.GetValue(file)}");
            var (trees, encoding) = WorkspaceLoader.ParseFiles([path]);
            var tree = trees[0];
            context.Output.Write(SyntaxPrinter.Print(tree.GetRoot()));
            foreach (var d in encoding.Concat(tree.GetDiagnostics()))
                context.Output.WriteLine(d.ToString());
            return ExitCodes.Success;
        });
        return command;
    }
}
