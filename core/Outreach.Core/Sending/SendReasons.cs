using System.Globalization;
using Outreach.Core.Messaging.Delivery;

namespace Outreach.Core.Sending;

/// <summary>The reasons the sender stores on a task (<see cref="Planning.OutreachTask.FailureReason"/>); they never contain an address.</summary>
public static class SendReasons
{
    /// <summary>A redelivered task was claimed by an attempt that never finished.</summary>
    public const string StaleClaim = "stale-claim: an earlier attempt claimed it and never confirmed; it may have been sent";

    /// <summary>The last delivery of the queue message still found the task claimed; nobody is left to confirm the send.</summary>
    public const string UnconfirmedClaim = "unconfirmed-claim: still claimed at the last delivery; it may have been sent";

    /// <summary>The SMTP server was handed the message but its reply was lost (timeout or dropped connection after DATA).</summary>
    public const string UnconfirmedDelivery = "unconfirmed-delivery: the server was handed the message but never confirmed it; it may have been sent";

    /// <summary>
    /// The task stayed queued long past its send time (<see cref="StuckSendSweeper"/>): its send request was lost from
    /// the send queue (a stopped process, a poisoned or expired message), so a new one was put on the queue. Nothing was sent.
    /// </summary>
    public const string SendRequestRequeued = "send-request-requeued: the task stayed queued past its send time, its send request was lost, and a new one was queued; nothing was sent";

    /// <summary>
    /// The task stayed queued past its send time again after <see cref="StuckSendSweeper"/> had queued a new send request:
    /// something keeps losing it, so the task fails, unsent, for the owner to send again or skip.
    /// </summary>
    public const string SendRequestLost = "send-request-lost: the task stayed queued past its send time even after its send request was queued again; nothing was sent";

    /// <summary>The owner has no sender profile.</summary>
    public const string NoSenderProfile = "no-sender-profile";

    /// <summary>The contact no longer exists.</summary>
    public const string ContactMissing = "contact-missing";

    /// <summary>The contact has no usable email address.</summary>
    public const string NoEmail = "no-email";

    /// <summary>An introduction task's introduction, or one of its two people, no longer exists.</summary>
    public const string IntroductionMissing = "introduction-missing";

    /// <summary>
    /// The owner's own SMTP account cannot be used (its sealed password does not unseal with the deployment's key ring,
    /// or the account is incomplete); the reason goes on with the error's code, e.g. <c>: secrets.unknown-key</c>. Nothing
    /// was sent: the owner saves the account again, then re-queues the task.
    /// </summary>
    public const string SmtpAccountUnusable = "smtp-account-unusable";

    /// <summary>The day's cap was already used when the task came up.</summary>
    public const string DailyCap = "daily-cap";

    /// <summary>The task came up outside the sender's sending window (e.g. a retry or a backlog at night).</summary>
    public const string OutsideWindow = "outside-window";

    /// <summary>The reason for an SMTP result, e.g. <c>smtp-rejected (550)</c>, or <c>smtp-failed: non-ascii-address: …</c> with a recognised cause.</summary>
    public static string Of(SendResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var kind = result.Kind switch
        {
            SendResultKind.Transient => "smtp-transient",
            SendResultKind.Rejected => "smtp-rejected",
            SendResultKind.Failed => "smtp-failed",
            SendResultKind.Unconfirmed => "smtp-unconfirmed",
            _ => "smtp-sent",
        };

        // Only the status code: SMTP reply texts often echo the recipient's address.
        var code = result.StatusCode ?? (result.Rejections.Count > 0 ? result.Rejections[0].StatusCode : null);
        var reason = code is { } c ? $"{kind} ({c.ToString(CultureInfo.InvariantCulture)})" : kind;
        return result.Cause is { } cause ? $"{reason}: {cause}" : reason;
    }
}
