using Bagalau.Domain.Calendar;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Evaluation2023;

/// <summary>Marks records kept out of the audit chain because an audit entry would tie them to a person (360 answers).</summary>
public interface IAnonymousRecord;

/// <summary>A yearly 360 survey of a body (oskemen chapter 4), launched by HR; due by the engine's survey-360 deadline.</summary>
public sealed class Survey360Round : OrganisationEntity
{
    private Survey360Round()
    {
        PackId = VersionId = DueClause = LaunchedBy = string.Empty;
    }

    private Survey360Round(Guid stateBodyId)
        : base(stateBodyId)
    {
        PackId = VersionId = DueClause = LaunchedBy = string.Empty;
    }

    public string PackId { get; private set; }

    public string VersionId { get; private set; }

    public int Year { get; private set; }

    public DateOnly LaunchedOn { get; private set; }

    public string LaunchedBy { get; private set; }

    /// <summary>oskemen 4: no later than the 10th of the month after the year.</summary>
    public DateOnly Due { get; private set; }

    public string DueClause { get; private set; }

    public static Outcome<Survey360Round> Launch(Guid stateBodyId, Pack pack, int year, KzCalendar calendar, Actor actor, DateOnly today)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(Actions.LaunchSurvey, ActorNames.Hr);
        }

        if (year < 1992 || year > 2100)
        {
            return Refusals.InvalidInput(
                $"жарамсыз жыл: {year}",
                $"недопустимый год: {year}",
                $"year {year}");
        }

        // The year's survey runs under the version in force at the year's end, or, for a year in
        // which the act stopped applying, the last version in force during it.
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);
        var version = pack.VersionOn(yearEnd)
            ?? pack.Versions.LastOrDefault(v => v.EffectiveFrom <= yearEnd && (v.EffectiveTo is null || v.EffectiveTo >= yearStart));
        if (version is null)
        {
            return Refusals.NoVersionInForce(pack, yearEnd < pack.Versions[0].EffectiveFrom ? yearEnd : yearStart);
        }

        if (version.Rules.Survey360 is null)
        {
            return Refusals.NotInPack("survey-360", pack.Id);
        }

        var due = DeadlineDecision.Decide(version, "survey-360", new DateOnly(year, 12, 31), calendar);
        if (due.IsRefused)
        {
            return due.Refusal!;
        }

        return Outcome<Survey360Round>.Ok(new Survey360Round(stateBodyId)
        {
            PackId = pack.Id,
            VersionId = version.Id,
            Year = year,
            LaunchedOn = today,
            LaunchedBy = actor.UserId,
            Due = due.Answer!.Due,
            DueClause = due.Provenance!.Clause ?? string.Empty,
        });
    }

    public PackVersion VersionIn(Pack pack) => pack.Versions.First(v => v.Id == VersionId);
}

/// <summary>
/// One evaluated person of a 360 round with their respondents. oskemen 35: 3 to 7 respondents
/// chosen by the system or HR (direct supervisor, direct subordinates, close same-level
/// colleagues) and a self-assessment that is collected but excluded.
/// </summary>
public sealed class Survey360Target : OrganisationEntity
{
    private readonly List<Survey360Invitation> _invitations = [];

    private Survey360Target()
    {
        Role = string.Empty;
    }

    internal Survey360Target(Guid stateBodyId, Guid roundId, Guid servantId, string role)
        : base(stateBodyId)
    {
        RoundId = roundId;
        ServantId = servantId;
        Role = role;
    }

    public Guid RoundId { get; private set; }

    public Guid ServantId { get; private set; }

    /// <summary>oskemen 34: head (of the apparatus) or servant: which competencies are surveyed.</summary>
    public string Role { get; private set; }

    /// <summary>Links were issued: the respondents are fixed.</summary>
    public bool Issued { get; private set; }

    public IReadOnlyList<Survey360Invitation> Invitations => _invitations;

    public int RespondentCount => _invitations.Count(i => i.Relation != "self");

    /// <summary>The proposal (clause 35): the direct supervisor, direct subordinates, then same-level colleagues, up to the maximum; plus the self-assessment.</summary>
    public static Survey360Target Propose(Survey360Round round, PackVersion version, Guid servantId, string role, Guid? supervisor, IReadOnlyList<Guid> subordinates, IReadOnlyList<Guid> peers)
    {
        var rule = version.Rules.Survey360!;
        var target = new Survey360Target(round.StateBodyId, round.Id, servantId, role);
        target._invitations.Add(new Survey360Invitation(round.StateBodyId, target.Id, servantId, "self"));
        var candidates = (supervisor is { } s ? new[] { (s, "supervisor") } : [])
            .Concat(subordinates.Select(x => (x, "subordinate")))
            .Concat(peers.Select(x => (x, "peer")))
            .Where(c => c.Item1 != servantId)
            .DistinctBy(c => c.Item1)
            .Take(rule.MaxRespondents);
        foreach (var (who, relation) in candidates)
        {
            target._invitations.Add(new Survey360Invitation(round.StateBodyId, target.Id, who, relation));
        }

        return target;
    }

    /// <summary>HR adds a respondent before the links are issued (at most the pack's maximum).</summary>
    public Refusal? AddRespondent(PackVersion version, Actor actor, Guid respondentId, string relation)
    {
        var rule = version.Rules.Survey360!;
        var refusal = Editable(actor);
        if (refusal is not null)
        {
            return refusal;
        }

        if (relation is not ("supervisor" or "subordinate" or "peer"))
        {
            return Refusals.InvalidInput(
                $"«{relation}» қатынасы белгісіз: «supervisor» (басшы), «subordinate» (бағынысты қызметші) немесе «peer» (әріптес) болуы тиіс",
                $"неизвестное отношение «{relation}»: допустимы «supervisor» (руководитель), «subordinate» (подчинённый) или «peer» (коллега)",
                $"relation '{relation}' (supervisor, subordinate, peer)");
        }

        if (respondentId == ServantId || _invitations.Any(i => i.RespondentId == respondentId))
        {
            return Refusals.InvalidInput(
                $"респондент тізімде бұрыннан бар (немесе бағаланатын адамның өзі: өзін-өзі бағалау бөлек жүргізіледі)",
                $"респондент уже в списке (или это сам оцениваемый: самооценка проводится отдельно)",
                $"the respondent is already listed (or is the evaluated person: the self-assessment is separate)");
        }

        if (RespondentCount >= rule.MaxRespondents)
        {
            return RespondentsRule.Count(rule, RespondentCount + 1);
        }

        _invitations.Add(new Survey360Invitation(StateBodyId, Id, respondentId, relation));
        return null;
    }

    public Refusal? RemoveRespondent(Actor actor, Guid respondentId)
    {
        var refusal = Editable(actor);
        if (refusal is not null)
        {
            return refusal;
        }

        var invitation = _invitations.FirstOrDefault(i => i.RespondentId == respondentId && i.Relation != "self");
        if (invitation is null)
        {
            return Refusals.InvalidInput(
                $"бұл адам осы қызметшінің респонденті емес",
                $"этот человек не является респондентом этого служащего",
                $"not a respondent of this person");
        }

        _invitations.Remove(invitation);
        return null;
    }

    /// <summary>
    /// Issues one personal link per respondent (and the self-assessment): a random token whose
    /// hash only is kept, valid until <paramref name="expires"/>. The tokens are returned once.
    /// </summary>
    public Outcome<IReadOnlyList<IssuedLink>> Issue(PackVersion version, Actor actor, DateTimeOffset expires, DateTimeOffset now, Func<string> newToken)
    {
        var refusal = Editable(actor) ?? RespondentsRule.Count(version.Rules.Survey360!, RespondentCount);
        if (refusal is not null)
        {
            return refusal;
        }

        if (expires <= now)
        {
            return Refusals.InvalidInput(
                $"сілтемелердің қолданылу мерзімі болашақта аяқталуы тиіс",
                $"срок действия ссылок должен истекать в будущем",
                $"the links must expire in the future");
        }

        var links = new List<IssuedLink>();
        foreach (var invitation in _invitations)
        {
            var token = newToken();
            invitation.Issue(LinkToken.Hash(token), expires);
            links.Add(new IssuedLink(invitation.RespondentId, invitation.Relation, token));
        }

        Issued = true;
        return Outcome<IReadOnlyList<IssuedLink>>.Ok(links);
    }

    private Refusal? Editable(Actor actor) =>
        !actor.IsHr ? WorkflowRefusals.NotAllowed(Actions.ChooseRespondents, ActorNames.Hr)
        : Issued ? WorkflowRefusals.WrongState(Actions.ChooseRespondents, StateNames.LinksIssued)
        : null;
}

/// <summary>A personal link as issued: shown or sent once, never stored in clear.</summary>
public sealed record IssuedLink(Guid RespondentId, string Relation, string Token);

/// <summary>
/// Who is asked about whom, and the hash of their single-use link. The answer itself goes to
/// <see cref="Survey360Reply"/>, which has no way back to this row.
/// </summary>
public sealed class Survey360Invitation : OrganisationEntity
{
    private Survey360Invitation()
    {
        Relation = TokenHash = string.Empty;
    }

    internal Survey360Invitation(Guid stateBodyId, Guid targetId, Guid respondentId, string relation)
        : base(stateBodyId)
    {
        TargetId = targetId;
        RespondentId = respondentId;
        Relation = relation;
        TokenHash = string.Empty;
    }

    public Guid TargetId { get; private set; }

    public Guid RespondentId { get; private set; }

    /// <summary>self, supervisor, subordinate or peer.</summary>
    public string Relation { get; private set; }

    /// <summary>SHA-256 of the token, hex; empty until issued.</summary>
    public string TokenHash { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public bool Used { get; private set; }

    internal void Issue(string hash, DateTimeOffset expires)
    {
        TokenHash = hash;
        ExpiresAt = expires;
    }

    /// <summary>The refusal of a link answered before.</summary>
    public static Refusal UsedRefusal => Refusal.Of(RefusalKind.Gone, "link-used", $"Бұл сілтеме бұрын пайдаланылған", $"Эта ссылка уже использована", $"This link has already been used");

    /// <summary>Checks the link can still be used now (not used, not expired).</summary>
    public Refusal? CheckUsable(DateTimeOffset now) =>
        Used ? UsedRefusal
        : ExpiresAt is not { } at || at <= now ? Refusal.Of(RefusalKind.Gone, "link-expired", $"Сілтеменің мерзімі өтті", $"Срок действия ссылки истёк", $"This link has expired")
        : null;

    /// <summary>Spends the link (a separate step from storing the answer, so nothing joins the two).</summary>
    public Refusal? MarkUsed(DateTimeOffset now)
    {
        var refusal = CheckUsable(now);
        if (refusal is null)
        {
            Used = true;
        }

        return refusal;
    }
}

/// <summary>One rating in an anonymous answer.</summary>
public sealed class Survey360Rating : IAnonymousRecord
{
    private Survey360Rating()
    {
        CompetencyId = string.Empty;
    }

    internal Survey360Rating(string competencyId, decimal rating)
    {
        CompetencyId = competencyId;
        Rating = rating;
    }

    public string CompetencyId { get; private set; }

    public decimal Rating { get; private set; }
}

/// <summary>
/// A 360 answer with no link to the respondent: no respondent, invitation or token, only the
/// evaluated person, whether it is the self-assessment, and the day (never a finer time).
/// </summary>
public sealed class Survey360Reply : IAnonymousRecord
{
    private readonly List<Survey360Rating> _ratings = [];

    private Survey360Reply()
    {
    }

    public Guid Id { get; private set; }

    public Guid TargetId { get; private set; }

    public bool IsSelf { get; private set; }

    public DateOnly AnsweredOn { get; private set; }

    public IReadOnlyList<Survey360Rating> Ratings => _ratings;

    /// <summary>Checks the ratings with the engine (competencies of the role, the pack's scale) and builds the answer.</summary>
    public static Outcome<Survey360Reply> Create(PackVersion version, Survey360Target target, bool isSelf, IReadOnlyDictionary<string, decimal> ratings, DateOnly today)
    {
        var competencies = version.Rules.Survey360?.CompetenciesByRole.GetValueOrDefault(target.Role) ?? [];
        var missing = competencies.Where(c => !ratings.ContainsKey(c))
            .Select(c => version.Rules.Survey360!.Competencies.FirstOrDefault(x => x.Id == c)?.Title ?? LocalizedText.Same($"«{c}»"))
            .ToList();
        if (missing.Count > 0)
        {
            return Refusal.Of(
                "rating-missing",
                $"Бағаланбаған құзыреттер: {string.Join(", ", missing.Select(t => t.Kk))}",
                $"Не оценены компетенции: {string.Join(", ", missing.Select(t => t.Ru))}",
                $"No rating for: {string.Join(", ", missing.Select(t => t.En))}");
        }

        // The engine checks the competencies and the scale on this one answer.
        var check = Survey360Decision.Decide(version, target.Role, [new SurveyResponse(isSelf ? "self" : "peer", ratings)]);
        if (check.IsRefused)
        {
            return check.Refusal!;
        }

        var answer = new Survey360Reply { Id = Guid.NewGuid(), TargetId = target.Id, IsSelf = isSelf, AnsweredOn = today };
        answer._ratings.AddRange(ratings.Select(r => new Survey360Rating(r.Key, r.Value)));
        return Outcome<Survey360Reply>.Ok(answer);
    }

    /// <summary>
    /// The engine's response: the relation is not stored (with one supervisor it would name the
    /// person), and the decision only tells the self-assessment from the others.
    /// </summary>
    public SurveyResponse ToResponse() =>
        new(IsSelf ? "self" : "peer", _ratings.ToDictionary(r => r.CompetencyId, r => r.Rating, StringComparer.Ordinal));
}

/// <summary>oskemen 35: 3 to 7 respondents besides the self-assessment.</summary>
public static class RespondentsRule
{
    public static Refusal? Count(Survey360Rule rule, int respondents) =>
        respondents >= rule.MinRespondents && respondents <= rule.MaxRespondents
            ? null
            : Refusal.Of(
                "respondent-count",
                $"Респонденттер саны {respondents}: {rule.MinRespondents}-{rule.MaxRespondents} болуы тиіс ({rule.Clause}-тармақ)",
                $"Респондентов {respondents}: должно быть от {rule.MinRespondents} до {rule.MaxRespondents} (пункт {rule.Clause})",
                $"{respondents} respondents: {rule.MinRespondents} to {rule.MaxRespondents} required (clause {rule.Clause})");
}

/// <summary>Link tokens are kept only as SHA-256 hashes.</summary>
public static class LinkToken
{
    public static string Hash(string token) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token ?? string.Empty)));
}
