using System.Globalization;
using System.Reflection;
using System.Text;
using ClaimLang.Diagnostics;

namespace ClaimLang.Reporting;

/// <summary>The output formats of <c>claimc check --format</c>.</summary>
public enum ReportFormat
{
    Text,
    Json,
    Sarif,
    GitHub,
    MSBuild,
}

/// <summary>Names of the report formats as written on the command line.</summary>
public static class ReportFormats
{
    /// <summary>The accepted names, in the order help texts list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["text", "json", "sarif", "github", "msbuild"];

    public static bool TryParse(string? name, out ReportFormat format)
    {
        switch (name?.ToLowerInvariant())
        {
            case "text": format = ReportFormat.Text; return true;
            case "json": format = ReportFormat.Json; return true;
            case "sarif": format = ReportFormat.Sarif; return true;
            case "github": format = ReportFormat.GitHub; return true;
            case "msbuild": format = ReportFormat.MSBuild; return true;
            default: format = ReportFormat.Text; return false;
        }
    }
}

/// <summary>
/// Writes a list of diagnostics in one report format. Every writer is deterministic: the same input gives the
/// same characters (lines end with <c>\n</c> on every system). Diagnostics are written in the order of
/// <see cref="Diagnostic.Compare"/> (the list is sorted first when it is not already), and diagnostics whose
/// severity is off are left out. Paths are shown relative to the current folder when under it, with <c>/</c>.
/// Lines and columns are 1-based and count UTF-16 code units; end columns are exclusive (the column just after
/// the last character), as in SARIF.
/// </summary>
public abstract class DiagnosticReportWriter
{
    public abstract ReportFormat Format { get; }

    /// <summary>Writes the report for <paramref name="diagnostics"/> to <paramref name="output"/>.</summary>
    public abstract void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, ReportSummary summary, string currentDirectory);

    /// <summary>The report as a string.</summary>
    public string WriteToString(IReadOnlyList<Diagnostic> diagnostics, ReportSummary summary, string currentDirectory)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, diagnostics, summary, currentDirectory);
        return writer.ToString();
    }

    /// <summary>A writer for <paramref name="format"/> with default settings.</summary>
    public static DiagnosticReportWriter Create(ReportFormat format) => format switch
    {
        ReportFormat.Text => new TextReportWriter(),
        ReportFormat.Json => new JsonReportWriter(),
        ReportFormat.Sarif => new SarifReportWriter(),
        ReportFormat.GitHub => new GitHubReportWriter(),
        ReportFormat.MSBuild => new MSBuildReportWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The compiler's version, as reported in SARIF (the informational version without build metadata).</summary>
    public static string ToolVersion { get; } = ReadToolVersion();

    private static string ReadToolVersion()
    {
        var assembly = typeof(DiagnosticReportWriter).Assembly;
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString();
        if (string.IsNullOrEmpty(version)) return "0.0.0";
        int plus = version.IndexOf('+');
        return plus > 0 ? version[..plus] : version;
    }

    /// <summary>The diagnostics to write: off ones dropped, sorted by <see cref="Diagnostic.Compare"/>.</summary>
    protected static List<Diagnostic> Prepare(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var list = new List<Diagnostic>(diagnostics.Count);
        bool sorted = true;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Off) continue;
            if (sorted && list.Count > 0 && Diagnostic.Compare(list[^1], diagnostic) > 0) sorted = false;
            list.Add(diagnostic);
        }
        if (!sorted)
        {
            // A stable sort keeps equal diagnostics in their given order.
            var indexed = new List<(Diagnostic Item, int Index)>(list.Count);
            for (int i = 0; i < list.Count; i++) indexed.Add((list[i], i));
            indexed.Sort(static (a, b) =>
            {
                int c = Diagnostic.Compare(a.Item, b.Item);
                return c != 0 ? c : a.Index.CompareTo(b.Index);
            });
            for (int i = 0; i < list.Count; i++) list[i] = indexed[i].Item;
        }
        return list;
    }

    /// <summary>1-based start line and column and exclusive end line and column of a location.</summary>
    protected static (int Line, int Column, int EndLine, int EndColumn) Position(Location location)
    {
        var span = location.LineSpan;
        return (span.Start.Line + 1, span.Start.Character + 1, span.End.Line + 1, span.End.Character + 1);
    }

    /// <summary>A message on one line: line breaks become spaces (for the line-oriented formats).</summary>
    /// <summary>
    /// The message on one line, with every other control character (ESC, BEL, C1 controls…) written as
    /// <c>U+XXXX</c>: text quoted from a claim file must never reach a terminal as an escape sequence.
    /// </summary>
    protected static string OneLine(string message)
    {
        bool plain = true;
        foreach (char c in message)
        {
            if (char.IsControl(c)) { plain = false; break; }
        }
        if (plain) return message;
        var builder = new StringBuilder(message.Length);
        for (int i = 0; i < message.Length; i++)
        {
            char c = message[i];
            if (c == '\r' || c == '\n')
            {
                if (c == '\r' && i + 1 < message.Length && message[i + 1] == '\n') i++;
                builder.Append(' ');
            }
            else if (char.IsControl(c))
            {
                builder.Append("U+").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    protected static void WriteNumber(TextWriter output, int value, Span<char> digits)
    {
        value.TryFormat(digits, out int written, provider: CultureInfo.InvariantCulture);
        output.Write(digits[..written]);
    }

    protected static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// <see cref="ReportPaths.Display"/> for a run of diagnostics: sorted diagnostics come file by file, so the
    /// shown path is worked out once per file rather than once per diagnostic.
    /// </summary>
    protected sealed class DisplayPaths(string currentDirectory)
    {
        private string? _file;
        private string _shown = "";

        public string Of(string filePath)
        {
            if (!ReferenceEquals(filePath, _file) && !string.Equals(filePath, _file, StringComparison.Ordinal))
            {
                _shown = ReportPaths.Display(filePath, currentDirectory);
                _file = filePath;
            }
            return _shown;
        }
    }
}

/// <summary>
/// The spec's text form, one line per diagnostic: <c>path(12,8): error CLM2001: message</c>, optionally followed
/// by a summary line (<c>3 files, 41 claims: 1 error, 2 warnings, 0 infos</c>). A diagnostic without a file is
/// written <c>claimc: error CLM0001: message</c>.
/// </summary>
public sealed class TextReportWriter(bool includeSummary = true) : DiagnosticReportWriter
{
    public override ReportFormat Format => ReportFormat.Text;

    public bool IncludeSummary { get; } = includeSummary;

    public override void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, ReportSummary summary, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        var paths = new DisplayPaths(currentDirectory);
        Span<char> digits = stackalloc char[11];
        foreach (var diagnostic in Prepare(diagnostics))
        {
            string path = paths.Of(diagnostic.Location.FilePath);
            var (line, column, _, _) = Position(diagnostic.Location);
            if (path.Length == 0) output.Write("claimc");
            else
            {
                output.Write(path);
                output.Write('(');
                WriteNumber(output, line, digits);
                output.Write(',');
                WriteNumber(output, column, digits);
                output.Write(')');
            }
            output.Write(": ");
            output.Write(diagnostic.Severity.ToWord());
            output.Write(' ');
            output.Write(diagnostic.Id);
            output.Write(": ");
            output.Write(OneLine(diagnostic.Message));
            output.Write('\n');
        }
        if (IncludeSummary) output.Write(summary + "\n");
    }
}

/// <summary>
/// MSBuild's canonical form, understood by Visual Studio, VS Code's <c>$msCompile</c> matcher and Azure DevOps:
/// <c>file(line,col,endLine,endCol): error CLM2001: message</c>. Info diagnostics use the category <c>info</c>.
/// </summary>
public sealed class MSBuildReportWriter : DiagnosticReportWriter
{
    public override ReportFormat Format => ReportFormat.MSBuild;

    public override void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, ReportSummary summary, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(output);
        var paths = new DisplayPaths(currentDirectory);
        foreach (var diagnostic in Prepare(diagnostics))
        {
            string path = paths.Of(diagnostic.Location.FilePath);
            var (line, column, endLine, endColumn) = Position(diagnostic.Location);
            if (path.Length == 0) output.Write("claimc ");
            else output.Write($"{path}({Number(line)},{Number(column)},{Number(endLine)},{Number(endColumn)})");
            output.Write($": {diagnostic.Severity.ToWord()} {diagnostic.Id}: {OneLine(diagnostic.Message)}\n");
        }
    }
}

/// <summary>
/// GitHub Actions workflow commands, one per diagnostic, which GitHub shows as annotations on the pull request:
/// <c>::error file=…,line=…,col=…,endLine=…,endColumn=…,title=CLM2001::message</c>. Info diagnostics become
/// <c>::notice</c>. The message escapes <c>%</c>, CR and LF; property values also escape <c>:</c> and <c>,</c>.
/// </summary>
public sealed class GitHubReportWriter : DiagnosticReportWriter
{
    public override ReportFormat Format => ReportFormat.GitHub;

    public override void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics, ReportSummary summary, string currentDirectory)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var diagnostic in Prepare(diagnostics))
        {
            string command = diagnostic.Severity switch
            {
                DiagnosticSeverity.Error => "error",
                DiagnosticSeverity.Warning => "warning",
                _ => "notice",
            };
            string path = ReportPaths.Display(diagnostic.Location.FilePath, currentDirectory);
            var (line, column, endLine, endColumn) = Position(diagnostic.Location);
            var builder = new StringBuilder("::").Append(command).Append(' ');
            if (path.Length > 0)
            {
                builder.Append("file=").Append(EscapeProperty(path))
                    .Append(",line=").Append(Number(line))
                    .Append(",col=").Append(Number(column))
                    .Append(",endLine=").Append(Number(endLine))
                    .Append(",endColumn=").Append(Number(endColumn))
                    .Append(',');
            }
            builder.Append("title=").Append(EscapeProperty(diagnostic.Id))
                .Append("::").Append(EscapeData(diagnostic.Message)).Append('\n');
            output.Write(builder.ToString());
        }
    }

    /// <summary>Escapes a command's message: <c>%</c>, CR and LF.</summary>
    public static string EscapeData(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny('%', '\r', '\n') < 0) return value;
        var builder = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            switch (c)
            {
                case '%': builder.Append("%25"); break;
                case '\r': builder.Append("%0D"); break;
                case '\n': builder.Append("%0A"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>Escapes a command property value: <c>%</c>, CR, LF, <c>:</c> and <c>,</c>.</summary>
    public static string EscapeProperty(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.AsSpan().IndexOfAny("%\r\n:,") < 0) return value;
        var builder = new StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            switch (c)
            {
                case '%': builder.Append("%25"); break;
                case '\r': builder.Append("%0D"); break;
                case '\n': builder.Append("%0A"); break;
                case ':': builder.Append("%3A"); break;
                case ',': builder.Append("%2C"); break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }
}
