using Bagalau.Domain.Decisions;

namespace Bagalau.Domain.Evaluation2023;

/// <summary>
/// Who asks for a transition: the servant they are in the body (if any) and the body roles that
/// matter to the 2023-family workflow. The Application layer builds it from the memberships.
/// </summary>
public sealed record Actor(string Name, Guid? ServantId, bool Hr = false, bool HrHead = false, bool Authorized = false)
{
    public bool IsServant(Guid servantId) => ServantId is { } id && id == servantId;
}

/// <summary>The result of a transition that creates something: the value, or a refusal with a code and kk/ru/en message.</summary>
public sealed record Outcome<T>(T? Value, Refusal? Refusal)
    where T : class
{
    public bool IsRefused => Refusal is not null;

    public static implicit operator Outcome<T>(Refusal refusal) => new(null, refusal);

    public static Outcome<T> Ok(T value) => new(value, null);
}

/// <summary>Refusals of the 2023-family workflow (codes in docs/guide-2023.md).</summary>
public static class WorkflowRefusals
{
    public static Refusal NotAllowed(string what) => Refusal.Of(
        "not-allowed",
        $"Бұл әрекетке құқығыңыз жоқ: {what}",
        $"У вас нет права на это действие: {what}",
        $"You may not do this: {what}");

    public static Refusal WrongState(string what, string state) => Refusal.Of(
        "wrong-state",
        $"«{what}» әрекеті «{state}» күйінде мүмкін емес",
        $"Действие «{what}» невозможно в состоянии «{state}»",
        $"'{what}' is not possible in state '{state}'");

    public static Refusal Late(string deadline, DateOnly due, string? clause) => Refusal.Of(
        "deadline-passed",
        $"Мерзімі өтті: {deadline} {Iso(due)} дейін ({clause}-тармақ)",
        $"Срок истёк: {deadline} до {Iso(due)} (пункт {clause})",
        $"Too late: {deadline} was due by {Iso(due)} (clause {clause})");

    public static Refusal TooLong(string field, int max) => Refusal.Of(
        "too-long",
        $"«{field}» өрісі {max} таңбадан аспауы тиіс",
        $"Поле «{field}» не должно превышать {max} символов",
        $"'{field}' must be at most {max} characters");

    public static Refusal Required(string field) => Refusal.Of(
        "required",
        $"«{field}» өрісін толтырыңыз",
        $"Заполните поле «{field}»",
        $"'{field}' is required");

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Free texts (comments, justifications) are limited so that a form cannot flood the database.</summary>
    public const int MaxText = 4000;

    internal static Refusal? Text(string field, string? value, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Required(field) : null;
        }

        return value.Trim().Length > MaxText ? TooLong(field, MaxText) : null;
    }
}
