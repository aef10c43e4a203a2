using Bagalau.Domain.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Evaluation2023;

/// <summary>
/// Which sheet a servant gets and who fills it, with the clause that says so. No evaluator when
/// the servant has neither a direct supervisor nor a unit head (e.g. the body's top head): HR
/// names one on the sheet (<see cref="RatingSheet.AssignEvaluator"/>).
/// </summary>
public sealed record SheetAssignment(string FormId, Guid? EvaluatorId, string Clause);

/// <summary>What the assignment needs to know about a servant's position and supervisors.</summary>
public sealed record AssignmentInput(string Category, PositionQualifier Qualifier, Guid? DirectSupervisorId, Guid? UnitHeadId);

/// <summary>
/// The form and evaluator of a servant, as the pack's evaluation-method decision says (nhrc 16,
/// oskemen 3, 29). The unit's head is the head of the servant's unit, or of the enclosing unit for
/// the head itself, and falls back to the direct supervisor when there is none.
/// </summary>
public static class SheetAssignmentRule
{
    public const string LeaderForm = "leader";
    public const string NonLeaderForm = "non-leader";

    public static Outcome<SheetAssignment> Assign(PackVersion version, AssignmentInput input)
    {
        var position = new MethodPosition(input.Category, input.Qualifier != PositionQualifier.None, input.Qualifier == PositionQualifier.UnitHead);
        var decided = EvaluationMethodDecision.Decide(version, position);
        if (decided.IsRefused)
        {
            return decided.Refusal!;
        }

        var answer = decided.Answer!;
        var evaluator = answer.Evaluator == EvaluationMethodDecision.DirectSupervisor
            ? input.DirectSupervisorId
            : input.UnitHeadId ?? input.DirectSupervisorId;
        return Outcome<SheetAssignment>.Ok(new SheetAssignment(answer.Form, evaluator, decided.Provenance!.Clause!));
    }
}

/// <summary>
/// nhrc 17: when an evaluator has more than twenty evaluated persons, servants the evaluator
/// designates also evaluate. Only packs with the <c>designated-evaluator</c> role allow it.
/// </summary>
public static class DelegationRule
{
    public const int Threshold = 20;

    public static Refusal? Check(PackVersion version, int evaluatees)
    {
        var role = version.Rules.Roles.FirstOrDefault(r => r.Id == "designated-evaluator");
        if (role is null)
        {
            return Refusals.NotInPack("designated-evaluator", version.Pack.Id);
        }

        return evaluatees > Threshold
            ? null
            : Refusal.Of(
                "delegation-not-allowed",
                $"Бағалаушыда {evaluatees} бағаланатын адам бар; тапсыру {Threshold}-дан көп болғанда ғана рұқсат ({role.Clause}-тармақ)",
                $"У оценивающего {evaluatees} оцениваемых; поручение допускается только при более чем {Threshold} ({role.Clause} пункт)",
                $"The evaluator has {evaluatees} evaluatees; designating others is allowed only above {Threshold} (clause {role.Clause})");
    }
}

/// <summary>
/// nhrc 3: when the evaluator is absent, the person acting for them evaluates. Only packs with
/// the <c>substitute-evaluator</c> role have the rule; the evaluator must be absent on the day.
/// </summary>
public static class SubstituteRule
{
    public static Refusal? Check(PackVersion version, bool evaluatorAbsent)
    {
        var role = version.Rules.Roles.FirstOrDefault(r => r.Id == "substitute-evaluator");
        if (role is null)
        {
            return Refusals.NotInPack("substitute-evaluator", version.Pack.Id);
        }

        return evaluatorAbsent
            ? null
            : Refusal.Of(
                "evaluator-not-absent",
                $"Бағалаушы адам бағалау күні орнында: алмастырушы тағайындалмайды ({role.Clause}-тармақ)",
                $"Оценивающее лицо не отсутствует в день оценки: замещающий не назначается (пункт {role.Clause})",
                $"The evaluator is not absent on the evaluation day: no substitute (clause {role.Clause})");
    }
}

/// <summary>
/// Confidentiality (oskemen 15, 20; nhrc 13): results are open to the evaluated person, the
/// evaluator, the head of HR and the calibration participants, as the pack lists them.
/// </summary>
public static class ResultVisibilityRule
{
    public static bool CanSee(PackVersion version, RatingSheet sheet, Actor viewer, IReadOnlyCollection<Guid> calibrationMembers)
    {
        var visibleTo = version.Rules.Confidentiality?.VisibleTo ?? ["evaluatee", "evaluator", "head-of-hr"];
        return (visibleTo.Contains("evaluatee") && viewer.Is(sheet.ServantId))
            || (visibleTo.Contains("evaluator") && viewer.ServantId is { } id && sheet.IsEvaluator(id))
            || (visibleTo.Contains("head-of-hr") && viewer.IsHrHead)
            || (visibleTo.Contains("calibration-members") && viewer.ServantId is { } m && calibrationMembers.Contains(m));
    }
}
