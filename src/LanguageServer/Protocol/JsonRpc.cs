using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimLang.LanguageServer.Protocol;

/// <summary>The error codes of JSON-RPC 2.0 and of LSP 3.17 that the server sends.</summary>
public static class ErrorCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int UnknownErrorCode = -32001;
    public const int RequestFailed = -32803;
    public const int ServerCancelled = -32802;
    public const int ContentModified = -32801;
    public const int RequestCancelled = -32800;
}

/// <summary>
/// A JSON-RPC request id: an integer or a string. Kept in the form the client sent, so that the response
/// carries exactly the same id.
/// </summary>
[JsonConverter(typeof(RequestIdConverter))]
public readonly struct RequestId : IEquatable<RequestId>
{
    public RequestId(long number) { Number = number; String = null; }
    public RequestId(string text) { Number = 0; String = text ?? throw new ArgumentNullException(nameof(text)); }

    public long Number { get; }
    public string? String { get; }
    public bool IsString => String is not null;

    public bool Equals(RequestId other) => IsString ? string.Equals(String, other.String, StringComparison.Ordinal) : !other.IsString && Number == other.Number;
    public override bool Equals(object? obj) => obj is RequestId other && Equals(other);
    public override int GetHashCode() => IsString ? StringComparer.Ordinal.GetHashCode(String!) : Number.GetHashCode();
    public override string ToString() => IsString ? "\"" + String + "\"" : Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads an id from a JSON value: a string or an integral number; anything else gives false.</summary>
    public static bool TryFrom(JsonElement element, out RequestId id)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                id = new RequestId(element.GetString()!);
                return true;
            case JsonValueKind.Number when element.TryGetInt64(out long n):
                id = new RequestId(n);
                return true;
            default:
                id = default;
                return false;
        }
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        if (IsString) writer.WriteStringValue(String);
        else writer.WriteNumberValue(Number);
    }
}

internal sealed class RequestIdConverter : JsonConverter<RequestId>
{
    public override RequestId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => new RequestId(reader.GetString()!),
        JsonTokenType.Number when reader.TryGetInt64(out long n) => new RequestId(n),
        _ => throw new JsonException("a request id must be a string or an integer"),
    };

    public override void Write(Utf8JsonWriter writer, RequestId value, JsonSerializerOptions options) => value.WriteTo(writer);
}

/// <summary>The <c>error</c> member of a response.</summary>
public sealed class ResponseError
{
    public required int Code { get; init; }
    public required string Message { get; init; }
    public JsonElement? Data { get; init; }
}

/// <summary>An error that a handler throws to answer its request with a specific JSON-RPC error.</summary>
public sealed class LspException : Exception
{
    public LspException(int code, string message) : base(message) => Code = code;
    public int Code { get; }
}

/// <summary>The serializer settings every protocol message uses.</summary>
public static class LspJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            MaxDepth = 64,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
