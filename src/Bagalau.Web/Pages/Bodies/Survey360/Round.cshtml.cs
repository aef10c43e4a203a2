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
public sealed class RoundModel(ServantDirectory directory, IMailSender mail, TimeProvider clock, ILoggerFactory logs) : Survey360Page
{
    /// <summary>Links are valid until the end of this day, Kazakhstan time.</summary>
    private static readonly TimeSpan Kazakhstan = TimeSpan.FromHours(5);

    [FromRoute]
    public Guid RoundId { get; set; }

    public Survey360Round Round { get; private set; } = null!;

    public IReadOnlyList<TargetView> Targets { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Servants { get; private set; } = [];

    /// <summary>The links just issued (this answer only: only their hashes are kept).</summary>
    public IReadOnlyList<IssuedLinkDto> Issued { get; private set; } = [];

    public Guid? IssuedFor { get; private set; }

    public DateOnly DefaultExpiry { get; private set; }

    public bool MailEnabled => mail.Enabled;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAddAsync(Guid targetId, int version, Guid servantId, string? relation)
    {
        var added = await Service.AddRespondentAsync(UserId, BodyId, targetId, version, servantId, relation ?? string.Empty, HttpContext.RequestAborted);
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
            var people = await directory.ContactsAsync(links.Select(l => l.RespondentId), HttpContext.RequestAborted);
            var shown = new List<IssuedLinkDto>();
            foreach (var link in links)
            {
                var url = $"{Request.Scheme}://{Request.Host}{Request.PathBase}{Survey360Endpoints.LinkPagePath}{link.Token}";
                var (name, address) = people.GetValueOrDefault(link.RespondentId, ("?", string.Empty));
                var emailed = email && mail.Enabled && !string.IsNullOrWhiteSpace(address)
                    && await Survey360Endpoints.SendAsync(mail, address, url, expiresAt, logs, HttpContext.RequestAborted);
                shown.Add(new IssuedLinkDto(link.RespondentId, name, link.Relation, url, link.Token, emailed));
            }

            Issued = shown;
            IssuedFor = targetId;
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
        var targets = await Service.TargetsAsync(UserId, BodyId, RoundId, HttpContext.RequestAborted);
        if (targets.Refusal is { Code: "not-found" })
        {
            return NotFound();
        }

        if (targets.Refusal is not null)
        {
            return Forbid();
        }

        Targets = targets.Value!;
        Servants = [.. Targets.Select(t => (t.ServantId, t.Name))];
        return null;
    }
}
