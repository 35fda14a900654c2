using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClaimLang.Tests.Reliability.Fuzzing;

namespace ClaimLang.Fuzz;

/// <summary>
/// <c>dotnet run -c Release --project bench/ClaimLang.Fuzz -- --minutes 10</c>: runs the reliability properties with
/// fresh random seeds until the time is up, round after round; on the first failure prints the seed that
/// reproduces it, FsCheck's shrunk case and a further minimised input, writes them under <c>--out</c>, and exits
/// with 1. <c>--hostile</c> runs the hostile inputs at full size. Exit codes: 0 no failure, 1 a property failed,
/// 2 bad usage, 3 a round hung (no answer within <c>--hang-minutes</c>).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        FuzzOptions options;
        try
        {
            options = FuzzOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("error: " + e.Message);
            Console.Error.WriteLine(FuzzOptions.Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(FuzzOptions.Usage);
            return 0;
        }

        if (options.List)
        {
            foreach (var p in FuzzCatalog.All) Console.WriteLine($"{p.Name,-12} {p.Description}");
            return 0;
        }

        return new Fuzzer(options).Run();
    }
}

internal sealed class FuzzOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project bench/ClaimLang.Fuzz -- [options]

          --minutes N        fuzz for N minutes with random seeds (default 1; 0 with --hostile: hostile inputs only)
          --property NAME    only this property (repeatable); --list shows them
          --cases N          cases per round (default 200)
          --schema           also validate every error-free dataset against schema/dataset.schema.json
                             (ajv through tools/schema-validate; needs node and npm)
          --hostile          run the hostile inputs at full size first (100 MB files, a million declarations,
                             100,000 files, chains of a million); needs several GB of memory
          --scale F          multiply the hostile sizes by F (default 1)
          --seed S           replay: run the given property once with this seed (as printed on a failure),
          --gamma G          with this gamma,
          --end-size N       this largest size,
          --size N           or this one fixed size (FsCheck's "Replay directly at failing step")
          --out DIR          where failure reports go (default ./fuzz-failures)
          --hang-minutes N   a round that takes longer than this is reported as a hang (default 15)
          --list             list the properties
        """;

    public double? Minutes { get; private set; }
    public List<string> Properties { get; } = [];
    public int Cases { get; private set; } = 200;
    public bool Schema { get; private set; }
    public bool Hostile { get; private set; }
    public double Scale { get; private set; } = 1;
    public ulong? Seed { get; private set; }
    public ulong? Gamma { get; private set; }
    public int? EndSize { get; private set; }
    public int? Size { get; private set; }
    public string Out { get; private set; } = "fuzz-failures";
    public double HangMinutes { get; private set; } = 15;
    public bool List { get; private set; }
    public bool Help { get; private set; }

    public static FuzzOptions Parse(string[] args)
    {
        var o = new FuzzOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value");
            switch (arg)
            {
                case "--minutes": o.Minutes = ParseDouble(arg, Value()); break;
                case "--property": o.Properties.Add(FuzzCatalog.Get(Value()).Name); break;
                case "--cases": o.Cases = ParseInt(arg, Value()); break;
                case "--schema": o.Schema = true; break;
                case "--hostile": o.Hostile = true; break;
                case "--scale": o.Scale = ParseDouble(arg, Value()); break;
                case "--seed": o.Seed = ParseULong(arg, Value()); break;
                case "--gamma": o.Gamma = ParseULong(arg, Value()); break;
                case "--end-size": o.EndSize = ParseInt(arg, Value()); break;
                case "--size": o.Size = ParseInt(arg, Value()); break;
                case "--out": o.Out = Value(); break;
                case "--hang-minutes": o.HangMinutes = ParseDouble(arg, Value()); break;
                case "--list": o.List = true; break;
                case "--help" or "-h": o.Help = true; break;
                default: throw new ArgumentException($"unknown option {arg}");
            }
        }
        if (o.Gamma is { } g && g % 2 == 0) throw new ArgumentException("--gamma must be odd (use the value a failure printed)");
        if ((o.Gamma is not null || o.Size is not null) && o.Seed is null) throw new ArgumentException("--gamma and --size replay a seed: give --seed too");
        return o;
    }

    private static double ParseDouble(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d >= 0 ? d : throw new ArgumentException($"{name} needs a number, not '{value}'");

    private static int ParseInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} needs a positive whole number, not '{value}'");

    private static ulong ParseULong(string name, string value) =>
        ulong.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{name} needs a whole number, not '{value}'");
}

internal sealed class Fuzzer(FuzzOptions options)
{
    private static readonly int[] EndSizes = [30, 60, 120];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string _current = "starting";
    private long _roundStartedAt;

    private IReadOnlyList<FuzzProperty> Properties =>
        options.Properties.Count == 0 ? FuzzCatalog.All : options.Properties.Select(FuzzCatalog.Get).ToList();

    public int Run()
    {
        using var watchdog = new Timer(_ => CheckForHang(), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        Console.WriteLine($"ClaimLang fuzzer: {Environment.ProcessorCount} processors, .NET {Environment.Version}");

        if (options.Hostile && !RunHostile()) return 1;
        if (options.Seed is { } seed) return Replay(seed);
        if (options.Hostile && options.Minutes is null or 0) return 0;
        return Fuzz(TimeSpan.FromMinutes(options.Minutes ?? 1));
    }

    private void Begin(string what)
    {
        _current = what;
        Interlocked.Exchange(ref _roundStartedAt, _clock.ElapsedMilliseconds);
        // Printed before the round starts, so that a crash that kills the process (a stack overflow) still leaves
        // the seed in the log.
        Console.WriteLine($"[{_clock.Elapsed:hh\\:mm\\:ss}] {what} …");
    }

    private void CheckForHang()
    {
        long started = Interlocked.Read(ref _roundStartedAt);
        if (_clock.ElapsedMilliseconds - started < options.HangMinutes * 60_000) return;
        Console.WriteLine($"HANG: no answer after {options.HangMinutes} minutes in: {_current}");
        Console.Out.Flush();
        Environment.Exit(3);
    }

    // ------------------------------------------------------------------ property rounds

    private int Fuzz(TimeSpan budget)
    {
        var properties = Properties;
        using var schema = options.Schema ? new SchemaValidator() : null;
        int round = 0;
        while (_clock.Elapsed < budget)
        {
            var property = properties[round % properties.Count];
            int endSize = options.EndSize ?? EndSizes[round / properties.Count % EndSizes.Length];
            var run = FuzzRun.FromSeed(RandomSeed(), options.Cases, endSize);
            if (!RunOne(property, run, schema)) return 1;
            round++;
        }
        Console.WriteLine($"done: {round} rounds of {options.Cases} cases in {_clock.Elapsed:hh\\:mm\\:ss}, no failure");
        return 0;
    }

    private int Replay(ulong seed)
    {
        using var schema = options.Schema ? new SchemaValidator() : null;
        foreach (var property in Properties)
        {
            var run = new FuzzRun(seed, options.Gamma ?? FuzzRun.DefaultGamma, options.Size is null ? options.Cases : 1, options.EndSize ?? 60, options.Size);
            if (!RunOne(property, run, schema)) return 1;
        }
        return 0;
    }

    private bool RunOne(FuzzProperty property, FuzzRun run, SchemaValidator? schema)
    {
        var datasets = new List<byte[]>();
        var context = new FuzzContext { DatasetSink = schema is null ? null : json => { lock (datasets) datasets.Add(json); } };
        Begin($"{property.Name} {run.ReplayArguments(property.Name)}");
        try
        {
            FuzzRunner.Run(property, run, context);
        }
        catch (FuzzFailure failure)
        {
            ReportFailure(failure, context);
            return false;
        }
        if (schema is not null && datasets.Count > 0)
        {
            var (ok, report, failing) = schema.Validate(datasets);
            if (!ok)
            {
                string file = WriteReport($"{property.Name}-schema-{run.Seed}",
                    $"a dataset does not match schema/dataset.schema.json\nReproduce: dotnet run -c Release --project bench/ClaimLang.Fuzz -- {run.ReplayArguments(property.Name)} --schema\n{report}");
                if (failing is not null) File.WriteAllBytes(Path.ChangeExtension(file, ".json"), failing);
                Console.WriteLine($"FAILED: a dataset does not match the schema ({file})\n{report}");
                return false;
            }
        }
        Console.WriteLine($"    ok: {context.Stats}" + (schema is null ? "" : $", {datasets.Count} datasets valid against the schema"));
        return true;
    }

    private void ReportFailure(FuzzFailure failure, FuzzContext context)
    {
        var report = new StringBuilder();
        report.AppendLine("FAILED " + failure.Message);
        if (context.LastFailure is { } input)
        {
            Console.WriteLine("FAILED — minimising the input …");
            var (texts, checks) = Minimizer.Minimize(input, TimeSpan.FromMinutes(2), 5000);
            report.AppendLine($"Minimised input ({checks} checks; each file as a C# string literal):");
            report.Append(Escaping.DescribeFiles(input.Paths, texts));
            try
            {
                input.Recheck(texts);
            }
            catch (Exception e)
            {
                report.AppendLine("fails with: " + e.GetType().Name + ": " + e.Message);
            }
            string folder = Path.Combine(options.Out, $"{failure.Property}-{failure.Run.Seed}-input");
            for (int i = 0; i < texts.Length; i++)
            {
                string path = Path.Combine(folder, input.Paths[i].Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, texts[i], new UTF8Encoding(false));
            }
            report.AppendLine($"The minimised files are also in {folder}.");
        }
        string file = WriteReport($"{failure.Property}-{failure.Run.Seed}", report.ToString());
        Console.WriteLine(report);
        Console.WriteLine($"(written to {file})");
    }

    private string WriteReport(string name, string text)
    {
        Directory.CreateDirectory(options.Out);
        string file = Path.GetFullPath(Path.Combine(options.Out, name + ".txt"));
        File.WriteAllText(file, text, new UTF8Encoding(false));
        return file;
    }

    private static ulong RandomSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));

    // ------------------------------------------------------------------ hostile inputs at full size

    private bool RunHostile()
    {
        double s = options.Scale;
        int Scaled(double n) => Math.Max(1, (int)(n * s));
        var checks = new List<(string Name, Func<HostileReport> Check)>
        {
            ("100 MB file of declarations", () => HostileInputs.CheckLargeFile((long)(100_000_000 * s), dense: true)),
            ("100 MB file of long texts", () => HostileInputs.CheckLargeFile((long)(100_000_000 * s), dense: false)),
            ("200 MB line", () => HostileInputs.CheckLongLine(Scaled(200_000_000))),
            ("200 MB word", () => HostileInputs.CheckLongWord(Scaled(200_000_000))),
            ("a million declarations, compiled", () => HostileInputs.CheckManyDeclarations(Scaled(1_000_001) | 1, compile: true)),
            ("cites chain of a million", () => HostileInputs.CheckCitesChain(Scaled(1_000_000), cycle: false)),
            ("cites cycle of a million", () => HostileInputs.CheckCitesChain(Scaled(1_000_000), cycle: true)),
            ("supersedes chain of a million", () => HostileInputs.CheckSupersedesChain(Scaled(1_000_000), cycle: false)),
            ("supersedes cycle of a million", () => HostileInputs.CheckSupersedesChain(Scaled(1_000_000), cycle: true)),
            ("part_of/in cycles of a million", () => HostileInputs.CheckContainmentChains(Scaled(1_000_000), cycle: true)),
            ("did-you-mean over a million names", () => HostileInputs.CheckDidYouMean(Scaled(1_000_000))),
            ("100,000 files", () =>
            {
                string folder = Path.Combine(Path.GetTempPath(), "claimlang-fuzz-files-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(folder);
                try
                {
                    return HostileInputs.CheckManyFiles(folder, Scaled(100_000));
                }
                finally
                {
                    Directory.Delete(folder, recursive: true);
                }
            }),
        };
        foreach (var (name, check) in checks)
        {
            Begin("hostile: " + name);
            var started = _clock.Elapsed;
            try
            {
                var report = check();
                Console.WriteLine($"    ok in {(_clock.Elapsed - started).TotalSeconds:N0} s: {report}");
            }
            catch (Exception e)
            {
                string file = WriteReport("hostile-" + new string(name.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()), e.ToString());
                Console.WriteLine($"FAILED hostile input '{name}': {e}\n(written to {file})");
                return false;
            }
        }
        return true;
    }
}
