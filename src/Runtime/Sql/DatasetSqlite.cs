using System.Globalization;
using ClaimLang.Runtime.Serialization;
using Microsoft.Data.Sqlite;

namespace ClaimLang.Runtime;

/// <summary>
/// Reads and writes the SQLite form of a dataset, laid out by <see cref="DatasetSqlSchema.Script"/>.
/// All SQL is constant text with parameters; no value is ever spliced into a statement.
/// </summary>
public static class DatasetSqlite
{
    /// <summary>The first 16 bytes of every SQLite 3 database file.</summary>
    internal static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    // ------------------------------------------------------------------------------------------- reading

    /// <summary>Reads a dataset database and checks it (<see cref="ClaimDataset.Validate"/>).</summary>
    /// <exception cref="DatasetFormatException">Not a ClaimLang dataset database this library can read.</exception>
    public static ClaimDataset ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"dataset not found: {path}", path);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        };
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            var dataset = Read(connection);
            DatasetValidator.ThrowIfInvalid(dataset, path);
            return dataset;
        }
        catch (DatasetFormatException e) when (e.FilePath is null)
        {
            throw new DatasetFormatException(path, e.Detail, e.InnerException);
        }
        catch (SqliteException e)
        {
            throw new DatasetFormatException(path, $"cannot read the database: {e.Message}", e);
        }
    }

    /// <summary>Reads a dataset from an open connection (without checking it; see <see cref="ClaimDataset.Validate"/>).</summary>
    /// <exception cref="DatasetFormatException">Not a ClaimLang dataset database this library can read.</exception>
    public static ClaimDataset Read(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        CheckHeader(connection);
        try
        {
            return new Reader(connection).Read();
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new DatasetFormatException($"a column holds a value of the wrong type: {e.Message}", e);
        }
    }

    private static void CheckHeader(SqliteConnection connection)
    {
        using (var exists = connection.CreateCommand())
        {
            exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name";
            exists.Parameters.AddWithValue("$name", "dataset_info");
            if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                throw new DatasetFormatException("not a ClaimLang dataset: the database has no dataset_info table");
            }
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT format, version FROM dataset_info";
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new DatasetFormatException("not a ClaimLang dataset: dataset_info is empty");
        }

        var format = reader.IsDBNull(0) ? null : reader.GetValue(0) as string;
        var versionValue = reader.IsDBNull(1) ? null : reader.GetValue(1);
        int? version = versionValue is long number && number is >= int.MinValue and <= int.MaxValue ? (int)number : null;
        if (versionValue is not null && version is null)
        {
            throw new DatasetFormatException("dataset_info.version must be an integer");
        }

        if (reader.Read())
        {
            throw new DatasetFormatException("dataset_info has more than one row");
        }

        DtoMapper.CheckHeader(format, version, "dataset_info");
    }

    private sealed class Reader(SqliteConnection connection)
    {
        public ClaimDataset Read()
        {
            var cites = ReadRelations("source", "cites");
            var contradicts = ReadRelations("claim", "contradicts");
            var supports = ReadRelations("claim", "supports");
            var aliases = ReadLists("SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, position");
            var tags = ReadLists("SELECT claim_id, tag FROM claim_tags ORDER BY claim_id, position");
            var claimSources = ReadLists("SELECT claim_id, source_id FROM claim_sources ORDER BY claim_id, position");

            // The inverse lists of dataset.json (supportedBy, contradictedBy) are sorted by id.
            var supportedBy = Invert(supports);
            var contradictedBy = Invert(contradicts);

            var parts = new DatasetParts();
            ReadSources(parts, cites);
            ReadActors(parts, aliases);
            ReadPlaces(parts);
            ReadPredicates(parts);
            ReadHypotheses(parts, supportedBy, contradictedBy);
            ReadClaims(parts, claimSources, tags, contradicts, supports, supportedBy);
            return parts.ToDataset();
        }

        private SqliteDataReader Query(SqliteCommand command, string sql)
        {
            command.CommandText = sql;
            return command.ExecuteReader();
        }

        private void ReadSources(DatasetParts parts, Dictionary<string, List<string>> cites)
        {
            using var command = connection.CreateCommand();
            using var r = Query(command,
                "SELECT id, title, published_edtf, author, publisher, url, reliability, kind, lang, document, doc, " +
                "location_file, location_line, location_column FROM sources ORDER BY ordinal");
            while (r.Read())
            {
                var id = r.GetString(0);
                var where = $"sources row \"{id}\"";
                ReliabilityGrade? reliability = null;
                if (Text(r, 6) is { } grade)
                {
                    reliability = Grades.TryParseReliability(grade, ignoreCase: false, out var g)
                        ? g
                        : throw new DatasetFormatException($"{where}: reliability \"{grade}\" is not A–F");
                }

                parts.Sources.Add(new Source
                {
                    Id = id,
                    Title = r.GetString(1),
                    Published = Date(Text(r, 2), where + ".published_edtf"),
                    Author = Text(r, 3),
                    Publisher = Text(r, 4),
                    Url = Text(r, 5),
                    Reliability = reliability,
                    Kind = Text(r, 7),
                    Lang = Text(r, 8),
                    Document = Text(r, 9),
                    Cites = List(cites, id),
                    Doc = Text(r, 10),
                    Location = Location(r, 11),
                });
            }
        }

        private void ReadActors(DatasetParts parts, Dictionary<string, List<string>> aliases)
        {
            using var command = connection.CreateCommand();
            using var r = Query(command,
                "SELECT id, name, kind, part_of, doc, location_file, location_line, location_column FROM actors ORDER BY ordinal");
            while (r.Read())
            {
                var id = r.GetString(0);
                parts.Actors.Add(new Actor
                {
                    Id = id,
                    Name = r.GetString(1),
                    Kind = Text(r, 2),
                    Aka = List(aliases, id),
                    PartOf = Text(r, 3),
                    Doc = Text(r, 4),
                    Location = Location(r, 5),
                });
            }
        }

        private void ReadPlaces(DatasetParts parts)
        {
            using var command = connection.CreateCommand();
            using var r = Query(command,
                "SELECT id, name, in_place, lat, lon, doc, location_file, location_line, location_column FROM places ORDER BY ordinal");
            while (r.Read())
            {
                parts.Places.Add(new Place
                {
                    Id = r.GetString(0),
                    Name = r.GetString(1),
                    In = Text(r, 2),
                    Lat = r.IsDBNull(3) ? null : r.GetDouble(3),
                    Lon = r.IsDBNull(4) ? null : r.GetDouble(4),
                    Doc = Text(r, 5),
                    Location = Location(r, 6),
                });
            }
        }

        private void ReadPredicates(DatasetParts parts)
        {
            var parameters = new Dictionary<string, List<PredicateParameter>>(StringComparer.Ordinal);
            using (var command = connection.CreateCommand())
            using (var r = Query(command, "SELECT predicate, name, type FROM predicate_params ORDER BY predicate, position"))
            {
                while (r.Read())
                {
                    var predicate = r.GetString(0);
                    var typeText = r.GetString(2);
                    if (!ArgumentTypes.TryParse(typeText, out var type) || type == ArgumentType.Name)
                    {
                        throw new DatasetFormatException($"predicate_params row \"{predicate}\".\"{r.GetString(1)}\": \"{typeText}\" is not a parameter type");
                    }

                    if (!parameters.TryGetValue(predicate, out var list))
                    {
                        parameters[predicate] = list = [];
                    }

                    list.Add(new PredicateParameter(r.GetString(1), type));
                }
            }

            using (var command = connection.CreateCommand())
            using (var r = Query(command,
                "SELECT name, declared, description, doc, location_file, location_line, location_column FROM predicates ORDER BY ordinal"))
            {
                while (r.Read())
                {
                    var name = r.GetString(0);
                    parts.Predicates.Add(new Predicate
                    {
                        Name = name,
                        Declared = r.GetInt64(1) != 0,
                        Params = parameters.TryGetValue(name, out var list) ? list : [],
                        Description = Text(r, 2),
                        Doc = Text(r, 3),
                        Location = Location(r, 4),
                    });
                }
            }
        }

        private void ReadHypotheses(
            DatasetParts parts,
            Dictionary<string, List<string>> supportedBy,
            Dictionary<string, List<string>> contradictedBy)
        {
            using var command = connection.CreateCommand();
            using var r = Query(command,
                "SELECT id, statement, doc, location_file, location_line, location_column FROM hypotheses ORDER BY ordinal");
            while (r.Read())
            {
                var id = r.GetString(0);
                parts.Hypotheses.Add(new Hypothesis
                {
                    Id = id,
                    Statement = r.GetString(1),
                    SupportedBy = List(supportedBy, id),
                    ContradictedBy = List(contradictedBy, id),
                    Doc = Text(r, 2),
                    Location = Location(r, 3),
                });
            }
        }

        private void ReadClaims(
            DatasetParts parts,
            Dictionary<string, List<string>> claimSources,
            Dictionary<string, List<string>> tags,
            Dictionary<string, List<string>> contradicts,
            Dictionary<string, List<string>> supports,
            Dictionary<string, List<string>> supportedBy)
        {
            var args = ReadArguments();
            using var command = connection.CreateCommand();
            using var r = Query(command,
                "SELECT id, label, subject, predicate, date_edtf, confidence, credibility, at_place, supersedes, " +
                "superseded_by, quote, note, doc, location_file, location_line, location_column FROM claims ORDER BY ordinal");
            while (r.Read())
            {
                var id = r.GetString(0);
                var where = $"claims row \"{id}\"";
                Confidence? confidence = null;
                if (Text(r, 5) is { } level)
                {
                    confidence = Grades.TryParseConfidence(level, ignoreCase: false, out var c)
                        ? c
                        : throw new DatasetFormatException($"{where}: confidence \"{level}\" is not low, moderate or high");
                }

                CredibilityGrade? credibility = null;
                if (!r.IsDBNull(6))
                {
                    var number = r.GetInt64(6);
                    credibility = Grades.TryFromNumber(number, out var g)
                        ? g
                        : throw new DatasetFormatException($"{where}: credibility {number} is not 1–6");
                }

                parts.Claims.Add(new Claim
                {
                    Id = id,
                    Label = Text(r, 1),
                    Subject = r.GetString(2),
                    Predicate = r.GetString(3),
                    Args = args.TryGetValue(id, out var list) ? list : [],
                    Date = Date(Text(r, 4), where + ".date_edtf"),
                    Sources = List(claimSources, id),
                    Confidence = confidence,
                    Credibility = credibility,
                    At = Text(r, 7),
                    Contradicts = List(contradicts, id),
                    Supports = List(supports, id),
                    SupportedBy = List(supportedBy, id),
                    Supersedes = Text(r, 8),
                    SupersededBy = Text(r, 9),
                    Quote = Text(r, 10),
                    Note = Text(r, 11),
                    Tags = List(tags, id),
                    Doc = Text(r, 12),
                    Location = Location(r, 13),
                });
            }
        }

        private Dictionary<string, List<ClaimArgument>> ReadArguments()
        {
            var result = new Dictionary<string, List<ClaimArgument>>(StringComparer.Ordinal);
            using var command = connection.CreateCommand();
            using var r = Query(command, "SELECT claim_id, name, type, value FROM claim_args ORDER BY claim_id, position");
            while (r.Read())
            {
                var claim = r.GetString(0);
                var name = r.GetString(1);
                var typeText = r.GetString(2);
                var where = $"claim_args row \"{claim}\".\"{name}\"";
                if (!ArgumentTypes.TryParse(typeText, out var type))
                {
                    throw new DatasetFormatException($"{where}: \"{typeText}\" is not an argument type");
                }

                var text = r.GetString(3);
                var value = type switch
                {
                    ArgumentType.Text => ArgumentValue.FromText(text),
                    ArgumentType.Number => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var number)
                        ? ArgumentValue.FromNumber(number)
                        : throw new DatasetFormatException($"{where}: \"{text}\" is not a number"),
                    ArgumentType.Date => ArgumentValue.FromDate(Date(text, where)!),
                    _ => text.Length > 0 ? ArgumentValue.Reference(type, text) : throw new DatasetFormatException($"{where}: empty id"),
                };
                if (!result.TryGetValue(claim, out var list))
                {
                    result[claim] = list = [];
                }

                list.Add(new ClaimArgument(name, value));
            }

            return result;
        }

        private Dictionary<string, List<string>> ReadRelations(string fromKind, string relation)
        {
            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT from_id, to_id FROM relations WHERE from_kind = $kind AND relation = $relation ORDER BY from_id, position";
            command.Parameters.AddWithValue("$kind", fromKind);
            command.Parameters.AddWithValue("$relation", relation);
            using var r = command.ExecuteReader();
            while (r.Read())
            {
                var from = r.GetString(0);
                if (!result.TryGetValue(from, out var list))
                {
                    result[from] = list = [];
                }

                list.Add(r.GetString(1));
            }

            return result;
        }

        private Dictionary<string, List<string>> ReadLists(string sql)
        {
            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            using var command = connection.CreateCommand();
            using var r = Query(command, sql);
            while (r.Read())
            {
                var owner = r.GetString(0);
                if (!result.TryGetValue(owner, out var list))
                {
                    result[owner] = list = [];
                }

                list.Add(r.GetString(1));
            }

            return result;
        }

        private static Dictionary<string, List<string>> Invert(Dictionary<string, List<string>> relation)
        {
            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (from, targets) in relation)
            {
                foreach (var to in targets)
                {
                    if (!result.TryGetValue(to, out var list))
                    {
                        result[to] = list = [];
                    }

                    list.Add(from);
                }
            }

            foreach (var list in result.Values)
            {
                list.Sort(StringComparer.Ordinal);
            }

            return result;
        }

        private static EquatableArray<string> List(Dictionary<string, List<string>> lists, string id) =>
            lists.TryGetValue(id, out var list) ? EquatableArray<string>.TakeOwnership([.. list]) : default;

        private static string? Text(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

        private static ClaimDate? Date(string? edtf, string where) =>
            edtf is null ? null
            : ClaimDate.TryParse(edtf, out var date) ? date
            : throw new DatasetFormatException($"{where}: \"{edtf}\" is not a valid EDTF date");

        private static SourceLocation? Location(SqliteDataReader r, int first)
        {
            if (r.IsDBNull(first))
            {
                return null;
            }

            var line = r.IsDBNull(first + 1) ? 0 : r.GetInt32(first + 1);
            var column = r.IsDBNull(first + 2) ? 0 : r.GetInt32(first + 2);
            return line >= 1 && column >= 1
                ? new SourceLocation(r.GetString(first), line, column)
                : throw new DatasetFormatException($"location {r.GetString(first)}: line and column must be 1 or more");
        }
    }

    // ------------------------------------------------------------------------------------------- writing

    /// <summary>
    /// Creates a new database at <paramref name="path"/> (which must not exist yet) and writes
    /// <paramref name="dataset"/> into it, in one transaction with foreign keys enforced.
    /// </summary>
    /// <exception cref="IOException"><paramref name="path"/> already exists.</exception>
    public static void WriteFile(ClaimDataset dataset, string path)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (File.Exists(path))
        {
            throw new IOException($"{path} already exists; write the database to a new file");
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        Write(dataset, connection);
    }

    /// <summary>
    /// Creates the dataset tables in an empty database and fills them with <paramref name="dataset"/>, in one
    /// transaction with foreign keys enforced.
    /// </summary>
    public static void Write(ClaimDataset dataset, SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(connection);
        // Foreign keys are checked once, in bulk, before the commit (PRAGMA foreign_key_check) rather than row by row:
        // rows go in in the dataset's order, so references often point forward, and with deferred violations
        // outstanding SQLite re-scans the referencing tables on every insert (claims.superseded_by has no index),
        // which made large datasets quadratic. The rows written, and so the file, are the same.
        Execute(connection, null, "PRAGMA foreign_keys = OFF");
        // A bigger page cache: the indexes are filled in key order only for the primary keys.
        Execute(connection, null, "PRAGMA cache_size = -65536");

        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, DatasetSqlSchema.Script);
        new Writer(connection, transaction).Write(dataset);
        CheckForeignKeys(connection, transaction);
        transaction.Commit();
        Execute(connection, null, "PRAGMA foreign_keys = ON");
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Fails, as a deferred foreign key would at commit, when any row names a row that does not exist.</summary>
    private static void CheckForeignKeys(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA foreign_key_check";
        using var reader = command.ExecuteReader();
        if (reader.Read())
        {
            var table = reader.GetString(0);
            var parent = reader.IsDBNull(2) ? "?" : reader.GetString(2);
            // SQLITE_CONSTRAINT (19) / SQLITE_CONSTRAINT_FOREIGNKEY (787), as SQLite reports it at commit.
            throw new SqliteException($"SQLite Error 19: 'FOREIGN KEY constraint failed' ({table} names a row of {parent} that does not exist).", 19, 787);
        }
    }

    private sealed class Writer(SqliteConnection connection, SqliteTransaction transaction)
    {
        private readonly Dictionary<string, EntityKind> _kinds = new(StringComparer.Ordinal);

        public void Write(ClaimDataset dataset)
        {
            foreach (var source in dataset.Sources)
            {
                _kinds.TryAdd(source.Id, EntityKind.Source);
            }

            foreach (var hypothesis in dataset.Hypotheses)
            {
                _kinds.TryAdd(hypothesis.Id, EntityKind.Hypothesis);
            }

            foreach (var claim in dataset.Claims)
            {
                _kinds.TryAdd(claim.Id, EntityKind.Claim);
            }

            using (var info = Command("INSERT INTO dataset_info (format, version) VALUES ($format, $version)", "$format", "$version"))
            {
                Run(info, ClaimDataset.FormatName, ClaimDataset.CurrentVersion);
            }

            var relations = Command(
                "INSERT INTO relations (from_kind, from_id, relation, to_kind, to_id, position) VALUES ($fk, $from, $rel, $tk, $to, $pos)",
                "$fk", "$from", "$rel", "$tk", "$to", "$pos");
            using (relations)
            {
                WriteSources(dataset, relations);
                WriteActors(dataset);
                WritePlaces(dataset);
                WritePredicates(dataset);
                WriteHypotheses(dataset);
                WriteClaims(dataset, relations);
            }
        }

        private void WriteSources(ClaimDataset dataset, SqliteCommand relations)
        {
            using var insert = Command(
                "INSERT INTO sources (id, ordinal, title, published_edtf, published_start, published_end, published_uncertain, " +
                "published_approximate, author, publisher, url, reliability, kind, lang, document, doc, location_file, location_line, " +
                "location_column) VALUES ($id, $ordinal, $title, $pe, $ps, $pn, $pu, $pa, $author, $publisher, $url, $reliability, " +
                "$kind, $lang, $document, $doc, $file, $line, $column)",
                "$id", "$ordinal", "$title", "$pe", "$ps", "$pn", "$pu", "$pa", "$author", "$publisher", "$url", "$reliability",
                "$kind", "$lang", "$document", "$doc", "$file", "$line", "$column");
            for (var i = 0; i < dataset.Sources.Count; i++)
            {
                var s = dataset.Sources[i];
                var d = s.Published;
                Run(insert, s.Id, i, s.Title, d?.Edtf, Day(d?.Start), Day(d?.End), Flag(d?.Uncertain), Flag(d?.Approximate),
                    s.Author, s.Publisher, s.Url, s.Reliability is { } r ? Grades.ToText(r) : null, s.Kind, s.Lang, s.Document,
                    s.Doc, s.Location?.File, s.Location?.Line, s.Location?.Column);
                for (var p = 0; p < s.Cites.Count; p++)
                {
                    Run(relations, "source", s.Id, "cites", "source", s.Cites[p], p);
                }
            }
        }

        private void WriteActors(ClaimDataset dataset)
        {
            using var insert = Command(
                "INSERT INTO actors (id, ordinal, name, kind, part_of, doc, location_file, location_line, location_column) " +
                "VALUES ($id, $ordinal, $name, $kind, $partOf, $doc, $file, $line, $column)",
                "$id", "$ordinal", "$name", "$kind", "$partOf", "$doc", "$file", "$line", "$column");
            using var alias = Command(
                "INSERT INTO actor_aliases (actor_id, position, alias) VALUES ($actor, $position, $alias)",
                "$actor", "$position", "$alias");
            for (var i = 0; i < dataset.Actors.Count; i++)
            {
                var a = dataset.Actors[i];
                Run(insert, a.Id, i, a.Name, a.Kind, a.PartOf, a.Doc, a.Location?.File, a.Location?.Line, a.Location?.Column);
                for (var p = 0; p < a.Aka.Count; p++)
                {
                    Run(alias, a.Id, p, a.Aka[p]);
                }
            }
        }

        private void WritePlaces(ClaimDataset dataset)
        {
            using var insert = Command(
                "INSERT INTO places (id, ordinal, name, in_place, lat, lon, doc, location_file, location_line, location_column) " +
                "VALUES ($id, $ordinal, $name, $in, $lat, $lon, $doc, $file, $line, $column)",
                "$id", "$ordinal", "$name", "$in", "$lat", "$lon", "$doc", "$file", "$line", "$column");
            for (var i = 0; i < dataset.Places.Count; i++)
            {
                var p = dataset.Places[i];
                Run(insert, p.Id, i, p.Name, p.In, p.Lat, p.Lon, p.Doc, p.Location?.File, p.Location?.Line, p.Location?.Column);
            }
        }

        private void WritePredicates(ClaimDataset dataset)
        {
            using var insert = Command(
                "INSERT INTO predicates (name, ordinal, declared, description, doc, location_file, location_line, location_column) " +
                "VALUES ($name, $ordinal, $declared, $description, $doc, $file, $line, $column)",
                "$name", "$ordinal", "$declared", "$description", "$doc", "$file", "$line", "$column");
            using var parameter = Command(
                "INSERT INTO predicate_params (predicate, position, name, type) VALUES ($predicate, $position, $name, $type)",
                "$predicate", "$position", "$name", "$type");
            for (var i = 0; i < dataset.Predicates.Count; i++)
            {
                var p = dataset.Predicates[i];
                Run(insert, p.Name, i, p.Declared ? 1 : 0, p.Description, p.Doc, p.Location?.File, p.Location?.Line, p.Location?.Column);
                for (var k = 0; k < p.Params.Count; k++)
                {
                    Run(parameter, p.Name, k, p.Params[k].Name, ArgumentTypes.ToText(p.Params[k].Type));
                }
            }
        }

        private void WriteHypotheses(ClaimDataset dataset)
        {
            using var insert = Command(
                "INSERT INTO hypotheses (id, ordinal, statement, doc, location_file, location_line, location_column) " +
                "VALUES ($id, $ordinal, $statement, $doc, $file, $line, $column)",
                "$id", "$ordinal", "$statement", "$doc", "$file", "$line", "$column");
            for (var i = 0; i < dataset.Hypotheses.Count; i++)
            {
                var h = dataset.Hypotheses[i];
                Run(insert, h.Id, i, h.Statement, h.Doc, h.Location?.File, h.Location?.Line, h.Location?.Column);
            }
        }

        private void WriteClaims(ClaimDataset dataset, SqliteCommand relations)
        {
            using var insert = Command(
                "INSERT INTO claims (id, ordinal, label, subject, predicate, date_edtf, date_start, date_end, date_uncertain, " +
                "date_approximate, confidence, credibility, at_place, supersedes, superseded_by, quote, note, doc, location_file, " +
                "location_line, location_column) VALUES ($id, $ordinal, $label, $subject, $predicate, $de, $ds, $dn, $du, $da, " +
                "$confidence, $credibility, $at, $supersedes, $supersededBy, $quote, $note, $doc, $file, $line, $column)",
                "$id", "$ordinal", "$label", "$subject", "$predicate", "$de", "$ds", "$dn", "$du", "$da", "$confidence",
                "$credibility", "$at", "$supersedes", "$supersededBy", "$quote", "$note", "$doc", "$file", "$line", "$column");
            using var source = Command(
                "INSERT INTO claim_sources (claim_id, position, source_id) VALUES ($claim, $position, $source)",
                "$claim", "$position", "$source");
            using var argument = Command(
                "INSERT INTO claim_args (claim_id, position, name, type, value, value_number, value_start, value_end) " +
                "VALUES ($claim, $position, $name, $type, $value, $number, $start, $end)",
                "$claim", "$position", "$name", "$type", "$value", "$number", "$start", "$end");
            using var tag = Command(
                "INSERT INTO claim_tags (claim_id, position, tag) VALUES ($claim, $position, $tag)",
                "$claim", "$position", "$tag");
            for (var i = 0; i < dataset.Claims.Count; i++)
            {
                var c = dataset.Claims[i];
                var d = c.Date;
                Run(insert, c.Id, i, c.Label, c.Subject, c.Predicate, d?.Edtf, Day(d?.Start), Day(d?.End), Flag(d?.Uncertain),
                    Flag(d?.Approximate), c.Confidence is { } level ? Grades.ToText(level) : null,
                    c.Credibility is { } grade ? Grades.ToNumber(grade) : null, c.At, c.Supersedes, c.SupersededBy, c.Quote, c.Note,
                    c.Doc, c.Location?.File, c.Location?.Line, c.Location?.Column);
                for (var p = 0; p < c.Sources.Count; p++)
                {
                    Run(source, c.Id, p, c.Sources[p]);
                }

                for (var p = 0; p < c.Args.Count; p++)
                {
                    var value = c.Args[p].Value;
                    Run(argument, c.Id, p, c.Args[p].Name, ArgumentTypes.ToText(value.Type), value.ToString(),
                        value.Number is { } n ? (double)n : null, Day(value.Date?.Start), Day(value.Date?.End));
                }

                for (var p = 0; p < c.Tags.Count; p++)
                {
                    Run(tag, c.Id, p, c.Tags[p]);
                }

                for (var p = 0; p < c.Contradicts.Count; p++)
                {
                    Run(relations, "claim", c.Id, "contradicts", KindText(c.Contradicts[p]), c.Contradicts[p], p);
                }

                for (var p = 0; p < c.Supports.Count; p++)
                {
                    Run(relations, "claim", c.Id, "supports", KindText(c.Supports[p]), c.Supports[p], p);
                }
            }
        }

        private string KindText(string id) => _kinds.TryGetValue(id, out var kind)
            ? kind switch
            {
                EntityKind.Source => "source",
                EntityKind.Hypothesis => "hypothesis",
                _ => "claim",
            }
            : throw new InvalidOperationException($"\"{id}\" is not a claim, hypothesis or source of the dataset");

        private SqliteCommand Command(string sql, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            return command;
        }

        private static void Run(SqliteCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }

        private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static int? Flag(bool? flag) => flag is null ? null : flag.Value ? 1 : 0;
    }
}
