using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Tasks;

/// <summary>A message shown in Bagalau to a user or servant (reminders, results to see, ...), in kk/ru/en.</summary>
public sealed class InAppNotification : OrganisationEntity
{
    private InAppNotification()
    {
        Kind = TextKk = TextRu = TextEn = string.Empty;
    }

    public InAppNotification(Guid stateBodyId, TaskAssignee recipient, string kind, LocalizedText text, Guid? taskId, DateOnly createdOn)
        : base(stateBodyId)
    {
        RecipientServantId = recipient.ServantId;
        RecipientUserId = recipient.UserId;
        Kind = kind;
        TextKk = text.Kk;
        TextRu = text.Ru;
        TextEn = text.En;
        TaskId = taskId;
        CreatedOn = createdOn;
    }

    public Guid? RecipientServantId { get; private set; }

    public string? RecipientUserId { get; private set; }

    public string Kind { get; private set; }

    public string TextKk { get; private set; }

    public string TextRu { get; private set; }

    public string TextEn { get; private set; }

    public Guid? TaskId { get; private set; }

    public DateOnly CreatedOn { get; private set; }

    public DateOnly? ReadOn { get; private set; }

    public LocalizedText Text => new(TextKk, TextRu, TextEn);

    public void MarkRead(DateOnly today) => ReadOn ??= today;
}

/// <summary>
/// "Reminder R of task T went out through channel C": the record that makes the reminder run
/// idempotent (a unique key on task, reminder and channel).
/// </summary>
public sealed class ReminderDelivery : OrganisationEntity
{
    private ReminderDelivery()
    {
        Reminder = Channel = string.Empty;
    }

    public ReminderDelivery(Guid stateBodyId, Guid taskId, string reminder, string channel, DateOnly sentOn)
        : base(stateBodyId)
    {
        TaskId = taskId;
        Reminder = reminder;
        Channel = channel;
        SentOn = sentOn;
    }

    public const string InApp = "in-app";
    public const string Email = "email";

    public Guid TaskId { get; private set; }

    /// <summary><see cref="ReminderRule.Before"/> or <see cref="ReminderRule.Overdue"/>.</summary>
    public string Reminder { get; private set; }

    public string Channel { get; private set; }

    public DateOnly SentOn { get; private set; }
}

/// <summary>The texts of reminders in kk/ru/en.</summary>
public static class ReminderTexts
{
    public static LocalizedText For(EvaluationTask task, string reminder)
    {
        var name = TaskKinds.NameOf(task.Kind);
        if (task.Due is not { } day)
        {
            return new LocalizedText($"Еске салу: «{name.Kk}»", $"Напоминание: «{name.Ru}»", $"Reminder: '{name.En}'");
        }

        var due = day.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var clause = task.Clause ?? "-";
        return reminder == ReminderRule.Overdue
            ? new LocalizedText(
                $"Мерзімі өтті: «{name.Kk}», мерзімі {due} ({clause}-тармақ)",
                $"Просрочено: «{name.Ru}», срок {due} (пункт {clause})",
                $"Overdue: '{name.En}', due {due} (clause {clause})")
            : new LocalizedText(
                $"Еске салу: «{name.Kk}», мерзімі {due} ({clause}-тармақ)",
                $"Напоминание: «{name.Ru}», срок {due} (пункт {clause})",
                $"Reminder: '{name.En}', due {due} (clause {clause})");
    }
}
