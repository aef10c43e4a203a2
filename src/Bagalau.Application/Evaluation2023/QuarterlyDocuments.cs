using System.Globalization;
using Bagalau.Domain.Workflow;
using Bagalau.Application.Documents;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Domain.Packs;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2023;

/// <summary>
/// The stored rating sheet as its form (nhrc Appendix 1 leader, Appendix 2 non-leader; oskemen
/// differentiation sheet), filled from the sheet, the pack and the register. Who may open it is
/// decided by <see cref="RatingSheetService.GetSheetAsync"/> (same confidentiality).
/// </summary>
public sealed class QuarterlyDocuments(BagalauDbContext db, RatingSheetService sheets, PackCatalog packs)
{
    public async Task<Outcome<RatingSheetDocument>> RatingSheetAsync(string userId, Guid bodyId, Guid sheetId, CancellationToken ct = default)
    {
        var opened = await sheets.GetSheetAsync(userId, bodyId, sheetId, ct);
        if (opened.Value is not { } view)
        {
            return opened.Refusal!;
        }

        var sheet = view.Sheet;
        if (sheet.State == SheetState.NotEvaluated || view.FormTitle is null)
        {
            return WorkflowRefusals.WrongState(Actions.Open, SheetState.NotEvaluated);
        }

        var version = view.Round.VersionIn(packs.Catalogue.Find(view.Round.PackId)!);
        var body = await db.StateBodies.AsNoTracking().FirstAsync(b => b.Id == bodyId, ct);
        var evaluated = await PersonAsync(sheet.ServantId, view.ServantName, view.Round, body.NameKk, ct);
        var evaluator = sheet.CurrentEvaluatorId is { } e ? await PersonAsync(e, view.EvaluatorName ?? "?", view.Round, body.NameKk, ct) : string.Empty;
        var nhrc = view.Round.PackId == "nhrc";
        var leader = sheet.FormId == "leader";
        var form = !nhrc ? RatingSheetForm.Differentiation : leader ? RatingSheetForm.Leader : RatingSheetForm.NonLeader;
        var appendix = nhrc
            ? new LocalizedText(
                $"Адам құқықтары жөніндегі\nұлттық орталықтың және оның\nөкілдіктерінің \"Б\" корпусы\nмемлекеттік әкімшілік\nқызметшілерінің қызметін\nбағалаудың әдістемесіне\n{(leader ? 1 : 2)}-қосымша",
                $"Приложение {(leader ? 1 : 2)}\nк Методике оценки деятельности\nадминистративных государственных\nслужащих корпуса «Б» НЦПЧ",
                $"Appendix {(leader ? 1 : 2)}")
            : null;
        var grade = sheet.FinalGrade is { } g ? version.Rules.GradeBands?.Bands.FirstOrDefault(b => b.Grade == g)?.Title : null;
        var clause = string.Join(", ", new[] { sheet.ResultClause, version.Rules.GradeBands?.Clause }.Where(c => !string.IsNullOrEmpty(c)));
        return Outcome<RatingSheetDocument>.Ok(new RatingSheetDocument(
            form,
            appendix,
            view.FormTitle,
            evaluated,
            view.Round.Year,
            view.Round.Quarter,
            evaluator,
            [.. view.Parameters.Select(p => new RatedParameter(p.Title, p.GuidanceKk, p.Score, string.IsNullOrEmpty(p.Comment) ? null : p.Comment))],
            sheet.Average,
            sheet.FinalScore,
            CapReason(version, sheet, view.SanctionsInQuarter),
            grade,
            clause,
            sheet.SubmittedOn));
    }

    /// <summary>Why the score was capped: the sanction, its date, the cap and the clauses (null when no cap applied).</summary>
    public static LocalizedText? CapReason(PackVersion version, RatingSheet sheet, IReadOnlyList<SanctionView> inQuarter) =>
        CapReason(version, sheet.CappedBy, inQuarter);

    /// <summary>The same explanation for an engine answer not yet on a sheet (the live preview).</summary>
    public static LocalizedText? CapReason(PackVersion version, string? cappedBy, IReadOnlyList<SanctionView> inQuarter)
    {
        if (cappedBy is not { } kind || version.Rules.SanctionCaps is not { } caps || caps.CapFor(kind) is not { } cap)
        {
            return null;
        }

        var name = Vocabulary.SanctionKinds.TryGetValue(kind, out var title) ? title : new LocalizedText(kind, kind, kind);
        var applied = inQuarter.Where(s => s.Kind == kind).Select(s => s.Applied.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)).FirstOrDefault() ?? string.Empty;
        var max = cap.Max.ToString("0.00", CultureInfo.InvariantCulture);
        var clauses = string.Join(", ", caps.Clauses);
        return new LocalizedText(
            $"{name.Kk} {applied}: тоқсандағы баға {max} баллдан аспайды ({clauses})",
            $"{name.Ru} {applied}: оценка за квартал не выше {max} ({clauses})",
            $"{name.En} {applied}: the quarter's score is capped at {max} ({clauses})");
    }

    /// <summary>"Name, position, body" as the forms ask (the position held at the quarter's end or last).</summary>
    private async Task<string> PersonAsync(Guid servantId, string name, QuarterRound round, string bodyName, CancellationToken ct)
    {
        var end = round.Period.End;
        var position = await db.Appointments.AsNoTracking()
            .Where(a => a.ServantId == servantId && a.From <= end)
            .OrderByDescending(a => a.From)
            .Join(db.Positions.AsNoTracking(), a => a.PositionId, p => p.Id, (a, p) => p.TitleKk)
            .FirstOrDefaultAsync(ct);
        return string.Join(", ", new[] { name, position, bodyName }.Where(s => !string.IsNullOrWhiteSpace(s)));
    }
}
