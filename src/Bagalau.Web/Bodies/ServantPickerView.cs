namespace Bagalau.Web.Bodies;

/// <summary>
/// A search-as-you-type servant field (<c>Shared/_ServantPicker</c>, <c>wwwroot/js/servant-picker.js</c>):
/// the script fills the hidden <see cref="Field"/> with the chosen servant's id; without script the
/// typed name goes in <see cref="TextField"/> and the server resolves it by full name
/// (<c>ServantDirectory.ResolveAsync</c>). The page's size stays the same whatever the body's.
/// </summary>
/// <param name="Field">The form name of the chosen id (hidden).</param>
/// <param name="TextField">The form name of the typed text.</param>
/// <param name="Id">The text input's id (for a label), unique on the page.</param>
/// <param name="Label">The field's accessible name.</param>
/// <param name="Url">The body's picker endpoint, with any <c>except</c> ids already in its query.</param>
public sealed record ServantPickerView(string Field, string TextField, string Id, string Label, string Url, Guid? Value = null, string? Text = null, string? Test = null)
{
    /// <summary>The picker endpoint of a body, leaving out the given servants (the person evaluated...).</summary>
    public static string UrlOf(Guid bodyId, params Guid[] except) =>
        $"/api/v1/bodies/{bodyId}/servants/pick" + (except.Length == 0 ? string.Empty : "?" + string.Join("&", except.Select(e => "except=" + e)));
}
