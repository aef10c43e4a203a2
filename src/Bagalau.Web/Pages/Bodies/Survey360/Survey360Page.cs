using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Web.Bodies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Bagalau.Web.Pages.Bodies.Survey360;

/// <summary>
/// A page of the body's 360 survey. Posting is open to the page's members: the use case
/// decides (HR only) and its refusal is shown with the clause and code.
/// </summary>
public abstract class Survey360Page : WorkflowPage
{
    protected Survey360Service Service => HttpContext.RequestServices.GetRequiredService<Survey360Service>();
}
