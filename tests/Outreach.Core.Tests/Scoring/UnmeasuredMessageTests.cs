using Outreach.Core.Scoring;
using Outreach.Core.Scoring.Features;
using Outreach.Core.Scoring.History;
using Outreach.Core.Scoring.Synthetic;
using Outreach.Core.Scoring.Training;
using Outreach.Testing.Time;

namespace Outreach.Core.Tests.Scoring;

/// <summary>
/// A message whose note and questions were not measured (a task sent before its message's counts were stored)
/// is neither described nor scored as having no note and no question.
/// </summary>
public sealed class UnmeasuredMessageTests
{
    /// <summary>A thank-you to someone met at a class visit yesterday, as the pipeline describes a pending task.</summary>
    private static readonly OutreachFeatures LiveThankYou = new()
    {
        RecipientPosition = "Software Engineer",
        Relationship = Relationship.ClassVisit,
        DaysSinceMet = 1,
        Step = 1,
        TemplateKind = TemplateKind.ThankYou,
        SentAt = new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void The_explanation_of_an_unmeasured_message_names_no_note_and_no_question_and_they_move_the_score_by_nothing()
    {
        // The prior learnt from messages that were measured: notes and questions carry weight in it.
        var model = SyntheticPriorModel.Train(5_000, 3, new ManualTimeProvider(DateTimeOffset.UnixEpoch)).Model;
        Assert.Contains(model.Predict(LiveThankYou with { PersonalNoteChars = 0, QuestionCount = 0 }, topContributions: 100).Contributions, c => c.Group == FeatureGroups.Personalisation);

        var prediction = model.Predict(LiveThankYou, topContributions: 100);

        Assert.DoesNotContain(prediction.Contributions, c => c.Group is FeatureGroups.Personalisation or FeatureGroups.Questions);
        Assert.DoesNotContain(prediction.Contributions, c => c.Wording.Contains("personal note", StringComparison.OrdinalIgnoreCase) || c.Wording.Contains("question", StringComparison.OrdinalIgnoreCase));
        var encoded = model.Encode([LiveThankYou]).Values;
        var columns = model.Schema.Columns;
        for (var j = 0; j < columns.Count; j++)
        {
            if (columns[j].Group is FeatureGroups.Personalisation or FeatureGroups.Questions)
            {
                Assert.Equal(columns[j].Mean, encoded[j]);
            }
        }
    }

    [Fact]
    public void A_measured_message_is_still_explained_by_its_note_and_questions()
    {
        var model = SyntheticPriorModel.Train(5_000, 3, new ManualTimeProvider(DateTimeOffset.UnixEpoch)).Model;

        var wordings = model.Predict(LiveThankYou with { PersonalNoteChars = 40, QuestionCount = 1 }, topContributions: 100).Contributions.Select(c => c.Wording).ToList();

        Assert.Contains(wordings, w => w.StartsWith("Personal note: 40 characters", StringComparison.Ordinal));
        Assert.Contains(wordings, w => w.StartsWith("Asks one question", StringComparison.Ordinal));
    }

    [Fact]
    public void Training_encodes_an_unmeasured_message_where_scoring_does()
    {
        // Half the history measured its messages (an uploaded file), half did not (the pipeline's own sends).
        var rows = ScoringTestData.Synthetic(6_000, seed: 21);
        var mixed = rows.Select((r, i) => i % 2 == 0 ? r : r with { Features = r.Features with { PersonalNoteChars = null, QuestionCount = null } }).ToList();
        var measured = mixed.Where(r => r.Features.PersonalNoteChars is not null).ToList();

        var model = ModelTrainer.Train(mixed, new TrainingOptions()).Model;

        // An unmeasured training row sat at the mean of the measured ones, so the training mean (where scoring puts an
        // unmeasured live row) is that mean too; had training written it as "no note", the mean would be about halved.
        var hasNote = model.Schema.Columns.Single(c => c.Name == "has_personal_note");
        Assert.Equal(measured.Average(r => r.Features.PersonalNoteChars > 0 ? 1.0 : 0.0), hasNote.Mean, 0.03);
        var noQuestion = model.Schema.Columns.Single(c => c.Name == "questions=0");
        Assert.Equal(measured.Average(r => r.Features.QuestionCount == 0 ? 1.0 : 0.0), noQuestion.Mean, 0.03);
    }
}
