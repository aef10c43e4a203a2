using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;

namespace Bagalau.Domain.Evaluation2023;

/// <summary>
/// A servant's annual score of one 2023-family pack and year as the quarter closes left it
/// (nhrc 4, oskemen 4: the average of the year's evaluated quarters, quarters without an
/// evaluation left out). Each close updates it with the quarters known so far; the quarter
/// scores it was computed from are kept beside it so a reader sees why.
/// </summary>
public sealed class AnnualResult : OrganisationEntity
{
    private AnnualResult()
    {
        PackId = VersionId = Grade = Clause = string.Empty;
    }

    private AnnualResult(Guid stateBodyId)
        : base(stateBodyId)
    {
        PackId = VersionId = Grade = Clause = string.Empty;
    }

    public Guid ServantId { get; private set; }

    public string PackId { get; private set; }

    public int Year { get; private set; }

    /// <summary>The pack version whose annual-score rule decided.</summary>
    public string VersionId { get; private set; }

    public decimal Score { get; private set; }

    public string Grade { get; private set; }

    public string Clause { get; private set; }

    public int QuartersCounted { get; private set; }

    public decimal? Q1 { get; private set; }

    public decimal? Q2 { get; private set; }

    public decimal? Q3 { get; private set; }

    public decimal? Q4 { get; private set; }

    /// <summary>The day of the close that last changed the result.</summary>
    public DateOnly UpdatedOn { get; private set; }

    /// <summary>The first annual result of a servant for the pack and year.</summary>
    public static AnnualResult Record(Guid stateBodyId, Guid servantId, string packId, int year, Decided<AnnualScoreAnswer> decided, IReadOnlyDictionary<int, decimal?> quarters, DateOnly today)
    {
        var result = new AnnualResult(stateBodyId) { ServantId = servantId, PackId = packId, Year = year };
        result.Update(decided, quarters, today);
        return result;
    }

    /// <summary>Takes the engine's new answer; false (and nothing changed) when it is the same as the one kept.</summary>
    public bool Update(Decided<AnnualScoreAnswer> decided, IReadOnlyDictionary<int, decimal?> quarters, DateOnly today)
    {
        if (decided.IsRefused)
        {
            return false;
        }

        var answer = decided.Answer!;
        var (q1, q2, q3, q4) = (quarters.GetValueOrDefault(1), quarters.GetValueOrDefault(2), quarters.GetValueOrDefault(3), quarters.GetValueOrDefault(4));
        var clause = decided.Provenance!.Clause ?? string.Empty;
        if (answer.Score == Score && answer.Grade == Grade && answer.QuartersCounted == QuartersCounted && clause == Clause
            && decided.Provenance.VersionId == VersionId && q1 == Q1 && q2 == Q2 && q3 == Q3 && q4 == Q4)
        {
            return false;
        }

        Score = answer.Score;
        Grade = answer.Grade;
        QuartersCounted = answer.QuartersCounted;
        Clause = clause;
        VersionId = decided.Provenance.VersionId;
        (Q1, Q2, Q3, Q4) = (q1, q2, q3, q4);
        UpdatedOn = today;
        return true;
    }
}
