using System.Globalization;
using Bagalau.Application.Persistence;
using Microsoft.AspNetCore.Identity;

namespace Bagalau.Web.Api;

/// <summary>
/// Who calls an endpoint, in which language, and the request's cancellation, bound once with
/// <c>[AsParameters]</c> so no handler repeats how they are read.
/// </summary>
public readonly record struct ApiCaller(HttpContext Context, UserManager<BagalauUser> Users)
{
    /// <summary>The signed-in user's id (empty for an anonymous caller, whom every body refuses).</summary>
    public string UserId => Users.GetUserId(Context.User) ?? string.Empty;

    /// <summary>The request's language (kk, ru or en), chosen by the localization middleware.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public CancellationToken Cancelled => Context.RequestAborted;
}
