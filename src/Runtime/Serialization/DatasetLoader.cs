using System.Text.Json;

namespace ClaimLang.Runtime.Serialization;

/// <summary>The forms a dataset file can take.</summary>
internal enum DatasetFileKind
{
    Json,
    JsonLines,
    Sqlite,
}

/// <summary>Tells the dataset forms apart by content (never by file name) and reads them.</summary>
internal static class DatasetLoader
{
    public static ClaimDataset Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var kind = Detect(path);
        return kind switch
        {
            DatasetFileKind.Sqlite => DatasetSqlite.ReadFile(path),
            DatasetFileKind.JsonLines => DatasetJsonLines.ReadFile(path),
            _ => DatasetJson.ReadFile(path),
        };
    }

    public static DatasetFileKind Detect(string path)
    {
        Span<byte> head = stackalloc byte[4096];
        int length;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        ReadOnlySpan<byte> bytes = head[..length];
        if (bytes.StartsWith(DatasetSqlite.Magic))
        {
            return DatasetFileKind.Sqlite;
        }

        bytes = DatasetJson.SkipByteOrderMark(bytes).TrimStart(" \t\r\n"u8);
        if (bytes.IsEmpty || bytes[0] != (byte)'{')
        {
            throw new DatasetFormatException(path,
                "not a ClaimLang dataset: expected dataset.json, JSON Lines or a SQLite database");
        }

        return FirstObjectHasType(bytes) ? DatasetFileKind.JsonLines : DatasetFileKind.Json;
    }

    /// <summary>
    /// True when the first member that tells the forms apart in the first object is <c>type</c> (a JSON Lines
    /// record) rather than <c>format</c> (<c>dataset.json</c>). Reads no further than needed; a truncated
    /// look-ahead counts as <c>dataset.json</c>, whose reader then reports any real problem.
    /// </summary>
    private static bool FirstObjectHasType(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes, isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                {
                    return false;
                }

                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    if (reader.ValueTextEquals("type"u8))
                    {
                        return true;
                    }

                    if (reader.ValueTextEquals("format"u8))
                    {
                        return false;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Malformed: let the dataset.json reader describe the problem.
        }

        return false;
    }
}
