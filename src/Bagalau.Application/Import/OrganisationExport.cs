using System.Runtime.CompilerServices;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Import;

/// <summary>
/// Writes a body's organisation in the import format (docs/import-format.md), so that
/// importing an export changes nothing. Rows are streamed from the database in natural-key
/// order; nothing is held in memory but the body's unit and position codes.
/// </summary>
public sealed class OrganisationExport(BagalauDbContext db)
{
    /// <summary>A workbook with one sheet per kind (all kinds, or only <paramref name="kinds"/>).</summary>
    public async Task WriteXlsxAsync(Guid bodyId, Stream output, IReadOnlyCollection<ImportKind>? kinds = null, CancellationToken ct = default)
    {
        var sheets = new List<(string, IReadOnlyList<string>, IAsyncEnumerable<string[]>)>();
        foreach (var kind in kinds ?? ImportFormat.Kinds)
        {
            sheets.Add((ImportFormat.Id(kind), Header(kind), await RowsAsync(bodyId, kind, ct)));
        }

        await XlsxFormat.WriteAsync(output, sheets, ct);
    }

    /// <summary>One kind as a CSV file.</summary>
    public async Task WriteCsvAsync(Guid bodyId, ImportKind kind, Stream output, CancellationToken ct = default) =>
        await CsvFormat.WriteAsync(output, Header(kind), await RowsAsync(bodyId, kind, ct), ct);

    private static string[] Header(ImportKind kind) => ImportFormat.Columns(kind).Select(c => c.Name).ToArray();

    private async Task<IAsyncEnumerable<string[]>> RowsAsync(Guid bodyId, ImportKind kind, CancellationToken ct)
    {
        switch (kind)
        {
            case ImportKind.Units:
                var codes = await UnitCodesAsync(bodyId, ct);
                return Stream(db.StructuralUnits.AsNoTracking().Where(u => u.StateBodyId == bodyId).OrderBy(u => u.Code),
                    u => [u.Code, u.ParentId is { } p ? codes[p] : string.Empty, u.NameKk, u.NameRu, u.NameEn], ct);
            case ImportKind.Positions:
                var units = await UnitCodesAsync(bodyId, ct);
                return Stream(db.Positions.AsNoTracking().Where(p => p.StateBodyId == bodyId).OrderBy(p => p.Code),
                    p => [p.Code, units[p.UnitId], p.TitleKk, p.TitleRu, p.TitleEn, p.Category, KindIds.Id(p.Qualifier)], ct);
            case ImportKind.Servants:
                return Stream(db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId).OrderBy(s => s.Iin),
                    s => [s.Iin, s.FullName, s.Email, s.Phone, FieldParsers.Bool(s.ProvidesPublicServices)], ct);
            case ImportKind.Appointments:
                return Stream(
                    from a in db.Appointments.AsNoTracking()
                    join s in db.Servants on a.ServantId equals s.Id
                    join p in db.Positions on a.PositionId equals p.Id
                    where a.StateBodyId == bodyId
                    orderby s.Iin, a.From
                    select new { s.Iin, p.Code, a.From, a.To },
                    r => [r.Iin, r.Code, FieldParsers.Date(r.From), FieldParsers.Date(r.To)], ct);
            case ImportKind.Probations:
                return Stream(
                    from r in db.Probations.AsNoTracking()
                    join s in db.Servants on r.ServantId equals s.Id
                    where r.StateBodyId == bodyId
                    orderby s.Iin, r.From
                    select new { s.Iin, r.From, r.To },
                    r => [r.Iin, FieldParsers.Date(r.From), FieldParsers.Date(r.To)], ct);
            case ImportKind.Absences:
                return Stream(
                    from r in db.Absences.AsNoTracking()
                    join s in db.Servants on r.ServantId equals s.Id
                    where r.StateBodyId == bodyId
                    orderby s.Iin, r.From
                    select new { s.Iin, r.Kind, r.From, r.To },
                    r => [r.Iin, KindIds.Id(r.Kind), FieldParsers.Date(r.From), FieldParsers.Date(r.To)], ct);
            case ImportKind.Dismissals:
                return Stream(
                    from r in db.Dismissals.AsNoTracking()
                    join s in db.Servants on r.ServantId equals s.Id
                    where r.StateBodyId == bodyId
                    orderby s.Iin, r.Date
                    select new { s.Iin, r.Date, r.Note },
                    r => [r.Iin, FieldParsers.Date(r.Date), r.Note], ct);
            case ImportKind.Sanctions:
                return Stream(
                    from r in db.Sanctions.AsNoTracking()
                    join s in db.Servants on r.ServantId equals s.Id
                    where r.StateBodyId == bodyId
                    orderby s.Iin, r.Applied
                    select new { s.Iin, r.Kind, r.Applied, r.Lifted, r.Note },
                    r => [r.Iin, KindIds.Id(r.Kind), FieldParsers.Date(r.Applied), FieldParsers.Date(r.Lifted), r.Note], ct);
            case ImportKind.ReportingLines:
                return Stream(
                    from l in db.ReportingLines.AsNoTracking()
                    join s in db.Servants on l.ServantId equals s.Id
                    join v in db.Servants on l.SupervisorId equals v.Id
                    where l.StateBodyId == bodyId
                    orderby s.Iin, l.Kind
                    select new { s.Iin, l.Kind, Supervisor = v.Iin },
                    r => [r.Iin, KindIds.Id(r.Kind), r.Supervisor], ct);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private async Task<Dictionary<Guid, string>> UnitCodesAsync(Guid bodyId, CancellationToken ct) =>
        await db.StructuralUnits.AsNoTracking().Where(u => u.StateBodyId == bodyId).ToDictionaryAsync(u => u.Id, u => u.Code, ct);

    private static async IAsyncEnumerable<string[]> Stream<T>(IQueryable<T> query, Func<T, string[]> row, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var item in query.AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return row(item);
        }
    }
}
