using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Evaluation2023;

/// <summary>How much of a calibration case a reader may see.</summary>
public enum CalibrationAccess
{
    /// <summary>Not even that the case exists (answered as "not found").</summary>
    None,

    /// <summary>That the case exists, its state and its deadlines: no scores, objection, arguments or votes.</summary>
    StateOnly,

    /// <summary>The case, its session record, its protocol and documents.</summary>
    Full,
}

/// <summary>
/// Who may open a calibration case. Results are known only to the evaluated person, the evaluator,
/// the head of HR and the calibration participants (oskemen 20; oskemen 15 and nhrc 13: not
/// disclosed to third persons). The official entitled to appoint and dismiss receives the
/// application and approves the composition (nhrc 10, 19; oskemen 12, 38), so they take part in
/// the case. The head of HR runs the calibration session (nhrc 15.3; oskemen 19). Any other HR
/// officer organises the procedure (nhrc 8, 21; oskemen 10, 40) and learns only that a case
/// exists and its state; anyone else learns nothing.
/// </summary>
public static class CalibrationAccessRule
{
    public static CalibrationAccess Of(Actor reader, CalibrationCase calibration)
    {
        if (reader.IsHrHead || reader.IsAuthorized
            || (reader.ServantId is { } me && (me == calibration.ApplicantId || me == calibration.EvaluatorId || calibration.IsMember(me))))
        {
            return CalibrationAccess.Full;
        }

        return reader.IsHr ? CalibrationAccess.StateOnly : CalibrationAccess.None;
    }

    /// <summary>
    /// Who records the session and posts the protocol (nhrc 21, 22; oskemen 40, 41: HR organises
    /// the session): the head of HR (nhrc 15.3; oskemen 19) or an HR employee sitting on the panel
    /// (nhrc 19), since recording the votes means reading them.
    /// </summary>
    public static bool MayRun(Actor actor, CalibrationCase calibration) =>
        actor.IsHrHead || (actor.IsHr && actor.ServantId is { } me && calibration.IsMember(me));
}
