using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ClaimLang.Diagnostics;

namespace ClaimLang.Reporting;

/// <summary>
/// The spec's JSON report: exactly one object,
/// <c>{ "diagnostics": [ { "id", "severity", "message", "file", "line", "column", "endLine", "endColumn" } ],
/// "summary": { "files", "claims", "errors", "warnings", "infos" } }</c>, indented with two spaces, keys in that
/// order, followed by one line break. Non-ASCII text is written as is (UTF-8), not as <c>\u</c> escapes.
/// </summary>
public sealed class JsonReportWriter : DiagnosticReportWriter
{
    public override ReportFormat Format => ReportFormat.Json;

    /// <summary>Writer settings shared by the JSON-based reports.</summary>
    internal static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, ReportSummary summary, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        var sink = new JsonTextSink(output);
        using (var json = new Utf8JsonWriter(sink.Buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("diagnostics");
            var paths = new DisplayPaths(currentDirectory);
            foreach (var diagnostic in Prepare(diagnostics))
            {
                var (line, column, endLine, endColumn) = Position(diagnostic.Location);
                json.WriteStartObject();
                json.WriteString("id", diagnostic.Id);
                json.WriteString("severity", diagnostic.Severity.ToWord());
                json.WriteString("message", diagnostic.Message);
                json.WriteString("file", paths.Of(diagnostic.Location.FilePath));
                json.WriteNumber("line", line);
                json.WriteNumber("column", column);
                json.WriteNumber("endLine", endLine);
                json.WriteNumber("endColumn", endColumn);
                json.WriteEndObject();
                sink.Drain(json);
            }
            json.WriteEndArray();
            json.WriteStartObject("summary");
            json.WriteNumber("files", summary.Files);
            json.WriteNumber("claims", summary.Claims);
            json.WriteNumber("errors", summary.Errors);
            json.WriteNumber("warnings", summary.Warnings);
            json.WriteNumber("infos", summary.Infos);
            json.WriteEndObject();
            json.WriteEndObject();
            sink.Drain(json, force: true);
        }
        output.Write('\n');
    }
}
