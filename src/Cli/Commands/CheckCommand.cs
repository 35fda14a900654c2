using System.CommandLine;
using ClaimLang.Diagnostics;
using ClaimLang.Reporting;
using ClaimLang.Workspace;

namespace ClaimLang.Cli.Commands;

/// <summary><c>claimc check [paths…] [--format …] [--warnaserror]</c>: compile and report.</summary>
public static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var paths = PathsArgument();
        var format = new Option<string>("--format") { Description = "How to write the diagnostics", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong([.. ReportFormats.Names]);
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Fail (exit 1) on warnings too" };
        var command = new Command("check", "Compile claim files and report diagnostics") { paths, format, warnAsError };
        command.SetAction(result =>
        {
            ReportFormats.TryParse(result.GetValue(format), out var reportFormat);
            return Run(context, result.GetValue(paths) ?? [], reportFormat, result.GetValue(warnAsError));
        });
        return command;
    }

    internal static Argument<string[]> PathsArgument() =>
        new("paths") { Description = "Files or folders (default: the current folder, or the root of the nearest claimlang.json)", Arity = ArgumentArity.ZeroOrMore };

    public static int Run(CliContext context, IReadOnlyList<string> paths, ReportFormat format, bool warnAsError)
    {
        var workspaces = WorkspaceLoader.Load(paths, context.CurrentDirectory, context.Today, releaseTrees: true);
        var (diagnostics, summary) = Collect(workspaces);
        DiagnosticReportWriter.Create(format).Write(context.Output, diagnostics, summary, context.CurrentDirectory);
        context.Output.Flush();
        return ExitCode(summary, warnAsError);
    }

    internal static (List<Diagnostic> Diagnostics, ReportSummary Summary) Collect(IReadOnlyList<LoadedWorkspace> workspaces)
    {
        var diagnostics = new List<Diagnostic>();
        int files = 0, claims = 0;
        foreach (var workspace in workspaces)
        {
            diagnostics.AddRange(workspace.Compilation.GetDiagnostics());
            files += workspace.Compilation.SyntaxTrees.Length;
            claims += workspace.Compilation.Claims.Count;
        }
        diagnostics.Sort(Diagnostic.Compare);
        return (diagnostics, ReportSummary.Create(files, claims, diagnostics));
    }

    internal static int ExitCode(ReportSummary summary, bool warnAsError) =>
        summary.Errors > 0 || (warnAsError && summary.Warnings > 0) ? ExitCodes.Errors : ExitCodes.Success;
}
