namespace Bagalau.Web;

/// <summary>
/// Marker for the one resource file of the web UI: Resources/SharedResource.resx (Kazakh,
/// the neutral language), SharedResource.ru.resx and SharedResource.en.resx.
/// </summary>
public sealed class SharedResource;
