using Bagalau.Application.Documents;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Packs;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Web.Pages.Cycles2018;

/// <summary>
/// Fills the printed forms (Appendix 1, Appendix 2, the refusal act) from the stored records,
/// for the download links of the cycle pages; the layout is the document service's.
/// </summary>
public sealed class Cycle2018Forms(BagalauDbContext db, PackCatalog packs, DocumentService documents)
{
    private static readonly LocalizedText SuperiorTitle = new("Жоғары тұрған басшы", "Вышестоящий руководитель", "Superior");

    /// <summary>Parses the language and format of a download; null when either is not one the forms exist in.</summary>
    public static (DocumentLanguage Language, DocumentFileFormat Format)? Parse(string? language, string? format) =>
        DocumentService.ParseLanguage(language) is { } l && DocumentService.ParseFormat(format) is { } f ? (l, f) : null;

    public async Task<RenderedDocument> PlanAsync(WorkPlan plan, DocumentLanguage language, DocumentFileFormat format, CancellationToken ct)
    {
        var year = await db.EvaluationCycles2018.AsNoTracking().Where(c => c.Id == plan.CycleId).Select(c => c.Year).FirstAsync(ct);
        var (servant, position, unit) = await PlaceAsync(plan.ServantId, new DateOnly(year, 12, 31), language, ct);
        var names = await NamesAsync([plan.DirectSupervisorId, plan.ApproverId], ct);
        var document = new WorkPlanDocument(
            null,
            new Approval(SuperiorTitle, plan.ApprovedOn is null ? null : names.GetValueOrDefault(plan.ApproverId), plan.ApprovedOn),
            year,
            servant,
            position,
            unit,
            plan.Kpis.Select(k => new PlanKpiLine(k.Name, k.Source ?? string.Empty, k.Unit, k.Planned, k.Due ?? new DateOnly(year, 12, 31), k.Result)).ToList(),
            new SignedBy(servant, plan.SubmittedOn),
            new SignedBy(names.GetValueOrDefault(plan.DirectSupervisorId), plan.SubmittedOn));
        return documents.Render(document, language, format);
    }

    public async Task<RenderedDocument> SheetAsync(KpiSheet sheet, WorkPlan plan, DocumentLanguage language, DocumentFileFormat format, CancellationToken ct)
    {
        var year = await db.EvaluationCycles2018.AsNoTracking().Where(c => c.Id == plan.CycleId).Select(c => c.Year).FirstAsync(ct);
        var (servant, position, _) = await PlaceAsync(sheet.ServantId, new DateOnly(year, 12, 31), language, ct);
        var names = await NamesAsync([sheet.DirectSupervisorId, sheet.SuperiorId], ct);
        var lines = sheet.Rows.Select(r =>
        {
            var kpi = plan.Kpis.FirstOrDefault(k => k.Number == r.Number);
            return new KpiSheetLine(kpi?.Name ?? string.Empty, kpi?.Unit ?? string.Empty, r.Planned, r.Actual ?? string.Empty, r.Achieved);
        }).ToList();
        var document = new KpiSheetDocument(
            null,
            new Approval(SuperiorTitle, sheet.AgreedOn is null ? null : names.GetValueOrDefault(sheet.SuperiorId), sheet.AgreedOn),
            year,
            servant,
            position,
            lines,
            GradeTitle(sheet) ?? LocalizedText.Same(string.Empty),
            sheet.GradeClause ?? string.Empty,
            new SignedBy(servant, null),
            new SignedBy(names.GetValueOrDefault(sheet.DirectSupervisorId), sheet.SignedOn));
        return documents.Render(document, language, format);
    }

    public async Task<RenderedDocument> RefusalActAsync(ResultAcquaintance acquaintance, string bodyKk, string bodyRu, string bodyEn, DocumentLanguage language, DocumentFileFormat format, CancellationToken ct)
    {
        var (servant, position, _) = await PlaceAsync(acquaintance.ServantId, acquaintance.ResultOn, language, ct);
        var document = new RefusalActDocument(
            new LocalizedText(bodyKk, bodyRu, bodyEn),
            string.Empty,
            acquaintance.RefusalActDate ?? acquaintance.ResultOn,
            servant,
            position,
            new LocalizedText(acquaintance.ResultKk, acquaintance.ResultRu, acquaintance.ResultEn),
            acquaintance.ResultOn,
            acquaintance.RefusalNote,
            acquaintance.DueClause ?? string.Empty,
            new SignedWithPosition(acquaintance.RefusalHrName ?? string.Empty, acquaintance.RefusalHrPosition ?? string.Empty, acquaintance.RefusalActDate),
            new SignedWithPosition(acquaintance.RefusalWitness1Name ?? string.Empty, acquaintance.RefusalWitness1Position ?? string.Empty, acquaintance.RefusalActDate),
            new SignedWithPosition(acquaintance.RefusalWitness2Name ?? string.Empty, acquaintance.RefusalWitness2Position ?? string.Empty, acquaintance.RefusalActDate));
        return documents.Render(document, language, format);
    }

    /// <summary>The title of the sheet's grade as the pack names it (clause 18), once signed.</summary>
    public LocalizedText? GradeTitle(KpiSheet sheet) =>
        sheet.Grade is null ? null : VersionOf(sheet.PackId, sheet.PackVersionId)?.Rules.KpiAnnualGrade?.Steps.FirstOrDefault(s => s.Grade == sheet.Grade)?.Title;

    public PackVersion? VersionOf(string packId, string versionId) =>
        packs.Catalogue.Find(packId)?.Versions.FirstOrDefault(v => v.Id == versionId);

    private async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyList<Guid> ids, CancellationToken ct) =>
        await db.Servants.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FullName, ct);

    /// <summary>The servant's name, position title and unit name on a day (the forms' header fields).</summary>
    private async Task<(string Name, string Position, string Unit)> PlaceAsync(Guid servantId, DateOnly on, DocumentLanguage language, CancellationToken ct)
    {
        var lang = language == DocumentLanguage.Ru ? "ru" : "kk";
        var servant = await db.Servants.AsNoTracking().Include(s => s.Appointments).FirstAsync(s => s.Id == servantId, ct);
        var appointment = servant.AppointmentOn(on) ?? servant.Appointments.OrderByDescending(a => a.From).FirstOrDefault();
        if (appointment is null)
        {
            return (servant.FullName, string.Empty, string.Empty);
        }

        var position = await db.Positions.AsNoTracking().FirstAsync(p => p.Id == appointment.PositionId, ct);
        var unit = await db.StructuralUnits.AsNoTracking().FirstAsync(u => u.Id == position.UnitId, ct);
        return (servant.FullName, position.TitleIn(lang), lang == "ru" && unit.NameRu.Length > 0 ? unit.NameRu : unit.NameKk);
    }
}
