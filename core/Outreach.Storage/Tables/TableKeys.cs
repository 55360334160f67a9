using System.Globalization;

namespace Outreach.Storage.Tables;

/// <summary>PartitionKey / RowKey rules, checked before any request, and their place in entity URLs.</summary>
internal static class TableKeys
{
    public static void Check(string? value, string keyName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(keyName, $"{keyName} is required.");
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F')
            {
                var shown = char.IsControl(c) ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : $"'{c}'";
                throw new ArgumentException(
                    $"{keyName} contains {shown} at position {i}; table keys cannot contain / \\ # ? or control characters.", keyName);
            }
        }
    }

    public static void Check(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        Check(entity.PartitionKey, nameof(TableEntity.PartitionKey));
        Check(entity.RowKey, nameof(TableEntity.RowKey));
    }

    /// <summary><c>(PartitionKey='pk',RowKey='rk')</c> with quotes doubled and everything else percent-encoded.</summary>
    public static string EntityPath(string partitionKey, string rowKey) =>
        $"(PartitionKey='{Uri.EscapeDataString(partitionKey.Replace("'", "''", StringComparison.Ordinal))}'," +
        $"RowKey='{Uri.EscapeDataString(rowKey.Replace("'", "''", StringComparison.Ordinal))}')";
}
