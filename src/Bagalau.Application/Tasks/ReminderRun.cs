using Bagalau.Application.Persistence;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bagalau.Application.Tasks;

/// <summary><c>Reminders:WorkingDaysBefore</c> (default 2): how early the "before" reminder goes out.</summary>
public sealed record ReminderOptions(int WorkingDaysBefore)
{
    public static ReminderOptions FromConfiguration(IConfiguration configuration) =>
        new(int.TryParse(configuration["Reminders:WorkingDaysBefore"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : 2);
}

/// <summary>What one reminder run did.</summary>
public sealed record ReminderRunResult(int InApp, int Emails, int EmailFailures);

/// <summary>
/// Sends the reminders due on a day: in-app and by e-mail, N working days before a task's due
/// date and once it is overdue. Idempotent: every delivery is recorded (task, reminder,
/// channel) and never repeated, so the run may be started any number of times a day (the
/// scheduled <c>reminders</c> job, Jobs/ScheduledJobs.cs, does it daily). A failed e-mail
/// is not recorded and is tried again by the next run.
/// </summary>
public sealed class ReminderRun(BagalauDbContext db, WorkflowContext context, IMailSender mail, ReminderOptions options, ILogger<ReminderRun>? logger = null)
{
    private const int Batch = 500;

    public async Task<ReminderRunResult> ExecuteAsync(DateOnly today, CancellationToken ct = default)
    {
        int inApp = 0, emails = 0, failures = 0;

        // HR's tasks for acquaintances past their deadline, added after the paging is done (the
        // paging by offset must not see rows appear in its order).
        var chase = new List<EvaluationTask>();
        var hrOfBody = new Dictionary<Guid, List<string>>();

        // Only open tasks due within the "before" window or already overdue can need a reminder.
        var horizon = context.Calendar.AddWorkingDays(today, options.WorkingDaysBefore);
        var offset = 0;
        while (true)
        {
            // The run changes no task, so paging by offset over a stable order sees each once.
            var tasks = await db.EvaluationTasks
                .Where(t => t.Status == EvaluationTaskStatus.Open && t.Due <= horizon)
                .OrderBy(t => t.Id)
                .Skip(offset)
                .Take(Batch)
                .ToListAsync(ct);
            if (tasks.Count == 0)
            {
                break;
            }

            offset += tasks.Count;
            var ids = tasks.Select(t => t.Id).ToList();
            var sent = (await db.ReminderDeliveries.AsNoTracking()
                .Where(d => ids.Contains(d.TaskId))
                .Select(d => new { d.TaskId, d.Reminder, d.Channel })
                .ToListAsync(ct))
                .Select(d => (d.TaskId, d.Reminder, d.Channel))
                .ToHashSet();
            var addresses = await AddressesAsync(tasks, ct);
            var lateAcquaintances = tasks.Where(t => t.Kind == Acquaintance.AcquaintanceService.TaskKind && today > t.Due).Select(t => t.SubjectId).ToList();
            var chased = lateAcquaintances.Count == 0
                ? []
                : (await db.EvaluationTasks.AsNoTracking()
                    .Where(t => t.Kind == Acquaintance.AcquaintanceService.OverdueTaskKind && lateAcquaintances.Contains(t.SubjectId))
                    .Select(t => t.SubjectId).Distinct().ToListAsync(ct)).ToHashSet();

            foreach (var task in tasks)
            {
                if (task.Kind == Acquaintance.AcquaintanceService.TaskKind && today > task.Due && !chased.Contains(task.SubjectId))
                {
                    if (!hrOfBody.TryGetValue(task.StateBodyId, out var hr))
                    {
                        hr = await db.BodyMemberships.AsNoTracking()
                            .Where(m => m.StateBodyId == task.StateBodyId && (m.Role == Accounts.BodyRole.Hr || m.Role == Accounts.BodyRole.HrHead))
                            .Select(m => m.UserId).Distinct().OrderBy(u => u).ToListAsync(ct);
                        hrOfBody[task.StateBodyId] = hr;
                    }

                    foreach (var user in hr)
                    {
                        var created = EvaluationTask.Create(
                            task.StateBodyId, Acquaintance.AcquaintanceService.OverdueTaskKind, TaskAssignee.User(user), new TaskSubject(task.SubjectType, task.SubjectId),
                            task.CycleId, task.UnitId, task.DeadlineId, task.Due!.Value, new Domain.Decisions.Provenance(task.PackId, task.PackVersionId, task.Clause));
                        if (created.Value is { } added)
                        {
                            chase.Add(added);
                        }
                    }
                }

                var reminder = ReminderRule.ReminderOn(task, today, context.Calendar, options.WorkingDaysBefore);
                if (reminder is null)
                {
                    continue;
                }

                var text = ReminderTexts.For(task, reminder);
                if (!sent.Contains((task.Id, reminder, ReminderDelivery.InApp)))
                {
                    db.Notifications.Add(new InAppNotification(task.StateBodyId, new TaskAssignee(task.AssigneeServantId, task.AssigneeUserId), "reminder-" + reminder, text, task.Id, today));
                    db.ReminderDeliveries.Add(new ReminderDelivery(task.StateBodyId, task.Id, reminder, ReminderDelivery.InApp, today));
                    inApp++;
                }

                if (mail.Enabled && !sent.Contains((task.Id, reminder, ReminderDelivery.Email)) && addresses.TryGetValue(task.Id, out var to))
                {
                    try
                    {
                        // The three languages in one message: the recipient's language is not known here.
                        await mail.SendAsync(new MailMessage(to, $"Bagalau: {text.Kk}", $"{text.Kk}\n\n{text.Ru}\n\n{text.En}\n"), ct);
                        db.ReminderDeliveries.Add(new ReminderDelivery(task.StateBodyId, task.Id, reminder, ReminderDelivery.Email, today));
                        emails++;
                    }
                    catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or MimeKit.ParseException)
                    {
                        failures++;
                        logger?.LogWarning(e, "Reminder e-mail for task {TaskId} to {To} failed; the next run tries again", task.Id, to);
                    }
                }
            }

            await db.SaveChangesAsync(ct);
        }

        if (chase.Count > 0)
        {
            db.EvaluationTasks.AddRange(chase);
            await db.SaveChangesAsync(ct);
        }

        return new ReminderRunResult(inApp, emails, failures);
    }

    /// <summary>The e-mail address of each task's assignee: the servant's, else the user's account e-mail.</summary>
    private async Task<Dictionary<Guid, string>> AddressesAsync(List<EvaluationTask> tasks, CancellationToken ct)
    {
        var servantIds = tasks.Where(t => t.AssigneeServantId != null).Select(t => t.AssigneeServantId!.Value).Distinct().ToList();
        var userIds = tasks.Where(t => t.AssigneeUserId != null).Select(t => t.AssigneeUserId!).Distinct().ToList();
        var servantMail = await db.Servants.AsNoTracking().Where(s => servantIds.Contains(s.Id) && s.Email != "").ToDictionaryAsync(s => s.Id, s => s.Email, ct);
        var servantUserMail = await db.BodyMemberships.AsNoTracking()
            .Where(m => m.ServantId != null && servantIds.Contains(m.ServantId.Value))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { ServantId = m.ServantId!.Value, u.Email })
            .Where(x => x.Email != null)
            .ToListAsync(ct);
        var userMail = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.Email != null).ToDictionaryAsync(u => u.Id, u => u.Email!, ct);

        var result = new Dictionary<Guid, string>();
        foreach (var task in tasks)
        {
            string? address = null;
            if (task.AssigneeServantId is { } servant)
            {
                address = servantMail.GetValueOrDefault(servant) ?? servantUserMail.FirstOrDefault(x => x.ServantId == servant)?.Email;
            }
            else if (task.AssigneeUserId is { } user)
            {
                address = userMail.GetValueOrDefault(user);
            }

            if (!string.IsNullOrWhiteSpace(address))
            {
                result[task.Id] = address;
            }
        }

        return result;
    }
}
