namespace Outreach.Storage.Auth;

/// <summary>The two Shared Key schemes the Table service accepts.</summary>
public enum TableSharedKeyScheme
{
    /// <summary><c>SharedKeyLite</c>: signs the date and the resource (what Azure.Data.Tables sends).</summary>
    SharedKeyLite,

    /// <summary><c>SharedKey</c>: also signs the verb, Content-MD5 and Content-Type.</summary>
    SharedKey,
}
