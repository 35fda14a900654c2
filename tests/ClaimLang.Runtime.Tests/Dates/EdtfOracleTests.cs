using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ClaimLang.Runtime;

namespace ClaimLang.Runtime.Tests.Dates;

/// <summary>
/// Cross-checks <see cref="EdtfDate"/> against the npm package <c>edtf</c> (tools/edtf-oracle), a complete
/// EDTF implementation restricted to Level 1: over the corpus in edtf-corpus.txt both must accept and refuse
/// the same strings and report the same earliest and latest days, except where ClaimLang deliberately differs
/// (the exclusions below, each with its reason). Needs Node.js and npm on the PATH, as CI has them; without
/// them the tests fail rather than skip.
/// </summary>
public sealed class EdtfOracleTests : IClassFixture<EdtfOracleTests.OracleRun>
{
    private enum Difference
    {
        /// <summary>The library accepts the string; ClaimLang refuses it.</summary>
        OnlyLibraryAccepts,

        /// <summary>ClaimLang accepts the string; the library refuses it.</summary>
        OnlyClaimLangAccepts,

        /// <summary>Both accept it but report different earliest or latest days.</summary>
        DifferentDays,
    }

    private const string Century =
        "ISO 8601-1 reduced precision: the library reads two digits as a century (17 = 1700-1799). ClaimLang's " +
        "grammar makes a non-four-digit number in a date position malformed (CLM1004): it is far more likely a typo.";

    private const string NoLeapDayCheck =
        "The library does not check leap years and rolls 29 February of a common year over to 1 March. " +
        "ClaimLang reports the day as impossible (CLM2007).";

    private const string NegativeUnspecifiedBug =
        "Library defect: with a negative year and unspecified digits it swaps or loses the sign of its bounds " +
        "(its earliest day comes after its latest). ClaimLang's range is the set of days the value allows.";

    private const string NegativeZero =
        "ClaimLang refuses a negative year zero (-0000), as ISO 8601 does; the library reads it as 0000.";

    private const string WrittenDay =
        "For a date and time with a UTC offset the library reports the UTC day; ClaimLang keeps the calendar day " +
        "as written (an analyst's local day), as docs/dates.md explains.";

    private const string Hour24 =
        "ClaimLang refuses hour 24 (end of day) and asks for 00:00 of the next day, so that a value never names " +
        "a day other than the one written; the library accepts T24:00.";

    private const string NoDateInInterval =
        "An interval with neither end a date says nothing about time; ClaimLang refuses it, the library accepts it.";

    private const string IntervalOrder =
        "The library requires the end's first instant to be strictly after the start's first instant. ClaimLang only " +
        "refuses an interval whose end is certainly before its start (end's last day before start's first day, or " +
        "later times on the same day), so a single day or a year 'from May to some time in the same year' is allowed.";

    /// <summary>Where ClaimLang and the library deliberately part ways; every entry must be in the corpus and still differ.</summary>
    private static readonly Dictionary<string, (Difference Kind, string Reason)> Exclusions = new(StringComparer.Ordinal)
    {
        ["17"] = (Difference.OnlyLibraryAccepts, Century),
        ["-17"] = (Difference.OnlyLibraryAccepts, Century),
        ["2017-02-29"] = (Difference.OnlyLibraryAccepts, NoLeapDayCheck),
        ["1900-02-29"] = (Difference.OnlyLibraryAccepts, NoLeapDayCheck),
        ["2017-02-29T07:23"] = (Difference.OnlyLibraryAccepts, NoLeapDayCheck),
        ["-000X"] = (Difference.DifferentDays, NegativeUnspecifiedBug),
        ["-2017-XX"] = (Difference.DifferentDays, NegativeUnspecifiedBug),
        ["-2017-02-XX"] = (Difference.DifferentDays, NegativeUnspecifiedBug),
        ["-2017-XX-XX"] = (Difference.DifferentDays, NegativeUnspecifiedBug),
        ["-0000-XX"] = (Difference.OnlyLibraryAccepts, NegativeZero),
        ["2017-01-28T01:23+03:00"] = (Difference.DifferentDays, WrittenDay),
        ["2017-01-28T23:30-02:00"] = (Difference.DifferentDays, WrittenDay),
        ["2017-12-31T23:30-02:00"] = (Difference.DifferentDays, WrittenDay),
        ["2017-01-28T00:00+14:00"] = (Difference.DifferentDays, WrittenDay),
        ["2017-01-28T24:00"] = (Difference.OnlyLibraryAccepts, Hour24),
        ["2017-01-28T24:00:00Z"] = (Difference.OnlyLibraryAccepts, Hour24),
        ["../.."] = (Difference.OnlyLibraryAccepts, NoDateInInterval),
        ["../"] = (Difference.OnlyLibraryAccepts, NoDateInInterval),
        ["/.."] = (Difference.OnlyLibraryAccepts, NoDateInInterval),
        ["/"] = (Difference.OnlyLibraryAccepts, NoDateInInterval),
        ["2017/2017"] = (Difference.OnlyClaimLangAccepts, IntervalOrder),
        ["2017-05/2017"] = (Difference.OnlyClaimLangAccepts, IntervalOrder),
        ["2017-01-28/2017-01-28"] = (Difference.OnlyClaimLangAccepts, IntervalOrder),
        ["2017-01-31/2017-01"] = (Difference.OnlyClaimLangAccepts, IntervalOrder),
        ["2017-01-28T07:00Z/2017-01-28"] = (Difference.OnlyClaimLangAccepts, IntervalOrder),
        // The start is 2017-01-28T22:00Z; the end's day may be in a time zone where it is still the 28th.
        ["2017-01-29T01:00+03:00/2017-01-28"] = (Difference.OnlyClaimLangAccepts, IntervalOrder),
    };

    private readonly OracleRun _run;

    public EdtfOracleTests(OracleRun run)
    {
        _run = run;
    }

    [Fact]
    public void Accepts_and_refuses_the_same_strings_with_the_same_days_as_the_edtf_library()
    {
        List<string> mismatches = [];
        foreach (OracleAnswer answer in _run.Answers)
        {
            EdtfParseResult ours = EdtfDate.Parse(answer.Input.AsSpan());
            Difference? difference = Compare(answer, ours, out string detail);
            if (difference is null || IsSeasonRange(answer, ours, difference.Value))
            {
                continue;
            }

            if (Exclusions.TryGetValue(answer.Input, out var excluded) && excluded.Kind == difference)
            {
                continue;
            }

            mismatches.Add($"'{answer.Input}': {difference}: {detail}");
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} disagreement(s) with the edtf library:\n" + string.Join("\n", mismatches));
    }

    [Fact]
    public void Every_exclusion_is_in_the_corpus_and_still_differs_as_stated()
    {
        Dictionary<string, OracleAnswer> byInput = new(StringComparer.Ordinal);
        foreach (OracleAnswer answer in _run.Answers)
        {
            byInput[answer.Input] = answer;
        }

        foreach ((string input, (Difference kind, string reason)) in Exclusions)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.True(byInput.TryGetValue(input, out OracleAnswer? answer), $"exclusion '{input}' is not in the corpus");
            Difference? actual = Compare(answer!, EdtfDate.Parse(input.AsSpan()), out string detail);
            Assert.True(actual == kind, $"exclusion '{input}' expects {kind} but found {actual?.ToString() ?? "agreement"} {detail}; update or remove it");
        }
    }

    [Fact]
    public void Corpus_exercises_both_accepted_and_refused_forms_of_every_kind()
    {
        int accepted = 0;
        int malformed = 0;
        int impossible = 0;
        int intervals = 0;
        int seasons = 0;
        int times = 0;
        foreach (OracleAnswer answer in _run.Answers)
        {
            EdtfParseResult ours = EdtfDate.Parse(answer.Input.AsSpan());
            switch (ours.ErrorKind)
            {
                case EdtfErrorKind.None:
                    accepted++;
                    intervals += ours.Value.IsInterval ? 1 : 0;
                    seasons += ours.Value.IsSeason ? 1 : 0;
                    times += ours.Value.HasTime ? 1 : 0;
                    break;
                case EdtfErrorKind.Malformed:
                    malformed++;
                    break;
                default:
                    impossible++;
                    break;
            }
        }

        Assert.True(_run.Answers.Count >= 300, $"the corpus has only {_run.Answers.Count} strings");
        Assert.True(accepted >= 150 && malformed >= 100 && impossible >= 40, $"accepted {accepted}, malformed {malformed}, impossible {impossible}");
        Assert.True(intervals >= 50 && seasons >= 5 && times >= 30, $"intervals {intervals}, seasons {seasons}, times {times}");
    }

    /// <summary>
    /// Seasons: both sides must accept or refuse the same season strings, but their months differ by design.
    /// The library maps 21-24 to quarters (21 = January-March … 24 = October-December); ClaimLang uses northern
    /// meteorological seasons (21 = March-May … 24 = December to February of the next year), see docs/dates.md.
    /// Those months are checked by EdtfDateParseTests instead.
    /// </summary>
    private static bool IsSeasonRange(OracleAnswer answer, EdtfParseResult ours, Difference difference) =>
        difference == Difference.DifferentDays && answer.Type == "Season" && ours.Value.IsSeason;

    private static Difference? Compare(OracleAnswer answer, EdtfParseResult ours, out string detail)
    {
        if (answer.Ok != ours.Success)
        {
            detail = answer.Ok
                ? $"the library accepts it ({answer.Min}..{answer.Max}); ClaimLang says {ours.ErrorKind}: {ours.ErrorMessage}"
                : $"ClaimLang accepts it ({ours.Value.EarliestText}..{ours.Value.LatestText}); the library says {answer.Error}";
            return answer.Ok ? Difference.OnlyLibraryAccepts : Difference.OnlyClaimLangAccepts;
        }

        detail = string.Empty;
        if (!answer.Ok)
        {
            return null;
        }

        EdtfDate value = ours.Value;
        string? min = value.EarliestText ?? (value.HasOpenStart ? "-inf" : null);
        string? max = value.LatestText ?? (value.HasOpenEnd ? "+inf" : null);
        if (min == answer.Min && max == answer.Max)
        {
            return null;
        }

        detail = $"the library says {answer.Min ?? "unknown"}..{answer.Max ?? "unknown"}, ClaimLang {min ?? "unknown"}..{max ?? "unknown"}";
        return Difference.DifferentDays;
    }

    public sealed record OracleAnswer(string Input, bool Ok, string? Type, string? Min, string? Max, string? Error);

    /// <summary>Installs the oracle when needed (<c>npm ci</c>) and runs the whole corpus through it once.</summary>
    public sealed class OracleRun
    {
        private static readonly TimeSpan NpmLimit = TimeSpan.FromMinutes(10);
        private static readonly TimeSpan NodeLimit = TimeSpan.FromMinutes(3);

        public OracleRun()
        {
            string root = FindRepositoryRoot();
            string oracleDir = Path.Combine(root, "tools", "edtf-oracle");
            List<string> inputs = ReadCorpus(root);
            if (!IsInstalled(oracleDir))
            {
                Run(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", ["ci", "--no-audit", "--no-fund"], oracleDir, stdin: null, NpmLimit);
            }

            StringBuilder stdin = new();
            foreach (string input in inputs)
            {
                stdin.Append(input).Append('\n');
            }

            string output = Run("node", ["oracle.mjs"], oracleDir, stdin.ToString(), NodeLimit);
            List<OracleAnswer> answers = [];
            JsonSerializerOptions options = new() { PropertyNameCaseInsensitive = true };
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                answers.Add(JsonSerializer.Deserialize<OracleAnswer>(line, options)
                    ?? throw new InvalidOperationException($"the oracle printed an unreadable line: {line}"));
            }

            if (answers.Count != inputs.Count)
            {
                throw new InvalidOperationException($"the oracle answered {answers.Count} of {inputs.Count} corpus lines");
            }

            for (int i = 0; i < inputs.Count; i++)
            {
                if (!string.Equals(answers[i].Input, inputs[i], StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"the oracle's answer {i} is for '{answers[i].Input}', expected '{inputs[i]}'");
                }
            }

            Answers = answers;
        }

        public IReadOnlyList<OracleAnswer> Answers { get; }

        /// <summary>Whether node_modules holds the version of edtf that package.json pins.</summary>
        private static bool IsInstalled(string oracleDir)
        {
            string installed = Path.Combine(oracleDir, "node_modules", "edtf", "package.json");
            if (!File.Exists(installed))
            {
                return false;
            }

            using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(oracleDir, "package.json")));
            using JsonDocument package = JsonDocument.Parse(File.ReadAllText(installed));
            string? wanted = manifest.RootElement.GetProperty("dependencies").GetProperty("edtf").GetString();
            string? have = package.RootElement.GetProperty("version").GetString();
            return string.Equals(wanted, have, StringComparison.Ordinal);
        }

        private static string FindRepositoryRoot()
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "tools", "edtf-oracle", "oracle.mjs")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"tools/edtf-oracle/oracle.mjs was not found above {AppContext.BaseDirectory}");
        }

        private static List<string> ReadCorpus(string root)
        {
            // The corpus is copied next to the test assembly when the project asks for it; otherwise it is read
            // from the source tree.
            string copied = Path.Combine(AppContext.BaseDirectory, "Dates", "edtf-corpus.txt");
            string path = File.Exists(copied) ? copied : Path.Combine(root, "tests", "ClaimLang.Runtime.Tests", "Dates", "edtf-corpus.txt");
            List<string> inputs = [];
            foreach (string line in File.ReadAllLines(path))
            {
                if (line.Length > 0 && line[0] != '#')
                {
                    inputs.Add(line);
                }
            }

            return inputs;
        }

        private static string Run(string program, string[] arguments, string workingDirectory, string? stdin, TimeSpan limit)
        {
            ProcessStartInfo start = new(program)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardInput = stdin is not null,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"'{program}' did not start");
            }
            catch (Win32Exception error)
            {
                throw new InvalidOperationException(
                    $"'{program}' was not found on the PATH ({error.Message}). The EDTF cross-check needs Node.js 18 or later and npm, " +
                    "as CI has them: install them and run the tests again.",
                    error);
            }

            using (process)
            {
                Task<string> output = process.StandardOutput.ReadToEndAsync();
                Task<string> errors = process.StandardError.ReadToEndAsync();
                if (stdin is not null)
                {
                    process.StandardInput.Write(stdin);
                    process.StandardInput.Close();
                }

                if (!process.WaitForExit(limit))
                {
                    process.Kill(entireProcessTree: true);
                    throw new InvalidOperationException($"'{program} {string.Join(' ', arguments)}' did not finish within {limit.TotalMinutes} minutes");
                }

                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException(
                        $"'{program} {string.Join(' ', arguments)}' in {workingDirectory} exited with {process.ExitCode}:\n{errors.Result}");
                }

                return output.Result;
            }
        }
    }
}
