using Bagalau.Application.Accounts;
using Bagalau.Application.Audit;
using Bagalau.Application.Import;
using Bagalau.Application.Organisation;
using Bagalau.Domain.Organisation;

namespace Bagalau.Web.Api;

/// <summary>One page of a list: the rows, where we are, and the size of the whole list.</summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, int Page, int Size, int Total, int PageCount)
{
    public static PageDto<T> Of<TSource>(Page<TSource> page, Func<TSource, T> map) =>
        new(page.Items.Select(map).ToList(), page.Number, page.Size, page.Total, page.PageCount);
}

public sealed record BodyDto(Guid Id, string Code, string NameKk, string NameRu, string NameEn, IReadOnlyList<string> Roles, int Version)
{
    public static BodyDto Of(StateBody body, IEnumerable<BodyRole> roles) =>
        new(body.Id, body.Code, body.NameKk, body.NameRu, body.NameEn, roles.Order().Select(BodyMembership.RoleId).ToList(), body.Version);
}

public sealed record BodyCountsDto(int Units, int Positions, int Servants);

public sealed record UnitDto(Guid Id, string Code, string NameKk, string NameRu, string NameEn, Guid? ParentId, int Version)
{
    public static UnitDto Of(StructuralUnit u) => new(u.Id, u.Code, u.NameKk, u.NameRu, u.NameEn, u.ParentId, u.Version);
}

/// <summary>A unit to create (code required) or change (code ignored, version required).</summary>
public sealed record UnitRequest(string? Code, string? NameKk, string? NameRu, string? NameEn, Guid? ParentId, int? Version)
{
    public UnitInput ToInput() => new(Code ?? string.Empty, NameKk ?? string.Empty, NameRu, NameEn, ParentId);
}

public sealed record PositionDto(Guid Id, string Code, string TitleKk, string TitleRu, string TitleEn, Guid UnitId, string Category, string Qualifier, int Version)
{
    public static PositionDto Of(Position p) =>
        new(p.Id, p.Code, p.TitleKk, p.TitleRu, p.TitleEn, p.UnitId, p.Category, KindIds.Id(p.Qualifier), p.Version);
}

/// <summary>Qualifier: empty, unit-head, deputy-director or division-head.</summary>
public sealed record PositionRequest(string? Code, string? TitleKk, string? TitleRu, string? TitleEn, Guid? UnitId, string? Category, string? Qualifier, int? Version)
{
    public PositionInput ToInput() =>
        new(Code ?? string.Empty, TitleKk ?? string.Empty, TitleRu, TitleEn, UnitId ?? Guid.Empty, Category ?? string.Empty, Qualifier ?? string.Empty);
}

public sealed record ServantDto(Guid Id, string Iin, string FullName, string Email, string Phone, bool ProvidesPublicServices, int Version)
{
    public static ServantDto Of(Servant s) => new(s.Id, s.Iin, s.FullName, s.Email, s.Phone, s.ProvidesPublicServices, s.Version);
}

public sealed record ServantRequest(string? Iin, string? FullName, string? Email, string? Phone, bool? ProvidesPublicServices, int? Version)
{
    public ServantInput ToInput() => new(Iin ?? string.Empty, FullName ?? string.Empty, Email, Phone, ProvidesPublicServices ?? false);
}

/// <summary>A servant with all records and the reporting lines that name them.</summary>
public sealed record ServantDetailDto(
    ServantDto Servant,
    IReadOnlyList<AppointmentDto> Appointments,
    IReadOnlyList<ProbationDto> Probations,
    IReadOnlyList<AbsenceDto> Absences,
    IReadOnlyList<DismissalDto> Dismissals,
    IReadOnlyList<SanctionDto> Sanctions,
    IReadOnlyList<ReportingLineDto> ReportingLines);

public sealed record AppointmentDto(Guid Id, Guid PositionId, DateOnly From, DateOnly? To, int Version)
{
    public static AppointmentDto Of(Appointment a) => new(a.Id, a.PositionId, a.From, a.To, a.Version);
}

public sealed record AppointmentRequest(Guid? PositionId, DateOnly? From, DateOnly? To, int? Version);

public sealed record ProbationDto(Guid Id, DateOnly From, DateOnly To, int Version)
{
    public static ProbationDto Of(Probation p) => new(p.Id, p.From, p.To, p.Version);
}

public sealed record ProbationRequest(DateOnly? From, DateOnly? To, int? Version);

/// <summary>Kind: leave, unpaid-leave, sick, trip, internship, training, social-leave.</summary>
public sealed record AbsenceDto(Guid Id, string Kind, DateOnly From, DateOnly To, int Version)
{
    public static AbsenceDto Of(Absence a) => new(a.Id, KindIds.Id(a.Kind), a.From, a.To, a.Version);
}

public sealed record AbsenceRequest(string? Kind, DateOnly? From, DateOnly? To, int? Version);

public sealed record DismissalDto(Guid Id, DateOnly Date, string Note, int Version)
{
    public static DismissalDto Of(Dismissal d) => new(d.Id, d.Date, d.Note, d.Version);
}

public sealed record DismissalRequest(DateOnly? Date, string? Note, int? Version);

/// <summary>Kind: remark, reprimand, severe-reprimand, incomplete-compliance-warning, demotion, dismissal, other.</summary>
public sealed record SanctionDto(Guid Id, string Kind, DateOnly Applied, DateOnly? Lifted, string Note, int Version)
{
    public static SanctionDto Of(Sanction s) => new(s.Id, KindIds.Id(s.Kind), s.Applied, s.Lifted, s.Note, s.Version);
}

public sealed record SanctionRequest(string? Kind, DateOnly? Applied, DateOnly? Lifted, string? Note, int? Version);

/// <summary>Kind: direct-supervisor, superior, first-head, authorized-person.</summary>
public sealed record ReportingLineDto(Guid Id, Guid ServantId, string Kind, Guid SupervisorId, int Version)
{
    public static ReportingLineDto Of(ReportingLine l) => new(l.Id, l.ServantId, KindIds.Id(l.Kind), l.SupervisorId, l.Version);
}

/// <summary>Sets the line of a kind (replacing the one there); send the version when replacing.</summary>
public sealed record ReportingLineRequest(Guid? SupervisorId, int? Version);

public sealed record ImportResultDto(bool ChangedNothing, IReadOnlyDictionary<string, KindCounts> Counts);

/// <summary>One problem of a rejected import: file, sheet, row (header = 1), column and reason.</summary>
public sealed record ImportIssueDto(string Source, string? Sheet, int? Row, string? Column, string Code, string Message);

public sealed record AuditRecordDto(long Sequence, DateTimeOffset At, string Actor, string Action, string Entity, string EntityKey, string? Before, string? After)
{
    public static AuditRecordDto Of(AuditRecord r) => new(r.Sequence, r.At, r.Actor, r.Action, r.Entity, r.EntityKey, r.Before, r.After);
}

public sealed record AuditVerificationDto(bool IsIntact, long VerifiedRecords, long? BrokenSequence, string? Reason, string Message)
{
    public static AuditVerificationDto Of(AuditVerification v) => new(v.IsIntact, v.VerifiedRecords, v.BrokenSequence, v.Reason, v.Message);
}
