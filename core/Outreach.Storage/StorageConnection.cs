using System.Diagnostics;

namespace Outreach.Storage;

/// <summary>
/// A parsed and validated Azure Storage connection string: the account, its key and one endpoint per service.
/// Accepts <c>UseDevelopmentStorage=true</c>, the cloud form (<c>EndpointSuffix</c>, host-style https URLs) and
/// explicit endpoints (path-style, as Azurite uses). The key never appears in <see cref="ToString"/>.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class StorageConnection
{
    /// <summary>The Azurite / storage emulator account name.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // The emulator's published, well-known key; it is not a secret.
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string[] KnownKeys =
    [
        "UseDevelopmentStorage", "DefaultEndpointsProtocol", "AccountName", "AccountKey", "EndpointSuffix",
        "BlobEndpoint", "QueueEndpoint", "TableEndpoint", "FileEndpoint",
    ];

    private StorageConnection(string accountName, string accountKey, Uri blob, Uri queue, Uri table)
    {
        AccountName = accountName;
        AccountKey = accountKey;
        BlobEndpoint = blob;
        QueueEndpoint = queue;
        TableEndpoint = table;
    }

    /// <summary>The storage account name (signs Shared Key requests).</summary>
    public string AccountName { get; }

    /// <summary>The base64 account key. Secret: never log it.</summary>
    public string AccountKey { get; }

    /// <summary>Blob service endpoint, without a trailing slash.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>Queue service endpoint, without a trailing slash.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>Table service endpoint, without a trailing slash.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The connection for a local Azurite on its default ports (<c>UseDevelopmentStorage=true</c>).</summary>
    public static StorageConnection Development { get; } = new(
        DevelopmentAccountName,
        DevelopmentAccountKey,
        new Uri("http://127.0.0.1:10000/" + DevelopmentAccountName),
        new Uri("http://127.0.0.1:10001/" + DevelopmentAccountName),
        new Uri("http://127.0.0.1:10002/" + DevelopmentAccountName));

    /// <summary>
    /// Parses a connection string. Pairs are separated by <c>;</c> and split on their FIRST <c>=</c>
    /// (account keys end in <c>==</c>). Key names are case-insensitive.
    /// </summary>
    /// <exception cref="FormatException">One line saying what is wrong (the key's value is never echoed).</exception>
    public static StorageConnection Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var pairs = SplitPairs(connectionString);
        if (pairs.TryGetValue("UseDevelopmentStorage", out var development))
        {
            if (!bool.TryParse(development, out var yes) || !yes)
            {
                throw Invalid($"UseDevelopmentStorage must be 'true', not '{development}'");
            }

            if (pairs.Count > 1)
            {
                throw Invalid("UseDevelopmentStorage=true cannot be combined with other settings; give the full form instead");
            }

            return Development;
        }

        var accountName = Required(pairs, "AccountName");
        var accountKey = Required(pairs, "AccountKey");
        if (!IsBase64(accountKey))
        {
            throw Invalid($"the AccountKey for {accountName} is not valid base64");
        }

        pairs.TryGetValue("DefaultEndpointsProtocol", out var protocol);
        if (protocol is not null && protocol is not ("http" or "https"))
        {
            throw Invalid($"DefaultEndpointsProtocol must be http or https, not '{protocol}'");
        }

        pairs.TryGetValue("EndpointSuffix", out var suffix);
        if (suffix is null && protocol is not null)
        {
            suffix = "core.windows.net"; // what Azure's own parsers assume when only the protocol is given
        }

        return new StorageConnection(
            accountName,
            accountKey,
            Endpoint(pairs, "Blob", accountName, protocol, suffix),
            Endpoint(pairs, "Queue", accountName, protocol, suffix),
            Endpoint(pairs, "Table", accountName, protocol, suffix));
    }

    /// <summary>The account and endpoints, without the key (safe to log).</summary>
    public override string ToString() =>
        $"AccountName={AccountName};AccountKey=***;BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint}";

    private static Dictionary<string, string> SplitPairs(string connectionString)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var segments = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !IsName(segment.AsSpan(0, equals).Trim()))
            {
                // Never echo the segment: a pasted key without its name would land in logs.
                throw Invalid($"part {i + 1} is not a Name=value pair");
            }

            var key = segment[..equals].Trim();
            var value = segment[(equals + 1)..].Trim();
            var known = Array.Find(KnownKeys, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                throw Invalid($"unknown key '{key}' (expected one of {string.Join(", ", KnownKeys)})");
            }

            if (!pairs.TryAdd(known, value))
            {
                throw Invalid($"{known} is given twice");
            }
        }

        if (pairs.Count == 0)
        {
            throw Invalid("it is empty");
        }

        return pairs;
    }

    private static string Required(Dictionary<string, string> pairs, string key) =>
        pairs.TryGetValue(key, out var value) && value.Length > 0 ? value : throw Invalid($"it is missing {key}");

    private static Uri Endpoint(Dictionary<string, string> pairs, string service, string account, string? protocol, string? suffix)
    {
        var key = service + "Endpoint";
        if (pairs.TryGetValue(key, out var explicitEndpoint))
        {
            if (!Uri.TryCreate(explicitEndpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw Invalid($"{key} '{explicitEndpoint}' is not an absolute http(s) URL");
            }

            return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        }

        if (suffix is null)
        {
            throw Invalid($"it names no {service.ToLowerInvariant()} endpoint: give EndpointSuffix (e.g. core.windows.net) or {key}");
        }

        return new Uri($"{protocol ?? "https"}://{account}.{service.ToLowerInvariant()}.{suffix.Trim('.')}");
    }

    private static bool IsName(ReadOnlySpan<char> name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return name.Length is > 0 and <= 40;
    }

    private static bool IsBase64(string value)
    {
        Span<byte> buffer = stackalloc byte[256];
        return value.Length <= 340 && Convert.TryFromBase64String(value, buffer, out var written) && written > 0;
    }

    private static FormatException Invalid(string what) => new($"Invalid Azure Storage connection string: {what}.");
}
