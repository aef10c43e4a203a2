using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Evaluation2018;

public enum AppealOutcome
{
    ReEvaluate,
    Unchanged,
}

/// <summary>
/// An appeal against the Commission's decision may be filed within the appeal deadline counted
/// from acquaintance (2018 family clause 43, mdai 42: 10 working days); later, it is refused
/// with the clause.
/// </summary>
public static class AppealDeadlineRule
{
    public static Refusal? Check(Decided<DeadlineAnswer> due, DateOnly filedOn)
    {
        if (due.Refusal is { } refusal)
        {
            return refusal;
        }

        var last = due.Answer!.Due;
        var clause = due.Provenance!.Clause;
        return filedOn > last
            ? Refusal.Of(
                $"appeal-late",
                $"Шағым беру мерзімі {TreeValues.Format(last)} өтті ({clause}-тармақ)",
                $"Срок обжалования истёк {TreeValues.Format(last)} (пункт {clause})",
                $"The appeal deadline passed on {TreeValues.Format(last)} (clause {clause})")
            : null;
    }
}
