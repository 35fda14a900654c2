using System.Globalization;
using System.Text;
using ClaimLang.Emit;
using ClaimLang.Runtime;
using ClaimLang.Tests.Configuration;
using Microsoft.Data.Sqlite;

namespace ClaimLang.Tests.Emit;

public class CsvWriterTests
{
    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+31 20 555", "'+31 20 555")]
    [InlineData("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData(" =1", " =1")]
    [InlineData("a=1", "a=1")]
    [InlineData("'=1", "'=1")]
    [InlineData("plain text", "plain text")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("", "\"\"")]
    [InlineData("عربي 😀", "عربي 😀")]
    public void Cells_are_quoted_as_rfc4180_requires_and_formulas_are_neutralised(string value, string expected)
    {
        Assert.Equal(expected, CsvWriter.Escape(value));
    }

    [Fact]
    public void Null_is_an_empty_field_and_numbers_are_never_altered()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text);
        csv.WriteText(null);
        csv.WriteText("");
        csv.WriteNumber(-3L);
        csv.WriteNumber(-33.5);
        csv.WriteNumber(40000m);
        csv.WriteValue(DBNull.Value);
        csv.WriteValue("-x");
        csv.EndRecord();
        csv.WriteRecord("a", null);
        Assert.Equal(",\"\",-3,-33.5,40000,,'-x\r\na,\r\n", text.ToString());
    }

    [Fact]
    public void Numbers_are_written_with_the_invariant_culture_whatever_the_current_one()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text);
        csv.WriteNumber(1234567.25);
        csv.WriteNumber(0.1);
        csv.EndRecord();
        Assert.Equal("1234567.25,0.1\r\n", text.ToString());
    }
}

/// <summary>The CSV files <c>--emit csv</c> writes.</summary>
public sealed class CsvEmitTests : IDisposable
{
    private readonly TempDirectory _source;
    private readonly TempDirectory _output;
    private readonly ClaimDataset _dataset;

    public CsvEmitTests()
    {
        (_source, _dataset) = EmitFixtures.RichDataset();
        _output = new TempDirectory();
        DatasetEmitter.Emit(_dataset, _output.Path, EmitFormats.Csv | EmitFormats.Sqlite);
    }

    public void Dispose()
    {
        _output.Dispose();
        _source.Dispose();
    }

    private string Csv(string name) => Path.Combine(_output.Path, "csv", name);

    [Fact]
    public void One_file_per_table_plus_the_overview_with_the_columns_and_rows_of_the_sqlite_tables()
    {
        var files = Directory.GetFiles(Path.Combine(_output.Path, "csv")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(DatasetEmitter.CsvFileNames.Order(StringComparer.Ordinal), files);

        using var db = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_output.Path, "dataset.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        db.Open();
        foreach (var table in DatasetSqlSchema.Tables.Append(DatasetSqlSchema.OverviewView))
        {
            var records = CsvReader.ReadFile(Csv(table + ".csv"));
            using var command = db.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"" + (table == DatasetSqlSchema.OverviewView ? "" : " ORDER BY rowid");
            using var reader = command.ExecuteReader();
            var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            Assert.Equal(header, records[0]);
            int row = 1;
            while (reader.Read())
            {
                Assert.True(row < records.Count, $"{table}.csv has too few rows");
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    var expected = reader.IsDBNull(i) ? "" : reader.GetValue(i) switch
                    {
                        string s when CsvWriter.LooksLikeFormula(s) => "'" + s,
                        string s => s,
                        double d => d.ToString("R", CultureInfo.InvariantCulture),
                        var v => Convert.ToString(v, CultureInfo.InvariantCulture)!,
                    };
                    Assert.True(expected == records[row][i], $"{table}.csv row {row} column {header[i]}: expected [{expected}], found [{records[row][i]}]");
                }

                row++;
            }

            Assert.Equal(row, records.Count);
        }
    }

    [Fact]
    public void Files_are_utf8_without_bom_with_crlf_line_ends()
    {
        foreach (var name in DatasetEmitter.CsvFileNames)
        {
            var bytes = File.ReadAllBytes(Csv(name));
            Assert.False(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]), name);
            Assert.True(bytes.AsSpan().EndsWith("\r\n"u8), name);
            var text = new UTF8Encoding(false, true).GetString(bytes);

            // Every LF outside quotes is part of a CRLF: the reader below would split records otherwise.
            Assert.Equal(CsvReader.Parse(text).Count, CountRecordEnds(text));
        }
    }

    [Fact]
    public void Text_that_a_spreadsheet_would_run_is_neutralised_and_numbers_are_not()
    {
        var sources = CsvReader.ReadFile(Csv("sources.csv"));
        var header = sources[0];
        var report = sources.Single(r => r[0] == "Report");
        Assert.Equal("'=HYPERLINK(\"http://x\",\"click\")", report[Array.IndexOf(header, "title")]);
        Assert.Equal("'+Ann Author", report[Array.IndexOf(header, "author")]);
        Assert.Equal("'@Press, Inc.", report[Array.IndexOf(header, "publisher")]);
        Assert.Equal("'-Blog with\na line break", sources.Single(r => r[0] == "Blog")[Array.IndexOf(header, "title")]);

        var aliases = CsvReader.ReadFile(Csv("actor_aliases.csv"));
        Assert.Contains(aliases, r => r[2] == "'=Forces");

        var claims = CsvReader.ReadFile(Csv("claims.csv"));
        Assert.Equal("'=1+1", claims.Single(r => r[0] == "first")[Array.IndexOf(claims[0], "note")]);

        var args = CsvReader.ReadFile(Csv("claim_args.csv"));
        Assert.Contains(args, r => r[4] == "'=cmd|' /C calc'!A0");

        // A negative latitude is a number, not a formula.
        var places = CsvReader.ReadFile(Csv("places.csv"));
        var basePlace = places.Single(r => r[0] == "Base");
        Assert.Equal("-33.5", basePlace[Array.IndexOf(places[0], "lat")]);
        Assert.Equal("151.25", basePlace[Array.IndexOf(places[0], "lon")]);

        // No text cell of any file starts with a formula character.
        foreach (var name in DatasetEmitter.CsvFileNames)
        {
            foreach (var record in CsvReader.ReadFile(Csv(name)).Skip(1))
            {
                foreach (var cell in record)
                {
                    if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                        Assert.False(CsvWriter.LooksLikeFormula(cell), $"{name}: [{cell}]");
                }
            }
        }
    }

    [Fact]
    public void Null_and_empty_text_are_told_apart()
    {
        var text = File.ReadAllText(Csv("places.csv"));

        // City has no "in", lat or lon: empty unquoted fields.
        Assert.Contains("\r\nCity,", text, StringComparison.Ordinal);
        var city = CsvReader.ReadFile(Csv("places.csv")).Single(r => r[0] == "City");
        Assert.Equal("", city[3]);
    }

    private static int CountRecordEnds(string text)
    {
        int count = 0;
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') quoted = !quoted;
            else if (!quoted && text[i] == '\n')
            {
                Assert.True(i > 0 && text[i - 1] == '\r', "a bare LF ends a record");
                count++;
            }
        }

        return count;
    }
}

/// <summary>A strict RFC 4180 reader for the tests: records end with CRLF; quoted fields may hold anything.</summary>
internal static class CsvReader
{
    public static List<string[]> ReadFile(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var record = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new FormatException("unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }
            }
            else
            {
                while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                {
                    if (text[i] == '"') throw new FormatException($"a quote inside an unquoted field at {i}");
                    field.Append(text[i++]);
                }
            }

            record.Add(field.ToString());
            field.Clear();
            if (i >= text.Length) throw new FormatException("the last record has no CRLF");
            if (text[i] == ',')
            {
                i++;
                continue;
            }

            if (text[i] != '\r' || i + 1 >= text.Length || text[i + 1] != '\n') throw new FormatException($"expected CRLF at {i}");
            i += 2;
            records.Add([.. record]);
            record.Clear();
        }

        return records;
    }
}
