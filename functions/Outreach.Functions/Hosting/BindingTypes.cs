namespace Outreach.Functions.Hosting;

/// <summary>The function.json binding types this app knows.</summary>
internal static class BindingTypes
{
    public const string QueueTrigger = "queueTrigger";
    public const string TimerTrigger = "timerTrigger";
    public const string HttpTrigger = "httpTrigger";
    public const string Http = "http";
    public const string Queue = "queue";

    /// <summary>The output binding name that maps to the response's ReturnValue.</summary>
    public const string ReturnValue = "$return";
}
