using Microsoft.AspNetCore.Http.HttpResults;
using Outreach.Core;
using Outreach.Core.Imports;
using Outreach.Functions.Campaigns;
using Outreach.Functions.Limits;

namespace Outreach.Functions.Imports;

/// <summary>
/// The import refusals that are not 400 (which every other <see cref="DomainException"/> is, through the app's
/// exception handler): binary input and a spreadsheet workbook are 415, and a file that expands out of a ZIP or a
/// workbook past the upload limit is 413 naming <c>Limits:MaxUploadBytes</c>, as a body over it is.
/// </summary>
internal static class ImportProblems
{
    /// <summary>Whether <paramref name="error"/> is one of these.</summary>
    public static bool Handles(DomainException error) => error.Code is ImportErrorCodes.NotText or SpreadsheetFiles.Code or ImportErrorCodes.ExpandsTooFar;

    /// <summary>
    /// 409 for work refused because an import of the owner held the lease past the wait (<see cref="ImportLeases.OwnerBusyCode"/>),
    /// with Retry-After: an upload while another runs, or an erasure while one runs.
    /// </summary>
    public static ProblemHttpResult OwnerBusy(HttpContext context, DomainException error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        context.Response.Headers.RetryAfter = "30";
        return ConflictProblems.Of(error);
    }

    public static ProblemHttpResult For(DomainException error, LimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(limits);
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code, ["target"] = error.Target };
        if (error.Code is ImportErrorCodes.NotText or SpreadsheetFiles.Code)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: error.Message, extensions: extensions);
        }

        extensions["limit"] = "Limits:MaxUploadBytes";
        extensions["limitValue"] = limits.MaxUploadBytes;
        return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: error.Message, extensions: extensions);
    }
}
