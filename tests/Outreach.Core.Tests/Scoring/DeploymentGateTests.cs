using Outreach.Core.Scoring.Evaluation;
using Outreach.Core.Scoring.Training;

namespace Outreach.Core.Tests.Scoring;

public sealed class DeploymentGateTests
{
    private static readonly ModelMetrics Good = new()
    {
        LogLoss = 0.25,
        BaselineLogLoss = 0.2864,
        LogLossReduction = 0.11,
        LogLossReductionVsBaseline = 0.127,
        AreaUnderRocCurve = 0.75,
        AreaUnderRocCurveStandardError = 0.01,
    };

    [Fact]
    public void Deploys_a_converged_model_that_beats_the_baseline_and_ranks()
    {
        var decision = new DeploymentGate().Decide(Good, converged: true);

        Assert.True(decision.Deployable);
        Assert.Equal("Hold-out log-loss 0.2500 bits beats the 5 % baseline's 0.2864 bits (RIG 0.1270), AUC 0.7500.", decision.Reason);
    }

    private static readonly DateTimeOffset CutOff = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_hold_out_of_replies_only_is_refused_in_those_words()
    {
        var onlyReplies = Good with { Count = 40, Positives = 40, AreaUnderRocCurve = double.NaN, AreaUnderRocCurveStandardError = double.NaN, LogLossReduction = double.NaN };

        var decision = new DeploymentGate().Decide(onlyReplies, converged: true);

        Assert.False(decision.Deployable);
        Assert.Equal(["The hold-out (the latest 40 sends) has only replies: a model cannot be judged on it until later sends have both replies and non-replies."], decision.Reasons);
    }

    [Fact]
    public void Keeps_the_previous_model_when_the_new_one_is_worse_on_rows_neither_has_seen()
    {
        var comparison = new IncumbentComparison(CutOff, 500, 25, Good with { LogLoss = 0.25 }, Good with { LogLoss = 0.24 });

        var decision = new DeploymentGate().Decide(Good, converged: true, comparison);

        Assert.False(decision.Deployable);
        Assert.Equal(["Log-loss 0.2500 bits is worse than the deployed model's 0.2400 bits on the 500 hold-out rows sent after its training rows."], decision.Reasons);
    }

    [Fact]
    public void Without_enough_rows_the_deployed_model_never_saw_the_candidate_is_judged_on_its_own_and_the_reason_says_so()
    {
        var comparison = new IncumbentComparison(CutOff, 120, 6, Good with { LogLoss = 0.30 }, Good with { LogLoss = 0.20 });

        var decision = new DeploymentGate().Decide(Good, converged: true, comparison);

        Assert.True(decision.Deployable);
        Assert.Equal(
            "Not compared with the deployed model: 120 hold-out rows (6 replies) were sent after its training rows, fewer than the 20 replies and non-replies a fair comparison on rows it never saw needs.",
            decision.Reasons[^1]);
    }

    [Fact]
    public void Refuses_a_model_that_loses_to_the_fixed_baseline_and_did_not_converge()
    {
        var decision = new DeploymentGate().Decide(Good with { LogLoss = 0.30 }, converged: false);

        Assert.False(decision.Deployable);
        Assert.Equal(2, decision.Reasons.Count);
        Assert.StartsWith("Training did not converge", decision.Reasons[0], StringComparison.Ordinal);
        Assert.Equal("Hold-out log-loss 0.3000 bits does not beat the fixed 5 % baseline's 0.2864 bits.", decision.Reasons[1]);
    }
}
