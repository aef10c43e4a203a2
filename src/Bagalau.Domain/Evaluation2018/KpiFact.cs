using Bagalau.Domain.Decisions;
using Bagalau.Domain.Organisation;
using Bagalau.Domain.Workflow;

namespace Bagalau.Domain.Evaluation2018;

/// <summary>
/// A file proving a KPI's achievement, attached to the KPI sheet (clause 22: the superior
/// returns a sheet whose facts are insufficient or unreliable). Stored in the database with
/// the sheet; added and removed only while the sheet is being filled.
/// </summary>
public sealed class KpiFact : OrganisationEntity
{
    private KpiFact()
    {
        FileName = ContentType = UploadedBy = string.Empty;
        Content = [];
    }

    private KpiFact(Guid stateBodyId)
        : base(stateBodyId)
    {
        FileName = ContentType = UploadedBy = string.Empty;
        Content = [];
    }

    public Guid SheetId { get; private set; }

    public int KpiNumber { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Length { get; private set; }

    public byte[] Content { get; private set; }

    public DateOnly UploadedOn { get; private set; }

    public string UploadedBy { get; private set; }

    /// <summary>The direct supervisor or the servant attaches a fact while the sheet is a draft or returned.</summary>
    public static Outcome<KpiFact> Attach(Actor actor, KpiSheet sheet, int kpiNumber, string? fileName, byte[] content, DateOnly today)
    {
        if (!actor.Is(sheet.DirectSupervisorId) && !actor.Is(sheet.ServantId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.DirectSupervisor);
        }

        if (!sheet.Editable)
        {
            return WorkflowRefusals.WrongState(Actions.AttachFact, sheet.State);
        }

        if (sheet.Rows.All(r => r.Number != kpiNumber))
        {
            return Refusals.InvalidInput(
                $"{kpiNumber} нөмірлі НМИ бағалау парағында жоқ (1–{sheet.Rows.Count})",
                $"ЦИ № {kpiNumber} нет в оценочном листе (1–{sheet.Rows.Count})",
                $"KPI number {kpiNumber} is not on the sheet (1-{sheet.Rows.Count})");
        }

        var checkedFile = FactFileRule.Check(fileName, content);
        if (checkedFile.Refusal is { } refusal)
        {
            return refusal;
        }

        return new KpiFact(sheet.StateBodyId)
        {
            SheetId = sheet.Id,
            KpiNumber = kpiNumber,
            FileName = checkedFile.Value!.FileName,
            ContentType = checkedFile.Value.ContentType,
            Length = content.LongLength,
            Content = content,
            UploadedOn = today,
            UploadedBy = actor.UserId,
        };
    }

    /// <summary>Removing a fact follows the same rule as attaching it.</summary>
    public static Outcome CanRemove(Actor actor, KpiSheet sheet)
    {
        if (!actor.Is(sheet.DirectSupervisorId) && !actor.Is(sheet.ServantId))
        {
            return WorkflowRefusals.NotAllowed(ActorNames.DirectSupervisor);
        }

        return sheet.Editable ? Outcome.Done : WorkflowRefusals.WrongState(Actions.RemoveFact, sheet.State);
    }
}

/// <summary>An accepted fact file: its cleaned name and the content type its kind implies.</summary>
public sealed record FactFile(string FileName, string ContentType);

/// <summary>
/// Which fact files are accepted: PDF, DOCX, XLSX, JPEG and PNG up to <see cref="MaxBytes"/>,
/// whose first bytes match the kind the name claims (a renamed program is refused).
/// </summary>
public static class FactFileRule
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, (string Type, byte[] Magic)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", "%PDF"u8.ToArray()),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [0x50, 0x4B, 0x03, 0x04]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [0x50, 0x4B, 0x03, 0x04]),
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    };

    public static string Allowed => "pdf, docx, xlsx, jpg, png";

    /// <summary>The size check alone, so an upload too large is refused before it is read.</summary>
    public static Refusal? CheckSize(string? fileName, long length) => length <= MaxBytes
        ? null
        : Refusal.Of(
            $"fact-too-large",
            $"«{fileName}» файлы {MaxBytes / 1024 / 1024} МБ-тан үлкен",
            $"Файл «{fileName}» больше {MaxBytes / 1024 / 1024} МБ",
            $"File '{fileName}' is larger than {MaxBytes / 1024 / 1024} MB");

    public static Outcome<FactFile> Check(string? fileName, byte[] content)
    {
        var name = Path.GetFileName(fileName?.Trim() ?? string.Empty);
        if (name.Length == 0 || name.Length > 200)
        {
            return WorkflowRefusals.Required(Fields.FileName);
        }

        if (content.LongLength == 0)
        {
            return Refusal.Of(
                $"fact-empty",
                $"«{name}» файлы бос",
                $"Файл «{name}» пуст",
                $"File '{name}' is empty");
        }

        if (CheckSize(name, content.LongLength) is { } tooLarge)
        {
            return tooLarge;
        }

        var extension = Path.GetExtension(name);
        if (!Kinds.TryGetValue(extension, out var kind))
        {
            return Refusal.Of(
                $"fact-type-not-allowed",
                $"«{name}» файлының түріне рұқсат жоқ: тек {Allowed}",
                $"Тип файла «{name}» не допускается: только {Allowed}",
                $"File type of '{name}' is not allowed: only {Allowed}");
        }

        if (content.Length < kind.Magic.Length || !content.AsSpan(0, kind.Magic.Length).SequenceEqual(kind.Magic))
        {
            return Refusal.Of(
                $"fact-content-mismatch",
                $"«{name}» файлының мазмұны {extension} түріне сәйкес емес",
                $"Содержимое файла «{name}» не соответствует типу {extension}",
                $"The content of '{name}' is not a {extension} file");
        }

        return new FactFile(name, kind.Type);
    }
}
