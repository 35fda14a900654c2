using ClaimLang.Runtime;
using Microsoft.Data.Sqlite;

namespace ClaimLang.Emit;

/// <summary>
/// Writes a dataset in the forms <c>claimc build --emit</c> asks for, into a folder:
/// <list type="bullet">
/// <item><c>dataset.json</c> — through the runtime's one JSON writer (<see cref="DatasetJson"/>);</item>
/// <item><c>dataset.jsonl</c> — through <see cref="DatasetJsonLines"/>;</item>
/// <item><c>dataset.db</c> — SQLite, laid out by the runtime's shared <c>schema.sql</c> and filled by
/// <see cref="DatasetSqlite"/> (parameterised statements, one transaction), written to a temporary file first;</item>
/// <item><c>csv/&lt;table&gt;.csv</c> — one RFC 4180 file per SQLite table, plus <c>claim_overview.csv</c> for the
/// view, dumped from the same tables so that CSV and SQLite can never disagree.</item>
/// </list>
/// Every file is byte-identical for the same dataset on any machine, in any culture or time zone. To replace an
/// output folder atomically, use <see cref="DatasetOutput"/>.
/// </summary>
public static class DatasetEmitter
{
    public const string JsonFileName = "dataset.json";
    public const string JsonLinesFileName = "dataset.jsonl";
    public const string SqliteFileName = "dataset.db";
    public const string CsvFolderName = "csv";

    /// <summary>
    /// Writes the forms in <paramref name="formats"/> into <paramref name="folder"/> (which must exist and should be
    /// empty) and returns the files written, relative to the folder with <c>/</c>, in writing order.
    /// </summary>
    /// <param name="dataset">The dataset.</param>
    /// <param name="folder">The folder to write into.</param>
    /// <param name="formats">The forms to write.</param>
    /// <param name="fileWritten">Called with the relative path of each file once it is complete (tests use it to
    /// inject failures part-way through).</param>
    public static IReadOnlyList<string> Emit(ClaimDataset dataset, string folder, EmitFormats formats, Action<string>? fileWritten = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(folder);
        var written = new List<string>();
        void Done(string relative)
        {
            written.Add(relative);
            fileWritten?.Invoke(relative);
        }

        if ((formats & EmitFormats.Json) != 0)
        {
            WriteJson(dataset, Path.Combine(folder, JsonFileName));
            Done(JsonFileName);
        }

        if ((formats & EmitFormats.JsonLines) != 0)
        {
            WriteJsonLines(dataset, Path.Combine(folder, JsonLinesFileName));
            Done(JsonLinesFileName);
        }

        if ((formats & EmitFormats.Csv) != 0)
        {
            var csv = Path.Combine(folder, CsvFolderName);
            Directory.CreateDirectory(csv);
            WriteCsv(dataset, csv, name => Done(CsvFolderName + "/" + name));
        }

        if ((formats & EmitFormats.Sqlite) != 0)
        {
            WriteSqlite(dataset, Path.Combine(folder, SqliteFileName));
            Done(SqliteFileName);
        }

        return written;
    }

    /// <summary>Writes <c>dataset.json</c> (a new file).</summary>
    public static void WriteJson(ClaimDataset dataset, string path) =>
        WriteNewFile(path, stream => DatasetJson.Write(dataset, stream));

    /// <summary>Writes <c>dataset.jsonl</c> (a new file).</summary>
    public static void WriteJsonLines(ClaimDataset dataset, string path) =>
        WriteNewFile(path, stream => DatasetJsonLines.Write(dataset, stream));

    /// <summary>
    /// Writes the SQLite database: to a temporary file in the same folder, which replaces <paramref name="path"/>
    /// once the transaction is committed and the connection closed.
    /// </summary>
    public static void WriteSqlite(ClaimDataset dataset, string path)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            DatasetSqlite.WriteFile(dataset, temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            DeleteQuietly(temporary);
            DeleteQuietly(temporary + "-journal");
        }
    }

    /// <summary>The CSV files, in the order they are written: one per SQLite table, then the overview view.</summary>
    public static IReadOnlyList<string> CsvFileNames { get; } =
        [.. DatasetSqlSchema.Tables.Select(static t => t + ".csv"), DatasetSqlSchema.OverviewView + ".csv"];

    /// <summary>
    /// Writes one CSV file per SQLite table into <paramref name="folder"/>, with the table's columns in order and its
    /// rows in insertion order (the dataset's order, then list position), and <c>claim_overview.csv</c> with the
    /// everyday view in its timeline order. The tables are filled in an in-memory database by the same writer as
    /// <c>dataset.db</c>.
    /// </summary>
    public static void WriteCsv(ClaimDataset dataset, string folder, Action<string>? fileWritten = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var builder = new SqliteConnectionStringBuilder { DataSource = ":memory:", Pooling = false };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        DatasetSqlite.Write(dataset, connection);

        foreach (var table in DatasetSqlSchema.Tables)
        {
            // Table names come from the runtime's fixed list, never from data; rowid is the insertion order.
            DumpCsv(connection, $"SELECT * FROM \"{table}\" ORDER BY rowid", Path.Combine(folder, table + ".csv"));
            fileWritten?.Invoke(table + ".csv");
        }

        DumpCsv(connection, $"SELECT * FROM \"{DatasetSqlSchema.OverviewView}\"", Path.Combine(folder, DatasetSqlSchema.OverviewView + ".csv"));
        fileWritten?.Invoke(DatasetSqlSchema.OverviewView + ".csv");
    }

    private static void DumpCsv(SqliteConnection connection, string sql, string path)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        WriteNewFile(path, stream =>
        {
            using var text = new StreamWriter(stream, CsvWriter.Encoding, bufferSize: 1 << 16, leaveOpen: true);
            var csv = new CsvWriter(text);
            for (int i = 0; i < reader.FieldCount; i++) csv.WriteText(reader.GetName(i));
            csv.EndRecord();
            var values = new object[reader.FieldCount];
            while (reader.Read())
            {
                reader.GetValues(values);
                foreach (var value in values) csv.WriteValue(value);
                csv.EndRecord();
            }
        });
    }

    /// <summary>
    /// True when <paramref name="entry"/> (an entry directly inside an output folder) is something
    /// <see cref="Emit"/> writes: <c>dataset.json</c>, <c>dataset.jsonl</c>, <c>dataset.db</c> (plain files), or the
    /// <c>csv</c> folder holding only <c>.csv</c> files. Links never count.
    /// </summary>
    public static bool IsOutputEntry(FileSystemInfo entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.LinkTarget is not null) return false;
        if (entry is FileInfo)
        {
            return entry.Name is JsonFileName or JsonLinesFileName or SqliteFileName;
        }

        if (entry is DirectoryInfo folder && entry.Name == CsvFolderName)
        {
            foreach (var inner in folder.EnumerateFileSystemInfos())
            {
                if (inner.LinkTarget is not null || inner is not FileInfo || !inner.Name.EndsWith(".csv", StringComparison.Ordinal)) return false;
            }

            return true;
        }

        return false;
    }

    private static void WriteNewFile(string path, Action<Stream> write)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        write(stream);
        stream.Flush(flushToDisk: true);
    }

    private static void DeleteQuietly(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
