namespace Bagalau.Web;

/// <summary>
/// Marker for the texts of the 2018-family cycle pages and the shared task pages:
/// Resources/Cycle2018Text.resx (Kazakh, neutral), .ru.resx and .en.resx.
/// </summary>
public sealed class Cycle2018Text;
