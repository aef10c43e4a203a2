using System.Globalization;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Demo;

/// <summary>A link left unanswered by the generator: its token (the only copy) and the answer a bench may send through it.</summary>
public sealed record OpenSurveyLink(string Token, string Role, IReadOnlyDictionary<string, decimal> Ratings);

/// <summary>What the 360 survey of one generated body gave.</summary>
public sealed record GeneratedSurvey(int Targets, int Issued, int Invitations, int Answers, int SelfAnswers, IReadOnlyList<OpenSurveyLink> OpenLinks)
{
    public static readonly GeneratedSurvey None = new(0, 0, 0, 0, 0, []);
}

/// <summary>
/// The year's 360 survey of a generated body (the benchmark dataset, oskemen chapter 4): the round
/// launched on 1 December, the respondents Bagalau proposes (<see cref="Survey360Proposal"/>),
/// links issued to every person with enough respondents (the others are left to HR, as clause 35
/// needs 3), and about three answers in four given, self-assessments included. Which links are
/// answered and the ratings depend only on the seed and the people; the tokens are random.
/// Answers are written apart from the invitations, as the link answer does: shuffled, with no
/// respondent, link or time, outside the audit chain; a spent link only says it was used.
/// </summary>
public sealed class Survey360Generator(BagalauDbContext db, PackCatalog packs, TimeProvider clock)
{
    /// <summary>Share of the links answered (the rest stay open).</summary>
    public const double AnsweredShare = 0.75;

    /// <summary>How long the open links stay valid from the generation.</summary>
    public static readonly TimeSpan OpenLinksValidFor = TimeSpan.FromDays(30);

    /// <summary>Generates the survey, or nothing when the pack has no 360 survey in <paramref name="year"/> (only oskemen has one).</summary>
    public async Task<GeneratedSurvey> GenerateAsync(Guid bodyId, string packId, int year, int seed, CancellationToken ct = default)
    {
        var pack = packs.Catalogue.Find(packId) ?? throw new ArgumentException($"unknown pack '{packId}'", nameof(packId));
        var launchedOn = new DateOnly(year, 12, 1);
        var hr = Actor.WithRoles("demo generate", null, Actor.Hr, Actor.AuthorizedPerson);
        var launched = Survey360Round.Launch(bodyId, pack, year, packs.Catalogue.Calendar, hr, launchedOn);
        if (launched.Value is not { } round || round.VersionIn(pack).Rules.Survey360 is not { } rule)
        {
            return GeneratedSurvey.None;
        }

        var version = round.VersionIn(pack);
        db.Survey360Rounds.Add(round);
        var targets = await Survey360Proposal.ProposeAsync(db, round, version, launchedOn, ct);
        var iins = await db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId).ToDictionaryAsync(s => s.Id, s => s.Iin, ct);
        var now = clock.GetUtcNow();
        var answerDays = round.Due.DayNumber - launchedOn.DayNumber;
        var answers = new List<Survey360Reply>();
        var open = new List<OpenSurveyLink>();
        int issued = 0, invitations = 0, selfAnswers = 0;
        foreach (var target in targets)
        {
            db.Survey360Targets.Add(target);
            if (target.RespondentCount < rule.MinRespondents)
            {
                continue;
            }

            var links = target.Issue(version, hr, now + OpenLinksValidFor, now, Survey360Service.NewToken).Value!;
            issued++;
            invitations += links.Count;
            var random = new Random(unchecked((seed * 1_000_003) + int.Parse(iins[target.ServantId].AsSpan(3), CultureInfo.InvariantCulture)));
            var competencies = rule.CompetenciesByRole[target.Role];
            // Issue gives one link per invitation, in the invitations' order.
            foreach (var (invitation, link) in target.Invitations.Zip(links))
            {
                // Mostly the behaviour is shown often: ratings from the upper part of the scale.
                var ratings = competencies.ToDictionary(c => c, _ => (decimal)random.Next((int)rule.ScaleMin + 2, (int)rule.ScaleMax + 1), StringComparer.Ordinal);
                var isSelf = invitation.Relation == "self";
                var answeredOn = launchedOn.AddDays(random.Next(0, answerDays + 1));
                if (random.NextDouble() >= AnsweredShare)
                {
                    open.Add(new OpenSurveyLink(link.Token, target.Role, ratings));
                    continue;
                }

                var answer = Survey360Reply.Create(version, target, isSelf, ratings, answeredOn);
                if (answer.Value is null || invitation.MarkUsed(now) is not null)
                {
                    throw new InvalidOperationException($"generated 360 answer refused: {answer.Refusal?.Code}");
                }

                answers.Add(answer.Value);
                selfAnswers += isSelf ? 1 : 0;
            }
        }

        await db.SaveChangesInBulkAsync(ct);
        db.ChangeTracker.Clear();

        // A separate save, as the link answer does; shuffled so that the order of the rows says
        // nothing about which invitation was answered.
        var shuffle = new Random(seed);
        db.Survey360Replies.AddRange(answers.OrderBy(_ => shuffle.Next()));
        await db.SaveChangesInBulkAsync(ct);
        db.ChangeTracker.Clear();
        return new GeneratedSurvey(targets.Count, issued, invitations, answers.Count, selfAnswers, open);
    }
}
