namespace Bagalau.Web;

/// <summary>
/// Marker for the quarterly-2023 pages' texts: Resources/QuarterText.resx (Kazakh, the
/// neutral language), QuarterText.ru.resx and QuarterText.en.resx. Texts of the acts (parameter
/// guidance) are not here: they come from the pack, Kazakh verbatim.
/// </summary>
public sealed class QuarterText;
