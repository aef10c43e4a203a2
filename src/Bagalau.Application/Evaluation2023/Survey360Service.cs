using Bagalau.Application.Organisation;
using System.Collections.Concurrent;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Workflow;
using System.Security.Cryptography;
using Bagalau.Application.Audit;
using Bagalau.Application.Documents;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Bagalau.Application.Time;

namespace Bagalau.Application.Evaluation2023;

public sealed record RespondentView(Guid ServantId, string Name, string Relation);

public sealed record TargetView(Guid Id, Guid ServantId, string Name, string Role, bool Issued, int Version, IReadOnlyList<RespondentView> Respondents, int Answered);

/// <summary>What the link page shows: whom the survey is about and which competencies to rate (titles in kk/ru/en).</summary>
public sealed record LinkForm(string PersonName, bool IsSelf, decimal ScaleMin, decimal ScaleMax, IReadOnlyList<(string Id, LocalizedText Title)> Competencies);

/// <summary>An individual report (model form 7): the engine's averages (others only) and the self-assessment beside them.</summary>
public sealed record Report360(
    Guid TargetId, string Name, string Role, int Respondents, string Status, decimal? Overall,
    IReadOnlyList<(string Id, LocalizedText Title, decimal Average, decimal? Self)> Competencies, IReadOnlyList<string> Weakest, string? Clause);

public sealed record TrainingNeed(string CompetencyId, LocalizedText Title, decimal Average, int People);

/// <summary>
/// The yearly 360 survey of oskemen (chapter 4): HR launches it, adjusts the proposed
/// respondents, issues single-use links; respondents answer from a phone without signing in;
/// answers are stored apart from any person; reports from 3 answers; training needs by body.
/// </summary>
public sealed class Survey360Service(BagalauDbContext db, PackCatalog packs, WorkflowActors actors, WorkflowSteps steps, AuditLog audit, Survey360AnswerQueue answers, TimeProvider clock)
{
    private DateOnly Today => KazakhstanClock.Today(clock);

    public async Task<Outcome<Survey360Round>> LaunchAsync(string userId, Guid bodyId, string packId, int year, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        if (actor is null)
        {
            return WorkflowRefusals.NotFound();
        }

        if (packs.Catalogue.Find(packId) is not { } pack)
        {
            return WorkflowRefusals.UnknownPack(packId);
        }

        var launched = Survey360Round.Launch(bodyId, pack, year, packs.Catalogue.Calendar, actor, Today);
        if (launched.IsRefused)
        {
            return launched.Refusal!;
        }

        if (await db.Survey360Rounds.AnyAsync(r => r.StateBodyId == bodyId && r.PackId == packId && r.Year == year, ct))
        {
            return Refusal.Of(RefusalKind.Conflict, "survey-exists", $"{year} жылғы 360 сауалнамасы бұрын басталған", $"Опрос 360 за {year} год уже начат", $"The {year} 360 survey was already launched");
        }

        var round = launched.Value!;
        var version = round.VersionIn(pack);
        db.Survey360Rounds.Add(round);
        db.Survey360Targets.AddRange(await Survey360Proposal.ProposeAsync(db, round, version, Today, ct));
        return await steps.SaveAsync(round, ct);
    }

    public async Task<IReadOnlyList<Survey360Round>> RoundsAsync(Guid bodyId, CancellationToken ct = default) =>
        await db.Survey360Rounds.AsNoTracking().Where(r => r.StateBodyId == bodyId).OrderByDescending(r => r.Year).ToListAsync(ct);

    /// <summary>One round of the body (another body's round is not found).</summary>
    public Task<Survey360Round?> RoundAsync(Guid bodyId, Guid roundId, CancellationToken ct) =>
        db.Survey360Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId && r.StateBodyId == bodyId, ct);

    /// <summary>The servant's own evaluations in the body whose links were issued: the reports they may read.</summary>
    public async Task<IReadOnlyList<Survey360Target>> IssuedTargetsOfAsync(Guid bodyId, Guid servantId, CancellationToken ct) =>
        await db.Survey360Targets.AsNoTracking().Where(t => t.StateBodyId == bodyId && t.ServantId == servantId && t.Issued).ToListAsync(ct);

    /// <summary>HR's view of the evaluated persons and their respondents (how many answered, never who).</summary>
    public async Task<Outcome<IReadOnlyList<TargetView>>> TargetsAsync(string userId, Guid bodyId, Guid roundId, CancellationToken ct = default)
    {
        var opened = await actors.OpenForHrAsync(db.Survey360Rounds.AsNoTracking(), roundId, bodyId, userId, Actions.SeeRespondents, ct);
        if (opened.Value is not (var actor, _))
        {
            return opened.Refusal!;
        }

        var targets = await db.Survey360Targets.AsNoTracking().Include(t => t.Invitations).Where(t => t.RoundId == roundId).ToListAsync(ct);
        var names = await db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var ids = targets.Select(t => t.Id).ToList();
        var answered = (await db.Survey360Replies.AsNoTracking().Where(a => ids.Contains(a.TargetId) && !a.IsSelf).Select(a => a.TargetId).ToListAsync(ct))
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        return Outcome<IReadOnlyList<TargetView>>.Ok(targets
            .Select(t => new TargetView(
                t.Id, t.ServantId, names.GetValueOrDefault(t.ServantId, "?"), t.Role, t.Issued, t.Version,
                t.Invitations.Where(i => i.Relation != "self").Select(i => new RespondentView(i.RespondentId, names.GetValueOrDefault(i.RespondentId, "?"), i.Relation)).ToList(),
                answered.GetValueOrDefault(t.Id)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>
    /// One page of HR's view of the evaluated persons, filtered in SQL: by name (folded search),
    /// unit on the round's due day, status (<c>issued</c>, <c>not-issued</c>), sorted by name.
    /// Names, respondents and answers are read for the page's persons only.
    /// </summary>
    public async Task<Outcome<Page<TargetView>>> TargetsAsync(string userId, Guid bodyId, Guid roundId, ListQuery query, CancellationToken ct = default)
    {
        var opened = await actors.OpenForHrAsync(db.Survey360Rounds.AsNoTracking(), roundId, bodyId, userId, Actions.SeeRespondents, ct);
        if (opened.Value is not (_, var round))
        {
            return opened.Refusal!;
        }

        var servants = db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId).Matching(query.Search).InUnit(db, query.UnitId, round.Due);
        var targets = db.Survey360Targets.AsNoTracking().Where(t => t.RoundId == roundId);
        targets = query.Status switch
        {
            "issued" => targets.Where(t => t.Issued),
            "not-issued" => targets.Where(t => !t.Issued),
            _ => targets,
        };
        var ordered = targets.Join(servants, t => t.ServantId, s => s.Id, (t, s) => new { Target = t, s.SearchName })
            .OrderBy(r => r.SearchName).ThenBy(r => r.Target.Id).Select(r => r.Target.Id);
        var page = await ordered.ToPageAsync(query.Page, ct);
        var ids = page.Items.ToList();
        var loaded = (await db.Survey360Targets.AsNoTracking().Include(t => t.Invitations).Where(t => ids.Contains(t.Id)).ToListAsync(ct))
            .OrderBy(t => ids.IndexOf(t.Id)).ToList();
        var people = loaded.Select(t => t.ServantId).Concat(loaded.SelectMany(t => t.Invitations.Select(i => i.RespondentId))).Distinct().ToList();
        var names = await db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId && people.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);
        var answered = await db.Survey360Replies.AsNoTracking().Where(a => ids.Contains(a.TargetId) && !a.IsSelf)
            .GroupBy(a => a.TargetId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var views = loaded.Select(t => new TargetView(
                t.Id, t.ServantId, names.GetValueOrDefault(t.ServantId, "?"), t.Role, t.Issued, t.Version,
                t.Invitations.Where(i => i.Relation != "self").Select(i => new RespondentView(i.RespondentId, names.GetValueOrDefault(i.RespondentId, "?"), i.Relation)).ToList(),
                answered.GetValueOrDefault(t.Id)))
            .ToList();
        return new Page<TargetView>(views, page.Number, page.Size, page.Total);
    }

    public Task<Outcome<Survey360Target>> AddRespondentAsync(string userId, Guid bodyId, Guid targetId, int expectedVersion, Guid respondentId, string relation, CancellationToken ct = default) =>
        EditAsync(userId, bodyId, targetId, expectedVersion, respondentId, (t, v, a) => t.AddRespondent(v, a, respondentId, relation), ct);

    public Task<Outcome<Survey360Target>> RemoveRespondentAsync(string userId, Guid bodyId, Guid targetId, int expectedVersion, Guid respondentId, CancellationToken ct = default) =>
        EditAsync(userId, bodyId, targetId, expectedVersion, respondentId, (t, _, a) => t.RemoveRespondent(a, respondentId), ct);

    /// <summary>Issues the personal links of one person; the tokens are in the answer only (hand them out now).</summary>
    public async Task<Outcome<IReadOnlyList<IssuedLink>>> IssueAsync(string userId, Guid bodyId, Guid targetId, int expectedVersion, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        var (actor, target, version) = await LoadTargetAsync(userId, bodyId, targetId, ct);
        if (actor is null || target is null)
        {
            return WorkflowRefusals.NotFound();
        }

        if (!VersionTokens.Expect(db, target, expectedVersion))
        {
            return WorkflowRefusals.Stale();
        }

        var issued = target.Issue(version!, actor, expiresAt.ToUniversalTime(), clock.GetUtcNow(), NewToken);
        if (issued.IsRefused)
        {
            return issued.Refusal!;
        }

        // The target row must change too, so that a concurrent issue of the same person conflicts.
        db.Entry(target).Property(t => t.Issued).IsModified = true;
        return await steps.SaveAsync(issued.Value!, ct);
    }

    /// <summary>The link page's content (no sign-in): refused when the link is unknown, used or expired.</summary>
    public async Task<Outcome<LinkForm>> LinkFormAsync(string token, CancellationToken ct = default)
    {
        var (link, refusal) = await LinkAsync(token, ct);
        if (link is null)
        {
            return refusal!;
        }

        var (invitation, target, version) = link;
        var rule = version.Rules.Survey360!;
        var name = await db.Servants.AsNoTracking().Where(s => s.Id == target.ServantId).Select(s => s.FullName).FirstAsync(ct);
        var competencies = rule.CompetenciesByRole[target.Role]
            .Select(id => (id, rule.Competencies.FirstOrDefault(c => c.Id == id)?.Title ?? LocalizedText.Same(id)))
            .ToList();
        return Outcome<LinkForm>.Ok(new LinkForm(name, invitation.Relation == "self", rule.ScaleMin, rule.ScaleMax, competencies));
    }

    /// <summary>
    /// Answers through a link: the ratings are checked, then, in a batch with the answers of
    /// concurrent requests (<see cref="Survey360AnswerQueue"/>), in one save the link is spent
    /// (audited) and the answer stored in its own table with no respondent, token or time of day
    /// (outside the audit chain). A second use of the link is refused.
    /// </summary>
    public async Task<Outcome<bool>> AnswerAsync(string token, IReadOnlyDictionary<string, decimal> ratings, CancellationToken ct = default)
    {
        var (link, refusal) = await LinkAsync(token, ct);
        if (link is null)
        {
            return refusal!;
        }

        var (invitation, target, version) = link;
        var answer = Survey360Reply.Create(version, target, invitation.Relation == "self", ratings, Today);
        if (answer.IsRefused)
        {
            return answer.Refusal!;
        }

        var spent = await answers.AnswerAsync(db, invitation.Id, answer.Value!);
        return spent is null ? Outcome<bool>.Ok(true) : spent;
    }

    /// <summary>The individual report: open to the person and HR; nothing below the pack's minimum of answers.</summary>
    public async Task<Outcome<Report360>> ReportAsync(string userId, Guid bodyId, Guid targetId, CancellationToken ct = default)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        var target = await db.Survey360Targets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == targetId && t.StateBodyId == bodyId, ct);
        if (actor is null || target is null || !(actor.IsHr || actor.Is(target.ServantId)))
        {
            return WorkflowRefusals.NotFound();
        }

        var version = await VersionOfAsync(target.RoundId, ct);
        var rule = version.Rules.Survey360!;
        var answers = await db.Survey360Replies.AsNoTracking().Include(a => a.Ratings).Where(a => a.TargetId == targetId).ToListAsync(ct);
        var decided = Survey360Decision.Decide(version, target.Role, answers.Select(a => a.ToResponse()).ToList());
        if (decided.IsRefused)
        {
            return decided.Refusal!;
        }

        var result = decided.Answer!;
        var self = answers.FirstOrDefault(a => a.IsSelf);
        var name = await db.Servants.AsNoTracking().Where(s => s.Id == target.ServantId).Select(s => s.FullName).FirstAsync(ct);
        var competencies = result.Competencies
            .Select(c => (c.Key, rule.Competencies.FirstOrDefault(x => x.Id == c.Key)?.Title ?? LocalizedText.Same(c.Key), c.Value,
                self?.Ratings.FirstOrDefault(r => r.CompetencyId == c.Key)?.Rating))
            .ToList();
        await audit.RecordReadAsync("Survey360Report", targetId.ToString(), bodyId, ct);
        return Outcome<Report360>.Ok(new Report360(targetId, name, target.Role, result.Respondents, result.Status, result.Overall, competencies, result.Weakest, decided.Provenance!.Clause));
    }

    /// <summary>oskemen 36: the least-shown competencies across the body (mean of the persons' averages, lowest first). HR only.</summary>
    public async Task<Outcome<IReadOnlyList<TrainingNeed>>> TrainingNeedsAsync(string userId, Guid bodyId, Guid roundId, CancellationToken ct = default)
    {
        var opened = await actors.OpenForHrAsync(db.Survey360Rounds.AsNoTracking(), roundId, bodyId, userId, Actions.SeeTrainingNeeds, ct);
        if (opened.Value is not (var actor, _))
        {
            return opened.Refusal!;
        }

        var version = await VersionOfAsync(roundId, ct);
        var rule = version.Rules.Survey360!;
        var targets = await db.Survey360Targets.AsNoTracking().Where(t => t.RoundId == roundId).ToListAsync(ct);
        var ids = targets.Select(t => t.Id).ToList();
        var answers = (await db.Survey360Replies.AsNoTracking().Include(a => a.Ratings).Where(a => ids.Contains(a.TargetId)).ToListAsync(ct))
            .GroupBy(a => a.TargetId).ToDictionary(g => g.Key, g => g.ToList());
        var perCompetency = new Dictionary<string, List<decimal>>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var decided = Survey360Decision.Decide(version, target.Role, answers.GetValueOrDefault(target.Id, []).Select(a => a.ToResponse()).ToList());
            if (decided.Answer is { Status: "complete" } complete)
            {
                foreach (var (competency, average) in complete.Competencies)
                {
                    (perCompetency.TryGetValue(competency, out var list) ? list : perCompetency[competency] = []).Add(average);
                }
            }
        }

        return Outcome<IReadOnlyList<TrainingNeed>>.Ok(perCompetency
            .Select(c => new TrainingNeed(
                c.Key, rule.Competencies.FirstOrDefault(x => x.Id == c.Key)?.Title ?? LocalizedText.Same(c.Key),
                version.Rules.Rounding.Apply(c.Value.Sum() / c.Value.Count), c.Value.Count))
            .OrderBy(n => n.Average).ThenBy(n => n.CompetencyId, StringComparer.Ordinal)
            .ToList());
    }

    /// <summary>
    /// The individual report as a printable form (model form 7), from the same report: refused
    /// below the pack's minimum of answers, as the report page says.
    /// </summary>
    public async Task<Outcome<Report360Document>> ReportDocumentAsync(string userId, Guid bodyId, Guid targetId, CancellationToken ct = default)
    {
        var report = await CompleteReportAsync(userId, bodyId, targetId, ct);
        if (report.Refusal is { } refusal)
        {
            return refusal;
        }

        var r = report.Value!;
        var (body, year, position, _) = await DocumentContextAsync(bodyId, targetId, ct);
        return Outcome<Report360Document>.Ok(new Report360Document(
            body, year, r.Name, position, r.Respondents,
            [.. r.Competencies.Select(c => new CompetencyAverage(c.Title, c.Average))],
            r.Overall,
            [.. r.Weakest.Select(w => r.Competencies.First(c => c.Id == w).Title)],
            r.Clause ?? string.Empty,
            SignedBy.Blank));
    }

    /// <summary>
    /// The feedback form (model form 8) HR prepares for the conversation with the person's
    /// direct supervisor: the least-shown competencies are its topics (oskemen 36).
    /// </summary>
    public async Task<Outcome<FeedbackFormDocument>> FeedbackDocumentAsync(string userId, Guid bodyId, Guid targetId, CancellationToken ct = default)
    {
        var report = await CompleteReportAsync(userId, bodyId, targetId, ct);
        if (report.Refusal is { } refusal)
        {
            return refusal;
        }

        var r = report.Value!;
        var (body, year, position, supervisor) = await DocumentContextAsync(bodyId, targetId, ct);
        var topics = r.Weakest
            .Select(w => r.Competencies.First(c => c.Id == w))
            .Select(c => new FeedbackTopic(c.Title, c.Average.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return Outcome<FeedbackFormDocument>.Ok(new FeedbackFormDocument(
            body, r.Name, position, supervisor?.Name ?? string.Empty, supervisor?.Position ?? string.Empty, year, null, null, null,
            topics, null, r.Clause ?? string.Empty, SignedBy.Blank, SignedBy.Blank));
    }

    private async Task<Outcome<Report360>> CompleteReportAsync(string userId, Guid bodyId, Guid targetId, CancellationToken ct)
    {
        var report = await ReportAsync(userId, bodyId, targetId, ct);
        if (report.Refusal is not null || report.Value!.Status == "complete")
        {
            return report;
        }

        return Refusal.Of(
            "insufficient-respondents",
            $"Жауап бергендер {report.Value.Respondents}: есеп кемінде 3 жауаптан кейін ғана жасалады",
            $"Ответили {report.Value.Respondents}: отчёт формируется не менее чем по 3 ответам",
            $"{report.Value.Respondents} answered: the report needs at least 3 answers");
    }

    private async Task<(LocalizedText Body, int Year, string Position, (string Name, string Position)? Supervisor)> DocumentContextAsync(Guid bodyId, Guid targetId, CancellationToken ct)
    {
        var target = await db.Survey360Targets.AsNoTracking().FirstAsync(t => t.Id == targetId, ct);
        var round = await db.Survey360Rounds.AsNoTracking().FirstAsync(r => r.Id == target.RoundId, ct);
        var body = await db.StateBodies.AsNoTracking().FirstAsync(b => b.Id == bodyId, ct);
        var lines = ReportingStructure.Of(await db.ReportingLines.AsNoTracking().Where(l => l.StateBodyId == bodyId).ToListAsync(ct));
        async Task<string> PositionOf(Guid servantId)
        {
            var servant = await db.Servants.AsNoTracking().Include(s => s.Appointments).FirstAsync(s => s.Id == servantId, ct);
            var appointment = servant.AppointmentOn(round.LaunchedOn) ?? servant.Appointments.OrderByDescending(a => a.From).FirstOrDefault();
            return appointment is null ? string.Empty
                : await db.Positions.AsNoTracking().Where(p => p.Id == appointment.PositionId).Select(p => p.TitleKk).FirstAsync(ct);
        }

        (string, string)? supervisor = null;
        if (lines.DirectSupervisorOf(target.ServantId) is { } boss)
        {
            supervisor = (await db.Servants.AsNoTracking().Where(s => s.Id == boss).Select(s => s.FullName).FirstAsync(ct), await PositionOf(boss));
        }

        return (new LocalizedText(body.NameKk, body.NameRu, body.NameEn), round.Year, await PositionOf(target.ServantId), supervisor);
    }

    /// <summary>A personal link token: 256 random bits, URL-safe.</summary>
    internal static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed record Link(Survey360Invitation Invitation, Survey360Target Target, PackVersion Version);

    /// <summary>
    /// The link of <paramref name="token"/> with its person and the round's pack version, in one
    /// query (three before: the answer by link is the hottest write of the nation).
    /// </summary>
    private async Task<(Link? Link, Refusal? Refusal)> LinkAsync(string token, CancellationToken ct)
    {
        var invalid = Refusal.Of(RefusalKind.NotFound, "link-invalid", $"Сілтеме жарамсыз", $"Ссылка недействительна", $"This link is not valid");
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
        {
            return (null, invalid);
        }

        var hash = LinkToken.Hash(token.Trim());
        var found = await LinkByHash.GetOrAdd(db.Model, _ => CompileLinkByHash())(db, hash, ct);
        if (found is null)
        {
            return (null, invalid);
        }

        var refusal = found.Invitation.CheckUsable(clock.GetUtcNow());
        return refusal is null
            ? (new Link(found.Invitation, found.Target, found.Round.VersionIn(packs.Catalogue.Find(found.Round.PackId)!)), null)
            : (null, refusal);
    }

    private sealed record LinkRow(Survey360Invitation Invitation, Survey360Target Target, Survey360Round Round);

    // Compiled once per model (one per provider): EF's query cache lookup and parameter
    // extraction were a tenth of an answer's CPU (docs/benchmarks.md).
    private static readonly ConcurrentDictionary<IModel, Func<BagalauDbContext, string, CancellationToken, Task<LinkRow?>>> LinkByHash = new();

    private static Func<BagalauDbContext, string, CancellationToken, Task<LinkRow?>> CompileLinkByHash() =>
        EF.CompileAsyncQuery((BagalauDbContext db, string hash, CancellationToken ct) => (
            from i in db.Set<Survey360Invitation>().AsNoTracking()
            where i.TokenHash == hash
            join t in db.Survey360Targets.AsNoTracking() on i.TargetId equals t.Id
            join r in db.Survey360Rounds.AsNoTracking() on t.RoundId equals r.Id
            select new LinkRow(i, t, r))
            .FirstOrDefault());

    private async Task<PackVersion> VersionOfAsync(Guid roundId, CancellationToken ct)
    {
        var round = await db.Survey360Rounds.AsNoTracking().FirstAsync(r => r.Id == roundId, ct);
        return round.VersionIn(packs.Catalogue.Find(round.PackId)!);
    }

    private async Task<(Actor? Actor, Survey360Target? Target, PackVersion? Version)> LoadTargetAsync(string userId, Guid bodyId, Guid targetId, CancellationToken ct)
    {
        var actor = await actors.InBodyAsync(userId, bodyId, ct);
        var target = await db.Survey360Targets.Include(t => t.Invitations).FirstOrDefaultAsync(t => t.Id == targetId && t.StateBodyId == bodyId, ct);
        return actor is null || target is null ? (null, null, null) : (actor, target, await VersionOfAsync(target.RoundId, ct));
    }

    private async Task<Outcome<Survey360Target>> EditAsync(
        string userId, Guid bodyId, Guid targetId, int expectedVersion, Guid respondentId, Func<Survey360Target, PackVersion, Actor, Refusal?> edit, CancellationToken ct)
    {
        var (actor, target, version) = await LoadTargetAsync(userId, bodyId, targetId, ct);
        if (actor is null || target is null || !await db.Servants.AnyAsync(s => s.Id == respondentId && s.StateBodyId == bodyId, ct))
        {
            return WorkflowRefusals.NotFound();
        }

        if (!VersionTokens.Expect(db, target, expectedVersion))
        {
            return WorkflowRefusals.Stale();
        }

        var refusal = edit(target, version!, actor);
        if (refusal is not null)
        {
            return refusal;
        }

        // Adding or removing a respondent changes the person's list: bump its version as well.
        db.Entry(target).Property(t => t.Issued).IsModified = true;
        return await steps.SaveAsync(target, ct);
    }
}
