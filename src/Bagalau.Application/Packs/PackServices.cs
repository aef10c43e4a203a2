using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.Application.Packs;

/// <summary>Registers the pack catalogue for Web and CLI hosts.</summary>
public static class PackServices
{
    /// <summary>
    /// Adds <see cref="PackCatalog"/> as a singleton, loaded from the embedded packs on first use.
    /// A broken pack fails that first use with every problem listed (PackLoadException).
    /// </summary>
    public static IServiceCollection AddBagalauPacks(this IServiceCollection services) =>
        services.AddSingleton(_ => PackCatalog.LoadEmbedded());
}
