using System.ComponentModel.DataAnnotations;
using Bagalau.Application.Organisation;
using Bagalau.Domain.Organisation;

namespace Bagalau.Web.Pages.Bodies.Servants;

/// <summary>A servant's personal data as typed in the form (the domain validates it).</summary>
public sealed class ServantForm
{
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["iin"] = nameof(Iin),
        ["full_name"] = nameof(FullName),
        ["email"] = nameof(Email),
        ["phone"] = nameof(Phone),
    };

    [Display(Name = "field.iin")]
    public string? Iin { get; set; }

    [Display(Name = "field.full-name")]
    public string? FullName { get; set; }

    [Display(Name = "field.email")]
    public string? Email { get; set; }

    [Display(Name = "field.phone")]
    public string? Phone { get; set; }

    [Display(Name = "field.provides-public-services")]
    public bool ProvidesPublicServices { get; set; }

    public int Version { get; set; }

    public ServantInput ToInput() => new(Iin ?? string.Empty, FullName ?? string.Empty, Email, Phone, ProvidesPublicServices);

    public static ServantForm From(Servant servant) => new()
    {
        Iin = servant.Iin,
        FullName = servant.FullName,
        Email = servant.Email,
        Phone = servant.Phone,
        ProvidesPublicServices = servant.ProvidesPublicServices,
        Version = servant.Version,
    };
}

/// <summary>What the shared personal-data form needs from the New and Edit pages.</summary>
public interface IServantFormPage
{
    ServantForm Input { get; }
}
