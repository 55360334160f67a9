using System.Text;
using System.Text.Json.Nodes;
using Outreach.Core.Scoring;
using Outreach.Core.Scoring.Features;
using Outreach.Core.Scoring.History;
using Outreach.Core.Scoring.Synthetic;
using Outreach.Core.Scoring.Training;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Scoring;

public sealed class ResponseModelTests
{
    private static readonly OutreachFeatures LongNoteToSomeoneMet = new()
    {
        RecipientPosition = "Software Engineer",
        Relationship = Relationship.MetInPerson,
        DaysSinceMet = 2,
        Step = 1,
        TemplateKind = TemplateKind.ThankYou,
        WordCount = 600,
        SentAt = new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.FromHours(1)),
    };

    [Fact]
    public async Task Artifact_round_trip_gives_identical_predictions_and_identical_json()
    {
        var rows = ScoringTestData.Synthetic(5_000, seed: 12);
        var model = ModelTrainer.Train(rows, new TrainingOptions()).Model;
        using var first = new MemoryStream();
        await model.SaveAsync(first, CancellationToken.None);

        first.Position = 0;
        var loaded = await ResponseModel.LoadAsync(first, CancellationToken.None);
        using var second = new MemoryStream();
        loaded.Save(second);

        Assert.Equal(Encoding.UTF8.GetString(first.ToArray()), Encoding.UTF8.GetString(second.ToArray()));
        var features = rows.Take(500).Select(r => r.Features).ToList();
        double[] expected = new double[500], actual = new double[500];
        model.ScoreBatch(model.Encode(features), expected);
        loaded.ScoreBatch(loaded.Encode(features), actual);
        Assert.Equal(expected, actual);
        Assert.Equal(model.Predict(rows[0]), loaded.Predict(rows[0]), new PredictionComparer());
        Assert.Equal(model.Metrics!.Reliability, loaded.Metrics!.Reliability);
        Assert.Equal(model.Metrics.AreaUnderRocCurve, loaded.Metrics.AreaUnderRocCurve);
    }

    [Fact]
    public void Loading_a_newer_schema_version_fails_with_a_clear_domain_error()
    {
        var json = ArtifactJson(HandMadeModel()).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2", StringComparison.Ordinal);

        var error = Assert.Throws<DomainException>(() => ResponseModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal("model.schema-unsupported", error.Code);
        Assert.Equal("schemaVersion", error.Target);
        Assert.Contains("schema version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_an_artifact_with_a_missing_weight_fails_with_a_domain_error()
    {
        var artifact = JsonNode.Parse(ArtifactJson(HandMadeModel()))!;
        artifact["weights"]!.AsArray().RemoveAt(0);
        var json = artifact.ToJsonString();

        var error = Assert.Throws<DomainException>(() => ResponseModel.Load(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Equal("model.artifact-invalid", error.Code);
        Assert.Equal("weights", error.Target);
    }

    [Fact]
    public void Explanation_names_the_biggest_contributor_first_in_plain_words()
    {
        var prediction = HandMadeModel().Predict(LongNoteToSomeoneMet, topContributions: 3);

        Assert.Equal(["You met in person (+)", "Very long message: 600 words (−)"], prediction.Contributions.Select(c => c.Wording));
        Assert.Equal(2.0, prediction.Contributions[0].LogOdds, 12);
        Assert.Equal(-0.5, prediction.Contributions[1].LogOdds, 12);
        Assert.Equal(1 / (1 + Math.Exp(-(-3.0 + 2.0 - 0.5))), prediction.Probability, 12);
    }

    [Fact]
    public void A_feature_that_moves_the_odds_by_less_than_5_percent_is_not_named_as_a_reason()
    {
        // Met in person moves the odds 2 % (e^0.02): true, but nothing a student should act on, so it is no reason.
        var model = HandMadeModel(("relationship=met_in_person", 0.02), ("words=>500", -0.5));

        var prediction = model.Predict(LongNoteToSomeoneMet);
        var everything = model.Predict(LongNoteToSomeoneMet, minimumLogOdds: 0);

        Assert.Equal(["Very long message: 600 words (−)"], prediction.Contributions.Select(c => c.Wording));
        Assert.Equal(["Very long message: 600 words (−)", "You met in person (+)"], everything.Contributions.Select(c => c.Wording));
        Assert.Equal(everything.Probability, prediction.Probability);
        Assert.Empty(HandMadeModel(("relationship=met_in_person", 0.04)).Predict(LongNoteToSomeoneMet).Contributions);
    }

    [Fact]
    public void A_LinkedIn_connection_is_explained_as_connected_not_met()
    {
        // A LinkedIn-only contact's day count runs from the connection (TaskFeatureMapping, docs/history-schema.md): the
        // student never met them, so "Met 412 days ago" would tell them something false about their own contact.
        var model = HandMadeModel(("log1p_days_since_met", -1.0));
        var connected = LongNoteToSomeoneMet with { Relationship = Relationship.LinkedInOnly, DaysSinceMet = 412, WordCount = 80 };

        var prediction = model.Predict(connected, topContributions: 1);

        Assert.Equal("Connected on LinkedIn 412 days ago (−)", Assert.Single(prediction.Contributions).Wording);
        Assert.Equal("Met 2 days ago (−)", Assert.Single(model.Predict(LongNoteToSomeoneMet, topContributions: 1).Contributions).Wording);
    }

    [Fact]
    public void Single_prediction_equals_the_batch_path()
    {
        var rows = ScoringTestData.Synthetic(3_000, seed: 13);
        var model = ModelTrainer.Train(rows, new TrainingOptions()).Model;
        var batch = new double[50];

        model.ScoreBatch(model.Encode(rows.Take(50).Select(r => r.Features).ToList()), batch);

        Assert.Equal(batch, rows.Take(50).Select(r => model.Predict(r).Probability));
    }

    [Fact]
    public void Synthetic_prior_is_labelled_as_such_in_its_artifact()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero));

        var result = SyntheticPriorModel.Train(rows: 5_000, seed: 3, clock);

        Assert.True(result.Deployable, result.Reason);
        Assert.Contains("\"origin\": \"synthetic-prior\"", ArtifactJson(result.Model), StringComparison.Ordinal);
        Assert.Contains("\"createdAt\": \"2026-11-22T04:00:00+00:00\"", ArtifactJson(result.Model), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-2.0, 0.0)]
    [InlineData(double.PositiveInfinity, 3650.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(99_999.0, 3650.0)]
    public void A_day_count_outside_the_history_range_is_scored_as_its_nearest_bound_not_as_NaN(double days, double bound)
    {
        var model = SyntheticPriorModel.Train(5_000, 3, new ManualTimeProvider(DateTimeOffset.UnixEpoch)).Model;

        var prediction = model.Predict(LongNoteToSomeoneMet with { DaysSinceMet = days });

        Assert.True(double.IsFinite(prediction.Probability), $"p = {prediction.Probability}");
        Assert.Equal(model.Predict(LongNoteToSomeoneMet with { DaysSinceMet = bound }).Probability, prediction.Probability, 15);
    }

    [Fact]
    public void A_NaN_day_count_is_refused_naming_the_field_and_a_negative_note_length_counts_as_no_note()
    {
        var model = SyntheticPriorModel.Train(5_000, 3, new ManualTimeProvider(DateTimeOffset.UnixEpoch)).Model;

        var error = Assert.Throws<DomainException>(() => model.Predict(LongNoteToSomeoneMet with { DaysSinceMet = double.NaN }));

        Assert.Equal(("model.invalid-feature", "DaysSinceMet"), (error.Code, error.Target));
        Assert.Equal(model.Predict(LongNoteToSomeoneMet with { PersonalNoteChars = 0 }).Probability, model.Predict(LongNoteToSomeoneMet with { PersonalNoteChars = -5 }).Probability, 15);
    }

    /// <summary>
    /// A model whose weights are all zero except "met in person" (+2) and "more than 500 words" (−0.5), on an
    /// unstandardised schema (mean 0, scale 1) with bias −3, so every contribution can be computed by hand.
    /// </summary>
    private static ResponseModel HandMadeModel() => HandMadeModel(("relationship=met_in_person", 2.0), ("words=>500", -0.5));

    /// <summary>A model with only the given column weights, on an unstandardised schema with bias −3.</summary>
    private static ResponseModel HandMadeModel(params (string Column, double Weight)[] columnWeights)
    {
        var schema = FeatureEncoder.Unscaled([], daysSinceMetMedian: 30, wordCountMedian: 100);
        var weights = schema.Columns.Select(c => columnWeights.FirstOrDefault(w => w.Column == c.Name).Weight).ToArray();
        return new ResponseModel(new ModelArtifact
        {
            ModelId = "hand-made",
            Origin = ModelOrigin.History,
            Features = schema,
            Weights = weights,
            Bias = -3,
            TrainingWindow = new TrainingWindow(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
            Training = new TrainingDiagnostics(true, 1, 0, 1, 1, 0, 1),
        });
    }

    private static string ArtifactJson(ResponseModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed class PredictionComparer : IEqualityComparer<Prediction>
    {
        public bool Equals(Prediction? x, Prediction? y) =>
            x is not null && y is not null && x.Probability == y.Probability && x.Contributions.SequenceEqual(y.Contributions);

        public int GetHashCode(Prediction obj) => obj.Probability.GetHashCode();
    }
}
