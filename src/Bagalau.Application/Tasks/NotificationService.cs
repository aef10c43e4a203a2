using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Tasks;

/// <summary>In-app notifications of a user (sent to the user or to the servant records the user is).</summary>
public sealed class NotificationService(BagalauDbContext db)
{
    private IQueryable<InAppNotification> Of(string userId)
    {
        var servants = db.BodyMemberships.Where(m => m.UserId == userId && m.ServantId != null).Select(m => m.ServantId);
        return db.Notifications.Where(n => n.RecipientUserId == userId || servants.Contains(n.RecipientServantId));
    }

    /// <summary>Newest first; unread only unless asked.</summary>
    public Task<Page<InAppNotification>> MineAsync(string userId, PageRequest page, bool includeRead = false, CancellationToken ct = default)
    {
        var query = Of(userId).AsNoTracking();
        if (!includeRead)
        {
            query = query.Where(n => n.ReadOn == null);
        }

        return query.OrderByDescending(n => n.CreatedOn).ThenBy(n => n.Id).ToPageAsync(page, ct);
    }

    public Task<int> UnreadCountAsync(string userId, CancellationToken ct = default) =>
        Of(userId).CountAsync(n => n.ReadOn == null, ct);

    /// <summary>
    /// HR reminds the assignee of one open task of the body now (the completion page's "remind"):
    /// an in-app notification with the reminder's text (overdue or not), linked to the task.
    /// False when the task is not an open task of the body.
    /// </summary>
    public async Task<bool> RemindAsync(Guid stateBodyId, Guid taskId, DateOnly today, CancellationToken ct = default)
    {
        var task = await db.EvaluationTasks.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Id == taskId && t.StateBodyId == stateBodyId && t.Status == EvaluationTaskStatus.Open, ct);
        if (task is null)
        {
            return false;
        }

        var reminder = task.Due is { } due && today > due ? ReminderRule.Overdue : ReminderRule.Before;
        db.Notifications.Add(new InAppNotification(stateBodyId, new TaskAssignee(task.AssigneeServantId, task.AssigneeUserId), "reminder-manual", ReminderTexts.For(task, reminder), task.Id, today));
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Marks one of the user's notifications read; false when it is not theirs (or does not exist).</summary>
    public async Task<bool> MarkReadAsync(string userId, Guid notificationId, DateOnly today, CancellationToken ct = default)
    {
        var notification = await Of(userId).FirstOrDefaultAsync(n => n.Id == notificationId, ct);
        if (notification is null)
        {
            return false;
        }

        notification.MarkRead(today);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
