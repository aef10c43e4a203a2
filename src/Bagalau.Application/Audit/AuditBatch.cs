namespace Bagalau.Application.Audit;

/// <summary>
/// Names the one audit record that lists every row a bulk operation inserted (ADR 0013): the
/// operation (e.g. <c>QuarterClose</c>), its key (the closed round) and the body it belongs to.
/// The record's action is <c>insert</c>; its after-JSON holds each row's values by entity type.
/// </summary>
public sealed record AuditBatch(string Entity, string EntityKey, Guid? StateBodyId);
