using System.Globalization;
using ClaimLang.Emit;
using ClaimLang.Runtime;
using ClaimLang.Tests.Configuration;
using Microsoft.Data.Sqlite;

namespace ClaimLang.Tests.Emit;

/// <summary>The SQLite database, table by table, checked with SQL.</summary>
public sealed class SqliteEmitTests : IDisposable
{
    private readonly TempDirectory _source;
    private readonly TempDirectory _output;
    private readonly ClaimDataset _dataset;
    private readonly SqliteConnection _db;

    public SqliteEmitTests()
    {
        (_source, _dataset) = EmitFixtures.RichDataset();
        _output = new TempDirectory();
        DatasetEmitter.Emit(_dataset, _output.Path, EmitFormats.Sqlite);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_output.Path, "dataset.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        _db = new SqliteConnection(builder.ToString());
        _db.Open();
    }

    public void Dispose()
    {
        _db.Dispose();
        _output.Dispose();
        _source.Dispose();
    }

    private List<object?[]> Rows(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (int i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }

        return rows;
    }

    private object? Scalar(string sql, params (string Name, object Value)[] parameters) => Assert.Single(Rows(sql, parameters))[0];

    private long Count(string table) => (long)Scalar($"SELECT count(*) FROM \"{table}\"")!;

    [Fact]
    public void The_file_is_a_sound_sqlite_database_with_the_shared_schema()
    {
        Assert.Equal("ok", Scalar("PRAGMA integrity_check"));
        Assert.Empty(Rows("PRAGMA foreign_key_check"));
        var tables = Rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").Select(r => (string)r[0]!).ToList();
        Assert.Equal(DatasetSqlSchema.Tables.Order(StringComparer.Ordinal), tables);
        Assert.Equal(DatasetSqlSchema.OverviewView, Scalar("SELECT name FROM sqlite_master WHERE type = 'view'"));
        Assert.True((long)Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'")! >= 11);
    }

    [Fact]
    public void Dataset_info_names_format_and_version()
    {
        var row = Assert.Single(Rows("SELECT format, version FROM dataset_info"));
        Assert.Equal(["claimlang-dataset", 1L], row);
    }

    [Fact]
    public void Every_table_has_one_row_per_item_of_the_model()
    {
        Assert.Equal(_dataset.Sources.Count, Count("sources"));
        Assert.Equal(_dataset.Actors.Count, Count("actors"));
        Assert.Equal(_dataset.Actors.Sum(a => a.Aka.Count), Count("actor_aliases"));
        Assert.Equal(_dataset.Places.Count, Count("places"));
        Assert.Equal(_dataset.Predicates.Count, Count("predicates"));
        Assert.Equal(_dataset.Predicates.Sum(p => p.Params.Count), Count("predicate_params"));
        Assert.Equal(_dataset.Hypotheses.Count, Count("hypotheses"));
        Assert.Equal(_dataset.Claims.Count, Count("claims"));
        Assert.Equal(_dataset.Claims.Sum(c => c.Sources.Count), Count("claim_sources"));
        Assert.Equal(_dataset.Claims.Sum(c => c.Args.Count), Count("claim_args"));
        Assert.Equal(_dataset.Claims.Sum(c => c.Tags.Count), Count("claim_tags"));
        Assert.Equal(_dataset.Sources.Sum(s => s.Cites.Count) + _dataset.Claims.Sum(c => c.Contradicts.Count + c.Supports.Count), Count("relations"));
        Assert.Equal(_dataset.Claims.Count, Count(DatasetSqlSchema.OverviewView));

        // ordinal is the position in the dataset's arrays, which are sorted by id.
        var ids = Rows("SELECT id FROM claims ORDER BY ordinal").Select(r => (string)r[0]!);
        Assert.Equal(_dataset.Claims.Select(c => c.Id), ids);
    }

    [Fact]
    public void Sources_table()
    {
        var row = Assert.Single(Rows(
            "SELECT title, published_edtf, published_start, published_end, author, publisher, url, reliability, kind, lang, document, doc, " +
            "location_file, location_line, location_column FROM sources WHERE id = $id", ("$id", "Report")));
        Assert.Equal(new object?[]
        {
            "=HYPERLINK(\"http://x\",\"click\")", "2017-02-07", "2017-02-07", "2017-02-07", "+Ann Author", "@Press, Inc.",
            "https://example.org/r?a=1,b=2", "B", "report", "en", "docs/report.txt", "The main report.\nSecond line of its documentation.",
            "sources.claim", 3L, 8L,
        }, row);
        var blog = Assert.Single(Rows("SELECT published_start, published_end, published_approximate, reliability FROM sources WHERE id = 'Blog'"));
        Assert.Equal(new object?[] { "2017-01-01", "2017-01-31", 1L, null }, blog);
    }

    [Fact]
    public void Actors_and_aliases_tables()
    {
        Assert.Equal(new object?[] { "Unit 7", "military", "Army" }, Assert.Single(Rows("SELECT name, kind, part_of FROM actors WHERE id = 'Unit'")));
        Assert.Equal(
            [new object?[] { 0L, "The Army" }, new object?[] { 1L, "=Forces" }],
            Rows("SELECT position, alias FROM actor_aliases WHERE actor_id = 'Army' ORDER BY position"));
    }

    [Fact]
    public void Places_table()
    {
        Assert.Equal(new object?[] { "Air base", "City", -33.5, 151.25 }, Assert.Single(Rows("SELECT name, in_place, lat, lon FROM places WHERE id = 'Base'")));
        Assert.Equal(new object?[] { null, null, null, "A city." }, Assert.Single(Rows("SELECT in_place, lat, lon, doc FROM places WHERE id = 'City'")));
    }

    [Fact]
    public void Predicates_and_parameters_tables()
    {
        Assert.Equal(
            [new object?[] { "left", 0L, null }, new object?[] { "moved", 1L, "moved somewhere" }, new object?[] { "observed", 1L, null }, new object?[] { "quiet", 0L, null }],
            Rows("SELECT name, declared, description FROM predicates ORDER BY ordinal"));
        Assert.Equal(
            [
                new object?[] { 0L, "destination", "place" }, new object?[] { 1L, "troops", "number" }, new object?[] { 2L, "when", "date" },
                new object?[] { 3L, "why", "text" }, new object?[] { 4L, "after", "claim" },
            ],
            Rows("SELECT position, name, type FROM predicate_params WHERE predicate = 'moved' ORDER BY position"));
        Assert.Null(Scalar("SELECT location_file FROM predicates WHERE name = 'left'"));
    }

    [Fact]
    public void Hypotheses_table()
    {
        Assert.Equal(
            [new object?[] { "H", "The unit moved to the base" }, new object?[] { "H2", "Nothing happened" }],
            Rows("SELECT id, statement FROM hypotheses ORDER BY ordinal"));
    }

    [Fact]
    public void Claims_table()
    {
        var first = Assert.Single(Rows(
            "SELECT label, subject, predicate, date_edtf, date_start, date_end, date_uncertain, date_approximate, confidence, credibility, " +
            "at_place, supersedes, superseded_by, quote, note, doc, location_file, location_line, location_column FROM claims WHERE id = $id",
            ("$id", "first")));
        Assert.Equal(new object?[]
        {
            "first", "Unit", "moved", "2017-01-20", "2017-01-20", "2017-01-20", 0L, 0L, "moderate", 2L,
            "Base", null, "second", "moved at night", "=1+1", null, "claims.claim", 1L, 7L,
        }, first);
        Assert.Equal(new object?[] { "first", null, "Later reporting." }, Assert.Single(Rows("SELECT supersedes, superseded_by, doc FROM claims WHERE id = 'second'")));
        Assert.Equal(new object?[] { null, "2017-01-19" }, Assert.Single(Rows("SELECT date_start, date_end FROM claims WHERE predicate = 'quiet'")));
        Assert.Null(Scalar("SELECT label FROM claims WHERE predicate = 'quiet'"));
    }

    [Fact]
    public void Claim_sources_claim_args_and_claim_tags_tables()
    {
        Assert.Equal(
            [new object?[] { 0L, "Report" }, new object?[] { 1L, "Wire" }],
            Rows("SELECT position, source_id FROM claim_sources WHERE claim_id = 'first' ORDER BY position"));

        Assert.Equal(
            [
                new object?[] { 0L, "destination", "place", "Base", null, null, null },
                new object?[] { 1L, "troops", "number", "40000", 40000.0, null, null },
                new object?[] { 2L, "when", "date", "2017-01-20", null, "2017-01-20", "2017-01-20" },
                new object?[] { 3L, "why", "text", "orders", null, null, null },
            ],
            Rows("SELECT position, name, type, value, value_number, value_start, value_end FROM claim_args WHERE claim_id = 'first' ORDER BY position"));
        Assert.Equal(new object?[] { "claim", "first" }, Assert.Single(Rows("SELECT type, value FROM claim_args WHERE claim_id = 'second' AND name = 'after'")));
        Assert.Equal(new object?[] { "name", "H" }, Assert.Single(Rows("SELECT type, value FROM claim_args WHERE name = '5'")));

        Assert.Equal(
            [new object?[] { 0L, "military" }, new object?[] { 1L, "night" }],
            Rows("SELECT position, tag FROM claim_tags WHERE claim_id = 'first' ORDER BY position"));
    }

    [Fact]
    public void Relations_table_holds_cites_supports_and_both_sides_of_contradictions()
    {
        Assert.Equal(
            [new object?[] { "source", "Wire", 0L }, new object?[] { "source", "Blog", 1L }],
            Rows("SELECT to_kind, to_id, position FROM relations WHERE from_id = 'Report' AND relation = 'cites' ORDER BY position"));
        Assert.Equal(
            [new object?[] { "claim", "Army.left(City,12,2016,\"tab\there\",H)/Blog" }, new object?[] { "hypothesis", "H2" }, new object?[] { "source", "Wire" }, new object?[] { "claim", "second" }],
            Rows("SELECT to_kind, to_id FROM relations WHERE from_id = 'third' AND relation = 'contradicts' ORDER BY position"));
        Assert.Equal("third", Scalar("SELECT to_id FROM relations WHERE from_id = 'second' AND relation = 'contradicts'"));
        Assert.Equal(
            [new object?[] { "first" }, new object?[] { "second" }],
            Rows("SELECT from_id FROM relations WHERE to_id = 'H' AND relation = 'supports' ORDER BY from_id"));
    }

    [Fact]
    public void The_overview_view_answers_everyday_questions()
    {
        var first = Assert.Single(Rows(
            "SELECT subject_name, confidence_rank, at_name, sources, best_reliability, tags, superseded, contradicted FROM claim_overview WHERE id = 'first'"));
        Assert.Equal(new object?[] { "Unit 7", 2L, "Air base", "Report,Wire", "B", "military,night", 1L, 0L }, first);
        Assert.Equal(1L, Scalar("SELECT contradicted FROM claim_overview WHERE id = 'second'"));

        // Timeline order: earliest day first, undated last, ties by id.
        var order = Rows("SELECT id FROM claim_overview").Select(r => (string)r[0]!).ToList();
        var expected = _dataset.Claims.OrderBy(c => c.Date?.Start?.DayNumber ?? c.Date?.End?.DayNumber ?? int.MaxValue)
            .ThenBy(c => c.Id, StringComparer.Ordinal).Select(c => c.Id).ToList();
        Assert.Equal(expected, order);
        Assert.Equal(["third", "City.quiet@../2017-01-19/Wire", "first", "second"], order.Take(4));
        Assert.Equal("Army.left(City,12,2016,\"tab\there\",H)/Blog", order[^1]);
    }

    [Fact]
    public void Numbers_and_days_are_culture_independent_text()
    {
        foreach (var row in Rows("SELECT value, value_number FROM claim_args WHERE type = 'number'"))
        {
            var text = (string)row[0]!;
            Assert.Equal((double)row[1]!, double.Parse(text, CultureInfo.InvariantCulture));
            Assert.DoesNotContain(",", text, StringComparison.Ordinal);
        }

        Assert.Equal("38500.5", Scalar("SELECT value FROM claim_args WHERE claim_id = 'second' AND name = 'troops'"));
    }
}
