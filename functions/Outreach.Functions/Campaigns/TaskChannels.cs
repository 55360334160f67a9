using Outreach.Core;
using Outreach.Core.Planning;

namespace Outreach.Functions.Campaigns;

/// <summary>Wire names of <see cref="TaskChannel"/> in the API (the same as in the task table).</summary>
internal static class TaskChannels
{
    public static string NameOf(TaskChannel channel) => channel == TaskChannel.LinkedIn ? "linkedin" : "email";

    /// <exception cref="DomainException">Neither <c>email</c> nor <c>linkedin</c>.</exception>
    public static TaskChannel Parse(string name) => name switch
    {
        "email" => TaskChannel.Email,
        "linkedin" => TaskChannel.LinkedIn,
        _ => throw new DomainException("task.unknown-channel", $"'{name}' is not a channel (email or linkedin).", "channel"),
    };
}
