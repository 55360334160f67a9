using System.Text;
using System.Text.Json;
using Outreach.Core;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// Reads a webhook body: JSON as text (canonical or Postmark shape), or the text fields of a urlencoded or multipart
/// form (SendGrid Inbound Parse, Mailgun routes; attachments are ignored), a multipart one's fields each in its charset
/// (<see cref="MultipartFormFields"/>). A form is archived as a JSON object of its fields.
/// </summary>
internal static class InboundBodyReader
{
    public static async Task<InboundBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HasFormContentType)
        {
            var fields = MultipartBoundary(request) is { } boundary
                ? await MultipartFormFields.ReadAsync(request.Body, boundary, cancellationToken).ConfigureAwait(false)
                : (await request.ReadFormAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            return new InboundBody(JsonSerializer.Serialize(fields), "application/json", fields);
        }

        if (!request.HasJsonContentType())
        {
            throw new DomainException("request.content-type", "Send the inbound message as JSON or as a form post.", "Content-Type");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return new InboundBody(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), "application/json", null);
    }

    private static string? MultipartBoundary(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Boundary) is { Length: > 0 } boundary
            ? boundary.Value
            : null;
}
