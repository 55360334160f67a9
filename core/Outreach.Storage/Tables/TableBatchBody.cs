using System.Text;
using System.Text.Json;

namespace Outreach.Storage.Tables;

/// <summary>
/// The multipart/mixed body of an entity group transaction: one changeset holding one HTTP request per action
/// (CRLF line ends). Only the outer request is signed.
/// </summary>
internal static class TableBatchBody
{
    public static byte[] Build(Uri tableUri, IReadOnlyList<TableTransactionAction> actions, string batchBoundary, string changesetBoundary)
    {
        var text = new StringBuilder(256 * actions.Count);
        text.Append("--").Append(batchBoundary).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        foreach (var action in actions)
        {
            AppendAction(text, tableUri, action, changesetBoundary);
        }

        text.Append("--").Append(changesetBoundary).Append("--\r\n")
            .Append("--").Append(batchBoundary).Append("--\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void AppendAction(StringBuilder text, Uri tableUri, TableTransactionAction action, string changeset)
    {
        var entity = action.Entity;
        var entityUri = tableUri.AbsoluteUri + TableKeys.EntityPath(entity.PartitionKey, entity.RowKey);
        var (method, uri, ifMatch, body) = action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", tableUri.AbsoluteUri, null, true),
            TableTransactionActionType.UpdateMerge => ("MERGE", entityUri, TableClient.IfMatch(action.ETag), true),
            TableTransactionActionType.UpdateReplace => ("PUT", entityUri, TableClient.IfMatch(action.ETag), true),
            TableTransactionActionType.UpsertMerge => ("MERGE", entityUri, (string?)null, true),
            TableTransactionActionType.UpsertReplace => ("PUT", entityUri, null, true),
            TableTransactionActionType.Delete => ("DELETE", entityUri, TableClient.IfMatch(action.ETag), false),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown table transaction action."),
        };

        text.Append("--").Append(changeset).Append("\r\n")
            .Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n")
            .Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n")
            .Append("Accept: application/json;odata=minimalmetadata\r\n")
            .Append("DataServiceVersion: 3.0\r\n");
        if (method == "POST")
        {
            text.Append("Prefer: return-no-content\r\n");
        }

        if (ifMatch is not null)
        {
            text.Append("If-Match: ").Append(ifMatch).Append("\r\n");
        }

        if (body)
        {
            text.Append("Content-Type: application/json\r\n\r\n")
                .Append(Encoding.UTF8.GetString(TableEntityJson.Write(entity).Span)).Append("\r\n");
        }
        else
        {
            text.Append("\r\n");
        }
    }
}
