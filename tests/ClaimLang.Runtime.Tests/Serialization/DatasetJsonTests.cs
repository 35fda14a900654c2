using System.Text;
using ClaimLang.Runtime.Serialization;
using ClaimLang.Runtime.Tests.Support;

namespace ClaimLang.Runtime.Tests.Serialization;

public sealed class DatasetJsonTests
{
    [Fact]
    public void Fixture_loads_with_every_field()
    {
        var dataset = Samples.Fixture();

        Assert.Equal(["MET", "Sarkis", "WIB"], dataset.Sources.Select(s => s.Id));
        var met = dataset.Sources[0];
        Assert.Equal("Did Tehran attempt a coup in Damascus?", met.Title);
        Assert.Equal("2017-02-07", met.Published!.Edtf);
        Assert.Equal(new DateOnly(2017, 2, 7), met.Published.Start);
        Assert.Equal(ReliabilityGrade.C, met.Reliability);
        Assert.Equal(["WIB"], met.Cites);
        Assert.Null(met.Url);
        Assert.Equal(new SourceLocation("examples/seed.claim", 2, 8), met.Location);
        Assert.Equal(ReliabilityGrade.F, dataset.Sources[1].Reliability);
        Assert.Equal(new DateOnly(2017, 2, 28), dataset.Sources[1].Published!.End);

        var irgc = dataset.Actors.Single(a => a.Id == "IRGC");
        Assert.Equal(["Pasdaran", "Sepah"], irgc.Aka);
        Assert.Equal("SyrianArmy", dataset.Actors.Single(a => a.Id == "FourthDivision").PartOf);

        var almaza = dataset.Places.Single(p => p.Id == "Almaza");
        Assert.Equal("Damascus", almaza.In);
        Assert.Equal(33.4114, almaza.Lat);
        Assert.Equal(36.4156, almaza.Lon);
        Assert.Equal("Damascus — capital", dataset.Places[1].Name);

        var coupAttempt = dataset.Predicates.Single(p => p.Name == "coup_attempt");
        Assert.True(coupAttempt.Declared);
        Assert.Equal([new PredicateParameter("target", ArgumentType.Actor), new PredicateParameter("replacement", ArgumentType.Actor)], coupAttempt.Params);
        Assert.False(dataset.Predicates.Single(p => p.Name == "aligned_with").Declared);

        var coup = dataset.Claims.Single(c => c.Id == "coup");
        Assert.Equal("coup", coup.Label);
        Assert.Equal(ArgumentValue.Actor("Bashar"), coup.GetArgument("target"));
        Assert.Equal(ArgumentValue.Actor("Maher"), coup.GetArgument("replacement"));
        Assert.Equal(Confidence.Low, coup.Confidence);
        Assert.Equal(CredibilityGrade.Doubtful, coup.Credibility);
        Assert.Equal(["H1"], coup.Supports);
        Assert.Equal(["FourthDivision.high_alert@2017-01~/MET"], coup.SupportedBy);
        Assert.Equal("tried to depose Al Assad and replace him with his brother Maher", coup.Quote);

        var alert = dataset.Claims.Single(c => c.Id == "FourthDivision.high_alert@2017-01~/MET");
        Assert.True(alert.Date!.Approximate);
        Assert.False(alert.Date.Uncertain);
        Assert.Equal(new DateOnly(2017, 1, 1), alert.Date.Start);
        Assert.Equal(new DateOnly(2017, 1, 31), alert.Date.End);
        Assert.Equal("Damascus", alert.At);

        var deploy = dataset.Claims.Single(c => c.Id == "deploy");
        Assert.Equal(ArgumentValue.FromNumber(4000m), deploy.GetArgument("troops"));
        Assert.Equal(ArgumentValue.FromDate(ClaimDate.Parse("2015-09-30")), deploy.GetArgument("since"));
        Assert.Equal(ArgumentValue.FromText("VDV \"blue berets\""), deploy.GetArgument("unit"));
        Assert.Equal(["troops", "since", "unit"], deploy.Args.Select(a => a.Name));
        Assert.Equal("deploy2", deploy.SupersededBy);
        Assert.Equal(["military", "russia"], deploy.Tags);
        Assert.True(deploy.Date!.Uncertain);

        var denied = dataset.Claims.Single(c => c.Id == "Russia.denied(H1)/WIB");
        Assert.Equal(ArgumentValue.Name("H1"), denied.GetArgument("1"));
        Assert.Null(denied.Confidence);
    }

    [Fact]
    public void Writing_the_fixture_reproduces_it_byte_for_byte()
    {
        var expected = File.ReadAllBytes(TestPaths.FixtureDataset);

        var written = DatasetJson.WriteToUtf8Bytes(Samples.Fixture());

        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(written));
        Assert.Equal(expected, written);
    }

    [Fact]
    public void Entities_are_written_as_their_json_shape_is_serialised()
    {
        // The writers go straight from the model to the JSON writer; the reader's DTO classes fix the layout. Both
        // must give the same bytes, for every kind of value.
        // The third one has enough claims for the writer to write them in blocks on several threads.
        var edge = Samples.EdgeCases();
        var many = edge with
        {
            Claims = [.. Enumerable.Range(0, 5000).Select(i => edge.Claims[i % edge.Claims.Count] with { Id = "c" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) })],
        };
        foreach (var dataset in new[] { Samples.Fixture(), edge, many })
        {
            var viaDtos = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(DtoMapper.ToDto(dataset), DatasetJson.Indented.DatasetDto);
            Assert.Equal(Encoding.UTF8.GetString(viaDtos) + "\n", Encoding.UTF8.GetString(DatasetJson.WriteToUtf8Bytes(dataset)));

            var lines = new StringBuilder();
            var context = DatasetJson.Compact;
            void Line<T>(string type, T dto, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
                lines.Append("{\"type\":\"").Append(type).Append("\",")
                    .Append(System.Text.Json.JsonSerializer.Serialize(dto, info).AsSpan(1)).Append('\n');
            lines.Append("{\"type\":\"header\",\"format\":\"claimlang-dataset\",\"version\":1}\n");
            foreach (var x in dataset.Sources) Line("source", DtoMapper.ToDto(x), context.SourceDto);
            foreach (var x in dataset.Actors) Line("actor", DtoMapper.ToDto(x), context.ActorDto);
            foreach (var x in dataset.Places) Line("place", DtoMapper.ToDto(x), context.PlaceDto);
            foreach (var x in dataset.Predicates) Line("predicate", DtoMapper.ToDto(x), context.PredicateDto);
            foreach (var x in dataset.Hypotheses) Line("hypothesis", DtoMapper.ToDto(x), context.HypothesisDto);
            foreach (var x in dataset.Claims) Line("claim", DtoMapper.ToDto(x), context.ClaimDto);
            Assert.Equal(lines.ToString(), Encoding.UTF8.GetString(DatasetJsonLines.WriteToUtf8Bytes(dataset)));
        }
    }

    [Fact]
    public void Write_then_load_gives_an_equal_dataset()
    {
        using var folder = new TempFolder();
        var original = Samples.EdgeCases();
        Assert.Empty(original.Validate());
        var path = folder.File("dataset.json");

        original.Save(path);
        var loaded = ClaimDataset.Load(path);

        Assert.Equal(original, loaded);
        Assert.Equal(DatasetJson.WriteToUtf8Bytes(original), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Output_is_deterministic_and_plain()
    {
        var first = DatasetJson.WriteToUtf8Bytes(Samples.EdgeCases());
        var second = DatasetJson.WriteToUtf8Bytes(Samples.EdgeCases());
        var text = Encoding.UTF8.GetString(first);

        Assert.Equal(first, second);
        Assert.False(first.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), "no byte-order mark");
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"format\": \"claimlang-dataset\",\n  \"version\": 1,\n  \"sources\": [", text, StringComparison.Ordinal);
        Assert.Contains("مصدر عربي", text, StringComparison.Ordinal);
        Assert.Contains("\\u0001", text, StringComparison.Ordinal);
        Assert.Contains("\"how_many\": {\n          \"type\": \"number\",\n          \"value\": -12345678901234567890.125\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Absent_values_are_written_as_null_and_empty_lists()
    {
        var dataset = new ClaimDataset
        {
            Sources = [new Source { Id = "S", Title = "t" }],
            Actors = [new Actor { Id = "A", Name = "a" }],
            Predicates = [new Predicate { Name = "p", Declared = false }],
            Claims = [new Claim { Id = "A.p/S", Subject = "A", Predicate = "p", Sources = ["S"] }],
        };

        var text = DatasetJson.WriteToString(dataset);

        Assert.Contains("\"published\": null,", text, StringComparison.Ordinal);
        Assert.Contains("\"cites\": [],", text, StringComparison.Ordinal);
        Assert.Contains("\"args\": {},", text, StringComparison.Ordinal);
        Assert.Contains("\"date\": null,", text, StringComparison.Ordinal);
        Assert.Contains("\"supersededBy\": null,", text, StringComparison.Ordinal);
        Assert.Contains("\"location\": null\n", text, StringComparison.Ordinal);
        Assert.Contains("\"places\": [],", text, StringComparison.Ordinal);
        Assert.Equal(dataset, DatasetJson.Read(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Json_lines_round_trip_and_layout()
    {
        using var folder = new TempFolder();
        var original = Samples.Fixture();
        var path = folder.File("dataset.jsonl");
        var bytes = DatasetJsonLines.WriteToUtf8Bytes(original);
        File.WriteAllBytes(path, bytes);

        var loaded = ClaimDataset.Load(path);

        Assert.Equal(original, loaded);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.Equal("{\"type\":\"header\",\"format\":\"claimlang-dataset\",\"version\":1}", lines[0]);
        Assert.StartsWith("{\"type\":\"source\",\"id\":\"MET\",", lines[1], StringComparison.Ordinal);
        var types = lines[..^1].Select(l => l.Split('"')[3]).ToArray();
        Assert.Equal(
            ["header", "source", "actor", "place", "predicate", "hypothesis", "claim"],
            types.Distinct());
        Assert.Equal(1 + 3 + 6 + 2 + 6 + 1 + 8, types.Length);
    }

    [Fact]
    public void Json_lines_reader_accepts_crlf_blank_lines_and_records_in_any_order()
    {
        var original = Samples.Fixture();
        var lines = Encoding.UTF8.GetString(DatasetJsonLines.WriteToUtf8Bytes(original)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var shuffled = lines[..1].Concat(lines[1..].OrderByDescending(l => DatasetJsonLines.RecordTypes.ToList().IndexOf(l.Split('"')[3])));
        var text = string.Join("\r\n\r\n", shuffled);

        var loaded = DatasetJsonLines.Read(Encoding.UTF8.GetBytes(text));

        Assert.StartsWith("{\"type\":\"claim\"", lines[1..].OrderByDescending(l => DatasetJsonLines.RecordTypes.ToList().IndexOf(l.Split('"')[3])).First(), StringComparison.Ordinal);
        Assert.Equal(original, loaded);
    }

    [Fact]
    public void Forms_are_told_apart_by_content_not_by_name()
    {
        using var folder = new TempFolder();
        var original = Samples.EdgeCases();
        var linesNamedJson = folder.File("lines.json");
        File.WriteAllBytes(linesNamedJson, DatasetJsonLines.WriteToUtf8Bytes(original));
        var databaseNamedJson = folder.File("database.json");
        DatasetSqlite.WriteFile(original, databaseNamedJson);
        var jsonWithBom = folder.File("bom.txt");
        File.WriteAllBytes(jsonWithBom, [0xEF, 0xBB, 0xBF, .. DatasetJson.WriteToUtf8Bytes(original)]);

        Assert.Equal(original, ClaimDataset.Load(linesNamedJson));
        Assert.Equal(original, ClaimDataset.Load(databaseNamedJson));
        Assert.Equal(original, ClaimDataset.Load(jsonWithBom));
    }

    [Fact]
    public void A_later_version_is_refused_before_its_content_is_read()
    {
        using var folder = new TempFolder();
        var path = folder.File("dataset.json");
        File.WriteAllText(path, """{ "claims": "a shape version 1 does not know", "format": "claimlang-dataset", "version": 2 }""");

        var error = Assert.Throws<DatasetFormatException>(() => ClaimDataset.Load(path));

        Assert.Contains("unsupported dataset version 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("reads version 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.FilePath);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "format": "stix-bundle", "version": 1 }""", "unknown format \"stix-bundle\"")]
    [InlineData("""{ "version": 1, "claims": [] }""", "has no \"format\"")]
    [InlineData("""{ "format": "claimlang-dataset" }""", "has no \"version\"")]
    [InlineData("""{ "format": "claimlang-dataset", "version": "1" }""", "\"version\" must be an integer")]
    [InlineData("""{ "format": "claimlang-dataset", "version": 0 }""", "unsupported dataset version 0")]
    [InlineData("[1, 2]", "not a ClaimLang dataset")]
    [InlineData("just some text", "not a ClaimLang dataset")]
    [InlineData("", "not a ClaimLang dataset")]
    public void Files_that_are_not_version_1_datasets_are_refused(string content, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File("dataset.json");
        File.WriteAllText(path, content);

        var error = Assert.Throws<DatasetFormatException>(() => ClaimDataset.Load(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_of_a_later_version_are_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"header\",\"format\":\"claimlang-dataset\",\"version\":3}\n");

        var error = Assert.Throws<DatasetFormatException>(() => DatasetJsonLines.Read(bytes));

        Assert.Contains("line 1: unsupported dataset version 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_must_start_with_the_header()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"actor\",\"id\":\"A\",\"name\":\"a\"}\n");

        var error = Assert.Throws<DatasetFormatException>(() => DatasetJsonLines.Read(bytes));

        Assert.Contains("line 1: the first record must be the header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_says_where()
    {
        var text = "{\n  \"format\": \"claimlang-dataset\",\n  \"version\": 1,\n  \"sources\": [ { \"id\": \"S\", \"title\": } ]\n}";

        var error = Assert.Throws<DatasetFormatException>(() => DatasetJson.Read(Encoding.UTF8.GetBytes(text)));

        Assert.Contains("malformed dataset JSON", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"confidence\": \"low\"", "\"confidence\": \"medium\"", "claims[0] (\"Bashar.health_crisis@2017-01-23/2017-01-27/MET\").confidence: \"medium\" is not low, moderate or high")]
    [InlineData("\"reliability\": \"C\"", "\"reliability\": \"G\"", "sources[0].reliability: \"G\" is not a reliability grade")]
    [InlineData("\"credibility\": 4", "\"credibility\": 7", ".credibility: 7 is not a credibility grade 1–6")]
    [InlineData("\"edtf\": \"2017-02-07\"", "\"edtf\": \"2017-02-30\"", "sources[0].published.edtf: \"2017-02-30\" is not a valid EDTF date")]
    [InlineData("\"type\": \"number\"", "\"type\": \"integer\"", "predicates[3].params[0].type: \"integer\" is not a parameter type")]
    [InlineData("\"type\": \"number\",\n          \"value\": 4000", "\"type\": \"integer\",\n          \"value\": 4000", ".args.troops.type: \"integer\" is not an argument type")]
    [InlineData("\"value\": 4000", "\"value\": \"4000\"", ".args.troops.value: a number argument needs a number value")]
    [InlineData("\"id\": \"WIB\"", "\"id\": null", "sources[2]: missing \"id\"")]
    public void Bad_values_are_reported_with_their_path(string original, string replacement, string expected)
    {
        var text = File.ReadAllText(TestPaths.FixtureDataset);
        Assert.Contains(original, text, StringComparison.Ordinal);
        var broken = ReplaceFirst(text, original, replacement);

        var error = Assert.Throws<DatasetFormatException>(() => DatasetJson.Read(Encoding.UTF8.GetBytes(broken)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"sources\": [\n        \"Sarkis\"", "\"sources\": [\n        \"Nobody\"", "source \"Nobody\" is not declared")]
    [InlineData("\"subject\": \"Maher\"", "\"subject\": \"MET\"", "subject \"MET\" is a source, not an actor or place")]
    [InlineData("\"partOf\": \"SyrianArmy\"", "\"partOf\": \"Damascus\"", "partOf \"Damascus\" is a place, not an actor")]
    [InlineData("\"supportedBy\": [\n        \"coup\"\n      ]", "\"supportedBy\": []", "supportedBy must list exactly the claims whose supports names \"H1\"")]
    [InlineData("\"supersededBy\": \"deploy2\"", "\"supersededBy\": null", "supersededBy must be \"deploy2\"")]
    [InlineData("\"contradicts\": [\n        \"H1\",\n        \"coup\"\n      ]", "\"contradicts\": [\n        \"H1\"\n      ]", "contradicts claim \"Maher.aligned_with(Russia)/Sarkis\", which does not list \"coup\"")]
    [InlineData("\"id\": \"WIB\"", "\"id\": \"MET\"", "duplicate id \"MET\" (already used by a source)")]
    [InlineData("\"label\": \"coup\"", "\"label\": \"putsch\"", "a labelled claim has its label as id")]
    public void Inconsistent_datasets_are_refused(string original, string replacement, string expected)
    {
        var text = File.ReadAllText(TestPaths.FixtureDataset);
        Assert.Contains(original, text, StringComparison.Ordinal);
        var broken = ReplaceFirst(text, original, replacement);

        var error = Assert.Throws<DatasetFormatException>(() => DatasetJson.Read(Encoding.UTF8.GetBytes(broken)));

        Assert.Contains("inconsistent dataset", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_members_are_ignored_for_forward_compatibility()
    {
        var text = File.ReadAllText(TestPaths.FixtureDataset).Replace(
            "\"version\": 1,", "\"version\": 1,\n  \"generator\": { \"name\": \"claimc\" },", StringComparison.Ordinal);

        var dataset = DatasetJson.Read(Encoding.UTF8.GetBytes(text));

        Assert.Equal(Samples.Fixture(), dataset);
    }

    private static string ReplaceFirst(string text, string original, string replacement)
    {
        var at = text.IndexOf(original, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length));
    }
}
