using Bagalau.Application.Workflow;

namespace Bagalau.Web.Bodies;

/// <summary>A bulk action's report as the page shows it: done out of total, then each refused item by the servant's name with its refusal.</summary>
public sealed record BulkReportView(BulkReport Report, string Language, string Test);
