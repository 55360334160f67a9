using Outreach.Core.Scoring;
using Outreach.Core.Scoring.History;
using Outreach.Core.Scoring.Synthetic;
using Outreach.Functions.Scoring;
using Outreach.Testing.Time;

namespace Outreach.Functions.Tests.Scoring;

public sealed class ModelLabelsTests
{
    private static readonly ResponseModel Prior = SyntheticPriorModel.Train(4000, 3, new ManualTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero))).Model;

    [Fact]
    public void A_prior_is_shown_as_prior_and_its_explanations_say_so()
    {
        var prediction = Prior.Predict(new OutreachFeatures { Relationship = Relationship.MetInPerson, SentAt = new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero) });

        var explanation = ModelLabels.Explain(prediction, Prior);

        Assert.Equal(ModelLabels.Prior, ModelLabels.OriginOf(Prior));
        Assert.Equal($"prior model (published effects, not your replies yet): {string.Join("; ", prediction.Contributions.Select(c => c.Wording))}", explanation);
        Assert.NotEmpty(prediction.Contributions);
    }
}
