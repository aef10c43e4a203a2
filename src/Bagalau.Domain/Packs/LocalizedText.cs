namespace Bagalau.Domain.Packs;

/// <summary>A text in the three languages of Bagalau. Kazakh is the default and the act's own language.</summary>
public sealed record LocalizedText(string Kk, string Ru, string En)
{
    public static LocalizedText Same(string text) => new(text, text, text);

    /// <summary>The text for a language code (kk, ru, en); Kazakh for any other code.</summary>
    public string In(string language) => language switch
    {
        "ru" => Ru,
        "en" => En,
        _ => Kk,
    };

    public override string ToString() => En;

    /// <summary>Reads <c>{kk, ru, en}</c>; all three are required.</summary>
    public static LocalizedText? Read(MapReader parent, string key, bool required = true)
    {
        var map = parent.Child(key, required);
        if (map is null)
        {
            return null;
        }

        var kk = map.String("kk");
        var ru = map.String("ru");
        var en = map.String("en");
        map.Done();
        return kk is null || ru is null || en is null ? null : new LocalizedText(kk, ru, en);
    }
}
