using Bagalau.Application.Organisation;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Import;

/// <summary>
/// Imports a body's organisation from CSV / XLSX files (docs/import-format.md). All or nothing:
/// every row of every file is checked against the domain rules together with what the body
/// already holds; one bad row rejects everything and nothing is written. Rows are matched to
/// records by natural keys (unit code, position code, IIN...), so importing the same file
/// again changes nothing and writes no audit record. Nothing is ever deleted by an import.
/// </summary>
public sealed class OrganisationImport(BagalauDbContext db)
{
    /// <summary>New rows written (with their audit records) per round trip: bounds the audit JSON held at once.</summary>
    internal int BatchSize { get; set; } = 5000;

    public async Task<ImportReport> ImportAsync(Guid bodyId, IReadOnlyList<ImportFile> files, CancellationToken ct = default)
    {
        if (!await db.StateBodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            return ImportReport.Failed([new ImportIssue(string.Empty, null, null, null, new ValidationError("not-found"))]);
        }

        var tables = new List<RawTable>();
        var issues = new List<ImportIssue>();
        foreach (var file in files)
        {
            var read = Read(file);
            tables.AddRange(read.Tables);
            issues.AddRange(read.Issues);
        }

        if (issues.Count > 0)
        {
            return ImportReport.Failed(issues);
        }

        // Rows are attached by domain methods (servant.Appoint...): one explicit change scan in
        // Count() finds them all, instead of a scan of every tracked row per EF call.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await ApplyAndSaveAsync(bodyId, files, tables, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<ImportReport> ApplyAndSaveAsync(Guid bodyId, IReadOnlyList<ImportFile> files, List<RawTable> tables, CancellationToken ct)
    {
        var run = new ImportRun(db, bodyId, tables);
        await run.ApplyAsync(ct);
        if (run.Issues.Count > 0)
        {
            db.ChangeTracker.Clear();
            return ImportReport.Failed(run.Issues);
        }

        var counts = run.Count();
        try
        {
            // New rows are not tracked: they go straight to the bulk path with their audit
            // records in batches (national-size files), in the one transaction; changed rows through EF.
            await db.SaveChangesInBatchesAsync(run.Staged(), BatchSize, ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException)
        {
            // Someone changed the body while the file was checked: nothing of the file was kept.
            db.ChangeTracker.Clear();
            return ImportReport.Failed([new ImportIssue(string.Join(", ", files.Select(f => f.Name)), null, null, null, new ValidationError("concurrency-conflict"))]);
        }

        return ImportReport.Done(counts);
    }

    /// <summary>Reads one file by its extension: .csv or .xlsx.</summary>
    public static ReadResult Read(ImportFile file)
    {
        var extension = Path.GetExtension(file.Name).ToLowerInvariant();
        return extension switch
        {
            ".csv" => CsvFormat.Read(file.Content, file.Name, file.Kind),
            ".xlsx" => XlsxFormat.Read(file.Content, file.Name),
            _ => ReadResult.Fail(file.Name, null, null, null, new ValidationError("file-type-unsupported", null, extension)),
        };
    }
}

/// <summary>One import: the body's current records, the rows, and the issues found so far.</summary>
internal sealed class ImportRun(BagalauDbContext db, Guid bodyId, IReadOnlyList<RawTable> tables)
{
    private readonly Dictionary<string, StructuralUnit> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Position> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Servant> _servants = new(StringComparer.Ordinal);
    private readonly HashSet<string> _rejectedIins = new(StringComparer.Ordinal);
    private readonly Dictionary<ImportKind, int> _rowCounts = [];
    private List<ReportingLine> _lines = [];

    // New records are kept here, per kind, instead of in the change tracker: tracking 100,000
    // new servants and their records costs more than checking them (docs/benchmarks.md).
    private readonly Dictionary<ImportKind, List<object>> _new = [];
    private readonly HashSet<Servant> _newServants = new(ReferenceEqualityComparer.Instance);

    // New records of servants the body already had: the tracker finds them in the loaded
    // servant's collections, so they are only counted here (staging them would insert them twice).
    private readonly Dictionary<ImportKind, int> _createdTracked = [];

    public List<ImportIssue> Issues { get; } = [];

    public async Task ApplyAsync(CancellationToken ct)
    {
        var kinds = tables.Select(t => t.Kind).ToHashSet();
        var needsServants = kinds.Any(k => k >= ImportKind.Servants);
        var needsRecords = kinds.Any(k => k > ImportKind.Servants && k != ImportKind.ReportingLines);
        if (kinds.Contains(ImportKind.Units) || kinds.Contains(ImportKind.Positions))
        {
            foreach (var unit in await db.StructuralUnits.Where(u => u.StateBodyId == bodyId).ToListAsync(ct))
            {
                _units[unit.Code] = unit;
            }
        }

        if (kinds.Contains(ImportKind.Positions) || kinds.Contains(ImportKind.Appointments))
        {
            foreach (var position in await db.Positions.Where(p => p.StateBodyId == bodyId).ToListAsync(ct))
            {
                _positions[position.Code] = position;
            }
        }

        if (needsServants)
        {
            var query = db.Servants.Where(s => s.StateBodyId == bodyId);
            foreach (var servant in await (needsRecords ? OrganisationService.WithRecords(query) : query).ToListAsync(ct))
            {
                _servants[servant.Iin] = servant;
            }
        }

        if (kinds.Contains(ImportKind.ReportingLines))
        {
            _lines = await db.ReportingLines.Where(l => l.StateBodyId == bodyId).ToListAsync(ct);
        }

        foreach (var kind in ImportFormat.Kinds)
        {
            var rows = tables.Where(t => t.Kind == kind).SelectMany(t => t.Rows.Select(r => new Row(t, r))).ToList();
            _rowCounts[kind] = rows.Count;
            if (rows.Count == 0)
            {
                continue;
            }

            switch (kind)
            {
                case ImportKind.Units: Units(rows); break;
                case ImportKind.Positions: Positions(rows); break;
                case ImportKind.Servants: Servants(rows); break;
                case ImportKind.Appointments: Appointments(rows); break;
                case ImportKind.Probations: Probations(rows); break;
                case ImportKind.Absences: Absences(rows); break;
                case ImportKind.Dismissals: Dismissals(rows); break;
                case ImportKind.Sanctions: Sanctions(rows); break;
                case ImportKind.ReportingLines: ReportingLines(rows); break;
            }
        }
    }

    /// <summary>
    /// Per kind: rows that created a record, changed one, or left it as it was. Created records
    /// are counted as they are made; changed ones are the modified rows of the tracker, which
    /// holds only what the body already had.
    /// </summary>
    public Dictionary<ImportKind, KindCounts> Count()
    {
        db.ChangeTracker.DetectChanges();
        var updated = db.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Modified)
            .Select(e => KindOf(e.Entity))
            .Where(k => k is not null)
            .GroupBy(k => k!.Value)
            .ToDictionary(g => g.Key, g => g.Count());
        return _rowCounts.Where(r => r.Value > 0).ToDictionary(r => r.Key, r =>
        {
            var created = _new.GetValueOrDefault(r.Key)?.Count ?? 0;
            created += _createdTracked.GetValueOrDefault(r.Key);
            var changed = updated.GetValueOrDefault(r.Key);
            return new KindCounts(created, changed, Math.Max(0, r.Value - created - changed));
        });
    }

    /// <summary>The new untracked records, in an order every foreign key finds its row: units parents first.</summary>
    public List<object> Staged()
    {
        var staged = new List<object>(_new.Values.Sum(l => l.Count));
        foreach (var (kind, rows) in _new)
        {
            staged.AddRange(kind == ImportKind.Units ? ParentsFirst(rows.Cast<StructuralUnit>().ToList()) : rows);
        }

        return staged;
    }

    private static List<StructuralUnit> ParentsFirst(List<StructuralUnit> units)
    {
        var byId = units.ToDictionary(u => u.Id);
        var placed = new HashSet<Guid>();
        var ordered = new List<StructuralUnit>(units.Count);
        foreach (var unit in units)
        {
            // The chain of new ancestors not yet placed, written root first (the tree has no cycle: checked on Change).
            var chain = new Stack<StructuralUnit>();
            for (var u = unit; u is not null && !placed.Contains(u.Id); u = u.ParentId is { } p ? byId.GetValueOrDefault(p) : null)
            {
                chain.Push(u);
                placed.Add(u.Id);
            }

            ordered.AddRange(chain);
        }

        return ordered;
    }

    private void Created(ImportKind kind, object record)
    {
        if (!_new.TryGetValue(kind, out var rows))
        {
            rows = [];
            _new[kind] = rows;
        }

        rows.Add(record);
    }

    /// <summary>A record added to a servant: staged when the servant is new, else left to the tracker.</summary>
    private bool Added<T>(Row row, Servant servant, ImportKind kind, Result<T> added)
        where T : class
    {
        if (Fail(row, added))
        {
            return false;
        }

        if (_newServants.Contains(servant))
        {
            Created(kind, added.Value);
        }
        else
        {
            _createdTracked[kind] = _createdTracked.GetValueOrDefault(kind) + 1;
        }

        return true;
    }

    private static ImportKind? KindOf(object entity) => entity switch
    {
        StructuralUnit => ImportKind.Units,
        Position => ImportKind.Positions,
        Servant => ImportKind.Servants,
        Appointment => ImportKind.Appointments,
        Probation => ImportKind.Probations,
        Absence => ImportKind.Absences,
        Dismissal => ImportKind.Dismissals,
        Sanction => ImportKind.Sanctions,
        ReportingLine => ImportKind.ReportingLines,
        _ => null,
    };

    // Units: created first (so that parents may come later in the file), then placed in the tree.
    private void Units(List<Row> rows)
    {
        var parents = _units.Values.ToDictionary(u => u.Id, u => u.ParentId);
        var placed = new List<(Row Row, StructuralUnit Unit)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = row["unit_code"];
            if (Fail(row, TextRules.Code(code, "unit_code")) || Duplicate(row, seen, code, "unit_code"))
            {
                continue;
            }

            if (!_units.TryGetValue(code, out var unit))
            {
                var created = StructuralUnit.Create(bodyId, code, row["name_kk"], row["name_ru"], row["name_en"], null, parents);
                if (Fail(row, created))
                {
                    continue;
                }

                unit = created.Value;
                _units[code] = unit;
                parents[unit.Id] = null;
                Created(ImportKind.Units, unit);
            }

            placed.Add((row, unit));
        }

        foreach (var (row, unit) in placed)
        {
            Guid? parentId = null;
            var parentCode = row["parent_code"];
            if (parentCode.Length > 0)
            {
                if (!_units.TryGetValue(parentCode, out var parent))
                {
                    Fail(row, new ValidationError("reference-unknown", "parent_code", parentCode));
                    continue;
                }

                parentId = parent.Id;
            }

            if (!Fail(row, unit.Change(row["name_kk"], row["name_ru"], row["name_en"], parentId, parents)))
            {
                parents[unit.Id] = parentId;
            }
        }
    }

    private void Positions(List<Row> rows)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var code = row["position_code"];
            if (Fail(row, TextRules.Code(code, "position_code")) || Duplicate(row, seen, code, "position_code"))
            {
                continue;
            }

            var unitCode = row["unit_code"];
            if (!_units.TryGetValue(unitCode, out var unit))
            {
                Fail(row, unitCode.Length == 0 ? new ValidationError("required", "unit_code") : new ValidationError("reference-unknown", "unit_code", unitCode));
                continue;
            }

            if (!OrganisationService.TryQualifier(row["qualifier"], out var qualifier, out var badQualifier))
            {
                Fail(row, badQualifier);
                continue;
            }

            if (_positions.TryGetValue(code, out var position))
            {
                Fail(row, position.Change(row["title_kk"], row["title_ru"], row["title_en"], unit.Id, row["category"], qualifier));
                continue;
            }

            var created = Position.Create(bodyId, code, row["title_kk"], row["title_ru"], row["title_en"], unit.Id, row["category"], qualifier);
            if (!Fail(row, created))
            {
                _positions[code] = created.Value;
                Created(ImportKind.Positions, created.Value);
            }
        }
    }

    private void Servants(List<Row> rows)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var iin = row["iin"];
            if (seen.ContainsKey(iin))
            {
                Fail(row, new ValidationError("servant-duplicate-iin", "iin", iin));
                continue;
            }

            seen[iin] = row.Number;
            if (!FieldParsers.TryBool(row["provides_public_services"], out var providesPublicServices))
            {
                Fail(row, new ValidationError("bool-invalid", "provides_public_services", row["provides_public_services"]));
                _rejectedIins.Add(iin);
                continue;
            }

            if (_servants.TryGetValue(iin, out var servant))
            {
                if (Fail(row, servant.Change(iin, row["full_name"], row["email"], row["phone"], providesPublicServices)))
                {
                    _rejectedIins.Add(iin);
                }

                continue;
            }

            var created = Servant.Create(bodyId, iin, row["full_name"], row["email"], row["phone"], providesPublicServices);
            if (Fail(row, created))
            {
                _rejectedIins.Add(iin);
                continue;
            }

            _servants[created.Value.Iin] = created.Value;
            _newServants.Add(created.Value);
            Created(ImportKind.Servants, created.Value);
        }
    }

    private void Appointments(List<Row> rows)
    {
        var parsed = new List<(Row Row, Servant Servant, Position Position, DateOnly From, DateOnly? To)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var servant = ServantOf(row, "iin");
            var positionCode = row["position_code"];
            Position? position = null;
            if (positionCode.Length > 0 && !_positions.TryGetValue(positionCode, out position))
            {
                Fail(row, new ValidationError("reference-unknown", "position_code", positionCode));
            }
            else if (positionCode.Length == 0)
            {
                Fail(row, new ValidationError("required", "position_code"));
            }

            var from = RequiredDate(row, "from");
            var to = OptionalDate(row, "to", out var toOk);
            if (servant is null || position is null || from is null || !toOk
                || Duplicate(row, seen, $"{servant.Iin}|{positionCode}|{from:yyyy-MM-dd}", "from"))
            {
                continue;
            }

            parsed.Add((row, servant, position, from.Value, to));
        }

        // In date order per servant, so a file that closes one appointment and opens the next applies cleanly.
        foreach (var (row, servant, position, from, to) in parsed.OrderBy(p => p.Servant.Iin, StringComparer.Ordinal).ThenBy(p => p.From))
        {
            var existing = servant.Appointments.FirstOrDefault(a => a.PositionId == position.Id && a.From == from);
            if (existing is null)
            {
                Added(row, servant, ImportKind.Appointments, servant.Appoint(position.Id, from, to));
            }
            else
            {
                Fail(row, servant.ChangeAppointment(existing.Id, position.Id, from, to));
            }
        }
    }

    private void Probations(List<Row> rows)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var parsed = new List<(Row Row, Servant Servant, DateOnly From, DateOnly To)>();
        foreach (var row in rows)
        {
            var servant = ServantOf(row, "iin");
            var from = RequiredDate(row, "from");
            var to = RequiredDate(row, "to");
            if (servant is null || from is null || to is null || Duplicate(row, seen, $"{servant.Iin}|{from:yyyy-MM-dd}", "from"))
            {
                continue;
            }

            parsed.Add((row, servant, from.Value, to.Value));
        }

        foreach (var (row, servant, from, to) in parsed.OrderBy(p => p.Servant.Iin, StringComparer.Ordinal).ThenBy(p => p.From))
        {
            var existing = servant.Probations.FirstOrDefault(p => p.From == from);
            if (existing is null)
            {
                Added(row, servant, ImportKind.Probations, servant.AddProbation(from, to));
            }
            else
            {
                Fail(row, servant.ChangeProbation(existing.Id, from, to));
            }
        }
    }

    private void Absences(List<Row> rows)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var servant = ServantOf(row, "iin");
            var kindOk = OrganisationService.TryKind<AbsenceKind>(row["kind"], "kind", out var kind, out var badKind);
            if (!kindOk)
            {
                Fail(row, badKind);
            }

            var from = RequiredDate(row, "from");
            var to = RequiredDate(row, "to");
            if (servant is null || !kindOk || from is null || to is null || Duplicate(row, seen, $"{servant.Iin}|{row["kind"]}|{from:yyyy-MM-dd}", "from"))
            {
                continue;
            }

            var existing = servant.Absences.FirstOrDefault(a => a.Kind == kind && a.From == from);
            if (existing is null)
            {
                Added(row, servant, ImportKind.Absences, servant.AddAbsence(kind, from.Value, to.Value));
            }
            else
            {
                Fail(row, servant.ChangeAbsence(existing.Id, kind, from.Value, to.Value));
            }
        }
    }

    private void Dismissals(List<Row> rows)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var servant = ServantOf(row, "iin");
            var date = RequiredDate(row, "date");
            if (servant is null || date is null || Duplicate(row, seen, $"{servant.Iin}|{date:yyyy-MM-dd}", "date"))
            {
                continue;
            }

            var existing = servant.Dismissals.FirstOrDefault(d => d.Date == date);
            if (existing is null)
            {
                Added(row, servant, ImportKind.Dismissals, servant.Dismiss(date.Value, row["note"]));
            }
            else
            {
                Fail(row, servant.ChangeDismissal(existing.Id, date.Value, row["note"]));
            }
        }
    }

    private void Sanctions(List<Row> rows)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var servant = ServantOf(row, "iin");
            var kindOk = OrganisationService.TryKind<SanctionKind>(row["kind"], "kind", out var kind, out var badKind);
            if (!kindOk)
            {
                Fail(row, badKind);
            }

            var applied = RequiredDate(row, "applied");
            var lifted = OptionalDate(row, "lifted", out var liftedOk);
            if (servant is null || !kindOk || applied is null || !liftedOk || Duplicate(row, seen, $"{servant.Iin}|{row["kind"]}|{applied:yyyy-MM-dd}", "applied"))
            {
                continue;
            }

            var existing = servant.Sanctions.FirstOrDefault(s => s.Kind == kind && s.Applied == applied);
            if (existing is null)
            {
                Added(row, servant, ImportKind.Sanctions, servant.AddSanction(kind, applied.Value, lifted, row["note"]));
            }
            else
            {
                Fail(row, servant.ChangeSanction(existing.Id, kind, applied.Value, lifted, row["note"]));
            }
        }
    }

    private void ReportingLines(List<Row> rows)
    {
        var structure = ReportingStructure.Of(_lines);
        var byKey = _lines.ToDictionary(l => (l.ServantId, l.Kind));
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var servant = ServantOf(row, "iin");
            var supervisor = ServantOf(row, "supervisor_iin");
            var kindOk = OrganisationService.TryKind<ReportingLineKind>(row["kind"], "kind", out var kind, out var badKind);
            if (!kindOk)
            {
                Fail(row, badKind);
            }

            if (servant is null || supervisor is null || !kindOk || Duplicate(row, seen, $"{servant.Iin}|{row["kind"]}", "kind"))
            {
                continue;
            }

            if (Fail(row, structure.Check(servant.Id, kind, supervisor.Id, servant.Iin, supervisor.Iin)))
            {
                continue;
            }

            if (byKey.TryGetValue((servant.Id, kind), out var line))
            {
                Fail(row, line.ChangeSupervisor(supervisor.Id, structure));
            }
            else
            {
                line = ReportingLine.Create(bodyId, servant.Id, kind, supervisor.Id, structure).Value;
                byKey[(servant.Id, kind)] = line;
                Created(ImportKind.ReportingLines, line);
            }

            structure.Set(servant.Id, kind, supervisor.Id);
        }
    }

    // Row helpers

    private Servant? ServantOf(Row row, string column)
    {
        var iin = row[column];
        if (_servants.TryGetValue(iin, out var servant))
        {
            return servant;
        }

        // A servant row of this file that failed is already reported; don't repeat it for each record.
        if (!_rejectedIins.Contains(iin))
        {
            Fail(row, iin.Length == 0 ? new ValidationError("required", column) : IinRule.Check(iin, column) ?? new ValidationError("reference-unknown", column, iin));
        }

        return null;
    }

    private DateOnly? RequiredDate(Row row, string column)
    {
        var text = row[column];
        if (text.Length == 0)
        {
            Fail(row, new ValidationError("required", column));
            return null;
        }

        if (!FieldParsers.TryDate(text, out var date))
        {
            Fail(row, FieldParsers.DateError(column, text));
            return null;
        }

        return date;
    }

    private DateOnly? OptionalDate(Row row, string column, out bool ok)
    {
        ok = true;
        var text = row[column];
        if (text.Length == 0)
        {
            return null;
        }

        if (!FieldParsers.TryDate(text, out var date))
        {
            ok = false;
            Fail(row, FieldParsers.DateError(column, text));
            return null;
        }

        return date;
    }

    private bool Duplicate(Row row, Dictionary<string, int> seen, string key, string column)
    {
        if (seen.TryGetValue(key, out var first))
        {
            Fail(row, new ValidationError("row-duplicate", column, first.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return true;
        }

        seen[key] = row.Number;
        return false;
    }

    private bool Fail(Row row, Result result)
    {
        foreach (var error in result.Errors)
        {
            Fail(row, error);
        }

        return !result.IsSuccess;
    }

    private bool Fail(Row row, ValidationError? error)
    {
        if (error is null)
        {
            return false;
        }

        Issues.Add(new ImportIssue(row.Table.Source, row.Table.Sheet, row.Number, ColumnOf(row.Table.Kind, error.Field), error));
        return true;
    }

    /// <summary>Domain field names are the file's column names except the generic "code".</summary>
    private static string? ColumnOf(ImportKind kind, string? field) => field switch
    {
        "code" when kind == ImportKind.Units => "unit_code",
        "code" when kind == ImportKind.Positions => "position_code",
        _ => field,
    };

    private readonly record struct Row(RawTable Table, RawRow Raw)
    {
        public int Number => Raw.Number;

        public string this[string column] => column is "iin" or "supervisor_iin" ? Iin(Raw[column]) : Raw[column];

        // A spreadsheet keeps an IIN typed as a number without its leading zero (born 2000-2009).
        private string Iin(string text) =>
            text.Length == 11 && text.All(char.IsAsciiDigit) && Table.Source.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
                ? "0" + text
                : text;
    }
}
