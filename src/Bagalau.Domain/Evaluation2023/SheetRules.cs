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
/// The form and evaluator of a servant. nhrc 16 (a pack with a leader and a non-leader sheet):
/// B-1 and C-O-1 (heads of unit/body, 2.3) by their direct supervisor on the leader sheet
/// (Appendix 1); other leadership positions (2.1) by the head of the unit/centre on the leader
/// sheet; everyone else by the head of the unit/centre on Appendix 2. oskemen 29, 31 (one
/// sheet): the head of the unit/body scores everyone. The head of the unit falls back to the
/// direct supervisor when the unit has no other head.
/// </summary>
public static class SheetAssignmentRule
{
    public const string LeaderForm = "leader";
    public const string NonLeaderForm = "non-leader";

    /// <summary>nhrc 2.3: the categories of the heads of a unit/body.</summary>
    public static readonly IReadOnlySet<string> HeadCategories = new HashSet<string>(StringComparer.Ordinal) { "B-1", "C-O-1" };

    public static Outcome<SheetAssignment> Assign(PackVersion version, AssignmentInput input)
    {
        var forms = version.Rules.Forms.Where(f => f.Parameters.Count > 0).ToList();
        if (forms.Count == 0)
        {
            return Refusals.NotInPack("forms", version.Pack.Id);
        }

        var unitHead = input.UnitHeadId ?? input.DirectSupervisorId;
        var twoSheets = forms.Any(f => f.Id == LeaderForm) && forms.Any(f => f.Id == NonLeaderForm);
        (string Form, Guid? Evaluator, string Clause) choice;
        if (!twoSheets)
        {
            choice = (forms[0].Id, unitHead, forms[0].Clause);
        }
        else if (HeadCategories.Contains(input.Category))
        {
            choice = (LeaderForm, input.DirectSupervisorId, "16");
        }
        else if (input.Qualifier != PositionQualifier.None)
        {
            choice = (LeaderForm, unitHead, "16");
        }
        else
        {
            choice = (NonLeaderForm, unitHead, "16");
        }

        return Outcome<SheetAssignment>.Ok(new SheetAssignment(choice.Form, choice.Evaluator, choice.Clause));
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
