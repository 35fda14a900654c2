using System.CommandLine;
using System.Text;
using ClaimLang.Formatting;
using ClaimLang.Reporting;
using ClaimLang.Workspace;

namespace ClaimLang.Cli.Commands;

/// <summary>
/// <c>claimc fmt [paths…] [--check]</c>: rewrites files in the canonical layout (atomically, keeping each file's line
/// endings and byte-order mark). A file with syntax errors is reported and left untouched. With <c>--check</c>
/// nothing is written: the files that would change are listed and the exit code is 1 when there are any.
/// </summary>
public static class FmtCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CheckCommand.PathsArgument();
        var check = new Option<bool>("--check") { Description = "Change nothing; list the files that would change and exit 1 if any would" };
        var command = new Command("fmt", "Format claim files") { paths, check };
        command.SetAction(result => Run(context, result.GetValue(paths) ?? [], result.GetValue(check)));
        return command;
    }

    public static int Run(CliContext context, IReadOnlyList<string> paths, bool checkOnly)
    {
        var workspaces = WorkspaceLoader.Load(paths, context.CurrentDirectory, context.Today);
        int changed = 0, broken = 0, total = 0;
        foreach (var workspace in workspaces)
        {
            var options = workspace.Configuration.Options.Format;
            foreach (var tree in workspace.Compilation.SyntaxTrees)
            {
                total++;
                string display = ReportPaths.Display(tree.FilePath, context.CurrentDirectory);
                var result = Formatter.TryFormat(tree, options);
                if (result.SkippedBecauseOfErrors)
                {
                    broken++;
                    context.Error.WriteLine($"{display}: not formatted: the file has syntax errors (run 'claimc check {display}')");
                    continue;
                }
                if (!result.Changed) continue;
                changed++;
                if (checkOnly)
                {
                    context.Output.WriteLine(display);
                    continue;
                }
                // The text keeps a byte-order mark as its first character, so plain UTF-8 without a preamble
                // writes it back exactly as it was.
                AtomicFile.WriteAllText(tree.FilePath, result.Text, new UTF8Encoding(false));
                context.Output.WriteLine($"formatted {display}");
            }
        }
        string verb = checkOnly ? "would be reformatted" : "reformatted";
        context.Error.WriteLine($"{total} file{(total == 1 ? "" : "s")}: {changed} {verb}, {broken} with syntax errors");
        return broken > 0 || (checkOnly && changed > 0) ? ExitCodes.Errors : ExitCodes.Success;
    }
}
