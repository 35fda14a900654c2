using ClaimLang.Runtime.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ClaimLang.Runtime.Tests.Serialization;

public sealed class DatasetSqliteTests
{
    [Fact]
    public void A_database_built_by_hand_with_the_shared_schema_loads_as_the_expected_model()
    {
        using var folder = new TempFolder();
        var path = folder.File("hand.db");
        using (var connection = Open(path))
        {
            Execute(connection, DatasetSqlSchema.Script);
            Insert(connection, "dataset_info", ("format", "claimlang-dataset"), ("version", 1));
            Insert(connection, "sources", ("id", "MET"), ("ordinal", 0), ("title", "An analysis"), ("published_edtf", "2017-02-07"),
                ("published_start", "2017-02-07"), ("published_end", "2017-02-07"), ("published_uncertain", 0),
                ("published_approximate", 0), ("reliability", "C"), ("kind", "analysis"), ("location_file", "a.claim"),
                ("location_line", 1), ("location_column", 8));
            Insert(connection, "sources", ("id", "WIB"), ("ordinal", 1), ("title", "An outlet"));
            Insert(connection, "relations", ("from_kind", "source"), ("from_id", "MET"), ("relation", "cites"), ("to_kind", "source"),
                ("to_id", "WIB"), ("position", 0));
            Insert(connection, "actors", ("id", "IRGC"), ("ordinal", 0), ("name", "Guards"), ("kind", "military"));
            Insert(connection, "actors", ("id", "Bashar"), ("ordinal", 1), ("name", "Bashar"), ("part_of", "IRGC"));
            Insert(connection, "actor_aliases", ("actor_id", "IRGC"), ("position", 1), ("alias", "Sepah"));
            Insert(connection, "actor_aliases", ("actor_id", "IRGC"), ("position", 0), ("alias", "Pasdaran"));
            Insert(connection, "places", ("id", "Damascus"), ("ordinal", 0), ("name", "Damascus"), ("lat", 33.5), ("lon", 36.3));
            Insert(connection, "predicates", ("name", "coup_attempt"), ("ordinal", 0), ("declared", 1), ("description", "tried"));
            Insert(connection, "predicates", ("name", "high_alert"), ("ordinal", 1), ("declared", 0));
            Insert(connection, "predicate_params", ("predicate", "coup_attempt"), ("position", 0), ("name", "target"), ("type", "actor"));
            Insert(connection, "predicate_params", ("predicate", "coup_attempt"), ("position", 1), ("name", "size"), ("type", "number"));
            Insert(connection, "hypotheses", ("id", "H1"), ("ordinal", 0), ("statement", "It happened"));
            Insert(connection, "claims", ("id", "coup"), ("ordinal", 0), ("label", "coup"), ("subject", "IRGC"), ("predicate", "coup_attempt"),
                ("date_edtf", "2017-01-28"), ("date_start", "2017-01-28"), ("date_end", "2017-01-28"), ("date_uncertain", 0),
                ("date_approximate", 0), ("confidence", "low"), ("credibility", 4), ("quote", "a quote"));
            Insert(connection, "claims", ("id", "IRGC.high_alert/WIB"), ("ordinal", 1), ("subject", "IRGC"), ("predicate", "high_alert"),
                ("at_place", "Damascus"), ("supersedes", "coup"), ("note", "later"));
            Execute(connection, "UPDATE claims SET superseded_by = 'IRGC.high_alert/WIB' WHERE id = 'coup'");
            Insert(connection, "claim_sources", ("claim_id", "coup"), ("position", 0), ("source_id", "MET"));
            Insert(connection, "claim_sources", ("claim_id", "coup"), ("position", 1), ("source_id", "WIB"));
            Insert(connection, "claim_sources", ("claim_id", "IRGC.high_alert/WIB"), ("position", 0), ("source_id", "WIB"));
            Insert(connection, "claim_args", ("claim_id", "coup"), ("position", 0), ("name", "target"), ("type", "actor"), ("value", "Bashar"));
            Insert(connection, "claim_args", ("claim_id", "coup"), ("position", 1), ("name", "size"), ("type", "number"), ("value", "-2.50"),
                ("value_number", -2.5));
            Insert(connection, "claim_tags", ("claim_id", "coup"), ("position", 0), ("tag", "key"));
            Insert(connection, "relations", ("from_kind", "claim"), ("from_id", "coup"), ("relation", "supports"), ("to_kind", "hypothesis"),
                ("to_id", "H1"), ("position", 0));
            Insert(connection, "relations", ("from_kind", "claim"), ("from_id", "IRGC.high_alert/WIB"), ("relation", "supports"),
                ("to_kind", "claim"), ("to_id", "coup"), ("position", 0));
            Insert(connection, "relations", ("from_kind", "claim"), ("from_id", "coup"), ("relation", "contradicts"), ("to_kind", "source"),
                ("to_id", "WIB"), ("position", 0));
        }

        var loaded = ClaimDataset.Load(path);

        var expected = new ClaimDataset
        {
            Sources =
            [
                new Source
                {
                    Id = "MET", Title = "An analysis", Published = ClaimDate.Parse("2017-02-07"), Reliability = ReliabilityGrade.C,
                    Kind = "analysis", Cites = ["WIB"], Location = new SourceLocation("a.claim", 1, 8),
                },
                new Source { Id = "WIB", Title = "An outlet" },
            ],
            Actors =
            [
                new Actor { Id = "IRGC", Name = "Guards", Kind = "military", Aka = ["Pasdaran", "Sepah"] },
                new Actor { Id = "Bashar", Name = "Bashar", PartOf = "IRGC" },
            ],
            Places = [new Place { Id = "Damascus", Name = "Damascus", Lat = 33.5, Lon = 36.3 }],
            Predicates =
            [
                new Predicate
                {
                    Name = "coup_attempt", Description = "tried",
                    Params = [new PredicateParameter("target", ArgumentType.Actor), new PredicateParameter("size", ArgumentType.Number)],
                },
                new Predicate { Name = "high_alert", Declared = false },
            ],
            Hypotheses = [new Hypothesis { Id = "H1", Statement = "It happened", SupportedBy = ["coup"] }],
            Claims =
            [
                new Claim
                {
                    Id = "coup", Label = "coup", Subject = "IRGC", Predicate = "coup_attempt",
                    Args = [new ClaimArgument("target", ArgumentValue.Actor("Bashar")), new ClaimArgument("size", ArgumentValue.FromNumber(-2.50m))],
                    Date = ClaimDate.Parse("2017-01-28"), Sources = ["MET", "WIB"], Confidence = Confidence.Low,
                    Credibility = CredibilityGrade.Doubtful, Contradicts = ["WIB"], Supports = ["H1"], SupportedBy = ["IRGC.high_alert/WIB"],
                    SupersededBy = "IRGC.high_alert/WIB", Quote = "a quote", Tags = ["key"],
                },
                new Claim
                {
                    Id = "IRGC.high_alert/WIB", Subject = "IRGC", Predicate = "high_alert", Sources = ["WIB"], At = "Damascus",
                    Supports = ["coup"], Supersedes = "coup", Note = "later",
                },
            ],
        };
        Assert.Equal(expected, loaded);
        Assert.Equal("-2.50", loaded.Claims[0].Args[1].Value.ToString());
    }

    [Fact]
    public void Write_then_load_gives_an_equal_dataset()
    {
        using var folder = new TempFolder();
        foreach (var (name, original) in new[] { ("fixture", Samples.Fixture()), ("edge", Samples.EdgeCases()) })
        {
            var path = folder.File(name + ".db");

            DatasetSqlite.WriteFile(original, path);
            var loaded = ClaimDataset.Load(path);

            Assert.Equal(original, loaded);
        }
    }

    [Fact]
    public void Every_table_holds_the_expected_rows()
    {
        using var folder = new TempFolder();
        var path = folder.File("fixture.db");
        DatasetSqlite.WriteFile(Samples.Fixture(), path);
        using var connection = Open(path);

        Assert.Equal("claimlang-dataset|1", Scalar(connection, "SELECT format || '|' || version FROM dataset_info"));
        Assert.Equal(3L, Scalar(connection, "SELECT count(*) FROM sources"));
        Assert.Equal(6L, Scalar(connection, "SELECT count(*) FROM actors"));
        Assert.Equal("Pasdaran,Sepah", Scalar(connection, "SELECT group_concat(alias, ',') FROM (SELECT alias FROM actor_aliases WHERE actor_id = 'IRGC' ORDER BY position)"));
        Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM places"));
        Assert.Equal("Damascus", Scalar(connection, "SELECT in_place FROM places WHERE id = 'Almaza'"));
        Assert.Equal(6L, Scalar(connection, "SELECT count(*) FROM predicates"));
        Assert.Equal(4L, Scalar(connection, "SELECT count(*) FROM predicates WHERE declared = 0"));
        Assert.Equal("troops:number,since:date,unit:text", Scalar(connection, "SELECT group_concat(name || ':' || type, ',') FROM (SELECT name, type FROM predicate_params WHERE predicate = 'deployed' ORDER BY position)"));
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM hypotheses"));
        Assert.Equal(8L, Scalar(connection, "SELECT count(*) FROM claims"));
        Assert.Equal("2017-01-01|2017-01-31|0|1", Scalar(connection, "SELECT date_start || '|' || date_end || '|' || date_uncertain || '|' || date_approximate FROM claims WHERE id = 'FourthDivision.high_alert@2017-01~/MET'"));
        Assert.Equal("deploy2", Scalar(connection, "SELECT superseded_by FROM claims WHERE id = 'deploy'"));
        Assert.Equal("MET,WIB", Scalar(connection, "SELECT group_concat(source_id, ',') FROM (SELECT source_id FROM claim_sources WHERE claim_id = 'deploy' ORDER BY position)"));
        Assert.Equal(4000.0, Scalar(connection, "SELECT value_number FROM claim_args WHERE claim_id = 'deploy' AND name = 'troops'"));
        Assert.Equal("2015-09-30|2015-09-30", Scalar(connection, "SELECT value || '|' || value_start FROM claim_args WHERE claim_id = 'deploy' AND name = 'since'"));
        Assert.Equal("name:H1", Scalar(connection, "SELECT type || ':' || value FROM claim_args WHERE claim_id = 'Russia.denied(H1)/WIB'"));
        Assert.Equal("military,russia", Scalar(connection, "SELECT group_concat(tag, ',') FROM (SELECT tag FROM claim_tags WHERE claim_id = 'deploy' ORDER BY position)"));
        Assert.Equal(2L, Scalar(connection, "SELECT count(*) FROM relations WHERE relation = 'contradicts' AND from_kind = 'claim' AND to_kind = 'claim'"));
        Assert.Equal("hypothesis", Scalar(connection, "SELECT to_kind FROM relations WHERE from_id = 'coup' AND relation = 'supports'"));
        Assert.Equal("source", Scalar(connection, "SELECT to_kind FROM relations WHERE relation = 'contradicts' AND to_id = 'Sarkis'"));
        Assert.Equal("WIB", Scalar(connection, "SELECT to_id FROM relations WHERE from_id = 'MET' AND relation = 'cites'"));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM pragma_foreign_key_check"));
    }

    [Fact]
    public void The_overview_view_lists_claims_in_timeline_order_with_their_summary()
    {
        using var folder = new TempFolder();
        var path = folder.File("fixture.db");
        var dataset = Samples.Fixture();
        DatasetSqlite.WriteFile(dataset, path);
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT id, subject_name, sources, best_reliability, confidence_rank, superseded, contradicted, at_name, tags FROM claim_overview";

        var rows = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        Assert.Equal(dataset.Index.Timeline.Select(c => c.Id), rows.Select(r => r.Split('|')[0]));
        Assert.Contains("deploy|Russian Federation|MET,WIB|C|2|1|0|Almaza air base|military,russia", rows);
        Assert.Contains("coup|Islamic Revolutionary Guard Corps|MET|C|1|0|1|∅|∅", rows);
        Assert.Contains("Maher.aligned_with(Russia)/Sarkis|Maher al-Assad|Sarkis|F|1|0|1|∅|∅", rows);
        Assert.Contains("Russia.denied(H1)/WIB|Russian Federation|WIB|∅|∅|0|0|∅|∅", rows);
    }

    [Fact]
    public void The_schema_enforces_foreign_keys()
    {
        using var folder = new TempFolder();
        using var connection = Open(folder.File("fk.db"));
        Execute(connection, "PRAGMA foreign_keys = ON");
        Execute(connection, DatasetSqlSchema.Script);
        Insert(connection, "predicates", ("name", "p"), ("ordinal", 0), ("declared", 0));
        Insert(connection, "claims", ("id", "c"), ("ordinal", 0), ("subject", "A"), ("predicate", "p"));

        var error = Assert.Throws<SqliteException>(() =>
            Insert(connection, "claim_sources", ("claim_id", "c"), ("position", 0), ("source_id", "Nobody")));

        Assert.Contains("FOREIGN KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_checks_grades()
    {
        using var folder = new TempFolder();
        using var connection = Open(folder.File("check.db"));
        Execute(connection, DatasetSqlSchema.Script);

        var error = Assert.Throws<SqliteException>(() =>
            Insert(connection, "sources", ("id", "S"), ("ordinal", 0), ("title", "t"), ("reliability", "G")));

        Assert.Contains("CHECK", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_of_a_later_version_is_refused()
    {
        using var folder = new TempFolder();
        var path = folder.File("v2.db");
        using (var connection = Open(path))
        {
            Execute(connection, DatasetSqlSchema.Script);
            Insert(connection, "dataset_info", ("format", "claimlang-dataset"), ("version", 2));
        }

        var error = Assert.Throws<DatasetFormatException>(() => ClaimDataset.Load(path));

        Assert.Contains("unsupported dataset version 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.FilePath);
    }

    [Fact]
    public void A_database_that_is_not_a_dataset_is_refused()
    {
        using var folder = new TempFolder();
        var path = folder.File("other.db");
        using (var connection = Open(path))
        {
            Execute(connection, "CREATE TABLE something (x INTEGER)");
        }

        var error = Assert.Throws<DatasetFormatException>(() => ClaimDataset.Load(path));

        Assert.Contains("no dataset_info table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_refuses_to_touch_an_existing_file()
    {
        using var folder = new TempFolder();
        var path = folder.File("exists.db");
        File.WriteAllText(path, "keep me");

        Assert.Throws<IOException>(() => DatasetSqlite.WriteFile(Samples.EdgeCases(), path));
        Assert.Equal("keep me", File.ReadAllText(path));
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>Inserts one row; the table and column names are constants of the tests, the values parameters.</summary>
    private static void Insert(SqliteConnection connection, string table, params (string Column, object Value)[] values)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            $"INSERT INTO {table} ({string.Join(", ", values.Select(v => v.Column))}) " +
            $"VALUES ({string.Join(", ", values.Select((_, i) => "$p" + i))})";
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i, values[i].Value);
        }

        command.ExecuteNonQuery();
    }
}
