using Bagalau.Application.Workflow;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Organisation;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Web.Api;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Bagalau.Application.Time;

namespace Bagalau.Web.Pages.Bodies.Survey360;

/// <summary>
/// HR's round: each evaluated person with the proposed respondents (clause 35: 3-7), adjusted
/// before the links are issued; issued links are shown once, to copy or e-mail.
/// </summary>
[Authorize(Policy = BodyPolicies.Member)]
public sealed class RoundModel(ServantDirectory directory, OrganisationService organisation, Survey360Issuing issuing, IMailSender mail, TimeProvider clock, ILoggerFactory logs) : Survey360Page
{
    /// <summary>The list's filter, in the URL query.</summary>
    [BindProperty(SupportsGet = true)]
    public Web.Bodies.ListFilter Filter { get; set; } = new();

    public Page<TargetView> TargetsPage { get; private set; } = new([], 1, PageRequest.DefaultSize, 0);

    public IReadOnlyList<(string Value, string Title)> Units { get; private set; } = [];

    public Web.Bodies.PagerView Pager => new(TargetsPage.Number, TargetsPage.PageCount, TargetsPage.Total, n => Url.Page("/Bodies/Survey360/Round", Filter.RouteValues(n, new { bodyId = BodyId, roundId = RoundId })));

    /// <summary>Links are valid until the end of this day, Kazakhstan time.</summary>
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    [FromRoute]
    public Guid RoundId { get; set; }

    public Survey360Round Round { get; private set; } = null!;

    public IReadOnlyList<TargetView> Targets { get; private set; } = [];

    /// <summary>The links just issued (this answer only: only their hashes are kept).</summary>
    public IReadOnlyList<IssuedLinkDto> Issued { get; private set; } = [];

    public Guid? IssuedFor { get; private set; }

    public DateOnly DefaultExpiry { get; private set; }

    public bool MailEnabled => mail.Enabled;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAddAsync(Guid targetId, int version, Guid? servantId, string? servantName, string? relation)
    {
        var chosen = await directory.ResolveAsync(BodyId, servantId, servantName, Domain.Workflow.Fields.Respondent, HttpContext.RequestAborted);
        if (chosen.Value is not { } respondent)
        {
            return Refused(chosen.Refusal) ?? await LoadAsync() ?? Page();
        }

        var added = await Service.AddRespondentAsync(UserId, BodyId, targetId, version, respondent.Id, relation ?? string.Empty, HttpContext.RequestAborted);
        return Refused(added.Refusal) ?? await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid targetId, int version, Guid servantId)
    {
        var removed = await Service.RemoveRespondentAsync(UserId, BodyId, targetId, version, servantId, HttpContext.RequestAborted);
        return Refused(removed.Refusal) ?? await LoadAsync() ?? Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(Guid targetId, int version, DateOnly? expires, bool email)
    {
        var until = expires ?? KazakhstanClock.Today(clock).AddDays(10);
        var expiresAt = new DateTimeOffset(until.ToDateTime(new TimeOnly(23, 59, 59)), Kazakhstan);
        var issued = await Service.IssueAsync(UserId, BodyId, targetId, version, expiresAt, HttpContext.RequestAborted);
        var refused = Refused(issued.Refusal);
        if (refused is not null)
        {
            return refused;
        }

        if (issued.Value is { } links)
        {
            Issued = await Survey360Endpoints.HandOutAsync(Request, links, directory, mail, email, expiresAt, logs, HttpContext.RequestAborted);
            IssuedFor = targetId;
        }

        return await LoadAsync() ?? Page();
    }

    /// <summary>What the last bulk issue did (this answer only).</summary>
    public BulkReport? Report { get; private set; }

    /// <summary>The links the last bulk issue gave, by evaluated person (this answer only: only their hashes are kept).</summary>
    public IReadOnlyList<(string Target, IssuedLinkDto Link)> BulkLinks { get; private set; } = [];

    /// <summary>Issues the links of the ticked persons, or (<paramref name="all"/>) of every person of the round without links.</summary>
    public async Task<IActionResult> OnPostIssueManyAsync(List<Guid>? targetIds, bool all, DateOnly? expires, bool email)
    {
        if (!all && targetIds is not { Count: > 0 })
        {
            var none = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Survey360Text>>()["s360.none-selected"].Value;
            var loaded = await LoadAsync();
            Error = none;
            return loaded ?? Page();
        }

        var until = expires ?? KazakhstanClock.Today(clock).AddDays(10);
        var expiresAt = new DateTimeOffset(until.ToDateTime(new TimeOnly(23, 59, 59)), Kazakhstan);
        var issued = await issuing.IssueAsync(UserId, BodyId, RoundId, all ? null : targetIds, expiresAt, HttpContext.RequestAborted);
        var refused = Refused(issued.Refusal);
        if (refused is not null)
        {
            return refused;
        }

        if (issued.Value is { } bulk)
        {
            Report = bulk.Report;
            var shown = new List<(string, IssuedLinkDto)>();
            foreach (var target in bulk.Issued)
            {
                var links = await Survey360Endpoints.HandOutAsync(Request, target.Links, directory, mail, email, expiresAt, logs, HttpContext.RequestAborted);
                shown.AddRange(links.Select(l => (target.Name, l)));
            }

            BulkLinks = shown;
        }

        return await LoadAsync() ?? Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var round = await Service.RoundAsync(BodyId, RoundId, HttpContext.RequestAborted);
        if (round is null)
        {
            return NotFound();
        }

        Round = round;
        DefaultExpiry = KazakhstanClock.Today(clock).AddDays(10);
        var targets = await Service.TargetsAsync(UserId, BodyId, RoundId, Filter.ToQuery(), HttpContext.RequestAborted);
        if (targets.Refusal is { Code: "not-found" })
        {
            return NotFound();
        }

        if (targets.Refusal is not null)
        {
            return Forbid();
        }

        TargetsPage = targets.Value!;
        Targets = TargetsPage.Items;
        Units = [.. (await organisation.ListUnitsAsync(BodyId, HttpContext.RequestAborted)).Select(u => (u.Id.ToString(), u.NameIn(Language)))];
        return null;
    }
}
