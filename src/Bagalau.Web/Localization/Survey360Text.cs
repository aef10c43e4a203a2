namespace Bagalau.Web;

/// <summary>
/// Marker for the 360 survey's texts: Resources/Survey360Text.resx (Kazakh, the neutral
/// language), Survey360Text.ru.resx and Survey360Text.en.resx.
/// </summary>
public sealed class Survey360Text;
