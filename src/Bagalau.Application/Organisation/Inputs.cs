namespace Bagalau.Application.Organisation;

/// <summary>A state body as entered.</summary>
public sealed record BodyInput(string Code, string NameKk, string? NameRu, string? NameEn);

/// <summary>A structural unit as entered; <see cref="ParentId"/> null for a top-level unit.</summary>
public sealed record UnitInput(string Code, string NameKk, string? NameRu, string? NameEn, Guid? ParentId);

/// <summary>A position as entered; <see cref="Qualifier"/> is a glossary id (unit-head, deputy-director, division-head) or empty.</summary>
public sealed record PositionInput(string Code, string TitleKk, string? TitleRu, string? TitleEn, Guid UnitId, string Category, string? Qualifier);

/// <summary>A servant's personal data as entered.</summary>
public sealed record ServantInput(string Iin, string FullName, string? Email, string? Phone, bool ProvidesPublicServices);

public sealed record AppointmentInput(Guid PositionId, DateOnly From, DateOnly? To);

public sealed record ProbationInput(DateOnly From, DateOnly To);

/// <summary><see cref="Kind"/>: leave, unpaid-leave, sick, trip, internship, training, social-leave.</summary>
public sealed record AbsenceInput(string Kind, DateOnly From, DateOnly To);

public sealed record DismissalInput(DateOnly Date, string? Note);

/// <summary><see cref="Kind"/>: remark, reprimand, severe-reprimand, incomplete-compliance-warning, demotion, dismissal, other.</summary>
public sealed record SanctionInput(string Kind, DateOnly Applied, DateOnly? Lifted, string? Note);

/// <summary><see cref="Kind"/>: direct-supervisor, superior, first-head, authorized-person.</summary>
public sealed record ReportingLineInput(Guid ServantId, string Kind, Guid SupervisorId);
