using Outreach.Functions.Invocation;
using Outreach.Storage;

namespace Outreach.Functions.Scoring;

/// <summary>
/// The <c>RetrainModel</c> timer (<c>functions/RetrainModel/function.json</c>, nightly at 02:30 UTC): runs
/// <see cref="ModelRetrainer"/>. A refused model is a normal outcome (the previous model stays), not a failure.
/// </summary>
/// <remarks>Resolved per run, like the dispatcher: building the function at start-up must not need storage.</remarks>
internal sealed partial class RetrainModelFunction(IServiceProvider services, ILogger<RetrainModelFunction> logger) : ITimerFunction
{
    public const string FunctionName = "RetrainModel";

    public string Name => FunctionName;

    public string TriggerBinding => "timer";

    public async Task<FunctionOutcome> HandleAsync(TimerTrigger trigger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        try
        {
            var record = await services.GetRequiredService<ModelRetrainer>().RunAsync(cancellationToken).ConfigureAwait(false);
            LogRun(logger, record.Owners, record.Rows, record.Replies, record.Deployed, record.CandidateModelId, record.Reason);
            return FunctionOutcome.Success()
                .WithLog(record.Deployed ? $"Deployed model {record.CandidateModelId} trained on {record.Rows} rows." : $"Kept the deployed model: {record.Reason}");
        }
        catch (StorageRequestException e)
        {
            LogStorageFailed(logger, e);
            return FunctionOutcome.Failed($"Storage failed during retraining: {e.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retraining: {Owners} owners, {Rows} labelled rows, {Replies} replies; deployed {Deployed} (candidate {ModelId}): {Reason}")]
    private static partial void LogRun(ILogger logger, int owners, int rows, int replies, bool deployed, string? modelId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retraining failed on storage; the deployed model stays and the next night tries again")]
    private static partial void LogStorageFailed(ILogger logger, Exception exception);
}
