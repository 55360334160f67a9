using Outreach.Functions.Invocation;

namespace Outreach.Functions.Scoring;

/// <summary>
/// The <c>RetrainModel</c> timer (<c>functions/RetrainModel/function.json</c>, nightly at 02:30 UTC): runs
/// <see cref="ModelRetrainer"/>. A refused model is a normal outcome (the previous model stays), not a failure.
/// </summary>
internal sealed partial class RetrainModelFunction(IServiceProvider services, ILogger<RetrainModelFunction> logger) : StorageTimerFunction(logger)
{
    public const string FunctionName = "RetrainModel";

    public override string Name => FunctionName;

    protected override string AfterStorageFailure => "the deployed model stays and the next night tries again";

    protected override async Task<FunctionOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var record = await services.GetRequiredService<ModelRetrainer>().RunAsync(cancellationToken).ConfigureAwait(false);
        LogRun(Logger, record.Owners, record.Rows, record.Replies, record.Deployed, record.CandidateModelId, record.Reason);
        return FunctionOutcome.Success()
            .WithLog(record.Deployed ? $"Deployed model {record.CandidateModelId} trained on {record.Rows} rows." : $"Kept the deployed model: {record.Reason}");
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retraining: {Owners} owners, {Rows} labelled rows, {Replies} replies; deployed {Deployed} (candidate {ModelId}): {Reason}")]
    private static partial void LogRun(ILogger logger, int owners, int rows, int replies, bool deployed, string? modelId, string reason);
}
