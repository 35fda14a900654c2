using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ClaimLang.Bench.Workload;

/// <summary>What to generate: the number of claims and whether to inject mistakes.</summary>
/// <param name="Claims">Number of claim declarations (sources, actors, places, predicates and hypotheses come on top).</param>
/// <param name="WithErrors">
/// "errors" workspaces carry a share of mistakes (<see cref="WorkspaceGenerator.ErrorPercent"/>% of the claims, every
/// <see cref="ErrorKind"/>); "clean" ones have no error (warnings and infos remain), so <c>claimc build</c> succeeds.
/// </param>
internal sealed record WorkspaceSpec(int Claims, bool WithErrors)
{
    public string Variant => WithErrors ? "errors" : "clean";
    public string Name => Variant + "-" + SizeLabel(Claims);

    public static string SizeLabel(int claims) =>
        claims >= 1_000_000 && claims % 1_000_000 == 0 ? (claims / 1_000_000).ToString(CultureInfo.InvariantCulture) + "M"
        : claims >= 1_000 && claims % 1_000 == 0 ? (claims / 1_000).ToString(CultureInfo.InvariantCulture) + "k"
        : claims.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Totals of a generated workspace (written next to it as a manifest, and quoted in the report).</summary>
internal sealed class WorkspaceManifest
{
    public int GeneratorVersion { get; set; }
    public int Claims { get; set; }
    public bool WithErrors { get; set; }
    public int Sources { get; set; }
    public int Actors { get; set; }
    public int Places { get; set; }
    public int Predicates { get; set; }
    public int Hypotheses { get; set; }
    public int Documents { get; set; }
    public int ClaimFiles { get; set; }
    public int DeclarationFiles { get; set; }
    public long ClaimBytes { get; set; }
    public long TotalClaimLangBytes { get; set; }
    public long JsonBytes { get; set; }
    public Dictionary<string, int> InjectedErrors { get; set; } = [];

    public int Files => ClaimFiles + DeclarationFiles;
}

/// <summary>
/// Generates realistic ClaimLang workspaces: sources, actors, places, predicates and hypotheses spread over
/// declaration files, and claims (about 100 bytes each) over many files of <see cref="ClaimsPerFile"/>, with labels,
/// arguments, dates of every EDTF shape, several sources, relations (contradicts, supports, supersedes), notes,
/// quotes from saved documents, tags, comments, documentation comments, continuation lines and, in "errors"
/// workspaces, a share of mistakes. Every file also gets a JSON rendering of the same declarations under a separate
/// root. Output is a pure function of the spec (see <see cref="Rng"/>).
/// </summary>
internal static class WorkspaceGenerator
{
    /// <summary>Bump when the output changes, so that stale workspaces are regenerated.</summary>
    public const int Version = 4;
    public const int ClaimsPerFile = 500;
    public const int DeclarationsPerFile = 500;
    public const int FilesPerFolder = 100;
    public const double ErrorPercent = 1.5;
    private const ulong Seed = 0xC1A1_4A11_5EED_2025UL;

    private static readonly string[] ConfidenceValues = ["low", "low", "moderate", "moderate", "high"];
    private static readonly string[] ReliabilityValues = ["A", "B", "B", "C", "C", "C", "D", "D", "E", "F"];
    private static readonly string[] ActorKinds = ["person", "military", "militia", "state", "party", "company", "agency"];
    private static readonly string[] SourceKinds = ["outlet", "analysis", "agency", "report", "social", "comment"];
    private static readonly string[] Languages = ["en", "ar", "fa", "ru", "fr"];
    private static readonly string[] TagWords = ["logistics", "airpower", "militia", "diplomacy", "economy", "rumour", "succession", "border", "energy", "detention"];
    private static readonly string[] CommentWords = ["check", "follow", "up", "with", "the", "field", "team", "second", "report", "pending", "translation", "of", "original", "wording", "unclear"];

    /// <summary>Predicates with parameter types (every type of the language appears).</summary>
    internal static readonly (string Name, (string Name, string Type)[] Parameters, string Description)[] Predicates =
    [
        ("deployed_to", [("place", "place")], "was deployed to a place"),
        ("met_with", [("other", "actor"), ("at", "place")], "held a meeting with another actor"),
        ("attacked", [("target", "actor"), ("casualties", "number")], "carried out an attack"),
        ("supplied", [("recipient", "actor"), ("amount", "number")], "delivered material"),
        ("announced", [("statement", "text")], "made a public announcement"),
        ("visited", [("place", "place"), ("on", "date")], "travelled to a place"),
        ("commands", [("force", "actor")], "is in command of a force"),
        ("coup_attempt", [("target", "actor"), ("replacement", "actor")], "tried to depose a leader"),
        ("high_alert", [], "was put on high alert"),
        ("withdrew_from", [("place", "place")], "pulled out of a place"),
        ("signed_agreement", [("with", "actor"), ("signed", "date")], "signed an agreement"),
        ("recruited", [("count", "number"), ("from", "place")], "recruited fighters"),
        ("financed", [("recipient", "actor"), ("amount", "number")], "paid for an activity"),
        ("arrested", [("person", "actor")], "detained someone"),
        ("confirmed", [("report", "claim")], "confirmed an earlier report"),
        ("denied", [("report", "claim"), ("statement", "text")], "publicly denied a report"),
        ("controls", [("place", "place")], "holds a place"),
        ("trained", [("trainee", "actor"), ("at", "place")], "trained another force"),
        ("aligned_with", [("ally", "actor")], "sided with another actor"),
        ("rivals", [("other", "actor")], "competes with another actor"),
        ("negotiated_with", [("other", "actor"), ("topic", "text")], "held talks"),
        ("smuggled", [("goods", "text"), ("to", "place")], "moved goods illicitly"),
        ("shelled", [("place", "place"), ("rounds", "number")], "fired artillery at a place"),
        ("evacuated", [("place", "place")], "left a place in a hurry"),
        ("appointed", [("person", "actor"), ("role", "text")], "gave someone a post"),
        ("dismissed", [("person", "actor")], "removed someone from a post"),
        ("built_base", [("place", "place"), ("started", "date")], "built a base"),
        ("health_crisis", [], "suffered a health crisis"),
        ("sanctioned", [("target", "actor")], "imposed sanctions"),
        ("mediated", [("between", "actor"), ("and", "actor")], "acted as a go-between"),
    ];

    /// <summary>How many of each declaration a workspace of <paramref name="claims"/> claims has.</summary>
    public static (int Sources, int Actors, int Places, int Hypotheses, int Documents) Counts(int claims)
    {
        int sources = Math.Max(20, claims / 50);
        int actors = Math.Max(40, claims / 20);
        int places = Math.Max(20, claims / 100);
        int hypotheses = Math.Max(5, claims / 500);
        int documents = Math.Min(100, Math.Max(2, sources / 20));
        return (sources, actors, places, hypotheses, documents);
    }

    /// <summary>Writes the workspace to <paramref name="claimRoot"/> and its JSON rendering to <paramref name="jsonRoot"/>.</summary>
    public static WorkspaceManifest Generate(WorkspaceSpec spec, string claimRoot, string jsonRoot)
    {
        var (sources, actors, places, hypotheses, documents) = Counts(spec.Claims);
        var context = new Context(spec, sources, actors, places, hypotheses, documents);
        var manifest = new WorkspaceManifest
        {
            GeneratorVersion = Version,
            Claims = spec.Claims,
            WithErrors = spec.WithErrors,
            Sources = sources,
            Actors = actors,
            Places = places,
            Predicates = Predicates.Length,
            Hypotheses = hypotheses,
            Documents = documents,
        };

        Directory.CreateDirectory(claimRoot);
        Directory.CreateDirectory(jsonRoot);
        File.WriteAllText(Path.Combine(claimRoot, "claimlang.json"), "{\n  \"asOf\": \"2026-01-01\"\n}\n");

        // Documents that sources point at and claims quote from.
        Directory.CreateDirectory(Path.Combine(claimRoot, "documents"));
        for (int d = 0; d < documents; d++)
        {
            File.WriteAllText(Path.Combine(claimRoot, DocumentPath(d)), context.DocumentText(d));
        }

        long declarationBytes = 0, jsonBytes = 0;
        int declarationFiles = 0;
        void WriteDeclarations(string prefix, int count, Func<int, DeclarationModel> make)
        {
            for (int first = 0, file = 0; first < count; first += DeclarationsPerFile, file++)
            {
                int end = Math.Min(count, first + DeclarationsPerFile);
                string relative = "decl/" + prefix + "-" + file.ToString("D3", CultureInfo.InvariantCulture) + ".claim";
                var (b, j) = WriteFile(claimRoot, jsonRoot, relative, first, end, make);
                declarationBytes += b;
                jsonBytes += j;
                declarationFiles++;
            }
        }
        WriteDeclarations("sources", sources, context.Source);
        WriteDeclarations("actors", actors, context.Actor);
        WriteDeclarations("places", places, context.Place);
        WriteDeclarations("predicates", Predicates.Length, context.Predicate);
        WriteDeclarations("hypotheses", hypotheses, context.Hypothesis);

        int claimFiles = (spec.Claims + ClaimsPerFile - 1) / ClaimsPerFile;
        long claimBytes = 0, claimJsonBytes = 0;
        Parallel.For(0, claimFiles, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            int first = file * ClaimsPerFile;
            int end = Math.Min(spec.Claims, first + ClaimsPerFile);
            var (b, j) = WriteFile(claimRoot, jsonRoot, ClaimFilePath(file), first, end, context.Claim);
            Interlocked.Add(ref claimBytes, b);
            Interlocked.Add(ref claimJsonBytes, j);
        });

        manifest.ClaimFiles = claimFiles;
        manifest.DeclarationFiles = declarationFiles;
        manifest.ClaimBytes = claimBytes;
        manifest.TotalClaimLangBytes = claimBytes + declarationBytes;
        manifest.JsonBytes = jsonBytes + claimJsonBytes;
        foreach (var (kind, count) in context.InjectedErrors()) manifest.InjectedErrors[kind.ToString()] = count;
        return manifest;
    }

    public static string ClaimFilePath(int file) =>
        "claims/g" + (file / FilesPerFolder).ToString("D3", CultureInfo.InvariantCulture) +
        "/part-" + file.ToString("D5", CultureInfo.InvariantCulture) + ".claim";

    public static string DocumentPath(int document) => "documents/doc-" + document.ToString("D3", CultureInfo.InvariantCulture) + ".txt";

    private static (long ClaimBytes, long JsonBytes) WriteFile(string claimRoot, string jsonRoot, string relative, int first, int end,
        Func<int, DeclarationModel> make)
    {
        var text = new StringBuilder((end - first) * 120);
        using var json = new MemoryStream((end - first) * 260);
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = false }))
        {
            writer.WriteStartArray();
            for (int i = first; i < end; i++)
            {
                var model = make(i);
                ClaimTextRenderer.Render(model, text);
                ClaimJsonRenderer.Render(model, writer);
            }
            writer.WriteEndArray();
        }
        string claimPath = Path.Combine(claimRoot, relative);
        string jsonPath = Path.Combine(jsonRoot, relative + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(claimPath)!);
        Directory.CreateDirectory(Path.GetDirectoryName(jsonPath)!);
        byte[] bytes = new UTF8Encoding(false).GetBytes(text.ToString());
        File.WriteAllBytes(claimPath, bytes);
        File.WriteAllBytes(jsonPath, json.ToArray());
        return (bytes.Length, json.Length);
    }

    /// <summary>The declared names and the per-declaration generation rules of one workspace.</summary>
    private sealed class Context(WorkspaceSpec spec, int sources, int actors, int places, int hypotheses, int documents)
    {
        private readonly int[] _errors = new int[Enum.GetValues<ErrorKind>().Length];
        private readonly string[]?[] _documentWords = new string[]?[documents];

        public IEnumerable<(ErrorKind Kind, int Count)> InjectedErrors()
        {
            for (int i = 0; i < _errors.Length; i++)
            {
                if (_errors[i] > 0) yield return ((ErrorKind)i, _errors[i]);
            }
        }

        // ------------------------------------------------------------------ declarations

        public DeclarationModel Source(int index)
        {
            var rng = Rng.For(Seed, index, 11);
            string name = Names.Source(index);
            var d = new DeclarationModel { Kind = "source", Name = name, Title = Capital(Names.Lower(rng.Next(4900), 2)) + " " + Capital(Names.Lower(index, 3)) + " " + rng.Pick(["Daily", "Review", "Monitor", "Report", "Observer"]) };
            if (rng.Percent(30)) d.Doc = "Reporting from the " + Names.Lower(rng.Next(4900), 2) + " desk; " + Sentence(ref rng, 6);
            string kind = rng.Pick(SourceKinds);
            d.Clauses.Add(("kind", kind, false));
            if (rng.Percent(95)) d.Clauses.Add(("reliability", rng.Pick(ReliabilityValues), false));
            // Mostly published after every claim date (2025), a few earlier, so CLM3001 stays rare.
            d.Clauses.Add(("published", rng.Percent(97) ? Day(2025, ref rng) : Day(rng.Between(2016, 2024), ref rng), false));
            if (rng.Percent(50)) d.Clauses.Add(("publisher", Capital(Names.Lower(rng.Next(4900), 2)) + " Media", true));
            if (rng.Percent(30)) d.Clauses.Add(("author", Capital(Names.Lower(rng.Next(4900), 2)) + " " + Capital(Names.Lower(rng.Next(4900), 3)), true));
            if (rng.Percent(40)) d.Clauses.Add(("url", "https://news.example/" + name.ToLowerInvariant() + "/" + rng.Next(100000).ToString(CultureInfo.InvariantCulture), true));
            if (rng.Percent(40)) d.Clauses.Add(("lang", rng.Pick(Languages), false));
            if (index < documents) d.Clauses.Add(("document", DocumentPath(index), true));
            if (index > 0 && rng.Percent(30))
            {
                d.Cites = [Names.Source(rng.Next(index))];
                if (index > 1 && rng.Percent(30))
                {
                    string second = Names.Source(rng.Next(index));
                    if (second != d.Cites[0]) d.Cites.Add(second);
                }
            }
            return d;
        }

        public DeclarationModel Actor(int index)
        {
            var rng = Rng.For(Seed, index, 12);
            string name = Names.Actor(index);
            string kind = rng.Pick(ActorKinds);
            var d = new DeclarationModel { Kind = "actor", Name = name, Title = name + " " + kind switch { "person" => "al-" + Capital(Names.Lower(rng.Next(4900), 2)), "military" => "Brigade", "militia" => "Front", "state" => "Republic", "party" => "Party", "company" => "Holdings", _ => "Directorate" } };
            if (rng.Percent(10)) d.Doc = Sentence(ref rng, 8);
            d.Clauses.Add(("kind", kind, false));
            if (rng.Percent(20)) d.Aka = [Capital(Names.Lower(rng.Next(4900), 3)), .. rng.Percent(30) ? new[] { Capital(Names.Lower(rng.Next(4900), 2)) + " Group" } : []];
            if (index > 0 && rng.Percent(20)) d.Clauses.Add(("part_of", Names.Actor(rng.Next(index)), false));
            return d;
        }

        public DeclarationModel Place(int index)
        {
            var rng = Rng.For(Seed, index, 13);
            string name = Names.Place(index);
            var d = new DeclarationModel { Kind = "place", Name = name, Title = name };
            if (index > 0 && rng.Percent(50)) d.Clauses.Add(("in", Names.Place(rng.Next(index)), false));
            if (rng.Percent(60))
            {
                string lat = (32 + rng.Next(500000) / 100000.0).ToString("0.0####", CultureInfo.InvariantCulture);
                string lon = (35 + rng.Next(700000) / 100000.0).ToString("0.0####", CultureInfo.InvariantCulture);
                d.Clauses.Add(("at", lat + ", " + lon, false));
            }
            return d;
        }

        public DeclarationModel Predicate(int index)
        {
            var (name, parameters, description) = Predicates[index];
            return new DeclarationModel { Kind = "predicate", Name = name, Parameters = [.. parameters], Title = description };
        }

        public DeclarationModel Hypothesis(int index)
        {
            var rng = Rng.For(Seed, index, 14);
            return new DeclarationModel
            {
                Kind = "hypothesis",
                Name = Names.Hypothesis(index),
                Title = Capital(Names.Actor(rng.Next(actors))) + " " + Sentence(ref rng, 9),
                Doc = rng.Percent(40) ? Sentence(ref rng, 7) : null,
            };
        }

        // ------------------------------------------------------------------ claims

        public DeclarationModel Claim(int index)
        {
            var rng = Rng.For(Seed, index, 1);
            ErrorKind? error = null;
            if (spec.WithErrors && rng.Percent(ErrorPercent))
            {
                error = (ErrorKind)rng.Next(_errors.Length);
                Interlocked.Increment(ref _errors[(int)error.Value]);
            }

            var d = new DeclarationModel { Kind = "claim" };
            if (error == ErrorKind.KeywordTypo) d.Keyword = "clam";
            if (rng.Percent(2)) d.Comment = Sentence(ref rng, 7);
            if (rng.Percent(3)) d.Doc = Capital(Sentence(ref rng, 8));
            if (IsLabelled(index)) d.Label = Names.Label(index);

            bool placeSubject = rng.Percent(10);
            d.Subject = error == ErrorKind.UndefinedSubject ? Names.Actor(actors + 7 + rng.Next(1000))
                : placeSubject ? Names.Place(rng.Next(places)) : Names.Actor(rng.Next(actors));

            if (rng.Percent(3))
            {
                // A predicate nobody declared (CLM3009, off by default), without arguments.
                d.Predicate = "reportedly_" + Names.Lower(rng.Next(200), 2);
            }
            else
            {
                var (name, parameters, _) = Predicates[rng.Next(Predicates.Length)];
                d.Predicate = name;
                if (parameters.Length > 0 && rng.Percent(70)) d.Arguments = Arguments(index, parameters, ref rng);
            }

            if (rng.Percent(75))
            {
                d.Date = error switch
                {
                    ErrorKind.MalformedDate => "2017-1-" + rng.Between(10, 28).ToString(CultureInfo.InvariantCulture),
                    ErrorKind.ImpossibleDate => "2017-02-30",
                    _ => Date(ref rng),
                };
            }
            else if (error is ErrorKind.MalformedDate) d.Date = "2016-3-" + rng.Between(10, 28).ToString(CultureInfo.InvariantCulture);
            else if (error is ErrorKind.ImpossibleDate) d.Date = "2016-04-31";

            bool quote = error == ErrorKind.QuoteNotFound || rng.Percent(2);
            int document = rng.Next(documents);
            string confidence = rng.Pick(ConfidenceValues);
            if (error != ErrorKind.MissingSource)
            {
                int source = quote ? document : rng.Next(sources);
                // Analysts mostly rest high confidence on well-graded sources (the rest become CLM3004 warnings).
                for (int attempt = 0; !quote && confidence == "high" && attempt < 3 && !IsWellGraded(source); attempt++) source = rng.Next(sources);
                d.Sources = [Names.Source(source)];
                if (rng.Percent(20))
                {
                    string second = Names.Source(rng.Next(sources));
                    if (second != d.Sources[0]) d.Sources.Add(second);
                }
                if (error == ErrorKind.UndefinedSource) d.Sources.Add(Names.Source(sources + 11 + rng.Next(1000)));
            }
            if (quote)
            {
                // Quote from the document of the first source (source i has document i); the injected error quotes
                // words the document lacks.
                d.Quote = error == ErrorKind.QuoteNotFound ? "words that appear in no saved document " + Names.Lower(index, 4)
                    : QuoteFrom(document, ref rng);
            }

            if (error == ErrorKind.BadConfidence) d.Confidence = "medium";
            else if (rng.Percent(95) || error == ErrorKind.ClauseTypo) d.Confidence = confidence;
            if (error == ErrorKind.ClauseTypo) d.ConfidenceKeyword = "confidense";
            if (error == ErrorKind.BadCredibility) d.Credibility = "9";
            else if (rng.Percent(50)) d.Credibility = rng.Between(1, 6).ToString(CultureInfo.InvariantCulture);
            if (rng.Percent(30)) d.At = Names.Place(rng.Next(places));

            if (rng.Percent(8) && PriorLabel(index, ref rng) is { } target) d.Contradicts = [target];
            if (rng.Percent(1)) (d.Contradicts ??= []).Add(Names.Source(rng.Next(sources)));
            if (rng.Percent(8) && PriorLabel(index, ref rng) is { } supported && !(d.Contradicts?.Contains(supported) ?? false)) d.Supports = [supported];
            if (rng.Percent(5)) (d.Supports ??= []).Add(Names.Hypothesis(rng.Next(hypotheses)));
            if (rng.Percent(1) && PriorLabel(index, ref rng) is { } old && !(d.Contradicts?.Contains(old) ?? false) && !(d.Supports?.Contains(old) ?? false)) d.Supersedes = old;

            if (rng.Percent(10)) d.Tags = [rng.Pick(TagWords), .. rng.Percent(30) ? new[] { rng.Pick(TagWords) } : []];
            if (d.Tags is [var t1, var t2] && t1 == t2) d.Tags.RemoveAt(1);
            if (rng.Percent(10) || error == ErrorKind.UnterminatedString)
            {
                d.Note = Capital(Sentence(ref rng, 6));
                d.NoteUnterminated = error == ErrorKind.UnterminatedString;
            }
            return d;
        }

        private bool[]? _wellGraded;

        /// <summary>Whether source <paramref name="index"/> is graded A, B or C (computed once from the source models).</summary>
        private bool IsWellGraded(int index)
        {
            var graded = Volatile.Read(ref _wellGraded);
            if (graded is null)
            {
                graded = new bool[sources];
                for (int i = 0; i < sources; i++)
                {
                    foreach (var (keyword, value, _) in Source(i).Clauses)
                    {
                        if (keyword == "reliability" && value is "A" or "B" or "C") graded[i] = true;
                    }
                }
                Volatile.Write(ref _wellGraded, graded);
            }
            return graded[index];
        }

        private List<ArgumentModel> Arguments(int index, (string Name, string Type)[] parameters, ref Rng rng)
        {
            var result = new List<ArgumentModel>(parameters.Length);
            bool named = rng.Percent(50);
            for (int p = 0; p < parameters.Length; p++)
            {
                var (name, type) = parameters[p];
                // Positional arguments must come first: once one is left out, the rest are named.
                bool include = p == 0 || rng.Percent(75);
                if (!include)
                {
                    named = true;
                    continue;
                }
                var (kind, value) = type switch
                {
                    "actor" => (ArgumentKind.Name, Names.Actor(rng.Next(actors))),
                    "place" => (ArgumentKind.Name, Names.Place(rng.Next(places))),
                    "number" => (ArgumentKind.Number, rng.Between(1, 2500).ToString(CultureInfo.InvariantCulture)),
                    "date" => (ArgumentKind.Date, Day(rng.Between(2015, 2024), ref rng)),
                    "text" => (ArgumentKind.Text, Capital(Sentence(ref rng, 3))),
                    _ => PriorLabel(index, ref rng) is { } label ? (ArgumentKind.Name, label) : (ArgumentKind.Name, ""),
                };
                if (value.Length == 0)
                {
                    named = true;
                    continue;
                }
                result.Add(new ArgumentModel(named ? name : null, kind, value));
            }
            return result;
        }

        /// <summary>A labelled claim shortly before <paramref name="index"/>, or null.</summary>
        private static string? PriorLabel(int index, ref Rng rng)
        {
            if (index == 0) return null;
            int j = index - 1 - rng.Next(Math.Min(index, 400));
            for (int k = 0; k < 60 && j >= 0; k++, j--)
            {
                if (IsLabelled(j)) return Names.Label(j);
            }
            return null;
        }

        private static bool IsLabelled(int index) => Rng.Mix(Seed ^ ((ulong)index * 0xD6E8FEB86659FD93UL)) % 100 < 12;

        // ------------------------------------------------------------------ documents and quotes

        private string[] DocumentWords(int document)
        {
            var words = Volatile.Read(ref _documentWords[document]);
            if (words is not null) return words;
            var rng = Rng.For(Seed, document, 21);
            words = new string[400];
            for (int i = 0; i < words.Length; i++) words[i] = Names.Lower(rng.Next(4900), rng.Between(1, 3));
            // Claims are generated in parallel: a lost race only computes the same words twice.
            Volatile.Write(ref _documentWords[document], words);
            return words;
        }

        public string DocumentText(int document)
        {
            var words = DocumentWords(document);
            var text = new StringBuilder("Saved copy of source " + Names.Source(document) + ".\n\n");
            for (int i = 0; i < words.Length; i++)
            {
                if (i > 0) text.Append(i % 12 == 0 ? '\n' : ' ');
                text.Append(words[i]);
                if (i % 17 == 16) text.Append('.');
            }
            return text.Append(".\n").ToString();
        }

        private string QuoteFrom(int document, ref Rng rng)
        {
            var words = DocumentWords(document);
            // Words between two sentence ends (every 17th word carries a full stop), so the quote is verbatim.
            int sentence = rng.Next(words.Length / 17 - 1);
            int start = sentence * 17 + rng.Between(0, 7);
            int length = rng.Between(4, 8);
            return string.Join(' ', words, start, length);
        }

        // ------------------------------------------------------------------ small pieces

        private static string Date(ref Rng rng)
        {
            int year = rng.Between(2015, 2024);
            int shape = rng.Next(100);
            return shape switch
            {
                < 68 => Day(year, ref rng),
                < 80 => year.ToString(CultureInfo.InvariantCulture) + "-" + rng.Between(1, 12).ToString("D2", CultureInfo.InvariantCulture),
                < 84 => year.ToString(CultureInfo.InvariantCulture),
                < 88 => Day(year, ref rng) + "~",
                < 91 => year.ToString(CultureInfo.InvariantCulture) + "-" + rng.Between(1, 12).ToString("D2", CultureInfo.InvariantCulture) + "?",
                < 93 => Day(year, ref rng) + "T" + rng.Between(0, 23).ToString("D2", CultureInfo.InvariantCulture) + ":" + rng.Between(0, 59).ToString("D2", CultureInfo.InvariantCulture),
                _ => Interval(year, ref rng),
            };
        }

        private static string Interval(int year, ref Rng rng)
        {
            int month = rng.Between(1, 11);
            int day = rng.Between(1, 28);
            return $"{year:D4}-{month:D2}-{day:D2}/{year:D4}-{month + 1:D2}-{rng.Between(1, 28):D2}";
        }

        private static string Day(int year, ref Rng rng) =>
            $"{year:D4}-{rng.Between(1, 12):D2}-{rng.Between(1, 28):D2}";

        private static string Sentence(ref Rng rng, int words)
        {
            var builder = new StringBuilder();
            for (int i = 0; i < words; i++)
            {
                if (i > 0) builder.Append(' ');
                builder.Append(rng.Percent(40) ? rng.Pick(CommentWords) : Names.Lower(rng.Next(4900), rng.Between(1, 3)));
            }
            return builder.ToString();
        }

        private static string Capital(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
    }
}
