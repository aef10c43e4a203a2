using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Bodies;

/// <summary>
/// A workflow page of a body, of either family. Any member may post: the use case decides who may
/// do what, and its refusal is shown on the page by kind, as the API maps it (not found stays a
/// 404; anything else is shown above the form with what the user typed kept).
/// </summary>
public abstract class WorkflowPage : BodyPageModel
{
    protected override string? PolicyForChanges => null;

    /// <summary>The code of the last refusal shown (tests and styling read it; people read the message).</summary>
    public string? RefusalCode { get; private set; }

    /// <summary>The message of the last refusal, for pages that show it in their own place rather than the validation summary.</summary>
    public string? Error { get; protected set; }

    public string Text(LocalizedText? text) => text?.In(Language) ?? string.Empty;

    /// <summary>Shows a refusal of the use case above the form, in the user's language.</summary>
    protected void ShowRefusal(Refusal refusal)
    {
        RefusalCode = refusal.Code;
        Error = refusal.Message.In(Language);
        ModelState.AddModelError(string.Empty, Error);
    }

    /// <summary>Not found stays not found (404); any other refusal is kept in <see cref="Error"/> for the page to show.</summary>
    protected IActionResult? Refused(Refusal? refusal)
    {
        if (refusal is null)
        {
            return null;
        }

        if (refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }

        RefusalCode = refusal.Code;
        Error = refusal.Message.In(Language);
        return null;
    }

    protected static bool IsNotFound(Refusal? refusal) => refusal?.Kind == RefusalKind.NotFound;
}
