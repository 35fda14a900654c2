using System.CommandLine;
using ClaimLang.Diagnostics;
using ClaimLang.Emit;
using ClaimLang.Reporting;
using ClaimLang.Workspace;

namespace ClaimLang.Cli.Commands;

/// <summary>
/// <c>claimc build [paths…] -o &lt;dir&gt; [--emit json,jsonl,csv,sqlite]</c>: checks, then writes the dataset.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The diagnostics are those of <c>claimc check</c>, in the text format, on standard output, followed by the
/// summary line. With an error nothing is written, the previous output stays as it was, and the exit code is 1.</item>
/// <item>The output folder is built next to the target and swapped in atomically (<see cref="DatasetOutput"/>).
/// An existing folder is only replaced when it holds nothing but files a build writes.</item>
/// <item><c>-o</c> defaults to <c>output.directory</c> of claimlang.json (relative to the workspace root), and
/// <c>--emit</c> to <c>output.emit</c> (default json). Without either folder: exit 2.</item>
/// <item>One workspace per build: paths that belong to several workspaces (several claimlang.json roots) are
/// refused with exit 2, so that two datasets are never mixed in one folder.</item>
/// </list>
/// </remarks>
public static class BuildCommand
{
    public static Command Create(CliContext context)
    {
        var paths = CheckCommand.PathsArgument();
        var output = new Option<string>("--output", "-o")
        {
            Description = "The output folder (default: output.directory of claimlang.json). It is replaced as a whole",
        };
        var emit = new Option<string[]>("--emit")
        {
            Description = "Formats to write, comma-separated or repeated: json, jsonl, csv, sqlite (default: output.emit of claimlang.json, else json)",
            HelpName = "formats",
        };
        var command = new Command("build", "Check claim files, then write the compiled dataset") { paths, output, emit };
        command.SetAction(result => Run(context, new BuildRequest(
            result.GetValue(paths) ?? [],
            result.GetValue(output),
            result.GetValue(emit))));
        return command;
    }

    /// <summary>What to build.</summary>
    /// <param name="Paths">Files or folders (none: the current folder or the nearest claimlang.json root).</param>
    /// <param name="Output">The <c>-o</c> folder, relative to the current folder, or null.</param>
    /// <param name="Emit">The <c>--emit</c> values, or null.</param>
    public sealed record BuildRequest(IReadOnlyList<string> Paths, string? Output, IReadOnlyList<string>? Emit);

    public static int Run(CliContext context, BuildRequest request) => Run(context, request, fileWritten: null);

    /// <param name="fileWritten">Called after each output file is complete (tests inject failures with it).</param>
    internal static int Run(CliContext context, BuildRequest request, Action<string>? fileWritten)
    {
        EmitFormats? requested = null;
        if (request.Emit is { Count: > 0 } emit)
        {
            if (!EmitFormatNames.TryParse(emit, out var parsed, out var bad))
            {
                throw new InputException(bad is { Length: > 0 }
                    ? $"unknown format '{bad}' in --emit; allowed: {string.Join(", ", EmitFormatNames.All)}"
                    : $"--emit needs at least one format: {string.Join(", ", EmitFormatNames.All)}");
            }

            requested = parsed;
        }

        var timing = BuildTiming.Start();
        var workspaces = WorkspaceLoader.Load(request.Paths, context.CurrentDirectory, context.Today, releaseTrees: true);
        timing?.Mark("load+bind");
        if (workspaces.Count > 1)
        {
            throw new InputException(
                "the paths belong to " + workspaces.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " workspaces (" +
                string.Join(", ", workspaces.Select(w => Display(context, w.Root))) +
                "); a build writes the dataset of one workspace: run 'claimc build' once for each, with its own -o");
        }

        var workspace = workspaces[0];
        var options = workspace.Compilation.Options.Output;
        var target = request.Output is { Length: > 0 } o ? Path.GetFullPath(o, context.CurrentDirectory)
            : options.Directory is { Length: > 0 } configured ? Path.GetFullPath(configured, workspace.Root)
            : throw new InputException("no output folder: give -o <folder>, or set \"output\": { \"directory\": … } in claimlang.json");
        var formats = requested ?? Parse(options.Emit);
        CheckTarget(context, target, workspace);

        var (diagnostics, summary) = CheckCommand.Collect(workspaces);
        DiagnosticReportWriter.Create(ReportFormat.Text).Write(context.Output, diagnostics, summary, context.CurrentDirectory);
        timing?.Mark("diagnostics");
        if (summary.Errors > 0)
        {
            context.Output.WriteLine($"Build failed: {Plural(summary.Errors, "error")}; nothing was written.");
            context.Output.Flush();
            return ExitCodes.Errors;
        }

        var dataset = DatasetBuilder.Build(workspace.Compilation, workspace.Root);
        timing?.Mark("dataset");

        // The dataset is checked while it is written (both only read it): the new folder replaces the old one only
        // once the check has passed, so an inconsistent dataset still leaves the previous output as it was.
        var validation = timing is { Sequential: true } ? Task.FromResult(dataset.Validate()) : Task.Run(dataset.Validate);
        if (timing is { Sequential: true }) timing.Mark("validate");
        void ThrowIfInconsistent()
        {
            var problems = validation.GetAwaiter().GetResult();
            timing?.Mark("validated");
            if (problems.Count > 0)
            {
                // The compiler accepted something the dataset cannot hold: a compiler bug, never the user's fault.
                throw new InvalidOperationException("the compiled dataset is inconsistent (nothing was written): " + string.Join("; ", problems.Take(5)));
            }
        }

        try
        {
            DatasetOutput.Write(dataset, target, formats, fileWritten, ThrowIfInconsistent);
            timing?.Mark("replaced");
        }
        catch (OutputDirectoryException e)
        {
            throw new InputException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot write {Display(context, target)}: {e.Message}; the previous output is unchanged");
        }

        context.Output.WriteLine($"Wrote {string.Join(", ", EmitFormatNames.Names(formats))} to {Display(context, target)}");
        context.Output.Flush();
        return ExitCodes.Success;
    }

    private static EmitFormats Parse(IReadOnlyList<string> names) =>
        EmitFormatNames.TryParse(names, out var formats, out _) ? formats : EmitFormats.Json;

    /// <summary>
    /// Refuses an output folder that is, or contains, the workspace or the current folder, or that holds anything a
    /// build does not write.
    /// </summary>
    private static void CheckTarget(CliContext context, string target, LoadedWorkspace workspace)
    {
        foreach (var (folder, what) in new[] { (workspace.Root, "the workspace"), (context.CurrentDirectory, "the current folder") })
        {
            if (IsSameOrInside(Path.GetFullPath(folder), target))
            {
                throw new InputException($"the output folder {Display(context, target)} holds {what}; give a folder of its own, such as 'out'");
            }
        }

        try
        {
            AtomicDirectory.CheckReplaceable(target, DatasetEmitter.IsOutputEntry);
        }
        catch (OutputDirectoryException e)
        {
            throw new InputException(e.Message);
        }
    }

    private static bool IsSameOrInside(string path, string folder)
    {
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var a = Path.TrimEndingDirectorySeparator(path);
        var b = Path.TrimEndingDirectorySeparator(folder);
        var prefix = b.EndsWith(Path.DirectorySeparatorChar) ? b : b + Path.DirectorySeparatorChar;
        return a.Equals(b, comparison) || a.StartsWith(prefix, comparison);
    }

    /// <summary>A path for messages: relative to the current folder when under it, with <c>/</c>.</summary>
    internal static string Display(CliContext context, string path)
    {
        var relative = Path.GetRelativePath(context.CurrentDirectory, path);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) relative = path;
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string Plural(int count, string word) =>
        count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + (count == 1 ? word : word + "s");
}
