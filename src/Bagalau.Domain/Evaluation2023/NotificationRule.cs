using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Decisions;

namespace Bagalau.Domain.Evaluation2023;

/// <summary>
/// When HR may record that a servant was notified of a quarter's result instead of the servant
/// acknowledging it. oskemen 11: "absent servants are notified by registered letter, telephone
/// message, telegram, SMS or e-mail"; nhrc 9: "the servant receives results in the system and
/// the mobile app; dismissed persons are notified ... by the means listed in oskemen 11". So only
/// a servant the sheet records as evaluated without participation (dismissed or absent, oskemen
/// 5-6, nhrc 6) is notified; anyone else acknowledges in Bagalau. The notification is dated
/// between the sheet's submission and today.
/// </summary>
public static class NotificationRule
{
    public const string WithoutParticipation = "without-participation";

    public static Refusal? Check(string participation, NotificationChannel channel, DateOnly submittedOn, DateOnly notifiedOn, DateOnly today)
    {
        if (participation != WithoutParticipation)
        {
            return Refusal.Of(
                $"servant-present",
                $"Қызметші бағалауға қатысты: нәтижемен жүйеде өзі танысады («oskemen» 11, «nhrc» 9)",
                $"Служащий оценивался с участием: он сам знакомится с результатом в системе («oskemen» 11, «nhrc» 9)",
                $"The servant was evaluated with participation: they acknowledge the result themselves in the system (oskemen 11, nhrc 9)");
        }

        if (channel == NotificationChannel.Other)
        {
            return Refusal.Of(
                $"unknown-channel",
                $"Актіде аталған тәсілді таңдаңыз: тапсырыс хат, телефонограмма, жеделхат, SMS немесе электрондық пошта",
                $"Выберите способ, названный в акте: заказное письмо, телефонограмма, телеграмма, SMS или электронная почта",
                $"Choose a means the act lists: registered letter, telephone message, telegram, SMS or e-mail");
        }

        if (notifiedOn > today)
        {
            return NotificationRefusals.InFuture(notifiedOn);
        }

        if (notifiedOn < submittedOn)
        {
            return Refusal.Of(
                $"notification-before-result",
                $"Хабарлау күні {WorkflowRefusals.Day(notifiedOn)} бағалау парағы жіберілген күннен ({WorkflowRefusals.Day(submittedOn)}) ерте",
                $"Дата уведомления {WorkflowRefusals.Day(notifiedOn)} раньше отправки оценочного листа ({WorkflowRefusals.Day(submittedOn)})",
                $"The notification date {WorkflowRefusals.Day(notifiedOn)} is before the sheet was submitted ({WorkflowRefusals.Day(submittedOn)})");
        }

        return null;
    }
}
