using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Acquaintance;

public enum AcquaintanceState
{
    /// <summary>The servant has not yet seen the result.</summary>
    Pending,

    /// <summary>The servant acknowledged the result in Bagalau.</summary>
    Acknowledged,

    /// <summary>The servant refused; HR recorded the refusal act.</summary>
    Refused,

    /// <summary>The servant was absent or dismissed; HR notified them by a channel on a date.</summary>
    Notified,
}

/// <summary>How an absent or dismissed servant was told of the result.</summary>
public enum NotificationChannel
{
    RegisteredLetter,
    Sms,
    Email,
    Telegram,
    PhoneMessage,
    Other,
}

/// <summary>One signatory of a refusal act: a name as written and the position held.</summary>
public sealed record Signatory(string Name, string Position);

/// <summary>
/// The act recording that a servant refused to acquaint themselves with the result: signed by
/// an HR officer and two other employees (almaty/sjc clause 41, mdai 40).
/// </summary>
public sealed record RefusalAct(DateOnly Date, Signatory Hr, Signatory Witness1, Signatory Witness2, string? Note);

/// <summary>
/// Acquainting a servant with an evaluation result (any family): the servant acknowledges in
/// Bagalau, or refuses and HR records the refusal act, or, when the servant is absent or
/// dismissed, HR records how and when they were notified. Late acquaintance is allowed but
/// flagged. Each way ends with an entry in the servant's service record.
/// </summary>
public sealed class ResultAcquaintance : OrganisationEntity
{
    private ResultAcquaintance()
    {
        SubjectType = ResultKk = ResultRu = ResultEn = PackId = PackVersionId = string.Empty;
    }

    private ResultAcquaintance(Guid stateBodyId)
        : base(stateBodyId)
    {
        SubjectType = ResultKk = ResultRu = ResultEn = PackId = PackVersionId = string.Empty;
    }

    public Guid ServantId { get; private set; }

    /// <summary>What result this is (e.g. <c>evaluation-2018</c>) and its id.</summary>
    public string SubjectType { get; private set; }

    public Guid SubjectId { get; private set; }

    /// <summary>The result as the servant is told it, in kk/ru/en.</summary>
    public string ResultKk { get; private set; }

    public string ResultRu { get; private set; }

    public string ResultEn { get; private set; }

    /// <summary>The day the result was decided (the deadline counts from it).</summary>
    public DateOnly ResultOn { get; private set; }

    /// <summary>Acquaintance deadline from the engine's <c>acquaint</c> deadline decision.</summary>
    public DateOnly Due { get; private set; }

    public string? DueClause { get; private set; }

    public string PackId { get; private set; }

    public string PackVersionId { get; private set; }

    public AcquaintanceState State { get; private set; }

    /// <summary>The day the acquaintance was completed (acknowledged, act signed or servant notified).</summary>
    public DateOnly? CompletedOn { get; private set; }

    /// <summary>Completed after <see cref="Due"/>: allowed, but flagged.</summary>
    public bool Late { get; private set; }

    public DateOnly? RefusalActDate { get; private set; }

    public string? RefusalHrName { get; private set; }

    public string? RefusalHrPosition { get; private set; }

    public string? RefusalWitness1Name { get; private set; }

    public string? RefusalWitness1Position { get; private set; }

    public string? RefusalWitness2Name { get; private set; }

    public string? RefusalWitness2Position { get; private set; }

    public string? RefusalNote { get; private set; }

    public NotificationChannel? Channel { get; private set; }

    public DateOnly? NotifiedOn { get; private set; }

    public string? ChannelDetail { get; private set; }

    public LocalizedText Result => new(ResultKk, ResultRu, ResultEn);

    public RefusalAct? RefusalAct => RefusalActDate is { } date
        ? new RefusalAct(date, new Signatory(RefusalHrName!, RefusalHrPosition!), new Signatory(RefusalWitness1Name!, RefusalWitness1Position!), new Signatory(RefusalWitness2Name!, RefusalWitness2Position!), RefusalNote)
        : null;

    /// <summary>Opens the acquaintance with the due date the engine's <c>acquaint</c> deadline decision gave.</summary>
    public static Outcome<ResultAcquaintance> Open(Guid stateBodyId, Guid servantId, string subjectType, Guid subjectId, LocalizedText result, DateOnly resultOn, Decided<DeadlineAnswer> due)
    {
        if (due.Refusal is { } refusal)
        {
            return refusal;
        }

        return new ResultAcquaintance(stateBodyId)
        {
            ServantId = servantId,
            SubjectType = subjectType,
            SubjectId = subjectId,
            ResultKk = result.Kk,
            ResultRu = result.Ru,
            ResultEn = result.En,
            ResultOn = resultOn,
            Due = due.Answer!.Due,
            DueClause = due.Provenance!.Clause,
            PackId = due.Provenance.PackId,
            PackVersionId = due.Provenance.VersionId,
            State = AcquaintanceState.Pending,
        };
    }

    /// <summary>The servant acknowledges the result in Bagalau (only the servant themselves).</summary>
    public Outcome Acknowledge(Actor actor, DateOnly today)
    {
        if (!actor.Is(ServantId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Servant);
        }

        if (State != AcquaintanceState.Pending)
        {
            return WorkflowRefusals.WrongState(Actions.Acknowledge, State);
        }

        Complete(AcquaintanceState.Acknowledged, today);
        return Outcome.Done;
    }

    /// <summary>HR records the servant's refusal with the act signed by HR and two other employees.</summary>
    public Outcome RecordRefusal(Actor actor, RefusalAct act, DateOnly today)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        if (State != AcquaintanceState.Pending)
        {
            return WorkflowRefusals.WrongState(Actions.RecordRefusalAct, State);
        }

        if (RefusalActRule.Check(act, ResultOn, today) is { } refusal)
        {
            return refusal;
        }

        RefusalActDate = act.Date;
        RefusalHrName = act.Hr.Name.Trim();
        RefusalHrPosition = act.Hr.Position.Trim();
        RefusalWitness1Name = act.Witness1.Name.Trim();
        RefusalWitness1Position = act.Witness1.Position.Trim();
        RefusalWitness2Name = act.Witness2.Name.Trim();
        RefusalWitness2Position = act.Witness2.Position.Trim();
        RefusalNote = TextRules.Clean(act.Note);
        Complete(AcquaintanceState.Refused, act.Date);
        return Outcome.Done;
    }

    /// <summary>
    /// HR records that a servant who is absent or dismissed was notified of the result by a
    /// channel on a date; <paramref name="servantAbsentOrDismissed"/> is read from the register.
    /// </summary>
    public Outcome RecordNotification(Actor actor, NotificationChannel channel, DateOnly notifiedOn, string? detail, bool servantAbsentOrDismissed, DateOnly today, DateOnly? resultKnownOn = null)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(ActorNames.Hr);
        }

        if (State != AcquaintanceState.Pending)
        {
            return WorkflowRefusals.WrongState(Actions.Notify, State);
        }

        if (!servantAbsentOrDismissed)
        {
            return Refusal.Of(
                $"servant-present",
                $"Қызметші жұмыста: нәтижемен Bagalau арқылы танысады немесе бас тарту актісі жасалады",
                $"Служащий на работе: он знакомится с результатом в Bagalau, либо составляется акт об отказе",
                $"The servant is at work: they acknowledge in Bagalau, or a refusal act is recorded");
        }

        if (notifiedOn > today)
        {
            return NotificationRefusals.InFuture(notifiedOn);
        }

        // A 2023 result is known from the sheet's submission, before the quarter close opens
        // this record: a letter sent in between is a valid notification.
        var earliest = resultKnownOn is { } known && known < ResultOn ? known : ResultOn;
        if (notifiedOn < earliest)
        {
            return Refusal.Of(
                $"notification-before-result",
                $"Хабарлау күні {WorkflowRefusals.Day(notifiedOn)} нәтиже шыққан күннен ({WorkflowRefusals.Day(earliest)}) ерте",
                $"Дата уведомления {WorkflowRefusals.Day(notifiedOn)} раньше дня результата ({WorkflowRefusals.Day(earliest)})",
                $"The notification date {WorkflowRefusals.Day(notifiedOn)} is before the result ({WorkflowRefusals.Day(earliest)})");
        }

        if (channel == NotificationChannel.Other && string.IsNullOrWhiteSpace(detail))
        {
            return WorkflowRefusals.Required(Fields.ChannelDetail);
        }

        if (TextRules.OptionalName(detail, "channel_detail") is not null)
        {
            return Refusals.InvalidInput(
                $"хабарлау тәсілінің сипаттамасы 300 таңбадан ұзын",
                $"описание способа уведомления длиннее 300 символов",
                $"channel detail is longer than 300 characters");
        }

        Channel = channel;
        NotifiedOn = notifiedOn;
        ChannelDetail = TextRules.Clean(detail);
        Complete(AcquaintanceState.Notified, notifiedOn);
        return Outcome.Done;
    }

    /// <summary>The entry this acquaintance adds to the servant's service record.</summary>
    public ServiceRecordEntry ServiceRecordEntry() => new(StateBodyId, ServantId, CompletedOn!.Value, SubjectType, SubjectId, Id, ServiceRecordText.Of(this));

    private void Complete(AcquaintanceState state, DateOnly on)
    {
        State = state;
        CompletedOn = on;
        Late = on > Due;
    }
}

/// <summary>A refusal act carries three different signatories with names and positions, dated between the result and today.</summary>
public static class RefusalActRule
{
    public static Refusal? Check(RefusalAct act, DateOnly resultOn, DateOnly today)
    {
        var signatories = new[] { act.Hr, act.Witness1, act.Witness2 };
        if (signatories.Any(s => string.IsNullOrWhiteSpace(s.Name) || string.IsNullOrWhiteSpace(s.Position)))
        {
            return Refusal.Of(
                $"refusal-act-signatories",
                $"Бас тарту актісіне персоналды басқару қызметінің қызметкері және тағы екі қызметкер қол қояды: үшеуінің аты-жөні мен лауазымы керек",
                $"Акт об отказе подписывают сотрудник службы управления персоналом и ещё два работника: нужны ФИО и должности всех троих",
                $"The refusal act is signed by an HR officer and two other employees: all three names and positions are required");
        }

        if (signatories.Select(s => s.Name.Trim().ToUpperInvariant()).Distinct().Count() != 3)
        {
            return Refusal.Of(
                $"refusal-act-same-signatory",
                $"Бас тарту актісіне үш түрлі адам қол қоюы тиіс",
                $"Акт об отказе должны подписать три разных человека",
                $"Three different people must sign the refusal act");
        }

        if (signatories.Any(s => TextRules.OptionalName(s.Name, "name") is not null || TextRules.OptionalName(s.Position, "position") is not null)
            || TextRules.OptionalName(act.Note, "note") is not null)
        {
            return Refusals.InvalidInput(
                $"аты-жөні, лауазымы немесе ескертпе 300 таңбадан ұзын",
                $"ФИО, должность или примечание длиннее 300 символов",
                $"a name, position or note is longer than 300 characters");
        }

        if (act.Date < resultOn || act.Date > today)
        {
            return Refusals.InvalidInput(
                $"акт күні ({WorkflowRefusals.Day(act.Date)}) нәтиже шыққан күн ({WorkflowRefusals.Day(resultOn)}) мен бүгінгі күннің аралығында болуы тиіс",
                $"дата акта ({WorkflowRefusals.Day(act.Date)}) должна быть между днём результата ({WorkflowRefusals.Day(resultOn)}) и сегодняшним днём",
                $"act date {WorkflowRefusals.Day(act.Date)} must lie between the result ({WorkflowRefusals.Day(resultOn)}) and today");
        }

        return null;
    }
}

/// <summary>A line of the servant's service record (послужной список): the result and how it was acquainted.</summary>
public sealed class ServiceRecordEntry : OrganisationEntity
{
    private ServiceRecordEntry()
    {
        SubjectType = TextKk = TextRu = TextEn = string.Empty;
    }

    public ServiceRecordEntry(Guid stateBodyId, Guid servantId, DateOnly on, string subjectType, Guid subjectId, Guid? acquaintanceId, LocalizedText text)
        : base(stateBodyId)
    {
        ServantId = servantId;
        On = on;
        SubjectType = subjectType;
        SubjectId = subjectId;
        AcquaintanceId = acquaintanceId;
        TextKk = text.Kk;
        TextRu = text.Ru;
        TextEn = text.En;
    }

    public Guid ServantId { get; private set; }

    public DateOnly On { get; private set; }

    public string SubjectType { get; private set; }

    public Guid SubjectId { get; private set; }

    public Guid? AcquaintanceId { get; private set; }

    public string TextKk { get; private set; }

    public string TextRu { get; private set; }

    public string TextEn { get; private set; }

    public LocalizedText Text => new(TextKk, TextRu, TextEn);
}

/// <summary>The service-record wording of an acquaintance.</summary>
public static class ServiceRecordText
{
    public static LocalizedText Of(ResultAcquaintance a)
    {
        var late = a.Late ? (" (мерзімінен кеш)", " (с опозданием)", " (late)") : (string.Empty, string.Empty, string.Empty);
        return a.State switch
        {
            AcquaintanceState.Acknowledged => new(
                $"Бағалау нәтижесі: {a.ResultKk}. Қызметші танысты{late.Item1}",
                $"Результат оценки: {a.ResultRu}. Служащий ознакомлен{late.Item2}",
                $"Evaluation result: {a.ResultEn}. Acknowledged by the servant{late.Item3}"),
            AcquaintanceState.Refused => new(
                $"Бағалау нәтижесі: {a.ResultKk}. Қызметші танысудан бас тартты, акт жасалды{late.Item1}",
                $"Результат оценки: {a.ResultRu}. Служащий отказался от ознакомления, составлен акт{late.Item2}",
                $"Evaluation result: {a.ResultEn}. The servant refused; refusal act recorded{late.Item3}"),
            _ => new(
                $"Бағалау нәтижесі: {a.ResultKk}. Қызметшіге хабарланды ({KindIds.Id(a.Channel!.Value)}){late.Item1}",
                $"Результат оценки: {a.ResultRu}. Служащий уведомлён ({KindIds.Id(a.Channel!.Value)}){late.Item2}",
                $"Evaluation result: {a.ResultEn}. The servant was notified ({KindIds.Id(a.Channel!.Value)}){late.Item3}"),
        };
    }
}

/// <summary>Refusals shared by every record of a notification (the acquaintance, the 2023 rating sheet).</summary>
public static class NotificationRefusals
{
    public static Refusal InFuture(DateOnly notifiedOn) => Refusal.Of(
        $"notification-in-future",
        $"Хабарлау күні {WorkflowRefusals.Day(notifiedOn)} болашақта: бүгінгі күннен кеш болмауы тиіс",
        $"Дата уведомления {WorkflowRefusals.Day(notifiedOn)} в будущем: она не может быть позже сегодняшней",
        $"The notification date {WorkflowRefusals.Day(notifiedOn)} is in the future: it cannot be after today");
}
