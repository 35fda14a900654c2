namespace ClaimLang.Runtime;

/// <summary>
/// A file is not a ClaimLang dataset this library can read: an unknown <c>format</c> or <c>version</c>,
/// malformed JSON or SQLite content, a bad value, or references that do not resolve.
/// </summary>
public sealed class DatasetFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatasetFormatException()
        : base("not a ClaimLang dataset")
    {
        Detail = Message;
    }

    /// <summary>Creates the exception with a message.</summary>
    public DatasetFormatException(string message)
        : base(message)
    {
        Detail = message;
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public DatasetFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Detail = message;
    }

    /// <summary>Creates the exception for a file.</summary>
    public DatasetFormatException(string? filePath, string message, Exception? innerException = null)
        : base(filePath is null ? message : $"{filePath}: {message}", innerException)
    {
        FilePath = filePath;
        Detail = message;
    }

    /// <summary>The file that could not be read, when known.</summary>
    public string? FilePath { get; }

    /// <summary>The problem, without the file name.</summary>
    public string Detail { get; }
}
