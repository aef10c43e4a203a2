using System.ComponentModel.DataAnnotations;
using Bagalau.Domain.Organisation;

namespace Bagalau.Web.Pages.Bodies.Servants;

/// <summary>
/// The forms for a servant's records on the details page. A form with a <c>RecordId</c>
/// changes that record (sending the version the user read); without one it adds a record.
/// </summary>
public abstract class RecordForm
{
    public Guid? RecordId { get; set; }

    public int Version { get; set; }
}

public sealed class AppointmentForm : RecordForm
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["position"] = nameof(PositionCode),
        ["position_code"] = nameof(PositionCode),
        ["from"] = nameof(From),
        ["to"] = nameof(To),
    };

    [Display(Name = "field.position-code")]
    public string? PositionCode { get; set; }

    [Display(Name = "field.from")]
    public DateOnly? From { get; set; }

    [Display(Name = "field.to")]
    public DateOnly? To { get; set; }
}

public sealed class ProbationForm : RecordForm
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["from"] = nameof(From),
        ["to"] = nameof(To),
    };

    [Display(Name = "field.from")]
    public DateOnly? From { get; set; }

    [Display(Name = "field.to")]
    public DateOnly? To { get; set; }
}

public sealed class AbsenceForm : RecordForm
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["kind"] = nameof(Kind),
        ["from"] = nameof(From),
        ["to"] = nameof(To),
    };

    public static readonly IReadOnlyList<string> Kinds = KindIds.All<AbsenceKind>();

    [Display(Name = "field.absence-kind")]
    public string? Kind { get; set; }

    [Display(Name = "field.from")]
    public DateOnly? From { get; set; }

    [Display(Name = "field.to")]
    public DateOnly? To { get; set; }
}

public sealed class DismissalForm : RecordForm
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["date"] = nameof(Date),
        ["note"] = nameof(Note),
    };

    [Display(Name = "field.dismissal-date")]
    public DateOnly? Date { get; set; }

    [Display(Name = "field.note")]
    public string? Note { get; set; }
}

public sealed class SanctionForm : RecordForm
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["kind"] = nameof(Kind),
        ["applied"] = nameof(Applied),
        ["lifted"] = nameof(Lifted),
        ["note"] = nameof(Note),
    };

    public static readonly IReadOnlyList<string> Kinds = KindIds.All<SanctionKind>();

    [Display(Name = "field.sanction-kind")]
    public string? Kind { get; set; }

    [Display(Name = "field.applied")]
    public DateOnly? Applied { get; set; }

    [Display(Name = "field.lifted")]
    public DateOnly? Lifted { get; set; }

    [Display(Name = "field.note")]
    public string? Note { get; set; }
}

public sealed class ReportingForm
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["kind"] = nameof(Kind),
        ["supervisor_iin"] = nameof(SupervisorIin),
        ["supervisor"] = nameof(SupervisorIin),
    };

    public static readonly IReadOnlyList<string> Kinds = KindIds.All<ReportingLineKind>();

    [Display(Name = "field.line-kind")]
    public string? Kind { get; set; }

    [Display(Name = "field.supervisor-iin")]
    public string? SupervisorIin { get; set; }
}
