namespace ClaimLang.Runtime.Serialization;

/// <summary>Parses UTF-8 bytes into a dataset without checking it.</summary>
internal delegate ClaimDataset Utf8DatasetReader(ReadOnlySpan<byte> utf8);

/// <summary>
/// The reading steps every dataset format shares: get the bytes (from memory, a stream or a file), parse them with
/// the format's reader, check the result (<see cref="ClaimDataset.Validate"/>), and name the file in errors.
/// </summary>
internal static class CheckedRead
{
    public static ClaimDataset FromBytes(ReadOnlySpan<byte> utf8, Utf8DatasetReader read)
    {
        var dataset = read(utf8);
        DatasetValidator.ThrowIfInvalid(dataset, null);
        return dataset;
    }

    public static ClaimDataset FromStream(Stream stream, Utf8DatasetReader read)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return FromBytes(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), read);
    }

    public static ClaimDataset FromFile(string path, Utf8DatasetReader read)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            var dataset = read(bytes);
            DatasetValidator.ThrowIfInvalid(dataset, path);
            return dataset;
        }
        catch (DatasetFormatException e) when (e.FilePath is null)
        {
            throw new DatasetFormatException(path, e.Detail, e.InnerException);
        }
    }
}
