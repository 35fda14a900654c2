using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ClaimLang.Diagnostics;
using ClaimLang.Utilities;
using Microsoft.CodeAnalysis.Text;

namespace ClaimLang.Configuration;

/// <summary>The outcome of reading a <c>claimlang.json</c>: usable options plus what was wrong with the file.</summary>
/// <param name="Options">The options; every key that was missing or bad has its default.</param>
/// <param name="Diagnostics">CLM0001 diagnostics in file order, each positioned at the offending key or value.</param>
/// <param name="FilePath">The configuration file, or null when the workspace has none.</param>
/// <param name="Text">The file's text (for editors that show the diagnostics), or null when there is none.</param>
public sealed record ConfigurationResult(
    ClaimLangOptions Options,
    IReadOnlyList<Diagnostic> Diagnostics,
    string? FilePath,
    SourceText? Text)
{
    /// <summary>The result for a workspace without a configuration file.</summary>
    public static ConfigurationResult None { get; } = new(ClaimLangOptions.Default, [], null, null);

    public bool HasErrors => Diagnostics.Count > 0;
}

/// <summary>
/// Reads <c>claimlang.json</c>. JSON comments and trailing commas are allowed, and so is a <c>"$schema"</c> key
/// (ignored). Every problem — bad JSON, unknown keys, wrong types, bad values — becomes a CLM0001 diagnostic at
/// the position of the key or value concerned, and the setting concerned keeps its default (for lists and
/// maps, only the bad entries are dropped). Nothing here throws for bad input.
/// </summary>
public static class ConfigurationLoader
{
    /// <summary>The top-level keys, in the order messages list them.</summary>
    public static IReadOnlyList<string> TopLevelKeys { get; } =
        ["include", "exclude", "rules", "asOf", "strictPredicates", "format", "output"];

    private static readonly string[] FormatKeys = ["width", "indent"];
    private static readonly string[] OutputKeys = ["directory", "emit"];
    private static readonly string[] SeverityWords = ["error", "warning", "info", "off"];

    /// <summary>Reads and parses the file at <paramref name="path"/>. A file that cannot be read is reported as CLM0001.</summary>
    public static ConfigurationResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string json;
        try
        {
            json = ClaimLang.Workspace.SafeFile.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            var diagnostic = new Diagnostic(DiagnosticCatalog.BadConfiguration, DiagnosticSeverity.Error,
                $"cannot read the configuration file: {e.Message}", Location.FileOnly(path));
            return new ConfigurationResult(ClaimLangOptions.Default, [diagnostic], path, null);
        }
        return Parse(json, path);
    }

    /// <summary>
    /// Loads <c>claimlang.json</c> from the folder <paramref name="root"/>, or returns <see cref="ConfigurationResult.None"/>
    /// when the folder has none.
    /// </summary>
    public static ConfigurationResult LoadForWorkspace(string root)
    {
        string path = Path.Join(Path.GetFullPath(root), WorkspaceRoot.ConfigFileName);
        return File.Exists(path) ? Load(path) : ConfigurationResult.None;
    }

    /// <summary>Parses configuration text; <paramref name="filePath"/> is used for the diagnostics' locations.</summary>
    public static ConfigurationResult Parse(string json, string filePath)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(filePath);
        var parser = new Parser(json, filePath);
        var options = parser.Run();
        return new ConfigurationResult(options, parser.Diagnostics, filePath, parser.Text);
    }

    private sealed class Parser
    {
        private readonly string _filePath;
        private readonly byte[] _bytes;
        private readonly int _charBase; // 1 when the text starts with a byte-order mark that the bytes leave out
        private readonly List<Diagnostic> _diagnostics = [];
        private ClaimLangOptions _options = ClaimLangOptions.Default;

        // Incremental byte → char mapping (diagnostics mostly come in increasing order).
        private int _cursorByte;
        private int _cursorChar;

        public Parser(string json, string filePath)
        {
            _filePath = filePath;
            Text = SourceText.From(json);
            _charBase = json.Length > 0 && json[0] == '\uFEFF' ? 1 : 0;
            _bytes = Encoding.UTF8.GetBytes(json, _charBase, json.Length - _charBase);
        }

        public SourceText Text { get; }

        public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

        public ClaimLangOptions Run()
        {
            if (_bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
            {
                Report(0, 0, "the configuration file is empty; it must hold one JSON object, such as {}");
                return _options;
            }
            var reader = new Utf8JsonReader(_bytes, new JsonReaderOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true,
            });
            try
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    var (start, end) = SkipValue(ref reader);
                    Report(start, end, $"the configuration must be a JSON object ({{ … }}); found {Describe(reader.TokenType, start)}");
                }
                else
                {
                    ReadRoot(ref reader);
                }
                // Anything after the root value is rejected by the reader itself.
                while (reader.Read()) { }
            }
            catch (JsonException e)
            {
                ReportJsonError(e);
            }
            return _options;
        }

        // ---- the root object -------------------------------------------------------------------------------

        /// <summary>Reads the root object into <see cref="_options"/>, one key at a time, so that the settings read
        /// before a JSON syntax error are kept.</summary>
        private void ReadRoot(ref Utf8JsonReader reader)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (keyStart, keyEnd) = TokenBytes(ref reader);
                string key = reader.GetString()!;
                reader.Read();
                if (!seen.Add(key))
                {
                    Report(keyStart, keyEnd, $"'{key}' is given twice; only the last one is used");
                }

                switch (key)
                {
                    case "$schema":
                        ExpectString(ref reader, "$schema");
                        break;
                    case "include":
                        if (ReadPatternList(ref reader, "include") is { } include) _options = _options with { Include = include.AsReadOnly() };
                        break;
                    case "exclude":
                        if (ReadPatternList(ref reader, "exclude") is { } exclude) _options = _options with { Exclude = exclude.AsReadOnly() };
                        break;
                    case "rules":
                        if (ReadRules(ref reader) is { } rules) _options = _options with { Rules = rules.ToFrozenDictionary(StringComparer.Ordinal) };
                        break;
                    case "asOf":
                        _options = _options with { AsOf = ReadAsOf(ref reader) };
                        break;
                    case "strictPredicates":
                        if (ReadBool(ref reader, "strictPredicates") is { } strict) _options = _options with { StrictPredicates = strict };
                        break;
                    case "format":
                        _options = _options with { Format = ReadFormat(ref reader) };
                        break;
                    case "output":
                        _options = _options with { Output = ReadOutput(ref reader) };
                        break;
                    default:
                        reader.Skip();
                        ReportUnknownKey(keyStart, keyEnd, key, null, TopLevelKeys);
                        break;
                }
            }
        }

        private void ReportUnknownKey(int start, int end, string key, string? parent, IReadOnlyList<string> known)
        {
            string where = parent is null ? "" : $" in '{parent}'";
            string? suggestion = Suggestions.Best(key, known);
            string hint = suggestion is null ? "" : $"did you mean '{suggestion}'? ";
            Report(start, end, $"unknown key '{key}'{where}; {hint}allowed keys{where}: {JoinQuoted(known)}");
        }

        // ---- include / exclude -----------------------------------------------------------------------------

        private List<string>? ReadPatternList(ref Utf8JsonReader reader, string key)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                var (start, end) = SkipValue(ref reader);
                Report(start, end, $"'{key}' must be an array of glob patterns, such as [\"**/*.claim\"]; found {Describe(reader.TokenType, start)}");
                return null;
            }
            var patterns = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String)
                {
                    var (start, end) = SkipValue(ref reader);
                    Report(start, end, $"each entry of '{key}' must be a glob pattern in quotes; found {Describe(reader.TokenType, start)}");
                    continue;
                }
                var (valueStart, valueEnd) = TokenBytes(ref reader);
                string pattern = reader.GetString()!;
                if (GlobPattern.TryParse(pattern, out _, out string? error)) patterns.Add(pattern);
                else Report(valueStart, valueEnd, $"bad pattern in '{key}': {error}");
            }
            return patterns;
        }

        // ---- rules ---------------------------------------------------------------------------------------------

        private Dictionary<string, DiagnosticSeverity>? ReadRules(ref Utf8JsonReader reader)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var (start, end) = SkipValue(ref reader);
                Report(start, end, $"'rules' must be an object mapping diagnostic codes to severities, such as {{ \"CLM3006\": \"off\" }}; found {Describe(reader.TokenType, start)}");
                return null;
            }
            var rules = new Dictionary<string, DiagnosticSeverity>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (keyStart, keyEnd) = TokenBytes(ref reader);
                string code = reader.GetString()!;
                reader.Read();
                var (valueStart, valueEnd) = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                    ? SkipValue(ref reader)
                    : TokenBytes(ref reader);

                if (!DiagnosticCatalog.TryGet(code, out var descriptor))
                {
                    string? suggestion = Suggestions.Best(code, Codes());
                    string message = LooksLikeCode(code)
                        ? $"unknown diagnostic code '{code}' in 'rules'"
                        : $"'rules' keys must be diagnostic codes such as \"CLM3006\"; found '{code}'";
                    if (suggestion is not null) message += $"; did you mean '{suggestion}'?";
                    else message += "; `claimc explain` lists the codes";
                    Report(keyStart, keyEnd, message);
                    continue;
                }
                if (!ClaimLangOptions.IsConfigurable(descriptor))
                {
                    string why = descriptor.Family == 1
                        ? "syntax errors (CLM1xxx) cannot be reconfigured"
                        : "configuration errors (CLM0001) cannot be reconfigured";
                    Report(keyStart, keyEnd, $"'{descriptor.Id}' cannot appear in 'rules': {why}; only CLM2xxx, CLM3xxx and CLM4xxx codes can");
                    continue;
                }
                if (rules.ContainsKey(descriptor.Id))
                {
                    Report(keyStart, keyEnd, $"'{descriptor.Id}' is given twice in 'rules'; only the last one is used");
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    Report(valueStart, valueEnd, $"the severity of '{descriptor.Id}' must be one of {JoinQuoted(SeverityWords, "\"")}; found {Describe(reader.TokenType, valueStart)}");
                    continue;
                }
                string word = reader.GetString()!;
                if (!DiagnosticSeverityExtensions.TryParse(word, out var severity))
                {
                    string? suggestion = Suggestions.Best(word, SeverityWords) ?? Prefixed(word, SeverityWords);
                    string hint = suggestion is null ? "" : $" (did you mean \"{suggestion}\"?)";
                    Report(valueStart, valueEnd, $"the severity of '{descriptor.Id}' must be one of {JoinQuoted(SeverityWords, "\"")}; found \"{word}\"{hint}");
                    continue;
                }
                rules[descriptor.Id] = severity;
            }
            return rules;
        }

        private static IEnumerable<string> Codes()
        {
            foreach (var descriptor in DiagnosticCatalog.All) yield return descriptor.Id;
        }

        private static bool LooksLikeCode(string code) =>
            code.StartsWith("CLM", StringComparison.OrdinalIgnoreCase);

        private static string? Prefixed(string word, string[] candidates)
        {
            if (word.Length == 0) return null;
            foreach (string candidate in candidates)
            {
                if (candidate.StartsWith(word, StringComparison.OrdinalIgnoreCase)) return candidate;
            }
            return null;
        }

        // ---- asOf, strictPredicates, $schema ---------------------------------------------------------------

        private DateOnly? ReadAsOf(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            var (start, end) = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                ? SkipValue(ref reader)
                : TokenBytes(ref reader);
            if (reader.TokenType != JsonTokenType.String)
            {
                Report(start, end, $"'asOf' must be a date in quotes written yyyy-mm-dd, such as \"2025-01-31\"; found {Describe(reader.TokenType, start)}");
                return null;
            }
            string value = reader.GetString()!;
            if (!IsIsoDayShape(value))
            {
                Report(start, end, $"'asOf' must be a date written yyyy-mm-dd, such as \"2025-01-31\"; found \"{value}\"");
                return null;
            }
            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                Report(start, end, $"'asOf' is not a real day: \"{value}\" (check the month and the day of the month)");
                return null;
            }
            return day;
        }

        private static bool IsIsoDayShape(string value)
        {
            if (value.Length != 10 || value[4] != '-' || value[7] != '-') return false;
            for (int i = 0; i < 10; i++)
            {
                if (i is 4 or 7) continue;
                if (!char.IsAsciiDigit(value[i])) return false;
            }
            return true;
        }

        private bool? ReadBool(ref Utf8JsonReader reader, string key)
        {
            if (reader.TokenType is JsonTokenType.True or JsonTokenType.False) return reader.GetBoolean();
            var (start, end) = SkipValue(ref reader);
            string hint = reader.TokenType == JsonTokenType.String && reader.GetString() is "true" or "false"
                ? " (write it without quotes)"
                : "";
            Report(start, end, $"'{key}' must be true or false; found {Describe(reader.TokenType, start)}{hint}");
            return null;
        }

        private void ExpectString(ref Utf8JsonReader reader, string key)
        {
            if (reader.TokenType == JsonTokenType.String) return;
            var (start, end) = SkipValue(ref reader);
            Report(start, end, $"'{key}' must be a string; found {Describe(reader.TokenType, start)}");
        }

        // ---- format ------------------------------------------------------------------------------------------

        private FormatOptions ReadFormat(ref Utf8JsonReader reader)
        {
            var format = FormatOptions.Default;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var (start, end) = SkipValue(ref reader);
                Report(start, end, $"'format' must be an object such as {{ \"width\": 100, \"indent\": 2 }}; found {Describe(reader.TokenType, start)}");
                return format;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (keyStart, keyEnd) = TokenBytes(ref reader);
                string key = reader.GetString()!;
                reader.Read();
                if (!seen.Add(key)) Report(keyStart, keyEnd, $"'format.{key}' is given twice; only the last one is used");
                switch (key)
                {
                    case "width":
                        if (ReadInt(ref reader, "format.width", FormatOptions.MinWidth, FormatOptions.MaxWidth) is { } width)
                            format = format with { Width = width };
                        break;
                    case "indent":
                        if (ReadInt(ref reader, "format.indent", FormatOptions.MinIndent, FormatOptions.MaxIndent) is { } indent)
                            format = format with { Indent = indent };
                        break;
                    default:
                        reader.Skip();
                        ReportUnknownKey(keyStart, keyEnd, key, "format", FormatKeys);
                        break;
                }
            }
            return format;
        }

        private int? ReadInt(ref Utf8JsonReader reader, string key, int min, int max)
        {
            var (start, end) = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                ? SkipValue(ref reader)
                : TokenBytes(ref reader);
            if (reader.TokenType != JsonTokenType.Number)
            {
                Report(start, end, $"'{key}' must be a whole number from {min} to {max}; found {Describe(reader.TokenType, start)}");
                return null;
            }
            if (!reader.TryGetInt32(out int value) || value < min || value > max)
            {
                string raw = Encoding.UTF8.GetString(reader.ValueSpan);
                Report(start, end, $"'{key}' must be a whole number from {min} to {max}; found {raw}");
                return null;
            }
            return value;
        }

        // ---- output ------------------------------------------------------------------------------------------

        private OutputOptions ReadOutput(ref Utf8JsonReader reader)
        {
            var output = OutputOptions.Default;
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                var (start, end) = SkipValue(ref reader);
                Report(start, end, $"'output' must be an object such as {{ \"directory\": \"out\", \"emit\": [\"json\"] }}; found {Describe(reader.TokenType, start)}");
                return output;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var (keyStart, keyEnd) = TokenBytes(ref reader);
                string key = reader.GetString()!;
                reader.Read();
                if (!seen.Add(key)) Report(keyStart, keyEnd, $"'output.{key}' is given twice; only the last one is used");
                switch (key)
                {
                    case "directory":
                        output = output with { Directory = ReadOutputDirectory(ref reader) };
                        break;
                    case "emit":
                        if (ReadEmit(ref reader) is { } emit) output = output with { Emit = emit.AsReadOnly() };
                        break;
                    default:
                        reader.Skip();
                        ReportUnknownKey(keyStart, keyEnd, key, "output", OutputKeys);
                        break;
                }
            }
            return output;
        }

        private string? ReadOutputDirectory(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.Null) return null;
            var (start, end) = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                ? SkipValue(ref reader)
                : TokenBytes(ref reader);
            if (reader.TokenType != JsonTokenType.String)
            {
                Report(start, end, $"'output.directory' must be a folder path in quotes, relative to the workspace root; found {Describe(reader.TokenType, start)}");
                return null;
            }
            string value = reader.GetString()!;
            string? problem = CheckRelativeFolder(value);
            if (problem is not null)
            {
                Report(start, end, $"'output.directory' {problem}");
                return null;
            }
            return value;
        }

        /// <summary>Why a configured output folder is not acceptable, or null: it must be relative and stay inside.</summary>
        private static string? CheckRelativeFolder(string value)
        {
            if (value.Trim().Length == 0) return "must not be empty";
            if (value.Contains('\0')) return "contains a NUL character";
            if (value[0] is '/' or '\\' || (value.Length >= 2 && value[1] == ':' && char.IsAsciiLetter(value[0])) || Path.IsPathRooted(value))
                return $"must be relative to the workspace root; found the absolute path \"{value}\" (use -o on the command line to write elsewhere)";
            int depth = 0, start = 0;
            for (int i = 0; i <= value.Length; i++)
            {
                if (i < value.Length && value[i] != '/' && value[i] != '\\') continue;
                var part = value.AsSpan(start, i - start);
                start = i + 1;
                if (part.Length == 0 || part is ".") continue;
                if (part is "..") { if (--depth < 0) return $"must stay inside the workspace root; \"{value}\" leaves it through '..'"; }
                else depth++;
            }
            return null;
        }

        private List<string>? ReadEmit(ref Utf8JsonReader reader)
        {
            var known = OutputOptions.KnownFormats;
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                var (start, end) = SkipValue(ref reader);
                string hint = reader.TokenType == JsonTokenType.String ? " (write a list, such as [\"json\", \"csv\"])" : "";
                Report(start, end, $"'output.emit' must be an array of formats from {JoinQuoted(known, "\"")}; found {Describe(reader.TokenType, start)}{hint}");
                return null;
            }
            var (arrayStart, _) = TokenBytes(ref reader);
            var emit = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var (start, end) = reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                    ? SkipValue(ref reader)
                    : TokenBytes(ref reader);
                if (reader.TokenType != JsonTokenType.String)
                {
                    Report(start, end, $"each entry of 'output.emit' must be one of {JoinQuoted(known, "\"")}; found {Describe(reader.TokenType, start)}");
                    continue;
                }
                string format = reader.GetString()!;
                bool isKnown = false;
                foreach (string k in known) if (k == format) isKnown = true;
                if (!isKnown)
                {
                    string? suggestion = Suggestions.Best(format, known);
                    string hint = suggestion is null ? "" : $"did you mean \"{suggestion}\"? ";
                    Report(start, end, $"unknown format \"{format}\" in 'output.emit'; {hint}allowed: {JoinQuoted(known, "\"")}");
                    continue;
                }
                if (emit.Contains(format))
                {
                    Report(start, end, $"\"{format}\" is listed twice in 'output.emit'");
                    continue;
                }
                emit.Add(format);
            }
            if (emit.Count == 0)
            {
                int arrayEnd = (int)reader.BytesConsumed;
                Report(arrayStart, arrayEnd, $"'output.emit' must list at least one format from {JoinQuoted(known, "\"")}; the default [\"json\"] is used");
                return null;
            }
            return emit;
        }

        // ---- positions and reporting ---------------------------------------------------------------------------

        /// <summary>The byte range of the current scalar or property-name token (strings with their quotes).</summary>
        private static (int Start, int End) TokenBytes(ref Utf8JsonReader reader)
        {
            int start = (int)reader.TokenStartIndex;
            int length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName) length += 2;
            else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                     or JsonTokenType.EndObject or JsonTokenType.EndArray) length = 1;
            return (start, start + length);
        }

        /// <summary>The byte range of the current value, skipping to its end when it is an object or array.</summary>
        private static (int Start, int End) SkipValue(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                int start = (int)reader.TokenStartIndex;
                reader.Skip(); // now at the matching end token; Describe() looks back at the start byte
                return (start, (int)reader.BytesConsumed);
            }
            return TokenBytes(ref reader);
        }

        private string Describe(JsonTokenType type, int startByte) => type switch
        {
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "true/false",
            JsonTokenType.Null => "null",
            JsonTokenType.EndObject => _bytes[startByte] == (byte)'{' ? "an object" : "'}'",
            JsonTokenType.EndArray => _bytes[startByte] == (byte)'[' ? "an array" : "']'",
            JsonTokenType.StartObject => "an object",
            JsonTokenType.StartArray => "an array",
            _ => "a value",
        };

        private void ReportJsonError(JsonException e)
        {
            long line = e.LineNumber ?? 0;
            long column = e.BytePositionInLine ?? 0;
            // The reader counts lines by '\n' and positions in bytes; find the byte offset the same way.
            int offset = 0;
            for (long l = 0; l < line && offset < _bytes.Length; offset++)
            {
                if (_bytes[offset] == (byte)'\n') l++;
            }
            offset = (int)Math.Min(_bytes.Length, offset + column);
            string message = e.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
            message = message.TrimEnd();
            if (message.EndsWith('.')) message = message[..^1];

            int charOffset = CharOffset(offset);
            int length = charOffset < Text.Length && Text[charOffset] is not ('\r' or '\n') ? 1 : 0;
            _diagnostics.Add(new Diagnostic(DiagnosticCatalog.BadConfiguration, DiagnosticSeverity.Error,
                "invalid JSON: " + message, Location.Create(_filePath, Text, new TextSpan(charOffset, length))));
        }

        private void Report(int startByte, int endByte, string message)
        {
            int start = CharOffset(startByte);
            int end = Math.Max(start, CharOffset(endByte));
            _diagnostics.Add(new Diagnostic(DiagnosticCatalog.BadConfiguration, DiagnosticSeverity.Error, message,
                Location.Create(_filePath, Text, TextSpan.FromBounds(start, end))));
        }

        /// <summary>The UTF-16 offset in <see cref="Text"/> of a byte offset into the UTF-8 bytes.</summary>
        private int CharOffset(int byteOffset)
        {
            byteOffset = Math.Clamp(byteOffset, 0, _bytes.Length);
            if (byteOffset < _cursorByte)
            {
                _cursorByte = 0;
                _cursorChar = 0;
            }
            int chars = _cursorChar;
            for (int i = _cursorByte; i < byteOffset; i++)
            {
                byte b = _bytes[i];
                if ((b & 0xC0) == 0x80) continue;      // a continuation byte
                chars += b >= 0xF0 ? 2 : 1;             // four-byte sequences are surrogate pairs in UTF-16
            }
            _cursorByte = byteOffset;
            _cursorChar = chars;
            return Math.Min(Text.Length, _charBase + chars);
        }

        private static string JoinQuoted(IReadOnlyList<string> words, string quote = "'")
        {
            var builder = new StringBuilder();
            for (int i = 0; i < words.Count; i++)
            {
                if (i > 0) builder.Append(i == words.Count - 1 ? " or " : ", ");
                builder.Append(quote).Append(words[i]).Append(quote);
            }
            return builder.ToString();
        }
    }
}
