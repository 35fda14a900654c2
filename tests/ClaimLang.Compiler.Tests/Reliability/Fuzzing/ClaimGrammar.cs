using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimLang.Tests.Reliability.Fuzzing;

/// <summary>The names a generated workspace declares, decided before any declaration is written.</summary>
public sealed record World(string[] Sources, string[] Actors, string[] Places, string[] Hypotheses, GenPredicate[] Predicates, string[] Labels, int UnlabelledClaims);

/// <summary>A predicate of the world; an undeclared one is used by claims without a <c>predicate</c> declaration.</summary>
public sealed record GenPredicate(string Name, (string Name, string Type)[] Parameters, bool Declared, string? Description);

/// <summary>
/// FsCheck generators built from the grammar (docs/grammar.md): every declaration kind with every clause, in any
/// order, with the value shapes the grammar allows, laid out with continuation lines, comments, documentation
/// comments, BOMs and all three line-break styles.
/// <para>
/// With <c>valid: true</c> the workspace is meant to compile without errors: names are declared once and used with
/// the right kind, grades and dates are legal, <c>supersedes</c> only points back at earlier claims (no cycles),
/// <c>part_of</c> and <c>in</c> only at earlier actors and places. (It is "meant to": the properties check only
/// the cases that really compile without errors, and the tests check that most do, so a gap in the generator
/// shows up as a failing yield rather than as silently skipped cases.) With <c>valid: false</c> the same
/// generator also writes hazards: undefined and wrongly-kinded names, bad grades, malformed and impossible
/// dates, repeated clauses, self references, cycles, <c>Subject.predicate</c> references.
/// </para>
/// </summary>
public static class ClaimGrammar
{
    // ------------------------------------------------------------------ small helpers

    public static Gen<bool> Chance(int percent) => Gen.Choose(1, 100).Select(x => x <= percent);

    private static Gen<T> Pick<T>(params T[] items) => Gen.Elements(items);

    private static Gen<string?> Maybe(int percent, Gen<string> gen) =>
        Chance(percent).SelectMany(yes => yes ? gen.Select(s => (string?)s) : Gen.Constant((string?)null));

    private static Gen<T[]> SomeOf<T>(T[] items, int max) =>
        items.Length == 0 ? Gen.Constant(Array.Empty<T>())
            : Gen.Shuffle(items).SelectMany(shuffled => Gen.Choose(1, Math.Min(max, shuffled.Length)).Select(n => shuffled[..n]));

    /// <summary>A count that grows with FsCheck's size, from <paramref name="min"/> to at most <paramref name="max"/>.</summary>
    private static Gen<int> Count(int min, int max, int divisor) =>
        Gen.Sized(size => Gen.Choose(min, Math.Max(min, Math.Min(max, min + size / divisor))));

    // ------------------------------------------------------------------ lexical pieces

    private static readonly string[] WordPool =
        ["moved", "coup", "reported", "Damascus", "Ünal", "محمد", "東京", "Ωmega", "naïve", "𝒳", "x", "_", "a_b", "Q9", "tab\there", "=SUM(A1)", "+1", "-2", "@cmd", "comma, and \\\"quotes\\\"", "line;semi", "  spaced  ", "'); DROP TABLE claims; --", "<script>alert(1)</script>", "\\u{0}"];

    private static readonly string[] EscapePool = ["\\\"", "\\\\", "\\n", "\\t", "\\u{1F600}", "\\u{e9}", "\\u{41}", "\\u{10FFFF}"];

    /// <summary>The text inside a regular string (escapes included).</summary>
    private static Gen<string> StringContent =>
        Gen.Sized(size => Gen.Choose(0, Math.Min(6, 1 + size / 10)))
            .SelectMany(n => Gen.ArrayOf(Gen.Frequency((6, Pick(WordPool)), (2, Pick(EscapePool)), (1, Pick(" ", "'", "’", "—", "😀", "\u200B")))
, n))
            .Select(parts => string.Concat(parts));

    /// <summary>
    /// The text of a declaration's title, display name or statement. Never empty for now: the compiler accepts
    /// <c>source S ""</c> and the schema allows an empty title, but the runtime's dataset reader rejects it
    /// ("missing title"), so a built dataset would not load back (reported to the lead; see docs/reliability.md).
    /// </summary>
    public static Gen<string> TitleToken(string lineBreak) => StringToken(lineBreak).Where(s => s != "\"\"" && s != "\"\"\"\"\"\"");

    /// <summary>A regular string token, or now and then a raw string (which may span lines).</summary>
    public static Gen<string> StringToken(string lineBreak) =>
        Gen.Frequency(
            (8, StringContent.Select(s => "\"" + s + "\"")),
            (1, Gen.Elements(
                "\"\"\"raw text\"\"\"",
                "\"\"\"with \"quotes\" and \\ backslashes\"\"\"",
                $"\"\"\"across{lineBreak}lines{lineBreak}claim X.y source S{lineBreak}  indented\"\"\"",
                "\"\"\"\"\"\"")));

    private static readonly string[] ValidDates =
    [
        "2017", "2017-01", "2017-01-28", "2017-01-28T07:23", "2017-01-28T07:23:00Z", "2017-01-28T07:23+03:00",
        "2017?", "2017-01~", "2017-01-28%", "201X", "2017-XX", "2017-01-XX", "2017-21", "2017-24",
        "2017-01-23/2017-01-27", "2017-01/..", "../2017-01-30", "2017-01/", "2016~/2017-02?", "1999-12-31", "2000-02-29",
    ];

    /// <summary>A well-formed, possible EDTF date: one of the grammar's examples or a generated calendar day.</summary>
    public static Gen<string> ValidDate =>
        Gen.Frequency(
            (3, Pick(ValidDates)),
            (2, from year in Gen.Choose(1900, 2030)
                from month in Gen.Choose(1, 12)
                from day in Gen.Choose(1, 28)
                from precision in Gen.Choose(0, 2)
                from qualifier in Pick("", "", "", "?", "~", "%")
                select (precision switch
                {
                    0 => year.ToString("D4", CultureInfo.InvariantCulture),
                    1 => $"{year:D4}-{month:D2}",
                    _ => $"{year:D4}-{month:D2}-{day:D2}",
                }) + qualifier));

    private static readonly string[] BadDates = ["2017-1-28", "2017-02-30", "2017-13", "201", "2017-01-23/2016", "2017--01", "2017-01-28T25:00", "12", "99999", "2017-00", "-2017", "2017/2016", "..", "2017-01-32"];

    private static Gen<string> Date(bool valid) => valid ? ValidDate : Gen.Frequency((6, ValidDate), (1, Pick(BadDates)));

    public static Gen<string> NumberToken => Pick("0", "7", "12", "40_000", "1_000_000", "-3", "33.4114", "-36.4156", "0.5", "123_456.789");

    private static Gen<string> Latitude => Gen.Choose(-9000, 9000).Select(v => (v / 100.0).ToString("0.##", CultureInfo.InvariantCulture));

    private static Gen<string> Longitude => Gen.Choose(-18000, 18000).Select(v => (v / 100.0).ToString("0.##", CultureInfo.InvariantCulture));

    public static Gen<string> IdentifierToken => Pick("military", "person", "state", "outlet", "report", "en", "ar", "fa", "ru", "night", "x", "Ünal", "東京", "_tag1", "kind", "source");

    private static Gen<string> Comment => Pick("note", "TODO check", "é 😀", "claimlang-disable-next-line CLM3006", "*", "a // b");

    // ------------------------------------------------------------------ the world

    private static readonly string[] SourcePrefixes = ["S", "Src", "Report", "Wire", "Σ"];
    private static readonly string[] ActorPrefixes = ["A", "Actor", "IRGC", "Ünal", "محمد", "𝒳"];
    private static readonly string[] PlacePrefixes = ["P", "City", "東京", "Base"];
    private static readonly string[] HypothesisPrefixes = ["H", "Hyp"];
    private static readonly string[] LabelPrefixes = ["c", "claim_", "ح", "L"];
    private static readonly string[] PredicatePrefixes = ["p", "moved", "met_with", "ق"];

    /// <summary>
    /// Builds <c>prefix0, prefix1, …</c>; now and then the first name is instead a word that is a keyword elsewhere
    /// (keywords are contextual, so <c>actor kind "…"</c> declares an actor named <c>kind</c>).
    /// </summary>
    private static Gen<string[]> Names(string[] prefixes, int min, int max, int divisor, string keyword, int keywordPercent) =>
        from count in Count(min, max, divisor)
        from prefix in Pick(prefixes)
        from useKeyword in Chance(keywordPercent)
        select Enumerable.Range(0, count)
            .Select(i => useKeyword && i == 0 ? keyword : prefix + i.ToString(CultureInfo.InvariantCulture))
            .ToArray();

    private static readonly string[] ParameterNames = ["target", "when", "n", "why", "after", "where", "who", "count"];
    private static readonly string[] ParameterTypes = ["actor", "place", "date", "number", "text", "claim"];

    private static Gen<GenPredicate> Predicate(string name) =>
        from count in Gen.Choose(0, 3)
        from names in Gen.Shuffle(ParameterNames)
        from types in Gen.ArrayOf(Pick(ParameterTypes), count)
        from declared in Chance(80)
        from description in Maybe(50, StringContent.Select(s => "\"" + s + "\""))
        select new GenPredicate(name, names.Take(count).Zip(types).ToArray(), declared || count > 0, description);

    public static Gen<World> World =>
        from sources in Names(SourcePrefixes, 1, 6, 12, "author", 5)
        from actors in Names(ActorPrefixes, 1, 6, 12, "kind", 5)
        from places in Names(PlacePrefixes, 0, 4, 15, "note", 5)
        from hypotheses in Names(HypothesisPrefixes, 0, 3, 20, "tags", 5)
        from labels in Names(LabelPrefixes, 0, 6, 10, "quote", 5)
        from unlabelled in Count(0, 5, 12)
        from predicateNames in Names(PredicatePrefixes, 1, 4, 20, "source", 10)
        from predicates in Gen.CollectToArray(predicateNames.Select(Predicate))
        select new World(sources, actors, places, hypotheses, predicates, labels, unlabelled);

    // ------------------------------------------------------------------ declarations

    /// <summary>Picks a name from <paramref name="names"/>, or (invalid mode) sometimes a hazard.</summary>
    private static Gen<string> NameOf(string[] names, World world, bool valid)
    {
        var good = names.Length > 0 ? Pick(names) : Pick(world.Actors);
        if (valid) return good;
        return Gen.Frequency(
            (12, good),
            (1, good.Select(n => n.Length > 1 ? n[..^1] : n + "x")),          // a typo: undefined, with a suggestion
            (1, Pick(world.Sources.Concat(world.Actors).Concat(world.Places).ToArray())), // maybe the wrong kind
            (1, Pick("Undeclared", "source", "claim", "_")));
    }

    private static Gen<string> Grade(string[] legal, string[] illegal, bool valid) =>
        valid ? Pick(legal) : Gen.Frequency((8, Pick(legal)), (1, Pick(illegal)));

    private static Gen<GenSegment> Clause(Gen<string[]> tokens) =>
        from t in tokens
        from onNewLine in Chance(30)
        from block in Maybe(5, Comment)
        from line in Maybe(10, Comment)
        select new GenSegment(t, onNewLine, block, onNewLine ? line : null);

    private static Gen<string[]> Tokens(params string[] tokens) => Gen.Constant(tokens);

    private static Gen<string[]> List(string keyword, string[] items) =>
        Gen.Constant(Interleave(keyword, items));

    private static string[] Interleave(string keyword, IReadOnlyList<string> items)
    {
        var result = new List<string>(items.Count * 2 + 1) { keyword };
        for (int i = 0; i < items.Count; i++)
        {
            if (i > 0) result.Add(",");
            result.Add(items[i]);
        }
        return [.. result];
    }

    /// <summary>Clause segments in random order; in invalid mode one of them is sometimes repeated (CLM2011).</summary>
    private static Gen<GenSegment[]> Clauses(IEnumerable<Gen<GenSegment>?> optional, bool valid) =>
        from chosen in Gen.CollectToArray(optional.Where(g => g is not null).Select(g => g!))
        from ordered in Gen.Shuffle(chosen)
        from repeat in valid || ordered.Length == 0 ? Gen.Constant(-1) : Gen.Frequency((10, Gen.Constant(-1)), (1, Gen.Choose(0, ordered.Length - 1)))
        select repeat < 0 ? ordered : [.. ordered, ordered[repeat]];

    private static Gen<Gen<GenSegment>?[]> Options(params Gen<Gen<GenSegment>?>[] options) => Gen.CollectToArray(options);

    private static readonly Gen<Gen<GenSegment>?> None = Gen.Constant<Gen<GenSegment>?>(null);

    private static Gen<Gen<GenSegment>?> Optional(int percent, Gen<GenSegment> clause) =>
        Chance(percent).Select(yes => yes ? clause : null);

    private static Gen<GenDeclaration> Declaration(Gen<string[]> head, Gen<Gen<GenSegment>?[]> clauses, bool valid) =>
        from h in head
        from options in clauses
        from segments in Clauses(options, valid)
        from doc in Maybe(15, Pick("Documentation.", "Two words", "é 😀 ‘quoted’", "=formula"))
        from blank in Gen.Frequency((6, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        select new GenDeclaration(doc, [new GenSegment(h), .. segments], blank);

    private static Gen<GenDeclaration> Source(World w, int index, bool valid, string lineBreak)
    {
        string name = w.Sources[index];
        var others = w.Sources.Where((_, i) => i != index).ToArray();
        return Declaration(
            TitleToken(lineBreak).Select(title => new[] { "source", name, title }),
            Options(
                Optional(40, Clause(Date(valid).Select(d => new[] { "published", d }))),
                Optional(25, Clause(StringToken(lineBreak).Select(s => new[] { "author", s }))),
                Optional(20, Clause(StringToken(lineBreak).Select(s => new[] { "publisher", s }))),
                Optional(15, Clause(Pick("\"https://example.org/a?b=1,c=2\"", "\"http://x\"", "\"=HYPERLINK(\\\"http://evil\\\")\"").Select(s => new[] { "url", s }))),
                Optional(50, Clause(Grade(["A", "B", "C", "D", "E", "F"], ["G", "a", "7", "high"], valid).Select(g => new[] { "reliability", g }))),
                Optional(30, Clause(IdentifierToken.Select(k => new[] { "kind", k }))),
                Optional(15, Clause(Pick("en", "ar", "fa").Select(k => new[] { "lang", k }))),
                valid ? None : Optional(5, Clause(Pick("\"docs/none.txt\"", "\"../outside.txt\"", "\"/etc/passwd\"").Select(s => new[] { "document", s }))),
                others.Length == 0 && valid ? None
                    : Optional(30, Clause((valid ? SomeOf(others, 3) : SomeOf([.. others, name, "Nowhere"], 3)).Select(c => Interleave("cites", c))))),
            valid);
    }

    private static Gen<GenDeclaration> Actor(World w, int index, bool valid, string lineBreak)
    {
        string name = w.Actors[index];
        var earlier = w.Actors[..index];
        return Declaration(
            TitleToken(lineBreak).Select(title => new[] { "actor", name, title }),
            Options(
                Optional(50, Clause(IdentifierToken.Select(k => new[] { "kind", k }))),
                Optional(25, Clause(Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(StringToken(lineBreak), n)).Select(a => Interleave("aka", a)))),
                earlier.Length == 0 ? None
                    : Optional(30, Clause(NameOf(valid ? earlier : w.Actors, w, valid).Select(a => new[] { "part_of", a })))),
            valid);
    }

    private static Gen<GenDeclaration> Place(World w, int index, bool valid, string lineBreak)
    {
        string name = w.Places[index];
        var earlier = w.Places[..index];
        return Declaration(
            TitleToken(lineBreak).Select(title => new[] { "place", name, title }),
            Options(
                earlier.Length == 0 ? None
                    : Optional(40, Clause(NameOf(valid ? earlier : w.Places, w, valid).Select(p => new[] { "in", p }))),
                Optional(40, Clause(Gen.Zip(Latitude, Longitude).Select(c => new[] { "at", c.Item1, ",", c.Item2 })))),
            valid);
    }

    private static Gen<GenDeclaration> Hypothesis(World w, int index, string lineBreak, bool valid) =>
        Declaration(TitleToken(lineBreak).Select(s => new[] { "hypothesis", w.Hypotheses[index], s }), Options(), valid);

    private static GenDeclaration PredicateDeclaration(GenPredicate p)
    {
        var tokens = new List<string> { "predicate", p.Name };
        if (p.Parameters.Length > 0)
        {
            tokens.Add("(");
            for (int i = 0; i < p.Parameters.Length; i++)
            {
                if (i > 0) tokens.Add(",");
                tokens.Add(p.Parameters[i].Name);
                tokens.Add(":");
                tokens.Add(p.Parameters[i].Type);
            }
            tokens.Add(")");
        }
        if (p.Description is not null) tokens.Add(p.Description);
        return new GenDeclaration(null, [new GenSegment([.. tokens])]);
    }

    /// <summary>An argument value of the given parameter type.</summary>
    private static Gen<string> ArgumentValue(string type, World w, string? ownLabel, bool valid, string lineBreak)
    {
        var otherLabels = w.Labels.Where(l => l != ownLabel).ToArray();
        Gen<string> good = type switch
        {
            "actor" => Pick(w.Actors),
            "place" => w.Places.Length > 0 ? Pick(w.Places) : Pick(w.Actors),
            "date" => ValidDate,
            "number" => NumberToken,
            "text" => StringToken(lineBreak),
            _ => otherLabels.Length > 0 ? Pick(otherLabels) : Pick(w.Actors),
        };
        if (valid) return good;
        return Gen.Frequency((8, good), (1, Gen.OneOf(NumberToken, StringToken(lineBreak), Pick(w.Actors), Pick("Undefined"), Pick(BadDates))));
    }

    /// <summary>Whether a parameter of this type can be given a valid value in this world.</summary>
    private static bool CanFill(string type, World w, string? ownLabel) => type switch
    {
        "place" => w.Places.Length > 0,
        "claim" => w.Labels.Any(l => l != ownLabel),
        _ => true,
    };

    private static Gen<string[]> Arguments(GenPredicate p, World w, string? ownLabel, bool valid, string lineBreak)
    {
        if (!p.Declared)
        {
            // An undeclared predicate takes any values (CLM3009 is off unless strictPredicates).
            return from n in Gen.Choose(0, 2)
                   from values in Gen.ArrayOf(Gen.OneOf(Pick(w.Actors), NumberToken, StringToken(lineBreak), ValidDate), n)
                   select n == 0 ? Array.Empty<string>() : ["(", .. Interleave("", values)[1..], ")"];
        }
        // Positional arguments fill the leading parameters in order (only as far as values exist for them);
        // named ones any of the rest, in any order.
        (string Name, string Type)[] parameters = valid ? p.Parameters : [.. p.Parameters, ("bogus", "text")];
        int leading = 0;
        while (leading < parameters.Length && CanFill(parameters[leading].Type, w, ownLabel)) leading++;
        var rest = parameters[leading..].Where(x => CanFill(x.Type, w, ownLabel)).ToArray();
        return from positional in Gen.Choose(0, leading)
               from named in Gen.SubListOf([.. parameters[positional..leading], .. rest])
               from shuffled in Gen.Shuffle(named.ToArray())
               from positionalValues in Gen.CollectToArray(parameters[..positional].Select(x => ArgumentValue(x.Type, w, ownLabel, valid, lineBreak)))
               from namedValues in Gen.CollectToArray(shuffled.Select(x => ArgumentValue(x.Type, w, ownLabel, valid, lineBreak)))
               from parens in Chance(positional + shuffled.Length == 0 ? 30 : 100)
               select BuildArguments(positionalValues, shuffled.Select(x => x.Name).ToArray(), namedValues, parens);
    }

    private static string[] BuildArguments(string[] positional, string[] names, string[] named, bool parens)
    {
        if (!parens) return [];
        var tokens = new List<string> { "(" };
        foreach (var value in positional)
        {
            if (tokens.Count > 1) tokens.Add(",");
            tokens.Add(value);
        }
        for (int i = 0; i < names.Length; i++)
        {
            if (tokens.Count > 1) tokens.Add(",");
            tokens.Add(names[i]);
            tokens.Add(":");
            tokens.Add(named[i]);
        }
        tokens.Add(")");
        return [.. tokens];
    }

    private static Gen<GenDeclaration> Claim(World w, int index, bool valid, string lineBreak)
    {
        string? label = index < w.Labels.Length ? w.Labels[index] : null;
        var otherLabels = w.Labels.Where(l => l != label).ToArray();
        // Supersedes points only at earlier claims, so the chains never form a cycle.
        var earlierLabels = label is null ? w.Labels : w.Labels[..index];
        var subjects = w.Actors.Concat(w.Places).ToArray();
        var contradictable = otherLabels.Concat(w.Hypotheses).Concat(w.Sources).ToArray();
        var supportable = otherLabels.Concat(w.Hypotheses).ToArray();
        var hazards = valid ? Array.Empty<string>() : new[] { label ?? "Self", "Nowhere", w.Actors[0], subjects[0] + ".p" };

        var head =
            from subject in NameOf(subjects, w, valid)
            from predicate in Pick(w.Predicates)
            from args in Arguments(predicate, w, label, valid, lineBreak)
            select (string[])(label is null ? ["claim", subject, ".", predicate.Name, .. args] : ["claim", label, "=", subject, ".", predicate.Name, .. args]);

        return Declaration(
            head,
            Options(
                Optional(60, Clause(Date(valid).Select(d => new[] { "on", d }))),
                // The source clause is required; invalid mode sometimes leaves it out (CLM2003).
                Optional(valid ? 100 : 95, Clause(SomeOf(valid ? w.Sources : [.. w.Sources, w.Actors[0], "Nowhere"], 3).Select(s => Interleave("source", s)))),
                Optional(75, Clause(Grade(["low", "moderate", "high"], ["medium", "3", "HIGH", "hgh"], valid).Select(g => new[] { "confidence", g }))),
                Optional(30, Clause(Grade(["1", "2", "3", "4", "5", "6"], ["0", "7", "C", "1.5"], valid).Select(g => new[] { "credibility", g }))),
                w.Places.Length == 0 ? None : Optional(20, Clause(NameOf(w.Places, w, valid).Select(p => new[] { "at", p }))),
                contradictable.Length + hazards.Length == 0 ? None
                    : Optional(25, Clause(SomeOf([.. contradictable, .. hazards], 3).Select(r => Interleave("contradicts", r)))),
                supportable.Length + hazards.Length == 0 ? None
                    : Optional(25, Clause(SomeOf([.. supportable, .. hazards], 3).Select(r => Interleave("supports", r)))),
                earlierLabels.Length + hazards.Length == 0 ? None
                    : Optional(25, Clause(Pick([.. earlierLabels, .. hazards]).Select(r => new[] { "supersedes", r }))),
                Optional(20, Clause(StringToken(lineBreak).Select(s => new[] { "quote", s }))),
                Optional(20, Clause(StringToken(lineBreak).Select(s => new[] { "note", s }))),
                Optional(20, Clause(SomeOf(["military", "night", "x", "Ünal", "source", "t1"], 3).Select(t => Interleave("tags", t))))),
            valid);
    }

    // ------------------------------------------------------------------ workspaces

    private static readonly string[] FilePaths = ["a.claim", "sub/b.claim", "ü/ç 😀.claim", "z.claim"];

    /// <summary>A whole workspace: the world's declarations, shuffled, spread over one to three files.</summary>
    public static Gen<GenWorkspace> Workspace(bool valid) =>
        from world in World
        from lineBreak in Gen.Frequency((6, Gen.Constant("\n")), (2, Gen.Constant("\r\n")), (1, Gen.Constant("\r")))
        from declarations in Gen.CollectToArray(AllDeclarations(world, valid, lineBreak))
        from shuffled in Gen.Shuffle(declarations)
        from fileCount in Gen.Choose(1, Math.Min(3, Math.Max(1, shuffled.Length)))
        from cuts in Gen.ArrayOf(Gen.Choose(0, shuffled.Length), fileCount - 1)
        from bom in Chance(10)
        from indent in Pick("  ", "    ", "\t", " ")
        select Split(shuffled, cuts, lineBreak, bom, indent);

    private static IEnumerable<Gen<GenDeclaration>> AllDeclarations(World w, bool valid, string lineBreak)
    {
        for (int i = 0; i < w.Sources.Length; i++) yield return Source(w, i, valid, lineBreak);
        for (int i = 0; i < w.Actors.Length; i++) yield return Actor(w, i, valid, lineBreak);
        for (int i = 0; i < w.Places.Length; i++) yield return Place(w, i, valid, lineBreak);
        for (int i = 0; i < w.Hypotheses.Length; i++) yield return Hypothesis(w, i, lineBreak, valid);
        foreach (var p in w.Predicates)
        {
            if (p.Declared) yield return Gen.Constant(PredicateDeclaration(p));
        }
        for (int i = 0; i < w.Labels.Length + w.UnlabelledClaims; i++) yield return Claim(w, i, valid, lineBreak);
    }

    private static GenWorkspace Split(GenDeclaration[] declarations, int[] cuts, string lineBreak, bool bom, string indent)
    {
        var bounds = cuts.Append(0).Append(declarations.Length).Distinct().Order().ToArray();
        var files = new List<GenFile>();
        for (int i = 0; i + 1 < bounds.Length || files.Count == 0; i++)
        {
            var part = i + 1 < bounds.Length ? declarations[bounds[i]..bounds[i + 1]] : declarations;
            files.Add(new GenFile(FilePaths[files.Count], part, lineBreak, bom && files.Count == 0, indent));
        }
        return new GenWorkspace([.. files]);
    }

    // ------------------------------------------------------------------ shrinking

    /// <summary>Smaller workspaces: fewer files, fewer declarations, fewer clauses, no comments.</summary>
    public static IEnumerable<GenWorkspace> Shrink(GenWorkspace workspace)
    {
        var files = workspace.Files;
        if (files.Length > 1)
        {
            for (int i = 0; i < files.Length; i++) yield return new GenWorkspace([.. files[..i], .. files[(i + 1)..]]);
        }
        for (int f = 0; f < files.Length; f++)
        {
            foreach (var smaller in ShrinkFile(files[f]))
            {
                var copy = (GenFile[])files.Clone();
                copy[f] = smaller;
                yield return new GenWorkspace(copy);
            }
        }
    }

    private static IEnumerable<GenFile> ShrinkFile(GenFile file)
    {
        var d = file.Declarations;
        // Halves first (fast progress), then single declarations, then inside declarations.
        if (d.Length > 3)
        {
            yield return file with { Declarations = d[..(d.Length / 2)] };
            yield return file with { Declarations = d[(d.Length / 2)..] };
        }
        for (int i = 0; i < d.Length; i++) yield return file with { Declarations = [.. d[..i], .. d[(i + 1)..]] };
        if (file.Bom) yield return file with { Bom = false };
        if (file.LineBreak != "\n") yield return file with { LineBreak = "\n" };
        for (int i = 0; i < d.Length; i++)
        {
            foreach (var smaller in ShrinkDeclaration(d[i]))
            {
                var copy = (GenDeclaration[])d.Clone();
                copy[i] = smaller;
                yield return file with { Declarations = copy };
            }
        }
    }

    private static IEnumerable<GenDeclaration> ShrinkDeclaration(GenDeclaration declaration)
    {
        var s = declaration.Segments;
        if (declaration.Doc is not null) yield return declaration with { Doc = null };
        if (declaration.BlankLinesAfter > 0) yield return declaration with { BlankLinesAfter = 0 };
        for (int i = 1; i < s.Length; i++) yield return declaration with { Segments = [.. s[..i], .. s[(i + 1)..]] };
        for (int i = 0; i < s.Length; i++)
        {
            var segment = s[i];
            if (segment.BlockComment is not null || segment.LineComment is not null || segment.OnNewLine)
            {
                var copy = (GenSegment[])s.Clone();
                copy[i] = new GenSegment(segment.Tokens);
                yield return declaration with { Segments = copy };
            }
        }
    }
}
