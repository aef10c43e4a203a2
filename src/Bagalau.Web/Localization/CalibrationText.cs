namespace Bagalau.Web;

/// <summary>
/// Marker for the calibration and feedback pages' texts: Resources/CalibrationText.resx
/// (Kazakh, the neutral language), CalibrationText.ru.resx and CalibrationText.en.resx.
/// </summary>
public sealed class CalibrationText;
