using Bagalau.Domain.Decisions;
using Bagalau.Domain.Workflow;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Packs;

namespace Bagalau.Domain.Evaluation2023;

/// <summary>One stored row of a permitted-score table.</summary>
public sealed class KtiScoreTableRow
{
    private KtiScoreTableRow()
    {
    }

    internal KtiScoreTableRow(PermittedScoreRow row)
    {
        FromPercent = row.FromPercent;
        ToPercent = row.ToPercent;
        MinScore = row.MinScore;
        MaxScore = row.MaxScore;
    }

    public decimal FromPercent { get; private set; }

    public decimal ToPercent { get; private set; }

    public decimal MinScore { get; private set; }

    public decimal MaxScore { get; private set; }

    public PermittedScoreRow ToRule() => new(FromPercent, ToPercent, MinScore, MaxScore);
}

/// <summary>
/// A body's permitted-score table for KTIs (oskemen 27: Appendix 3 of the model methodology,
/// not in the seed and not shipped in the pack), entered by HR. Each change is a new revision;
/// the latest revision is in force, earlier ones stay for the plans scored with them.
/// </summary>
public sealed class KtiScoreTable : OrganisationEntity
{
    private readonly List<KtiScoreTableRow> _rows = [];

    private KtiScoreTable()
    {
        PackId = EnteredBy = Source = string.Empty;
    }

    private KtiScoreTable(Guid stateBodyId)
        : base(stateBodyId)
    {
        PackId = EnteredBy = Source = string.Empty;
    }

    public string PackId { get; private set; }

    public int Revision { get; private set; }

    /// <summary>Where the rows come from (e.g. the model methodology's Appendix 3 in force).</summary>
    public string Source { get; private set; }

    public string EnteredBy { get; private set; }

    public DateOnly EnteredOn { get; private set; }

    public IReadOnlyList<KtiScoreTableRow> Rows => _rows;

    public IReadOnlyList<PermittedScoreRow> Rules() => _rows.Select(r => r.ToRule()).ToList();

    /// <summary>HR enters a new revision after <paramref name="current"/> (null for the first); rows checked by <see cref="PermittedScoreTableRule"/>.</summary>
    public static Outcome<KtiScoreTable> Enter(
        Guid stateBodyId, PackVersion version, KtiScoreTable? current, Actor actor, string? source, IReadOnlyList<PermittedScoreRow> rows, DateOnly today)
    {
        if (!actor.IsHr)
        {
            return WorkflowRefusals.NotAllowed(Actions.EnterScoreTable, ActorNames.Hr);
        }

        if (version.Rules.KpiPlan is null)
        {
            return Refusals.NotInPack("kti-score", version.Pack.Id);
        }

        if (WorkflowRefusals.Text(Fields.Source, source, required: true) is { } bad)
        {
            return bad;
        }

        if (source!.Trim().Length > TextRules.MaxNameLength)
        {
            return WorkflowRefusals.TooLong(Fields.Source, TextRules.MaxNameLength);
        }

        if (PermittedScoreTableRule.Check(version, rows) is { } invalid)
        {
            return invalid;
        }

        var table = new KtiScoreTable(stateBodyId)
        {
            PackId = version.Pack.Id,
            Revision = (current?.Revision ?? 0) + 1,
            Source = source.Trim(),
            EnteredBy = actor.UserId,
            EnteredOn = today,
        };
        table._rows.AddRange(rows.OrderBy(r => r.FromPercent).Select(r => new KtiScoreTableRow(r)));
        return Outcome<KtiScoreTable>.Ok(table);
    }
}
