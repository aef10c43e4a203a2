using Bagalau.Application.Persistence;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2023;

/// <summary>The links issued for one evaluated person (the tokens are in this answer only).</summary>
public sealed record IssuedTarget(Guid TargetId, Guid ServantId, string Name, IReadOnlyList<IssuedLink> Links);

/// <summary>What issuing links in bulk did: the count, each refused person with the refusal, and the links of the others.</summary>
public sealed record BulkIssue(BulkReport Report, IReadOnlyList<IssuedTarget> Issued);

/// <summary>
/// HR issues the 360 links of many evaluated persons at once: those chosen, or every person of
/// the round without links. Each person goes through <see cref="Survey360Service.IssueAsync"/>
/// (respondent count, expiry, HR only, the audit) in its own save; a refused person is named in
/// the report and keeps the others' links issued.
/// </summary>
public sealed class Survey360Issuing(BagalauDbContext db, WorkflowActors actors, Survey360Service survey, BulkRun bulk)
{
    public async Task<Outcome<BulkIssue>> IssueAsync(string userId, Guid bodyId, Guid roundId, IReadOnlyCollection<Guid>? targetIds, DateTimeOffset expiresAt, CancellationToken ct = default)
    {
        var opened = await actors.OpenForHrAsync(db.Survey360Rounds.AsNoTracking(), roundId, bodyId, userId, Actions.IssueLinks, ct);
        if (opened.Refusal is { } refusal)
        {
            return refusal;
        }

        var targets = db.Survey360Targets.AsNoTracking().Where(t => t.RoundId == roundId);
        targets = targetIds is { Count: > 0 } ? targets.Where(t => targetIds.Contains(t.Id)) : targets.Where(t => !t.Issued);
        var chosen = (await targets
                .Join(db.Servants.AsNoTracking(), t => t.ServantId, s => s.Id, (t, s) => new { t.Id, t.ServantId, s.FullName, s.SearchName, t.Version })
                .ToListAsync(ct))
            .OrderBy(t => t.SearchName, StringComparer.Ordinal).ThenBy(t => t.Id)
            .ToList();
        var unknown = (targetIds ?? []).Distinct().Where(id => chosen.All(t => t.Id != id))
            .Select(id => new BulkRefused(id, string.Empty, WorkflowRefusals.NotFound()));
        var issued = new List<IssuedTarget>();
        var report = await bulk.EachAsync(
            chosen,
            t => t.Id,
            t => t.FullName,
            t => survey.IssueAsync(userId, bodyId, t.Id, t.Version, expiresAt, ct),
            (t, links) => issued.Add(new IssuedTarget(t.Id, t.ServantId, t.FullName, links)),
            ct);
        return new BulkIssue(report with { Refused = [.. report.Refused, .. unknown] }, issued);
    }
}
