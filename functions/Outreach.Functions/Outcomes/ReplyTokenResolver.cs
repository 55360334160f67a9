using Outreach.Core.Messaging.Tokens;
using Outreach.Core.Outcomes;
using Outreach.Storage.Stores.Sending;

namespace Outreach.Functions.Outcomes;

/// <summary>
/// Turns the plus-address tokens of a message's recipients into targets: the signature is checked
/// (<see cref="ReplyAddressTokens"/>, any key of the ring), then the task id it carries is looked up in the sent-message
/// index, which knows the task's owner and contact. Forged tokens and tasks that never went out resolve to nothing.
/// </summary>
internal sealed class ReplyTokenResolver(ReplyAddressTokens tokens, TableSentMessageIndex sent)
{
    public async Task<ResolvedReplyTokens> ResolveAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var targets = new Dictionary<string, ReplyTokenTarget>(StringComparer.Ordinal);
        foreach (var recipient in message.To.Concat(message.Cc).Concat(message.DeliveredTo))
        {
            if (ReplyMatcher.PlusToken(recipient) is not { } token || targets.ContainsKey(token))
            {
                continue;
            }

            var read = tokens.Read($"{ReplyAddressTokens.Tag}+{token}@{recipient.Domain}");
            if (read.Status == TokenStatus.Valid && read.Reference is { } taskId
                && await sent.FindByTaskIdAsync(taskId, cancellationToken).ConfigureAwait(false) is { } task)
            {
                targets[token] = new ReplyTokenTarget(task.OwnerId, task.ContactId, task.TaskId);
            }
        }

        return new ResolvedReplyTokens(targets);
    }
}
