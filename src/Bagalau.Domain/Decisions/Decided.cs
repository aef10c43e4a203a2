using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Decisions;

/// <summary>Which pack, version and clause decided an answer.</summary>
public sealed record Provenance(string PackId, string VersionId, string? Clause)
{
    public static Provenance Of(PackVersion version, string? clause) => new(version.Pack.Id, version.Id, clause);
}

/// <summary>
/// What kind of "no" a refusal is. Every edge (API status, page display, CLI exit) decides from the
/// kind alone, never from the code, so a new code needs no change outside the domain (ADR 0017).
/// </summary>
public enum RefusalKind
{
    /// <summary>A well-formed request that the act or the pack does not allow (422).</summary>
    Rule,

    /// <summary>A value of the wrong shape, a missing or unknown field (400).</summary>
    InvalidInput,

    /// <summary>No such record, or one the user may not know of (404).</summary>
    NotFound,

    /// <summary>The record exists but this user may not do this to it (403).</summary>
    Forbidden,

    /// <summary>The record is in another state, already exists or was changed by someone else (409).</summary>
    Conflict,

    /// <summary>Something that existed is spent or expired for good, such as a used 360 link (410).</summary>
    Gone,
}

/// <summary>A decision refused its input: a stable code (conformance.md), its kind and a message for people in kk/ru/en.</summary>
public sealed record Refusal(string Code, LocalizedText Message, RefusalKind Kind = RefusalKind.Rule)
{
    /// <summary>A rule refusal whose messages are formatted with the invariant culture (never the current one).</summary>
    public static Refusal Of(string code, FormattableString kk, FormattableString ru, FormattableString en) =>
        Of(RefusalKind.Rule, code, kk, ru, en);

    /// <summary>A refusal of the given kind whose messages are formatted with the invariant culture.</summary>
    public static Refusal Of(RefusalKind kind, string code, FormattableString kk, FormattableString ru, FormattableString en) =>
        new(code, new LocalizedText(FormattableString.Invariant(kk), FormattableString.Invariant(ru), FormattableString.Invariant(en)), kind);

    public override string ToString() => $"{Code}: {Message.En}";
}

/// <summary>An answer as named fields, in a stable order (what the API, CLI and conformance runner show).</summary>
public interface IAnswer
{
    IReadOnlyList<KeyValuePair<string, object?>> Fields();
}

/// <summary>The outcome of a decision: an answer with its provenance, or a refusal.</summary>
public sealed class Decided<T>
    where T : class, IAnswer
{
    private Decided(T? answer, Provenance? provenance, Refusal? refusal)
    {
        Answer = answer;
        Provenance = provenance;
        Refusal = refusal;
    }

    public T? Answer { get; }

    public Provenance? Provenance { get; }

    public Refusal? Refusal { get; }

    public bool IsRefused => Refusal is not null;

    public static Decided<T> Ok(T answer, Provenance provenance) => new(answer, provenance, null);

    public static Decided<T> Refused(Refusal refusal) => new(null, null, refusal);

    public static implicit operator Decided<T>(Refusal refusal) => Refused(refusal);

    /// <summary>The same outcome without its answer type, for callers that handle every decision alike.</summary>
    public Decided<IAnswer> Untyped() =>
        Refusal is not null ? Decided<IAnswer>.Refused(Refusal) : Decided<IAnswer>.Ok(Answer!, Provenance!);
}

/// <summary>Refusals shared by several decisions, with their messages.</summary>
public static class Refusals
{
    /// <summary>The version has no such rule; the rule is named in words (Vocabulary) so no id reaches a kk/ru reader.</summary>
    public static Refusal NotInPack(string what, string packId)
    {
        var name = Vocabulary.RuleName(what);
        return Refusal.Of(
            "not-in-pack",
            $"Әдістеменің бұл редакциясында {name.Kk} ережесі жоқ",
            $"В этой редакции методики нет правила: {name.Ru}",
            $"Pack '{packId}' has no rule '{what}'");
    }

    /// <summary>
    /// No version of the pack is in force on the day. Says when the pack's force began or ended and
    /// why (conformance.md, "Errors every decision may give"), so a person learns the reason.
    /// </summary>
    public static Refusal NoVersionInForce(Pack pack, DateOnly day)
    {
        var first = pack.Versions.Count > 0 ? pack.Versions[0] : null;
        var last = pack.Versions.Count > 0 ? pack.Versions[^1] : null;
        var date = WorkflowRefusals.Day(day);
        if (first is not null && day < first.EffectiveFrom)
        {
            var from = WorkflowRefusals.Day(first.EffectiveFrom);
            return Refusal.Of(
                "no-version-in-force",
                $"{date} күні әдістеме әлі қолданылмайды: ол {from} бастап қолданылады",
                $"На {date} методика ещё не применяется: она применяется с {from}",
                $"Pack '{pack.Id}' is not yet in force on {date}: it applies from {from}");
        }

        if (last?.EffectiveTo is { } to && day > to)
        {
            var until = WorkflowRefusals.Day(to);
            var why = pack.Act.RepealedBy;
            return Refusal.Of(
                "no-version-in-force",
                $"{date} күні әдістеме қолданылмайды: ол {until} дейін қолданылды{(why is null ? "" : ", " + why.Kk)}",
                $"На {date} методика не применяется: она применялась до {until}{(why is null ? "" : ", " + why.Ru)}",
                $"Pack '{pack.Id}' is not in force on {date}: it applied until {until}{(why is null ? "" : ", " + why.En)}");
        }

        return Refusal.Of(
            "no-version-in-force",
            $"{date} күні әдістеменің бірде-бір редакциясы күшінде емес",
            $"На {date} ни одна редакция методики не действует",
            $"No version of pack '{pack.Id}' is in force on {date}");
    }

    /// <summary>A value of the wrong shape; the detail is given in each language, so no English reaches a kk/ru reader.</summary>
    public static Refusal InvalidInput(FormattableString kk, FormattableString ru, FormattableString en) => Refusal.Of(
        RefusalKind.InvalidInput,
        "invalid-input",
        $"Енгізілген дерек дұрыс емес: {FormattableString.Invariant(kk)}",
        $"Неверные входные данные: {FormattableString.Invariant(ru)}",
        $"Invalid input: {FormattableString.Invariant(en)}");

    public static Refusal UnknownKey(string key, string where) => Refusal.Of(
        RefusalKind.InvalidInput,
        "unknown-key",
        $"«{where}» ішінде белгісіз «{key}» кілті бар",
        $"Неизвестный ключ «{key}» в «{where}»",
        $"Unknown key '{key}' in {where}");

    public static Refusal ScoreOutOfRange(string what, decimal value, decimal min, decimal max) => Refusal.Of(
        "score-out-of-range",
        $"«{what}» бағасы {TreeValues.Format(value)} {TreeValues.Format(min)}–{TreeValues.Format(max)} аралығынан тыс",
        $"Оценка «{what}» {TreeValues.Format(value)} вне диапазона {TreeValues.Format(min)}–{TreeValues.Format(max)}",
        $"Score of '{what}' {TreeValues.Format(value)} is outside {TreeValues.Format(min)}-{TreeValues.Format(max)}");
}
