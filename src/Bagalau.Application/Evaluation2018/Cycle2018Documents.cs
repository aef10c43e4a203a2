using Bagalau.Application.Acquaintance;
using Bagalau.Application.Documents;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Evaluation2018;

/// <summary>
/// Fills the printed forms of the 2018 cycle (Appendix 1, 2, 3, 5 and the refusal act) from the
/// stored records, for the pages' download links and the API; the layout is the document
/// service's. The *ForAsync entry points check access through the use cases that show the same
/// record, so a download is refused (not found) exactly where the page or GET would be.
/// </summary>
public sealed class Cycle2018Documents(
    BagalauDbContext db,
    PackCatalog packs,
    DocumentService documents,
    Evaluation2018Service plans,
    SheetService sheets,
    CommissionService commission,
    AcquaintanceService acquaintance)
{
    private static readonly LocalizedText SuperiorTitle = new("Жоғары тұрған басшы", "Вышестоящий руководитель", "Superior");
    private static readonly LocalizedText AuthorizedTitle = new("Уәкілетті тұлға", "Уполномоченное лицо", "Authorized person");
    private static readonly LocalizedText Meets = new("күтілетін нәтижеге сәйкес", "соответствует ожидаемому результату", "meets the expected result");
    private static readonly LocalizedText DoesNotMeet = new("күтілетін нәтижеге сәйкес емес", "не соответствует ожидаемому результату", "does not meet the expected result");

    /// <summary>Parses the language and format of a download; null when either is not one the forms exist in.</summary>
    public static (DocumentLanguage Language, DocumentFileFormat Format)? Parse(string? language, string? format) =>
        DocumentService.ParseLanguage(language) is { } l && DocumentService.ParseFormat(format) is { } f ? (l, f) : null;

    /// <summary>The refusal for a format or language the forms do not exist in (checked before any record is read).</summary>
    public static Refusal? CheckRequest(string? language, string? format) =>
        DocumentService.ParseFormat(format) is null
            ? Refusal.Of("document-format-unknown", $"«{format}» пішімі жоқ («docx», «pdf»)", $"Формат «{format}» не поддерживается («docx», «pdf»)", $"Format '{format}' is not available (docx, pdf)")
            : DocumentService.ParseLanguage(language) is null
                ? Refusal.Of("document-language-unknown", $"«{language}» тілінде нысан жоқ (kk, ru)", $"Формы на языке «{language}» нет (kk, ru)", $"The form is not available in language '{language}' (kk, ru)")
                : null;

    /// <summary>Appendix 1 for those who may see the plan.</summary>
    public async Task<Outcome<RenderedDocument>> PlanForAsync(string userId, Guid planId, string? language, string? format, CancellationToken ct)
    {
        if (CheckRequest(language, format) is { } bad)
        {
            return bad;
        }

        var (l, f) = Parse(language, format)!.Value;
        var plan = await plans.GetPlanAsync(userId, planId, ct);
        return plan.Value is { } p ? await PlanAsync(p, l, f, ct) : plan.Refusal!;
    }

    /// <summary>Appendix 2 for those who may see the KPI sheet.</summary>
    public async Task<Outcome<RenderedDocument>> SheetForAsync(string userId, Guid sheetId, string? language, string? format, CancellationToken ct)
    {
        if (CheckRequest(language, format) is { } bad)
        {
            return bad;
        }

        var (l, f) = Parse(language, format)!.Value;
        var sheet = await plans.GetSheetAsync(userId, sheetId, ct);
        if (sheet.Value is not { } s)
        {
            return sheet.Refusal!;
        }

        var plan = await db.WorkPlans.AsNoTracking().FirstAsync(p => p.Id == s.PlanId, ct);
        return await SheetAsync(s, plan, l, f, ct);
    }

    /// <summary>Appendix 3 for those who may see the competency sheet.</summary>
    public async Task<Outcome<RenderedDocument>> CompetencySheetForAsync(string userId, Guid sheetId, string? language, string? format, CancellationToken ct)
    {
        if (CheckRequest(language, format) is { } bad)
        {
            return bad;
        }

        var (l, f) = Parse(language, format)!.Value;
        var view = await sheets.CompetencySheetAsync(userId, sheetId, ct);
        return view.Value is { } v ? await CompetencySheetAsync(v, l, f, ct) : view.Refusal!;
    }

    /// <summary>Appendix 5 for those who may see the sitting.</summary>
    public async Task<Outcome<RenderedDocument>> ProtocolForAsync(string userId, Guid sittingId, string? language, string? format, CancellationToken ct)
    {
        if (CheckRequest(language, format) is { } bad)
        {
            return bad;
        }

        var (l, f) = Parse(language, format)!.Value;
        var view = await commission.ProtocolAsync(userId, sittingId, ct);
        return view.Value is { } v ? await ProtocolAsync(v, l, f, ct) : view.Refusal!;
    }

    /// <summary>The refusal act for those who may see the acquaintance, once the refusal is recorded.</summary>
    public async Task<Outcome<RenderedDocument>> RefusalActForAsync(string userId, Guid acquaintanceId, string? language, string? format, CancellationToken ct)
    {
        if (CheckRequest(language, format) is { } bad)
        {
            return bad;
        }

        var (l, f) = Parse(language, format)!.Value;
        var record = await acquaintance.GetAsync(userId, acquaintanceId, ct);
        if (record.Value is not { } r)
        {
            return record.Refusal!;
        }

        if (r.State != AcquaintanceState.Refused)
        {
            return WorkflowRefusals.WrongState(Actions.RecordRefusalAct, r.State);
        }

        var body = await db.StateBodies.AsNoTracking().FirstAsync(b => b.Id == r.StateBodyId, ct);
        return await RefusalActAsync(r, body.NameKk, body.NameRu, body.NameEn, l, f, ct);
    }

    /// <summary>Appendix 3: each assessed competency with its indicators (verbatim), the marks, the engine's level and the unobserved indicators.</summary>
    public async Task<RenderedDocument> CompetencySheetAsync(CompetencySheetView view, DocumentLanguage language, DocumentFileFormat format, CancellationToken ct)
    {
        var sheet = view.Sheet;
        var year = await db.EvaluationCycles2018.AsNoTracking().Where(c => c.Id == sheet.CycleId).Select(c => c.Year).FirstAsync(ct);
        var (servant, position, unit) = await PlaceAsync(sheet.ServantId, new DateOnly(year, 12, 31), language, ct);
        var names = await NamesAsync([sheet.DirectSupervisorId], ct);
        var version = VersionOf(sheet.PackId, sheet.PackVersionId);
        var lines = view.Competencies.Select(c =>
        {
            var meets = c.Result?.Level == "meets";
            var level = c.Result is null ? LocalizedText.Same("-") : meets ? Meets : DoesNotMeet;
            var unobserved = (c.Result?.Unobserved ?? []).Where(i => i >= 1 && i <= c.Indicators.Count).Select(i => c.Indicators[i - 1]).ToList();
            var marks = c.Indicators.Select((text, i) => new IndicatorMark(text, c.Observed.Contains(i + 1))).ToList();
            return new CompetencyLine(c.Title, IsPublicService(version, c.Id), level, meets || c.Result is null, marks, unobserved);
        }).ToList();
        var skipped = sheet.ProvidesPublicServices || version is null
            ? []
            : (version.Rules.Competencies?.Items ?? []).Where(c => c.PublicService).Select(c => c.Title).ToList();
        var clause = view.Competencies.Select(c => c.Result?.Clause).FirstOrDefault(c => !string.IsNullOrEmpty(c)) ?? version?.Rules.CompetencyLevel?.Clause ?? string.Empty;
        var document = new CompetencySheetDocument(
            null,
            year,
            servant,
            position,
            unit,
            lines,
            skipped,
            clause,
            new SignedBy(servant, null),
            new SignedBy(names.GetValueOrDefault(sheet.DirectSupervisorId), sheet.SignedOn));
        return documents.Render(document, language, format);
    }

    /// <summary>Appendix 5 from the stored sitting: per servant result, correction and recommendations; attendance; chair, secretary and members; approval by the authorized person.</summary>
    public async Task<RenderedDocument> ProtocolAsync(ProtocolView view, DocumentLanguage language, DocumentFileFormat format, CancellationToken ct)
    {
        var sitting = view.Sitting;
        var lang = language == DocumentLanguage.Ru ? "ru" : "kk";
        var year = await db.EvaluationCycles2018.AsNoTracking().Where(c => c.Id == sitting.CycleId).Select(c => c.Year).FirstAsync(ct);
        var body = await db.StateBodies.AsNoTracking().FirstAsync(b => b.Id == sitting.StateBodyId, ct);
        var names = await NamesAsync([.. sitting.Seats.Select(s => s.ServantId)], ct);
        var lines = view.Rows.Select(r => new ProtocolLine(
            r.ServantName,
            ResultOf(r),
            r.CorrectedGradeTitle ?? (r.CorrectedGrade is { } g ? LocalizedText.Same(g) : null),
            r.Case.Recommendations)).ToList();
        var present = sitting.Seats.Where(s => sitting.Present.Contains(s.ServantId)).Select(s => names.GetValueOrDefault(s.ServantId, string.Empty)).ToList();
        var absent = sitting.Seats.Where(s => !sitting.Present.Contains(s.ServantId)).Select(s => names.GetValueOrDefault(s.ServantId, string.Empty)).ToList();
        var attendance = lang == "ru"
            ? $"Присутствовали: {string.Join(", ", present)}." + (absent.Count > 0 ? $" Отсутствовали: {string.Join(", ", absent)}." : string.Empty)
            : $"Қатысқандар: {string.Join(", ", present)}." + (absent.Count > 0 ? $" Қатыспағандар: {string.Join(", ", absent)}." : string.Empty);
        SignedBy Seat(CommissionRole role) => new(sitting.Seats.Where(s => s.Role == role).Select(s => names.GetValueOrDefault(s.ServantId)).FirstOrDefault(), sitting.ProtocolOn);
        var document = new CommissionProtocolDocument(
            null,
            new Approval(AuthorizedTitle, null, sitting.ApprovedOn),
            new LocalizedText("Бағалау жөніндегі комиссия отырысының хаттамасы", "Протокол заседания Комиссии по оценке", "Protocol of the Evaluation Commission's sitting"),
            new LocalizedText(body.NameKk, body.NameRu.Length > 0 ? body.NameRu : body.NameKk, body.NameEn.Length > 0 ? body.NameEn : body.NameKk),
            view.WorkingBody,
            year,
            sitting.SittingOn,
            lines,
            attendance,
            Seat(CommissionRole.Secretary),
            Seat(CommissionRole.Chair),
            sitting.Seats.Where(s => s.Role == CommissionRole.Member && sitting.Present.Contains(s.ServantId))
                .Select(s => new SignedBy(names.GetValueOrDefault(s.ServantId), sitting.ProtocolOn)).ToList());
        return documents.Render(document, language, format);
    }

    /// <summary>The results as evaluated: the KPI grade and the competencies met of those assessed.</summary>
    private static LocalizedText ResultOf(ProtocolRow row)
    {
        var grade = row.KpiGradeTitle ?? LocalizedText.Same(row.KpiGrade ?? "-");
        var met = $"{row.CompetenciesMet}/{row.CompetenciesAssessed}";
        return new LocalizedText(
            $"НМИ: {grade.Kk}; құзыреттер: {met} сәйкес",
            $"ЦИ: {grade.Ru}; компетенции: {met} соответствуют",
            $"KPI: {grade.En}; competencies: {met} met");
    }

    private static bool IsPublicService(PackVersion? version, string competency) =>
        version?.Rules.Competencies?.Items.FirstOrDefault(c => c.Id == competency)?.PublicService ?? false;

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
