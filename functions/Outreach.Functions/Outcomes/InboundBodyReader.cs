using System.Text;
using System.Text.Json;
using Outreach.Core;
using Outreach.Core.Outcomes;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// Reads a webhook body: JSON as text (canonical or Postmark shape), or the text fields of a urlencoded or multipart
/// form (SendGrid Inbound Parse, Mailgun routes; attachments are ignored), a multipart one's fields each in its charset
/// (<see cref="MultipartFormFields"/>). A form is archived as a JSON object of its fields. Every field is held to
/// <see cref="InboundLimits.MaxFormFieldBytes"/> (<c>inbound.too-large</c> naming it), and a form that cannot be read
/// (no boundary, a broken part, a body cut short) is <c>inbound.invalid-form</c>: a 400 that says so, not a 500 the
/// service retries for days.
/// </summary>
internal static class InboundBodyReader
{
    public static async Task<InboundBody> ReadAsync(HttpRequest request, InboundLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        if (request.HasFormContentType)
        {
            var fields = await ReadFormAsync(request, limits, cancellationToken).ConfigureAwait(false);
            return new InboundBody(JsonSerializer.Serialize(fields), "application/json", fields);
        }

        if (!request.HasJsonContentType())
        {
            throw new DomainException("request.content-type", "Send the inbound message as JSON or as a form post.", "Content-Type");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return new InboundBody(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), "application/json", null);
    }

    private static async Task<Dictionary<string, string>> ReadFormAsync(HttpRequest request, InboundLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            if (MultipartBoundary(request) is { } boundary)
            {
                return await MultipartFormFields.ReadAsync(request.Body, boundary, limits, cancellationToken).ConfigureAwait(false);
            }

            var fields = (await request.ReadFormAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
            if (fields.FirstOrDefault(f => Encoding.UTF8.GetByteCount(f.Value) > limits.MaxFormFieldBytes(f.Key)) is { Key: { } tooLarge })
            {
                throw limits.FormFieldTooLarge(tooLarge);
            }

            return fields;
        }
        catch (Exception e) when (e is InvalidDataException || (e is IOException && e is not BadHttpRequestException))
        {
            // InvalidDataException: no boundary, a malformed part, a value over the form reader's own limits; IOException:
            // the body ended before its closing boundary. A BadHttpRequestException (an IOException too) is the body over
            // the request limit, a 413 as it is.
            throw new DomainException("inbound.invalid-form", $"The form post cannot be read ({e.Message.TrimEnd()}).", "body");
        }
    }

    private static string? MultipartBoundary(HttpRequest request) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && Microsoft.Net.Http.Headers.HeaderUtilities.RemoveQuotes(type.Boundary) is { Length: > 0 } boundary
            ? boundary.Value
            : null;
}
