using Bagalau.Application.Persistence;
using Bagalau.Domain.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Bagalau.Application.Organisation;

/// <summary>
/// HR's use cases on a body's organisation: units, positions, servants and their records,
/// reporting lines. Callers check the user's access to <c>bodyId</c> first
/// (<see cref="Accounts.BodyAccess"/>); every method also refuses records of another body
/// (<c>not-found</c>). Edits take the version the user read and answer
/// <c>concurrency-conflict</c> when the record changed since; nothing is saved on any error.
/// </summary>
public sealed class OrganisationService(BagalauDbContext db)
{
    private static readonly ValidationError NotFound = new("not-found");
    private static readonly ValidationError Conflict = new("concurrency-conflict");

    // State bodies

    public async Task<Result<StateBody>> CreateBodyAsync(BodyInput input, CancellationToken ct = default)
    {
        var created = StateBody.Create(input.Code, input.NameKk, input.NameRu, input.NameEn);
        if (!created.IsSuccess)
        {
            return created;
        }

        if (await db.StateBodies.AnyAsync(b => b.Code == created.Value.Code, ct))
        {
            return Result<StateBody>.Failure(new ValidationError("body-duplicate-code", "code", created.Value.Code));
        }

        db.StateBodies.Add(created.Value);
        return await SaveAsync(created.Value, ct);
    }

    public async Task<Result<StateBody>> RenameBodyAsync(Guid bodyId, int expectedVersion, BodyInput input, CancellationToken ct = default)
    {
        var body = await db.StateBodies.FirstOrDefaultAsync(b => b.Id == bodyId, ct);
        if (body is null)
        {
            return Result<StateBody>.Failure(NotFound);
        }

        if (!VersionTokens.Expect(db, body, expectedVersion))
        {
            return Result<StateBody>.Failure(Conflict);
        }

        var renamed = body.Rename(input.NameKk, input.NameRu, input.NameEn);
        return renamed.IsSuccess ? await SaveAsync(body, ct) : Result<StateBody>.Failure(renamed.Errors);
    }

    public Task<StateBody?> GetBodyAsync(Guid bodyId, CancellationToken ct = default) =>
        db.StateBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId, ct);

    public Task<StateBody?> FindBodyByCodeAsync(string code, CancellationToken ct = default) =>
        db.StateBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Code == code.Trim(), ct);

    /// <summary>Bodies by code; <paramref name="only"/> restricts to the bodies a user may see.</summary>
    public Task<Page<StateBody>> ListBodiesAsync(IReadOnlyCollection<Guid>? only, PageRequest page, CancellationToken ct = default)
    {
        var query = db.StateBodies.AsNoTracking();
        if (only is not null)
        {
            query = query.Where(b => only.Contains(b.Id));
        }

        return query.OrderBy(b => b.Code).ToPageAsync(page, ct);
    }

    /// <summary>Counts for the body's dashboard.</summary>
    public async Task<BodyCounts> CountAsync(Guid bodyId, CancellationToken ct = default) => new(
        await db.StructuralUnits.CountAsync(u => u.StateBodyId == bodyId, ct),
        await db.Positions.CountAsync(p => p.StateBodyId == bodyId, ct),
        await db.Servants.CountAsync(s => s.StateBodyId == bodyId, ct));

    // Structural units

    /// <summary>Every unit of the body (a body has hundreds at most: the tree is shown whole).</summary>
    public async Task<IReadOnlyList<StructuralUnit>> ListUnitsAsync(Guid bodyId, CancellationToken ct = default) =>
        await db.StructuralUnits.AsNoTracking().Where(u => u.StateBodyId == bodyId).OrderBy(u => u.Code).ToListAsync(ct);

    public Task<Page<StructuralUnit>> PageUnitsAsync(Guid bodyId, PageRequest page, CancellationToken ct = default) =>
        db.StructuralUnits.AsNoTracking().Where(u => u.StateBodyId == bodyId).OrderBy(u => u.Code).ToPageAsync(page, ct);

    public Task<StructuralUnit?> GetUnitAsync(Guid bodyId, Guid unitId, CancellationToken ct = default) =>
        db.StructuralUnits.AsNoTracking().FirstOrDefaultAsync(u => u.StateBodyId == bodyId && u.Id == unitId, ct);

    public async Task<Result<StructuralUnit>> CreateUnitAsync(Guid bodyId, UnitInput input, CancellationToken ct = default)
    {
        if (!await db.StateBodies.AnyAsync(b => b.Id == bodyId, ct) || !await ParentIsInBodyAsync(bodyId, input.ParentId, ct))
        {
            return Result<StructuralUnit>.Failure(NotFound);
        }

        var created = StructuralUnit.Create(bodyId, input.Code, input.NameKk, input.NameRu, input.NameEn, input.ParentId, await UnitParentsAsync(bodyId, ct));
        if (!created.IsSuccess)
        {
            return created;
        }

        if (await db.StructuralUnits.AnyAsync(u => u.StateBodyId == bodyId && u.Code == created.Value.Code, ct))
        {
            return Result<StructuralUnit>.Failure(new ValidationError("unit-duplicate-code", "code", created.Value.Code));
        }

        db.StructuralUnits.Add(created.Value);
        return await SaveAsync(created.Value, ct);
    }

    /// <summary>Renames and/or moves a unit (its code is its identity in files and stays).</summary>
    public async Task<Result<StructuralUnit>> UpdateUnitAsync(Guid bodyId, Guid unitId, int expectedVersion, UnitInput input, CancellationToken ct = default)
    {
        var unit = await db.StructuralUnits.FirstOrDefaultAsync(u => u.StateBodyId == bodyId && u.Id == unitId, ct);
        if (unit is null || !await ParentIsInBodyAsync(bodyId, input.ParentId, ct))
        {
            return Result<StructuralUnit>.Failure(NotFound);
        }

        if (!VersionTokens.Expect(db, unit, expectedVersion))
        {
            return Result<StructuralUnit>.Failure(Conflict);
        }

        var changed = unit.Change(input.NameKk, input.NameRu, input.NameEn, input.ParentId, await UnitParentsAsync(bodyId, ct));
        return changed.IsSuccess ? await SaveAsync(unit, ct) : Result<StructuralUnit>.Failure(changed.Errors);
    }

    public async Task<Result> DeleteUnitAsync(Guid bodyId, Guid unitId, int expectedVersion, CancellationToken ct = default)
    {
        var unit = await db.StructuralUnits.FirstOrDefaultAsync(u => u.StateBodyId == bodyId && u.Id == unitId, ct);
        if (unit is null)
        {
            return Result.Failure(NotFound);
        }

        if (!VersionTokens.Expect(db, unit, expectedVersion))
        {
            return Result.Failure(Conflict);
        }

        if (await db.StructuralUnits.AnyAsync(u => u.ParentId == unitId, ct) || await db.Positions.AnyAsync(p => p.UnitId == unitId, ct))
        {
            return Result.Failure(new ValidationError("unit-not-empty", null, unit.Code));
        }

        db.StructuralUnits.Remove(unit);
        return await SaveAsync(ct);
    }

    // Positions

    /// <summary>Positions of the body, optionally of one unit, by code.</summary>
    public Task<Page<Position>> ListPositionsAsync(Guid bodyId, Guid? unitId, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Positions.AsNoTracking().Where(p => p.StateBodyId == bodyId);
        if (unitId is { } unit)
        {
            query = query.Where(p => p.UnitId == unit);
        }

        return query.OrderBy(p => p.Code).ToPageAsync(page, ct);
    }

    public Task<Position?> GetPositionAsync(Guid bodyId, Guid positionId, CancellationToken ct = default) =>
        db.Positions.AsNoTracking().FirstOrDefaultAsync(p => p.StateBodyId == bodyId && p.Id == positionId, ct);

    public async Task<Result<Position>> CreatePositionAsync(Guid bodyId, PositionInput input, CancellationToken ct = default)
    {
        if (!await db.StructuralUnits.AnyAsync(u => u.StateBodyId == bodyId && u.Id == input.UnitId, ct))
        {
            return Result<Position>.Failure(new ValidationError("not-found", "unit_code"));
        }

        if (!TryQualifier(input.Qualifier, out var qualifier, out var bad))
        {
            return Result<Position>.Failure(bad);
        }

        var created = Position.Create(bodyId, input.Code, input.TitleKk, input.TitleRu, input.TitleEn, input.UnitId, input.Category, qualifier);
        if (!created.IsSuccess)
        {
            return created;
        }

        if (await db.Positions.AnyAsync(p => p.StateBodyId == bodyId && p.Code == created.Value.Code, ct))
        {
            return Result<Position>.Failure(new ValidationError("position-duplicate-code", "code", created.Value.Code));
        }

        db.Positions.Add(created.Value);
        return await SaveAsync(created.Value, ct);
    }

    public async Task<Result<Position>> UpdatePositionAsync(Guid bodyId, Guid positionId, int expectedVersion, PositionInput input, CancellationToken ct = default)
    {
        var position = await db.Positions.FirstOrDefaultAsync(p => p.StateBodyId == bodyId && p.Id == positionId, ct);
        if (position is null || !await db.StructuralUnits.AnyAsync(u => u.StateBodyId == bodyId && u.Id == input.UnitId, ct))
        {
            return Result<Position>.Failure(NotFound);
        }

        if (!VersionTokens.Expect(db, position, expectedVersion))
        {
            return Result<Position>.Failure(Conflict);
        }

        if (!TryQualifier(input.Qualifier, out var qualifier, out var bad))
        {
            return Result<Position>.Failure(bad);
        }

        var changed = position.Change(input.TitleKk, input.TitleRu, input.TitleEn, input.UnitId, input.Category, qualifier);
        return changed.IsSuccess ? await SaveAsync(position, ct) : Result<Position>.Failure(changed.Errors);
    }

    public async Task<Result> DeletePositionAsync(Guid bodyId, Guid positionId, int expectedVersion, CancellationToken ct = default)
    {
        var position = await db.Positions.FirstOrDefaultAsync(p => p.StateBodyId == bodyId && p.Id == positionId, ct);
        if (position is null)
        {
            return Result.Failure(NotFound);
        }

        if (!VersionTokens.Expect(db, position, expectedVersion))
        {
            return Result.Failure(Conflict);
        }

        if (await db.Appointments.AnyAsync(a => a.PositionId == positionId, ct))
        {
            return Result.Failure(new ValidationError("position-in-use", null, position.Code));
        }

        db.Positions.Remove(position);
        return await SaveAsync(ct);
    }

    // Servants

    /// <summary>
    /// Servants of the body by name; <paramref name="search"/> matches any part of the full name
    /// (any case, Kazakh or Russian spelling: <see cref="NameSearch"/>) or the start of the IIN.
    /// </summary>
    public Task<Page<Servant>> SearchServantsAsync(Guid bodyId, string? search, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId);
        var text = TextRules.Clean(search);
        if (text is not null)
        {
            query = text.All(char.IsAsciiDigit)
                ? query.Where(s => s.Iin.StartsWith(text))
                : query.Matching(text);
        }

        return query.OrderBy(s => s.SearchName).ThenBy(s => s.Iin).ToPageAsync(page, ct);
    }

    /// <summary>A servant with all their records (appointments, probation, absences, dismissals, sanctions).</summary>
    public Task<Servant?> GetServantAsync(Guid bodyId, Guid servantId, CancellationToken ct = default) =>
        WithRecords(db.Servants.AsNoTracking()).FirstOrDefaultAsync(s => s.StateBodyId == bodyId && s.Id == servantId, ct);

    public Task<Servant?> FindServantByIinAsync(Guid bodyId, string iin, CancellationToken ct = default) =>
        WithRecords(db.Servants.AsNoTracking()).FirstOrDefaultAsync(s => s.StateBodyId == bodyId && s.Iin == iin.Trim(), ct);

    /// <summary>The body's servant with that IIN, if any (IINs are unique in a body).</summary>
    public async Task<Guid?> IinHolderAsync(Guid bodyId, string iin, CancellationToken ct) =>
        await db.Servants.AsNoTracking().Where(s => s.StateBodyId == bodyId && s.Iin == iin).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);

    public async Task<Result<Servant>> CreateServantAsync(Guid bodyId, ServantInput input, CancellationToken ct = default)
    {
        if (!await db.StateBodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            return Result<Servant>.Failure(NotFound);
        }

        var created = Servant.Create(bodyId, input.Iin, input.FullName, input.Email, input.Phone, input.ProvidesPublicServices);
        if (!created.IsSuccess)
        {
            return created;
        }

        var holder = await IinHolderAsync(bodyId, created.Value.Iin, ct);
        if (DuplicateIinRule.Check(created.Value.Iin, created.Value.Id, holder) is { } duplicate)
        {
            return Result<Servant>.Failure(duplicate);
        }

        db.Servants.Add(created.Value);
        return await SaveAsync(created.Value, ct);
    }

    public async Task<Result<Servant>> UpdateServantAsync(Guid bodyId, Guid servantId, int expectedVersion, ServantInput input, CancellationToken ct = default)
    {
        var servant = await db.Servants.FirstOrDefaultAsync(s => s.StateBodyId == bodyId && s.Id == servantId, ct);
        if (servant is null)
        {
            return Result<Servant>.Failure(NotFound);
        }

        if (!VersionTokens.Expect(db, servant, expectedVersion))
        {
            return Result<Servant>.Failure(Conflict);
        }

        var changed = servant.Change(input.Iin, input.FullName, input.Email, input.Phone, input.ProvidesPublicServices);
        if (!changed.IsSuccess)
        {
            return Result<Servant>.Failure(changed.Errors);
        }

        if (DuplicateIinRule.Check(servant.Iin, servant.Id, await IinHolderAsync(bodyId, servant.Iin, ct)) is { } duplicate)
        {
            return Result<Servant>.Failure(duplicate);
        }

        return await SaveAsync(servant, ct);
    }

    /// <summary>Removes a servant with all their records and reporting lines.</summary>
    public async Task<Result> DeleteServantAsync(Guid bodyId, Guid servantId, int expectedVersion, CancellationToken ct = default)
    {
        var servant = await WithRecords(db.Servants).FirstOrDefaultAsync(s => s.StateBodyId == bodyId && s.Id == servantId, ct);
        if (servant is null)
        {
            return Result.Failure(NotFound);
        }

        if (!VersionTokens.Expect(db, servant, expectedVersion))
        {
            return Result.Failure(Conflict);
        }

        // Loaded so that their deletion is audited too.
        await db.ReportingLines.Where(l => l.ServantId == servantId || l.SupervisorId == servantId).LoadAsync(ct);
        db.ReportingLines.RemoveRange(db.ReportingLines.Local.Where(l => l.ServantId == servantId || l.SupervisorId == servantId).ToList());
        db.Servants.Remove(servant);
        return await SaveAsync(ct);
    }

    // Servant records: appointments

    public async Task<Result<Appointment>> AddAppointmentAsync(Guid bodyId, Guid servantId, AppointmentInput input, CancellationToken ct = default)
    {
        var servant = await LoadServantAsync(bodyId, servantId, ct);
        if (servant is null || !await PositionIsInBodyAsync(bodyId, input.PositionId, ct))
        {
            return Result<Appointment>.Failure(NotFound);
        }

        var added = servant.Appoint(input.PositionId, input.From, input.To);
        return added.IsSuccess ? await SaveAsync(added.Value, ct) : added;
    }

    public Task<Result> UpdateAppointmentAsync(Guid bodyId, Guid servantId, Guid appointmentId, int expectedVersion, AppointmentInput input, CancellationToken ct = default) =>
        EditRecordAsync(bodyId, servantId, s => s.Appointments, appointmentId, expectedVersion, async s =>
            await PositionIsInBodyAsync(bodyId, input.PositionId, ct)
                ? s.ChangeAppointment(appointmentId, input.PositionId, input.From, input.To)
                : Result.Failure(NotFound), ct);

    public Task<Result> RemoveAppointmentAsync(Guid bodyId, Guid servantId, Guid appointmentId, int expectedVersion, CancellationToken ct = default) =>
        EditRecordAsync(bodyId, servantId, s => s.Appointments, appointmentId, expectedVersion, s =>
        {
            s.RemoveAppointment(appointmentId);
            return Task.FromResult(Result.Success());
        }, ct);

    // Probation

    public async Task<Result<Probation>> AddProbationAsync(Guid bodyId, Guid servantId, ProbationInput input, CancellationToken ct = default)
    {
        var servant = await LoadServantAsync(bodyId, servantId, ct);
        if (servant is null)
        {
            return Result<Probation>.Failure(NotFound);
        }

        var added = servant.AddProbation(input.From, input.To);
        return added.IsSuccess ? await SaveAsync(added.Value, ct) : added;
    }

    public Task<Result> UpdateProbationAsync(Guid bodyId, Guid servantId, Guid probationId, int expectedVersion, ProbationInput input, CancellationToken ct = default) =>
        EditRecordAsync(bodyId, servantId, s => s.Probations, probationId, expectedVersion,
            s => Task.FromResult(s.ChangeProbation(probationId, input.From, input.To)), ct);

    public Task<Result> RemoveProbationAsync(Guid bodyId, Guid servantId, Guid probationId, int expectedVersion, CancellationToken ct = default) =>
        EditRecordAsync(bodyId, servantId, s => s.Probations, probationId, expectedVersion, s =>
        {
            s.RemoveProbation(probationId);
            return Task.FromResult(Result.Success());
        }, ct);

    // Absences

    public async Task<Result<Absence>> AddAbsenceAsync(Guid bodyId, Guid servantId, AbsenceInput input, CancellationToken ct = default)
    {
        var servant = await LoadServantAsync(bodyId, servantId, ct);
        if (servant is null)
        {
            return Result<Absence>.Failure(NotFound);
        }

        if (!TryKind<AbsenceKind>(input.Kind, "kind", out var kind, out var bad))
        {
            return Result<Absence>.Failure(bad);
        }

        var added = servant.AddAbsence(kind, input.From, input.To);
        return added.IsSuccess ? await SaveAsync(added.Value, ct) : added;
    }

    public Task<Result> UpdateAbsenceAsync(Guid bodyId, Guid servantId, Guid absenceId, int expectedVersion, AbsenceInput input, CancellationToken ct = default) =>
        EditRecordAsync(bodyId, servantId, s => s.Absences, absenceId, expectedVersion, s =>
            Task.FromResult(TryKind<AbsenceKind>(input.Kind, "kind", out var kind, out var bad)
                ? s.ChangeAbsence(absenceId, kind, input.From, input.To)
                : Result.Failure(bad)), ct);

    public Task<Result> RemoveAbsenceAsync(Guid bodyId, Guid servantId, Guid absenceId, int expectedVersion, CancellationToken ct = default) =>
        EditRecordAsync(bodyId, servantId, s => s.Absences, absenceId, expectedVersion, s =>
        {
            s.RemoveAbsence(absenceId);
            return Task.FromResult(Result.Success());
        }, ct);

    // Dismissals

    public async Task<Result<Dismissal>> DismissAsync(Guid bodyId, Guid servantId, DismissalInput input, CancellationToken ct = default)
    {
        var servant = await LoadServantAsync(bodyId, servantId, ct);
        if (servant is null)
        {
            return Result<Dismissal>.Failure(NotFound);
        }

        var added = servant.Dismiss(input.Date, input.Note);
        return added.IsSuccess ? await SaveAsync(added.Value, ct) : added;
    }

    public Task<Result> UpdateDismissalAsync(Guid bodyId, Guid servantId, Guid dismissalId, int expectedVersion, DismissalInput input, CancellationToken ct = default) =>
        EditRecordAsync(bodyId, servantId, s => s.Dismissals, dismissalId, expectedVersion,
            s => Task.FromResult(s.ChangeDismissal(dismissalId, input.Date, input.Note)), ct);

    public Task<Result> RemoveDismissalAsync(Guid bodyId, Guid servantId, Guid dismissalId, int expectedVersion, CancellationToken ct = default) =>
        EditRecordAsync(bodyId, servantId, s => s.Dismissals, dismissalId, expectedVersion, s =>
        {
            s.RemoveDismissal(dismissalId);
            return Task.FromResult(Result.Success());
        }, ct);

    // Sanctions

    public async Task<Result<Sanction>> AddSanctionAsync(Guid bodyId, Guid servantId, SanctionInput input, CancellationToken ct = default)
    {
        var servant = await LoadServantAsync(bodyId, servantId, ct);
        if (servant is null)
        {
            return Result<Sanction>.Failure(NotFound);
        }

        if (!TryKind<SanctionKind>(input.Kind, "kind", out var kind, out var bad))
        {
            return Result<Sanction>.Failure(bad);
        }

        var added = servant.AddSanction(kind, input.Applied, input.Lifted, input.Note);
        return added.IsSuccess ? await SaveAsync(added.Value, ct) : added;
    }

    public Task<Result> UpdateSanctionAsync(Guid bodyId, Guid servantId, Guid sanctionId, int expectedVersion, SanctionInput input, CancellationToken ct = default) =>
        EditRecordAsync(bodyId, servantId, s => s.Sanctions, sanctionId, expectedVersion, s =>
            Task.FromResult(TryKind<SanctionKind>(input.Kind, "kind", out var kind, out var bad)
                ? s.ChangeSanction(sanctionId, kind, input.Applied, input.Lifted, input.Note)
                : Result.Failure(bad)), ct);

    public Task<Result> RemoveSanctionAsync(Guid bodyId, Guid servantId, Guid sanctionId, int expectedVersion, CancellationToken ct = default) =>
        EditRecordAsync(bodyId, servantId, s => s.Sanctions, sanctionId, expectedVersion, s =>
        {
            s.RemoveSanction(sanctionId);
            return Task.FromResult(Result.Success());
        }, ct);

    // Reporting lines

    /// <summary>Lines of the body, or only those of one servant (as subordinate or as supervisor).</summary>
    public async Task<IReadOnlyList<ReportingLine>> ListReportingLinesAsync(Guid bodyId, Guid? servantId, CancellationToken ct = default)
    {
        var query = db.ReportingLines.AsNoTracking().Where(l => l.StateBodyId == bodyId);
        if (servantId is { } id)
        {
            query = query.Where(l => l.ServantId == id || l.SupervisorId == id);
        }

        return await query.OrderBy(l => l.ServantId).ThenBy(l => l.Kind).ToListAsync(ct);
    }

    /// <summary>The whole structure of the body, e.g. to find a servant's superior.</summary>
    public async Task<ReportingStructure> ReportingStructureAsync(Guid bodyId, CancellationToken ct = default) =>
        ReportingStructure.Of(await db.ReportingLines.AsNoTracking().Where(l => l.StateBodyId == bodyId).ToListAsync(ct));

    /// <summary>Sets the servant's line of the given kind (replacing the existing one of that kind).</summary>
    public async Task<Result<ReportingLine>> SetReportingLineAsync(Guid bodyId, ReportingLineInput input, int? expectedVersion = null, CancellationToken ct = default)
    {
        if (!TryKind<ReportingLineKind>(input.Kind, "kind", out var kind, out var bad))
        {
            return Result<ReportingLine>.Failure(bad);
        }

        var people = await db.Servants.AsNoTracking()
            .Where(s => s.StateBodyId == bodyId && (s.Id == input.ServantId || s.Id == input.SupervisorId))
            .Select(s => new { s.Id, s.FullName })
            .ToListAsync(ct);
        if (people.Count != (input.ServantId == input.SupervisorId ? 1 : 2))
        {
            return Result<ReportingLine>.Failure(NotFound);
        }

        var lines = await db.ReportingLines.Where(l => l.StateBodyId == bodyId).ToListAsync(ct);
        var structure = ReportingStructure.Of(lines);
        var name = people.ToDictionary(p => p.Id, p => p.FullName);
        if (structure.Check(input.ServantId, kind, input.SupervisorId, name[input.ServantId], name[input.SupervisorId]) is { } error)
        {
            return Result<ReportingLine>.Failure(error);
        }

        var existing = lines.FirstOrDefault(l => l.ServantId == input.ServantId && l.Kind == kind);
        if (existing is null)
        {
            var line = ReportingLine.Create(bodyId, input.ServantId, kind, input.SupervisorId, structure).Value;
            db.ReportingLines.Add(line);
            return await SaveAsync(line, ct);
        }

        if (expectedVersion is { } version && !VersionTokens.Expect(db, existing, version))
        {
            return Result<ReportingLine>.Failure(Conflict);
        }

        existing.ChangeSupervisor(input.SupervisorId, structure);
        return await SaveAsync(existing, ct);
    }

    public async Task<Result> RemoveReportingLineAsync(Guid bodyId, Guid lineId, int expectedVersion, CancellationToken ct = default)
    {
        var line = await db.ReportingLines.FirstOrDefaultAsync(l => l.StateBodyId == bodyId && l.Id == lineId, ct);
        if (line is null)
        {
            return Result.Failure(NotFound);
        }

        if (!VersionTokens.Expect(db, line, expectedVersion))
        {
            return Result.Failure(Conflict);
        }

        db.ReportingLines.Remove(line);
        return await SaveAsync(ct);
    }

    /// <summary>Reporting lines of the whole body, a page at a time (a body may have hundreds of thousands).</summary>
    public Task<Page<ReportingLine>> PageReportingLinesAsync(Guid bodyId, PageRequest page, CancellationToken ct = default) =>
        db.ReportingLines.AsNoTracking().Where(l => l.StateBodyId == bodyId)
            .OrderBy(l => l.ServantId).ThenBy(l => l.Kind).ToPageAsync(page, ct);

    // Helpers

    internal static IQueryable<Servant> WithRecords(IQueryable<Servant> query) =>
        query.Include(s => s.Appointments).Include(s => s.Probations).Include(s => s.Absences)
            .Include(s => s.Dismissals).Include(s => s.Sanctions).AsSplitQuery();

    private Task<Servant?> LoadServantAsync(Guid bodyId, Guid servantId, CancellationToken ct) =>
        WithRecords(db.Servants).FirstOrDefaultAsync(s => s.StateBodyId == bodyId && s.Id == servantId, ct);

    private async Task<Result> EditRecordAsync<T>(
        Guid bodyId, Guid servantId, Func<Servant, IEnumerable<T>> records, Guid recordId, int expectedVersion, Func<Servant, Task<Result>> edit, CancellationToken ct)
        where T : OrganisationEntity
    {
        var servant = await LoadServantAsync(bodyId, servantId, ct);
        var record = servant is null ? null : records(servant).FirstOrDefault(r => r.Id == recordId);
        if (servant is null || record is null)
        {
            return Result.Failure(NotFound);
        }

        if (!VersionTokens.Expect(db, record, expectedVersion))
        {
            return Result.Failure(Conflict);
        }

        var result = await edit(servant);
        return result.IsSuccess ? await SaveAsync(ct) : result;
    }

    private async Task<Result> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Failure(Conflict);
        }
    }

    private async Task<Result<T>> SaveAsync<T>(T value, CancellationToken ct)
    {
        var saved = await SaveAsync(ct);
        return saved.IsSuccess ? Result.Success(value) : Result<T>.Failure(saved.Errors);
    }

    private async Task<Dictionary<Guid, Guid?>> UnitParentsAsync(Guid bodyId, CancellationToken ct) =>
        await db.StructuralUnits.AsNoTracking().Where(u => u.StateBodyId == bodyId).ToDictionaryAsync(u => u.Id, u => u.ParentId, ct);

    private async Task<bool> ParentIsInBodyAsync(Guid bodyId, Guid? parentId, CancellationToken ct) =>
        parentId is not { } parent || await db.StructuralUnits.AnyAsync(u => u.StateBodyId == bodyId && u.Id == parent, ct);

    private async Task<bool> PositionIsInBodyAsync(Guid bodyId, Guid positionId, CancellationToken ct) =>
        await db.Positions.AnyAsync(p => p.StateBodyId == bodyId && p.Id == positionId, ct);

    internal static bool TryKind<TEnum>(string? id, string field, out TEnum kind, out ValidationError error)
        where TEnum : struct, Enum
    {
        error = new ValidationError("value-unknown", field, id ?? string.Empty, string.Join(", ", KindIds.All<TEnum>()));
        return KindIds.TryParse(id, out kind);
    }

    internal static bool TryQualifier(string? id, out PositionQualifier qualifier, out ValidationError error)
    {
        error = new ValidationError("value-unknown", "qualifier", id ?? string.Empty, "unit-head, deputy-director, division-head");
        return KindIds.TryParse(id ?? string.Empty, out qualifier);
    }
}

/// <summary>Sizes of a body's organisation.</summary>
public sealed record BodyCounts(int Units, int Positions, int Servants);
