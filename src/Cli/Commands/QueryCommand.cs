using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClaimLang.Diagnostics;
using ClaimLang.Emit;
using ClaimLang.Reporting;
using ClaimLang.Runtime;
using ClaimLang.Runtime.Querying;
using ClaimLang.Workspace;

namespace ClaimLang.Cli.Commands;

/// <summary>
/// <c>claimc query "&lt;expression&gt;" [--dataset &lt;file&gt; | paths…] [--format table|json|csv]</c>: selects claims
/// with the query language of ClaimLang.Runtime (docs/query.md).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>With <c>--dataset</c>, the file (dataset.json, dataset.jsonl or dataset.db) is loaded; otherwise the
/// paths (default: the current folder, or the nearest claimlang.json root) are compiled in memory. Compile errors:
/// the error diagnostics on standard error, exit 1. One workspace only (exit 2 otherwise).</item>
/// <item>A query that does not parse: exit 2, with the message and a caret under the column on standard error.</item>
/// <item>The matching claims go to standard output in timeline order; no match is not an error (exit 0).</item>
/// </list>
/// </remarks>
public static class QueryCommand
{
    /// <summary>The accepted <c>--format</c> values.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["table", "json", "csv"];

    public static Command Create(CliContext context)
    {
        var expression = new Argument<string>("expression")
        {
            Description = "The query, e.g. \"subject = IRGC and confidence >= moderate and not superseded\" (see docs/query.md)",
        };
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or folders to compile and query (default: the current folder, or the root of the nearest claimlang.json)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var dataset = new Option<string>("--dataset")
        {
            Description = "Query a built dataset (dataset.json, dataset.jsonl or dataset.db) instead of compiling claim files",
            HelpName = "file",
        };
        var format = new Option<string>("--format")
        {
            Description = "How to write the matching claims",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong([.. Formats]);
        var command = new Command("query", "Select claims with a query") { expression, paths, dataset, format };
        command.SetAction(result => Run(
            context,
            result.GetValue(expression)!,
            result.GetValue(paths) ?? [],
            result.GetValue(dataset),
            result.GetValue(format) ?? "table"));
        return command;
    }

    public static int Run(CliContext context, string expression, IReadOnlyList<string> paths, string? datasetPath, string format)
    {
        if (!Query.TryParse(expression, out var query, out var error))
        {
            WriteParseError(context.Error, error);
            return ExitCodes.BadUsage;
        }

        if (datasetPath is not null && paths.Count > 0)
        {
            throw new InputException("give either --dataset <file> or claim files and folders, not both");
        }

        ClaimDataset dataset;
        if (datasetPath is not null)
        {
            dataset = LoadDataset(context, datasetPath);
        }
        else if (Compile(context, paths) is { } compiled)
        {
            dataset = compiled;
        }
        else
        {
            return ExitCodes.Errors;
        }

        var claims = query.Evaluate(dataset);
        switch (format)
        {
            case "json": WriteJson(context.Output, expression, claims); break;
            case "csv": WriteCsv(context.Output, claims); break;
            default: WriteTable(context.Output, claims); break;
        }

        context.Output.Flush();
        return ExitCodes.Success;
    }

    /// <summary>
    /// <c>claimc: invalid query: column 16: …</c>, then the query line and a caret under the column (tabs in the
    /// line are kept in the padding so the caret lines up).
    /// </summary>
    internal static void WriteParseError(TextWriter error, QueryParseException exception)
    {
        error.WriteLine("claimc: invalid query: " + exception.Message);
        var lines = exception.Query.Split('\n');
        var line = exception.Line >= 1 && exception.Line <= lines.Length ? lines[exception.Line - 1].TrimEnd('\r') : "";
        var padding = new StringBuilder("  ");
        for (int i = 0; i < exception.Column - 1; i++)
        {
            padding.Append(i < line.Length && line[i] == '\t' ? '\t' : ' ');
        }

        error.WriteLine("  " + line);
        error.WriteLine(padding.Append('^').ToString());
    }

    private static ClaimDataset LoadDataset(CliContext context, string path)
    {
        var full = Path.GetFullPath(path, context.CurrentDirectory);
        if (!File.Exists(full)) throw new InputException($"no such dataset file: {path}");
        try
        {
            return ClaimDataset.Load(full);
        }
        catch (DatasetFormatException e)
        {
            throw new InputException($"cannot read the dataset {path}: {e.Detail}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read the dataset {path}: {e.Message}");
        }
    }

    /// <summary>Compiles the paths; null (after writing the errors to standard error) when they have errors.</summary>
    private static ClaimDataset? Compile(CliContext context, IReadOnlyList<string> paths)
    {
        var workspaces = WorkspaceLoader.Load(paths, context.CurrentDirectory, context.Today, releaseTrees: true);
        if (workspaces.Count > 1)
        {
            throw new InputException(
                "the paths belong to " + workspaces.Count.ToString(CultureInfo.InvariantCulture) + " workspaces (" +
                string.Join(", ", workspaces.Select(w => BuildCommand.Display(context, w.Root))) +
                "); query one workspace at a time, or build each and use --dataset");
        }

        var (diagnostics, summary) = CheckCommand.Collect(workspaces);
        if (summary.Errors > 0)
        {
            var errors = diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
            DiagnosticReportWriter.Create(ReportFormat.Text).Write(context.Error, errors, summary, context.CurrentDirectory);
            context.Error.WriteLine("claimc: the claim files have errors; the query was not run");
            context.Error.Flush();
            return null;
        }

        return DatasetBuilder.Build(workspaces[0].Compilation, workspaces[0].Root);
    }

    // ------------------------------------------------------------------ output

    private static void WriteTable(TextWriter output, IReadOnlyList<Claim> claims)
    {
        if (claims.Count == 0)
        {
            output.WriteLine("No claim matches.");
            return;
        }

        string[] header = ["id", "date", "subject", "predicate", "confidence", "sources"];
        var rows = new List<string[]>(claims.Count + 1) { header };
        foreach (var claim in claims)
        {
            rows.Add(
            [
                claim.Id,
                claim.Date?.Edtf ?? "",
                claim.Subject,
                claim.Predicate,
                claim.Confidence is { } confidence ? Grades.ToText(confidence) : "",
                string.Join(",", claim.Sources),
            ]);
        }

        var widths = new int[header.Length];
        foreach (var row in rows)
        {
            for (int i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], row[i].Length);
        }

        var line = new StringBuilder();
        void Write(string[] cells)
        {
            line.Clear();
            for (int i = 0; i < cells.Length; i++)
            {
                if (i > 0) line.Append("  ");
                line.Append(cells[i]);
                if (i < cells.Length - 1) line.Append(' ', widths[i] - cells[i].Length);
            }

            output.WriteLine(line.ToString().TrimEnd());
        }

        Write(rows[0]);
        Write([.. widths.Select(static w => new string('-', w))]);
        for (int r = 1; r < rows.Count; r++) Write(rows[r]);
        output.WriteLine(claims.Count == 1 ? "1 claim" : claims.Count.ToString(CultureInfo.InvariantCulture) + " claims");
    }

    /// <summary>
    /// <c>{ "query": …, "count": n, "claims": [ … ] }</c>; each claim is the object <c>dataset.json</c> holds for it,
    /// as the runtime's JSON writer writes it.
    /// </summary>
    private static void WriteJson(TextWriter output, string expression, IReadOnlyList<Claim> claims)
    {
        var subset = new ClaimDataset { Claims = EquatableArray.Create(claims.ToArray().AsSpan()) };
        using var document = JsonDocument.Parse(DatasetJson.WriteToUtf8Bytes(subset));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            IndentSize = 2,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            writer.WriteStartObject();
            writer.WriteString("query", expression);
            writer.WriteNumber("count", claims.Count);
            writer.WritePropertyName("claims");
            document.RootElement.GetProperty("claims").WriteTo(writer);
            writer.WriteEndObject();
        }

        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }

    /// <summary>One CSV record per claim (RFC 4180, CRLF, formulas neutralised as in <c>claimc build --emit csv</c>).</summary>
    private static void WriteCsv(TextWriter output, IReadOnlyList<Claim> claims)
    {
        var csv = new CsvWriter(output);
        csv.WriteRecord("id", "label", "subject", "predicate", "date", "date_start", "date_end", "confidence", "credibility",
            "sources", "at", "tags", "supersedes", "superseded_by", "quote", "note", "location_file", "location_line");
        foreach (var claim in claims)
        {
            csv.WriteText(claim.Id);
            csv.WriteText(claim.Label);
            csv.WriteText(claim.Subject);
            csv.WriteText(claim.Predicate);
            csv.WriteText(claim.Date?.Edtf);
            csv.WriteText(claim.Date?.Start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteText(claim.Date?.End?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteText(claim.Confidence is { } confidence ? Grades.ToText(confidence) : null);
            if (claim.Credibility is { } credibility) csv.WriteNumber(Grades.ToNumber(credibility));
            else csv.WriteText(null);
            csv.WriteText(string.Join(",", claim.Sources));
            csv.WriteText(claim.At);
            csv.WriteText(claim.Tags.IsEmpty ? null : string.Join(",", claim.Tags));
            csv.WriteText(claim.Supersedes);
            csv.WriteText(claim.SupersededBy);
            csv.WriteText(claim.Quote);
            csv.WriteText(claim.Note);
            csv.WriteText(claim.Location?.File);
            if (claim.Location is { } location) csv.WriteNumber(location.Line);
            else csv.WriteText(null);
            csv.EndRecord();
        }
    }
}
