using System.Globalization;
using Outreach.Core.Scoring.History;

namespace Outreach.Core.Scoring.Synthetic;

/// <summary>
/// Generates a seeded outreach history from a logistic model whose effects come from the literature
/// (<see cref="LiteratureEffects"/>): logit p = β₀ + Σ effects + u_contact. Each contact gets a planned sequence
/// (thank-you, follow-up a week later, stay-in-touch a month on, ...) that stops at the first reply, so follow-ups
/// are censored and selected as in the real pipeline. β₀ is solved by bisection, on the same random draws, so the
/// mean true probability of the emitted rows equals the requested base rate. For cold start, the demo and tests.
/// </summary>
public static class SyntheticHistoryGenerator
{
    private static readonly (string Title, double Weight)[] Titles =
    [
        ("Marketing Intern", 3), ("Student", 3), ("Summer Intern, Finance", 2),
        ("Junior Analyst", 4), ("Associate Consultant", 5), ("Assistant Editor", 3),
        ("Software Engineer", 8), ("Sr. Data Scientist", 6), ("Senior Product Designer", 5), ("Lead Recruiter", 4), ("Research Scientist", 3),
        ("Product Manager", 8), ("Engineering Manager", 5),
        ("Director of Partnerships", 5), ("Head of Talent", 4),
        ("VP of Sales", 3), ("Vice President, Engineering", 2),
        ("CEO", 2), ("Co-founder", 2), ("Chief Marketing Officer", 1), ("Partner", 2),
        ("Geschäftsführer", 1), ("Directeur commercial", 1), ("", 3),
    ];

    private static readonly int[] OwnerOffsetsHours = [-8, -5, 0, 1, 2];

    /// <summary>Generates a history.</summary>
    public static SyntheticHistory Generate(SyntheticHistoryOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Rows < 1 || options.BaseRate is <= 0 or >= 1 || options.NoiseColumns < 0 || options.Owners < 1 || options.ContactHeterogeneity < 0)
        {
            throw new DomainException("synthetic.options", "Rows and Owners must be positive, BaseRate in (0, 1), NoiseColumns and ContactHeterogeneity non-negative.", nameof(options));
        }

        var random = new Random(options.Seed);
        var contacts = new List<PlannedContact>();
        var planned = 0;
        // Sequences stop at the first reply, so plan about 10 % more steps than rows; top up if replies cut deeper.
        var target = options.Rows * 1.1;
        while (true)
        {
            while (planned < target)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var contact = PlanContact(random, options, contacts.Count);
                contacts.Add(contact);
                planned += contact.Steps.Count;
            }

            var intercept = SolveIntercept(contacts, options.BaseRate);
            var rows = Emit(contacts, intercept, options.Rows);
            if (rows.Count >= options.Rows)
            {
                return new SyntheticHistory(rows, intercept);
            }

            target = (planned * 1.1) + 1;
        }
    }

    /// <summary>Writes a generated history as CSV (with <c>true_p</c> and the noise columns).</summary>
    public static void WriteCsv(TextWriter writer, SyntheticHistoryOptions options, CancellationToken cancellationToken = default) =>
        HistoryCsv.Write(writer, Generate(options, cancellationToken).Rows, cancellationToken);

    private static PlannedContact PlanContact(Random random, SyntheticHistoryOptions options, int index)
    {
        var relationship = Pick(random, (Relationship.MetInPerson, 0.15), (Relationship.ClassVisit, 0.25), (Relationship.Event, 0.2), (Relationship.LinkedInOnly, 0.25), (Relationship.Cold, 0.15));
        var title = PickTitle(random);
        var owner = random.Next(options.Owners);
        var offset = TimeSpan.FromHours(OwnerOffsetsHours[owner % OwnerOffsetsHours.Length]);
        var metAt = options.Start.AddDays(random.Next(365));
        var heterogeneity = options.ContactHeterogeneity * Gaussian(random);
        double? daysAtFirst = relationship switch
        {
            Relationship.Cold => null,
            Relationship.LinkedInOnly => Math.Round(Math.Exp(Math.Log(60) + (0.8 * Gaussian(random)))),
            _ => random.NextDouble() < 0.1 ? Math.Round(Math.Exp(Math.Log(60) + (0.6 * Gaussian(random)))) : Math.Floor(-4 * Math.Log(1 - random.NextDouble())),
        };
        var daysMissing = relationship != Relationship.Cold && random.NextDouble() < 0.03;
        var length = Pick(random, (1, 0.2), (2, 0.35), (3, 0.3), (4, 0.15));

        var steps = new List<PlannedStep>(length);
        var daysAfterFirst = 0.0;
        for (var step = 1; step <= length; step++)
        {
            daysAfterFirst += step switch { 1 => 0, 2 => 7, 3 => 23, _ => 30 } + (step == 1 ? 0 : random.Next(4));
            var days = daysAtFirst is { } d ? d + daysAfterFirst : (double?)null;
            var kind = Template(random, relationship, step);
            var features = new OutreachFeatures
            {
                RecipientPosition = title.Length == 0 ? null : title,
                Relationship = relationship,
                DaysSinceMet = daysMissing ? null : days,
                Step = step,
                Channel = random.NextDouble() < (relationship == Relationship.LinkedInOnly ? 0.6 : 0.2) ? Channel.LinkedIn : Channel.Email,
                TemplateKind = kind,
                PersonalNoteChars = random.NextDouble() < 0.45 ? 0 : (int)Math.Clamp(Math.Round(Math.Exp(Math.Log(120) + (0.6 * Gaussian(random)))), 1, 2000),
                OffersHelp = random.NextDouble() < (kind == TemplateKind.GiveFirst ? 0.8 : 0.2),
                QuestionCount = Pick(random, (0, 0.35), (1, 0.3), (2, 0.15), (3, 0.08), (4, 0.06), (5, 0.04), (6, 0.02)),
                WordCount = random.NextDouble() < 0.02 ? null : WordCount(random),
                SentAt = SendTime(random, metAt.AddDays(days ?? daysAfterFirst), offset),
                Extras = Noise(random, options.NoiseColumns),
            };
            steps.Add(new PlannedStep(features, LiteratureEffects.LogOdds(features) + heterogeneity, random.NextDouble()));
        }

        return new PlannedContact(index, owner, steps);
    }

    private static double SolveIntercept(List<PlannedContact> contacts, double baseRate)
    {
        double lo = -15, hi = 5;
        for (var iteration = 0; iteration < 80; iteration++)
        {
            var mid = (lo + hi) / 2;
            if (MeanTrueProbability(contacts, mid) < baseRate)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return (lo + hi) / 2;
    }

    private static double MeanTrueProbability(List<PlannedContact> contacts, double intercept)
    {
        double sum = 0;
        var count = 0;
        foreach (var contact in contacts)
        {
            foreach (var step in contact.Steps)
            {
                var p = 1 / (1 + Math.Exp(-(intercept + step.LogOdds)));
                sum += p;
                count++;
                if (step.Draw < p)
                {
                    break;
                }
            }
        }

        return sum / count;
    }

    private static List<HistoryRow> Emit(List<PlannedContact> contacts, double intercept, int rows)
    {
        var emitted = new List<(HistoryRow Row, DateTimeOffset SentAt, int Contact, int Step)>(rows);
        foreach (var contact in contacts)
        {
            foreach (var step in contact.Steps)
            {
                if (emitted.Count == rows)
                {
                    break;
                }

                var p = 1 / (1 + Math.Exp(-(intercept + step.LogOdds)));
                var replied = step.Draw < p;
                var owner = "owner-" + contact.Owner.ToString("D3", CultureInfo.InvariantCulture);
                emitted.Add((new HistoryRow(string.Empty, owner, step.Features, replied, p), step.Features.SentAt, contact.Index, step.Features.Step));
                if (replied)
                {
                    break;
                }
            }
        }

        return [.. emitted
            .OrderBy(e => e.SentAt.UtcTicks).ThenBy(e => e.Contact).ThenBy(e => e.Step)
            .Select((e, i) => e.Row with { OutreachId = "out-" + (i + 1).ToString("D7", CultureInfo.InvariantCulture) })];
    }

    private static TemplateKind Template(Random random, Relationship relationship, int step)
    {
        var warm = relationship is Relationship.MetInPerson or Relationship.ClassVisit or Relationship.Event;
        return step switch
        {
            1 when warm => Pick(random, (TemplateKind.ThankYou, 0.7), (TemplateKind.GiveFirst, 0.15), (TemplateKind.IntroAsk, 0.1), (TemplateKind.Intro, 0.05)),
            1 => Pick(random, (TemplateKind.FollowUp, 0.55), (TemplateKind.GiveFirst, 0.25), (TemplateKind.IntroAsk, 0.15), (TemplateKind.Intro, 0.05)),
            2 => Pick(random, (TemplateKind.FollowUp, 0.8), (TemplateKind.GiveFirst, 0.2)),
            3 => Pick(random, (TemplateKind.StayInTouch, 0.6), (TemplateKind.GiveFirst, 0.25), (TemplateKind.FollowUp, 0.15)),
            _ => Pick(random, (TemplateKind.StayInTouch, 0.7), (TemplateKind.FollowUp, 0.3)),
        };
    }

    private static int WordCount(Random random) =>
        random.NextDouble() < 0.05
            ? 3 + random.Next(8)
            : (int)Math.Clamp(Math.Round(Math.Exp(Math.Log(110) + (0.75 * Gaussian(random)))), 11, 3000);

    // Mostly office hours, some early mornings and evenings (Yesware's best slots), a few late nights.
    private static DateTimeOffset SendTime(Random random, DateTimeOffset day, TimeSpan offset)
    {
        var hour = Pick(random, (0, 0.7), (1, 0.1), (2, 0.12), (3, 0.05), (4, 0.03)) switch
        {
            0 => 9 + random.Next(8),
            1 => 6 + random.Next(3),
            2 => 17 + random.Next(4),
            3 => 21 + random.Next(3),
            _ => random.Next(6),
        };
        return new DateTimeOffset(day.Year, day.Month, day.Day, hour, random.Next(60), 0, offset);
    }

    private static Dictionary<string, double>? Noise(Random random, int columns)
    {
        if (columns == 0)
        {
            return null;
        }

        var noise = new Dictionary<string, double>(columns, StringComparer.Ordinal);
        for (var k = 1; k <= columns; k++)
        {
            noise["noise_" + k.ToString(CultureInfo.InvariantCulture)] = Math.Round(Gaussian(random), 4);
        }

        return noise;
    }

    private static string PickTitle(Random random)
    {
        var total = Titles.Sum(t => t.Weight);
        var draw = random.NextDouble() * total;
        foreach (var (title, weight) in Titles)
        {
            draw -= weight;
            if (draw < 0)
            {
                return title;
            }
        }

        return Titles[^1].Title;
    }

    private static T Pick<T>(Random random, params (T Value, double Weight)[] choices)
    {
        var draw = random.NextDouble() * choices.Sum(c => c.Weight);
        foreach (var (value, weight) in choices)
        {
            draw -= weight;
            if (draw < 0)
            {
                return value;
            }
        }

        return choices[^1].Value;
    }

    // Box–Muller: System.Random has no normal sampler, and this keeps the stream reproducible by seed.
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private sealed record PlannedStep(OutreachFeatures Features, double LogOdds, double Draw);

    private sealed record PlannedContact(int Index, int Owner, List<PlannedStep> Steps);
}
