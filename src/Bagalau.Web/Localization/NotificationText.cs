namespace Bagalau.Web;

/// <summary>
/// Marker for the texts about notifying a servant evaluated without participation (nhrc 9,
/// oskemen 11): Resources/NotificationText.resx (Kazakh, the neutral language),
/// NotificationText.ru.resx and NotificationText.en.resx.
/// </summary>
public sealed class NotificationText;
