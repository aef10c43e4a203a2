using System.Globalization;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;

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

/// <summary>
/// The result of a transition or use case that produces a value: the value, or a refusal. One
/// type for the domain and the application layer of both families (ADR 0017).
/// </summary>
public sealed class Outcome<T>
{
    private Outcome(T? value, Refusal? refusal)
    {
        Value = value;
        Refusal = refusal;
    }

    public T? Value { get; }

    public Refusal? Refusal { get; }

    public bool IsRefused => Refusal is not null;

    public bool IsSuccess => Refusal is null;

    public static Outcome<T> Ok(T value) => new(value, null);

    public static Outcome<T> Refused(Refusal refusal) => new(default, refusal);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, refusal);

    public static implicit operator Outcome<T>(T value) => new(value, null);
}

/// <summary>
/// Who attempts a transition: the signed-in user (or the named system job), the servant record
/// they are in the body (if any) and their role ids in the body (glossary ids: servant,
/// evaluator, hr, hr-head, commission-member, authorized-person, ...).
/// </summary>
public sealed record Actor(string UserId, Guid? ServantId, IReadOnlySet<string> Roles)
{
    public const string Hr = "hr";
    public const string HrHead = "hr-head";
    public const string AuthorizedPerson = "authorized-person";
    public const string CommissionMember = "commission-member";
    public const string Evaluator = "evaluator";

    private static readonly IReadOnlySet<string> NoRoles = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>A person acting only as the servant they are (an evaluator of a sheet, a respondent).</summary>
    public Actor(string userId, Guid? servantId)
        : this(userId, servantId, NoRoles)
    {
    }

    /// <summary>An actor with the given role ids: a system job (CLI, generator, test) or a person in a test.</summary>
    public static Actor WithRoles(string userId, Guid? servantId, params string[] roles) =>
        new(userId, servantId, roles.ToHashSet(StringComparer.Ordinal));

    public bool Has(string role) => Roles.Contains(role);

    /// <summary>HR staff or the head of HR (both keep the evaluation records).</summary>
    public bool IsHr => Has(Hr) || Has(HrHead);

    public bool IsHrHead => Has(HrHead);

    public bool IsAuthorized => Has(AuthorizedPerson);

    public bool Is(Guid? servantId) => servantId is not null && ServantId == servantId;
}

/// <summary>
/// Refusals shared by every workflow of both families. Each is built from localized pieces
/// (<see cref="Actions"/>, <see cref="ActorNames"/>, <see cref="Records"/>, <see cref="Fields"/>,
/// <see cref="StateNames"/>), so a Kazakh or Russian message never carries an English word.
/// </summary>
public static class WorkflowRefusals
{
    /// <summary>Free texts (comments, justifications) are limited so that a form cannot flood the database.</summary>
    public const int MaxText = 4000;

    public static Refusal NotAllowed(LocalizedText action, LocalizedText who) => Refusal.Of(
        RefusalKind.Forbidden,
        "not-allowed",
        $"«{action.Kk}» әрекетін тек {who.Kk} орындай алады",
        $"Действие «{action.Ru}» может выполнить только {who.Ru}",
        $"Only {who.En} may {action.En}");

    /// <summary>The actor may do nothing of this kind to the record (the action is the page's own).</summary>
    public static Refusal NotAllowed(LocalizedText who) => Refusal.Of(
        RefusalKind.Forbidden,
        "not-allowed",
        $"Бұл әрекетті тек {who.Kk} орындай алады",
        $"Это действие может выполнить только {who.Ru}",
        $"Only {who.En} may do this");

    public static Refusal WrongState(LocalizedText action, LocalizedText state) => Refusal.Of(
        RefusalKind.Conflict,
        "wrong-state",
        $"«{state.Kk}» күйінде «{action.Kk}» әрекеті мүмкін емес",
        $"В состоянии «{state.Ru}» действие «{action.Ru}» невозможно",
        $"Cannot {action.En} while the record is {state.En}");

    public static Refusal WrongState(LocalizedText action, Enum state) => WrongState(action, StateNames.Of(state));

    public static Refusal Required(LocalizedText field) => Refusal.Of(
        RefusalKind.InvalidInput,
        "required",
        $"«{field.Kk}» өрісін толтырыңыз",
        $"Заполните поле «{field.Ru}»",
        $"'{field.En}' is required");

    public static Refusal TooLong(LocalizedText field, int max) => Refusal.Of(
        RefusalKind.InvalidInput,
        "too-long",
        $"«{field.Kk}» өрісі {max} таңбадан аспауы тиіс",
        $"Поле «{field.Ru}» не должно превышать {max} символов",
        $"'{field.En}' must be at most {max} characters");

    public static Refusal Late(LocalizedText deadline, DateOnly due, string? clause) => Refusal.Of(
        "deadline-passed",
        $"Мерзімі өтті: {deadline.Kk} {Day(due)} дейін ({clause}-тармақ)",
        $"Срок истёк: {deadline.Ru} до {Day(due)} (пункт {clause})",
        $"Too late: {deadline.En} was due by {Day(due)} (clause {clause})");

    /// <summary>Also answered for records of another body and results the user may not open (no existence leak).</summary>
    public static Refusal NotFound(LocalizedText what) => Refusal.Of(
        RefusalKind.NotFound,
        "not-found",
        $"{Capital(what.Kk)} табылмады",
        $"Не найдено: {what.Ru}",
        $"{Capital(what.En)} not found");

    /// <summary>A record that does not exist or is not the user's to see, when the page does not say which record.</summary>
    public static Refusal NotFound() => NotFound(Records.Record);

    /// <summary>A servant typed by name (a form without script) that no servant of the body bears.</summary>
    public static Refusal NoServantNamed(LocalizedText field, string name) => Refusal.Of(
        RefusalKind.InvalidInput,
        "servant-name-unknown",
        $"«{field.Kk}» өрісі: «{name}» деген қызметші жоқ, аты-жөнін толық жазыңыз немесе тізімнен таңдаңыз",
        $"Поле «{field.Ru}»: служащего «{name}» нет, укажите полное ФИО или выберите из списка",
        $"'{field.En}': no servant is named '{name}'; type the full name or pick from the list");

    /// <summary>A servant typed by name that several servants of the body bear.</summary>
    public static Refusal SeveralServantsNamed(LocalizedText field, string name) => Refusal.Of(
        RefusalKind.InvalidInput,
        "servant-name-ambiguous",
        $"«{field.Kk}» өрісі: «{name}» деген бірнеше қызметші бар, тізімнен таңдаңыз",
        $"Поле «{field.Ru}»: служащих «{name}» несколько, выберите из списка",
        $"'{field.En}': several servants are named '{name}'; pick one from the list");

    public static Refusal Stale() => Refusal.Of(
        RefusalKind.Conflict,
        "concurrency-conflict",
        $"Жазбаны басқа пайдаланушы өзгертті: қайта ашып, қайталаңыз",
        $"Запись изменена другим пользователем: откройте её заново и повторите",
        $"Someone else changed this record: reload it and try again");

    public static Refusal UnknownPack(string packId) => Refusal.Of(
        RefusalKind.InvalidInput,
        "unknown-pack",
        $"«{packId}» әдістемесі жоқ",
        $"Методики «{packId}» нет",
        $"There is no pack '{packId}'");

    /// <summary>A free text: required or optional, at most <see cref="MaxText"/> characters.</summary>
    public static Refusal? Text(LocalizedText field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Required(field) : null;
        }

        return value.Trim().Length > MaxText ? TooLong(field, MaxText) : null;
    }

    /// <summary>A day as people in Kazakhstan write it (dd.MM.yyyy) in every language of a message.</summary>
    public static string Day(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Capital(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];
}
