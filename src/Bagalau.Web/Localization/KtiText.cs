namespace Bagalau.Web;

/// <summary>
/// Marker for the texts of the KTI pages (oskemen chapter 2): Resources/KtiText.resx (Kazakh,
/// the neutral language), KtiText.ru.resx and KtiText.en.resx.
/// </summary>
public sealed class KtiText;
