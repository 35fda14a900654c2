using System.Buffers;
using System.Text;
using System.Text.Json;
using ClaimLang.Diagnostics;

namespace ClaimLang.Reporting;

/// <summary>
/// SARIF 2.1.0 (OASIS), one run whose tool is <c>claimc</c>. The driver lists one rule per code that occurs
/// (or per catalog code, with <see cref="IncludeAllRules"/>), sorted by code, each with its title, the first
/// paragraph of its help page, the help page itself, its help URI and its default level. Each result refers to
/// its rule by id and index; file locations are relative URIs against <c>%SRCROOT%</c> (the current folder,
/// given in <c>originalUriBaseIds</c>) when the file is under it, absolute <c>file:</c> URIs otherwise. Columns
/// count UTF-16 code units (<c>columnKind: utf16CodeUnits</c>). Related locations (e.g. the first declaration of
/// a duplicate) become <c>relatedLocations</c>.
/// </summary>
public sealed class SarifReportWriter : DiagnosticReportWriter
{
    public const string SchemaUri = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public const string ToolName = "claimc";
    public const string InformationUri = "https://github.com/claimlang/claimlang";
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>List every catalog code as a rule, not only the codes that occur.</summary>
    public bool IncludeAllRules { get; init; }

    /// <summary>Include each rule's whole help page as <c>help</c> (text and Markdown).</summary>
    public bool IncludeHelp { get; init; } = true;

    /// <summary>The version written as <c>tool.driver.version</c>; null means <see cref="DiagnosticReportWriter.ToolVersion"/>.</summary>
    public string? Version { get; init; }

    public override ReportFormat Format => ReportFormat.Sarif;

    public override void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, ReportSummary summary, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(currentDirectory);
        var list = Prepare(diagnostics);
        var rules = SelectRules(list);
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Count; i++) ruleIndex[rules[i].Id] = i;

        var uris = new ArtifactUris(currentDirectory);
        var sink = new JsonTextSink(output);
        using (var json = new Utf8JsonWriter(sink.Buffer, JsonReportWriter.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", ToolName);
            json.WriteString("version", Version ?? ToolVersion);
            json.WriteString("informationUri", InformationUri);
            json.WriteStartArray("rules");
            foreach (var rule in rules) WriteRule(json, rule);
            json.WriteEndArray();
            json.WriteEndObject(); // driver
            json.WriteEndObject(); // tool

            if (currentDirectory.Length > 0)
            {
                json.WriteStartObject("originalUriBaseIds");
                json.WriteStartObject(SourceRootId);
                json.WriteString("uri", ReportPaths.ToFileUri(currentDirectory, asFolder: true));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteString("columnKind", "utf16CodeUnits");

            json.WriteStartArray("results");
            foreach (var diagnostic in list)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", diagnostic.Id);
                json.WriteNumber("ruleIndex", ruleIndex[diagnostic.Id]);
                json.WriteString("level", Level(diagnostic.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", diagnostic.Message);
                json.WriteEndObject();
                if (diagnostic.Location.FilePath.Length > 0)
                {
                    json.WriteStartArray("locations");
                    WriteLocation(json, diagnostic.Location, uris, id: null, message: null);
                    json.WriteEndArray();
                }
                bool anyRelated = false;
                for (int i = 0; i < diagnostic.Related.Count; i++)
                {
                    var related = diagnostic.Related[i];
                    if (related.Location.FilePath.Length == 0) continue;
                    if (!anyRelated)
                    {
                        json.WriteStartArray("relatedLocations");
                        anyRelated = true;
                    }
                    WriteLocation(json, related.Location, uris, id: i, message: related.Message);
                }
                if (anyRelated) json.WriteEndArray();
                json.WriteEndObject();
                sink.Drain(json);
            }
            json.WriteEndArray();

            json.WriteEndObject(); // run
            json.WriteEndArray();
            json.WriteEndObject();
            sink.Drain(json, force: true);
        }
        output.Write('\n');
    }

    /// <summary>SARIF's level for a severity: error, warning, note (for info) or none (for off).</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    private List<DiagnosticDescriptor> SelectRules(List<Diagnostic> diagnostics)
    {
        var rules = new List<DiagnosticDescriptor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (IncludeAllRules)
        {
            foreach (var descriptor in DiagnosticCatalog.All)
            {
                if (seen.Add(descriptor.Id)) rules.Add(descriptor);
            }
        }
        foreach (var diagnostic in diagnostics)
        {
            if (seen.Add(diagnostic.Id)) rules.Add(diagnostic.Descriptor);
        }
        rules.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id));
        return rules;
    }

    private void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
    {
        string? help = DiagnosticCatalog.GetHelp(rule.Id);
        string summary = help is null ? rule.Title : FirstParagraph(help) ?? rule.Title;

        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", RuleName(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", PlainText(summary));
        json.WriteString("markdown", summary);
        json.WriteEndObject();
        json.WriteString("helpUri", DiagnosticCatalog.HelpUri(rule.Id));
        if (IncludeHelp && help is not null && help != rule.Title)
        {
            json.WriteStartObject("help");
            json.WriteString("text", help);
            json.WriteString("markdown", help);
            json.WriteEndObject();
        }
        json.WriteStartObject("defaultConfiguration");
        if (rule.DefaultSeverity == DiagnosticSeverity.Off) json.WriteBoolean("enabled", false);
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter json, Location location, ArtifactUris uris, int? id, string? message)
    {
        var (line, column, endLine, endColumn) = Position(location);
        json.WriteStartObject();
        if (id is { } value) json.WriteNumber("id", value);
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        var (uri, relativeToRoot) = uris.Of(location.FilePath);
        json.WriteString("uri", uri);
        if (relativeToRoot) json.WriteString("uriBaseId", SourceRootId);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", line);
        json.WriteNumber("startColumn", column);
        json.WriteNumber("endLine", endLine);
        json.WriteNumber("endColumn", endColumn);
        json.WriteEndObject();
        json.WriteEndObject(); // physicalLocation
        if (message is not null)
        {
            json.WriteStartObject("message");
            json.WriteString("text", message);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    /// <summary>The first paragraph after the page's title (the one-line summary every help page starts with).</summary>
    internal static string? FirstParagraph(string markdown)
    {
        var builder = new StringBuilder();
        bool pastTitle = false;
        foreach (var rawLine in markdown.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            if (!pastTitle)
            {
                if (line.StartsWith("# ")) pastTitle = true;
                continue;
            }
            if (line.IsEmpty)
            {
                if (builder.Length > 0) break;
                continue;
            }
            if (line[0] == '#') break;
            if (builder.Length > 0) builder.Append(' ');
            builder.Append(line);
        }
        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>Markdown reduced to plain text: code backticks and emphasis stars removed.</summary>
    internal static string PlainText(string markdown)
    {
        var builder = new StringBuilder(markdown.Length);
        foreach (char c in markdown)
        {
            if (c is '`' or '*') continue;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>A rule name in PascalCase from its title: "Undefined name" → "UndefinedName".</summary>
    internal static string RuleName(string title)
    {
        var builder = new StringBuilder(title.Length);
        bool upper = true;
        foreach (char c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }
        return builder.ToString();
    }

    /// <summary>The artifact URI of each file (and whether it is relative to <c>%SRCROOT%</c>), worked out once per file.</summary>
    private sealed class ArtifactUris(string currentDirectory)
    {
        private readonly Dictionary<string, (string Uri, bool RelativeToRoot)> _cache = new(StringComparer.Ordinal);

        public (string Uri, bool RelativeToRoot) Of(string path)
        {
            if (_cache.TryGetValue(path, out var known)) return known;
            (string, bool) result;
            if (ReportPaths.TryRelative(path, currentDirectory, out string? relative)) result = (ReportPaths.ToRelativeUri(relative!), true);
            else if (Path.IsPathFullyQualified(path)) result = (ReportPaths.ToFileUri(path), false);
            else result = (ReportPaths.ToRelativeUri(path), true);
            _cache[path] = result;
            return result;
        }
    }
}
