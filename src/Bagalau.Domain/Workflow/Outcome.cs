using Bagalau.Domain.Decisions;

namespace Bagalau.Domain.Workflow;

/// <summary>The result of a guarded workflow transition: done, or refused with a code and a kk/ru/en message.</summary>
public sealed class Outcome
{
    private Outcome(Refusal? refusal) => Refusal = refusal;

    public Refusal? Refusal { get; }

    public bool IsRefused => Refusal is not null;

    public static Outcome Done { get; } = new(null);

    public static Outcome Refused(Refusal refusal) => new(refusal);

    public static implicit operator Outcome(Refusal refusal) => new(refusal);
}

/// <summary>The result of a guarded transition that produces a value.</summary>
public sealed class Outcome<T>
    where T : class
{
    private Outcome(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    public Refusal? Refusal { get; }

    public bool IsRefused => Refusal is not null;

    public static Outcome<T> Ok(T value) => new(value, null);

    public static Outcome<T> Refused(Refusal refusal) => new(null, refusal);

    public static implicit operator Outcome<T>(Refusal refusal) => new(null, refusal);

    public static implicit operator Outcome<T>(T value) => new(value, null);
}

/// <summary>
/// Who attempts a transition: the signed-in user, the servant record they are in the body (if
/// any) and their role ids in the body (glossary ids: servant, evaluator, hr, hr-head,
/// commission-member, authorized-person, ...).
/// </summary>
public sealed record Actor(string UserId, Guid? ServantId, IReadOnlySet<string> Roles)
{
    public const string Hr = "hr";
    public const string HrHead = "hr-head";
    public const string AuthorizedPerson = "authorized-person";
    public const string CommissionMember = "commission-member";
    public const string Evaluator = "evaluator";

    public bool Has(string role) => Roles.Contains(role);

    /// <summary>HR staff or the head of HR (both keep the evaluation records, 2018 family clause 2).</summary>
    public bool IsHr => Has(Hr) || Has(HrHead);

    public bool Is(Guid? servantId) => servantId is not null && ServantId == servantId;
}

/// <summary>Refusals shared by every workflow, with their kk/ru/en messages.</summary>
public static class WorkflowRefusals
{
    public static Refusal WrongActor(string who) => Refusal.Of(
        $"wrong-actor",
        $"Бұл әрекетті тек {Part(who, 0)} орындай алады",
        $"Это действие может выполнить только {Part(who, 1)}",
        $"Only {Part(who, 2)} may do this");

    public static Refusal WrongState(string state, string action) => Refusal.Of(
        $"wrong-state",
        $"«{state}» күйінде «{action}» әрекеті мүмкін емес",
        $"В состоянии «{state}» действие «{action}» невозможно",
        $"'{action}' is not possible in state '{state}'");

    public static Refusal Required(string field) => Refusal.Of(
        $"required",
        $"«{field}» өрісі толтырылуы тиіс",
        $"Поле «{field}» обязательно",
        $"'{field}' is required");

    public static Refusal Stale() => Refusal.Of(
        $"concurrency-conflict",
        $"Жазбаны басқа пайдаланушы өзгертті: қайта ашып, қайталаңыз",
        $"Запись изменена другим пользователем: откройте её заново и повторите",
        $"Someone else changed this record: reload it and try again");

    public static Refusal NotFound(string what) => Refusal.Of(
        $"not-found",
        $"{what} табылмады",
        $"{what}: не найдено",
        $"{what} not found");

    /// <summary>"kk|ru|en" role names, so one call gives the three languages.</summary>
    private static string Part(string who, int index)
    {
        var parts = who.Split('|');
        return parts.Length > index ? parts[index] : parts[0];
    }
}

/// <summary>Role names for <see cref="WorkflowRefusals.WrongActor"/> in kk|ru|en.</summary>
public static class ActorNames
{
    public const string Hr = "персоналды басқару қызметі|служба управления персоналом|HR";
    public const string Servant = "бағаланатын қызметші|оцениваемый служащий|the evaluated servant";
    public const string DirectSupervisor = "тікелей басшы|непосредственный руководитель|the direct supervisor";
    public const string Superior = "жоғары тұрған басшы|вышестоящий руководитель|the superior";
    public const string AuthorizedPerson = "уәкілетті тұлға|уполномоченное лицо|the authorized person";
    public const string Chair = "Комиссия төрағасы|председатель Комиссии|the Commission's chair";
    public const string VotingMember = "Комиссияның дауыс беретін мүшесі|голосующий член Комиссии|a voting member of the Commission";
    public const string Assignee = "тапсырма орындаушысы|исполнитель задачи|the task's assignee";
}
