using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bagalau.Application.Packs;

/// <summary>Registers the pack catalogue for Web and CLI hosts.</summary>
public static class PackServices
{
    /// <summary>
    /// Adds the host's <see cref="PackCatalog"/> once: the embedded packs and calendar plus the
    /// calendar additions of <c>Bagalau:CalendarDirectory</c> (default ./data/calendar).
    /// </summary>
    public static IServiceCollection TryAddBagalauPacks(this IServiceCollection services, IConfiguration configuration)
    {
        var directory = PackCatalog.CalendarDirectory(configuration[PackCatalog.CalendarDirectoryKey], Directory.GetCurrentDirectory());
        services.TryAddSingleton(_ => PackCatalog.LoadEmbedded(directory));
        return services;
    }
}
