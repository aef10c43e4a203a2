using System.Globalization;
using System.Threading.RateLimiting;
using Bagalau.Application.Documents;
using Bagalau.Application.Evaluation2023;
using Bagalau.Application.Organisation;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2023;
using Bagalau.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace Bagalau.Web.Api;

public sealed record Survey360RoundDto(Guid Id, string PackId, string VersionId, int Year, DateOnly LaunchedOn, DateOnly Due, string DueClause);

public sealed record LaunchSurvey360Request(string? PackId, int Year);

public sealed record Survey360RespondentDto(Guid ServantId, string Name, string Relation);

/// <summary>An evaluated person: the respondents chosen (never who answered: only how many).</summary>
public sealed record Survey360TargetDto(Guid Id, Guid ServantId, string Name, string Role, bool Issued, int Version, IReadOnlyList<Survey360RespondentDto> Respondents, int Answered);

public sealed record AddRespondentRequest(int Version, Guid ServantId, string? Relation);

public sealed record IssueLinksRequest(int Version, DateTimeOffset ExpiresAt, bool Email);

/// <summary>A personal link as issued: shown once (only its hash is kept); Emailed when it was sent to the respondent.</summary>
public sealed record IssuedLinkDto(Guid RespondentId, string Name, string Relation, string Url, string Token, bool Emailed);

public sealed record Survey360CompetencyDto(string Id, string Title);

/// <summary>The link's form: whom it is about, the scale and the competencies; no respondent is named.</summary>
public sealed record Survey360FormDto(string PersonName, bool IsSelf, decimal ScaleMin, decimal ScaleMax, IReadOnlyList<Survey360CompetencyDto> Competencies);

public sealed record Survey360AnswerRequest(IReadOnlyDictionary<string, decimal>? Ratings);

public sealed record Survey360ReportLineDto(string Id, string Title, decimal Average, decimal? Self);

/// <summary>The individual report (model form 7): nothing below the minimum of answers (Status says why).</summary>
public sealed record Survey360ReportDto(Guid TargetId, string Name, string Role, int Respondents, string Status, decimal? Overall, IReadOnlyList<Survey360ReportLineDto> Competencies, IReadOnlyList<string> Weakest, string? Clause);

public sealed record Survey360FeedbackTopicDto(string Topic, string? Notes);

/// <summary>The feedback form (model form 8): the person, their direct supervisor and the least-shown competencies to discuss.</summary>
public sealed record Survey360FeedbackDto(string ServantName, string ServantPosition, string SupervisorName, string SupervisorPosition, int Year, IReadOnlyList<Survey360FeedbackTopicDto> Topics, string Clause);

public sealed record TrainingNeedDto(string CompetencyId, string Title, decimal Average, int People);

/// <summary>
/// The oskemen 360 survey (chapter 4): HR launches a round, adjusts respondents, issues personal
/// links; respondents answer through their link without signing in; reports from 3 answers.
/// </summary>
public static class Survey360Endpoints
{
    /// <summary>Rate-limiter policy of the sign-in-free link endpoints (guessing tokens is throttled per address).</summary>
    public const string LinkPolicy = "survey360-link";

    /// <summary>Where a respondent opens their link (the page, not the API).</summary>
    public const string LinkPagePath = "/s360/";

    public static IServiceCollection AddSurvey360Api(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("Bagalau:Survey360RateLimit:PermitLimit", 60);
        var window = TimeSpan.FromSeconds(configuration.GetValue("Bagalau:Survey360RateLimit:WindowSeconds", 60));
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(LinkPolicy, context =>
            RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 })));
        return services;
    }

    public static void MapSurvey360Endpoints(this RouteGroupBuilder api)
    {
        var links = api.MapGroup("/survey360/links").WithTags("survey-360").AllowAnonymous().RequireRateLimiting(LinkPolicy);
        links.MapGet("/{token}", LinkForm)
            .WithName("GetSurvey360LinkForm")
            .WithSummary("The form behind a personal 360 link, without sign-in: the person, the scale and the competencies. Unknown, used or expired links are refused (link-invalid, link-used, link-expired). Rate-limited.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        links.MapPost("/{token}/answer", Answer)
            .WithName("AnswerSurvey360")
            .WithSummary("Answers through a personal link, without sign-in: one rating per competency on the pack's scale. The link is spent; the answer is stored with no link to the respondent. Rate-limited.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        var body = api.MapGroup("/bodies/{bodyId:guid}/survey360").WithTags("survey-360").RequireAuthorization(BodyPolicies.Member);
        body.MapGet("/rounds", Rounds)
            .WithName("ListSurvey360Rounds")
            .WithSummary("The body's 360 rounds, newest year first, with the due date and its clause.");
        body.MapPost("/rounds", Launch)
            .WithName("LaunchSurvey360")
            .WithSummary("HR launches the year's 360 round (oskemen 33): Bagalau proposes 3-7 respondents per person (clause 35) and the self-assessment.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        body.MapGet("/rounds/{roundId:guid}/targets", Targets)
            .WithName("ListSurvey360Targets")
            .WithSummary("HR: the evaluated persons, their respondents and how many answered (never who).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        body.MapGet("/rounds/{roundId:guid}/training-needs", TrainingNeeds)
            .WithName("GetSurvey360TrainingNeeds")
            .WithSummary("HR: the least-shown competencies across the body, lowest average first (oskemen 36).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        body.MapPost("/targets/{targetId:guid}/respondents", AddRespondent)
            .WithName("AddSurvey360Respondent")
            .WithSummary("HR adds a respondent (supervisor, subordinate or peer) before the links are issued, up to the pack's maximum.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        body.MapDelete("/targets/{targetId:guid}/respondents/{servantId:guid}", RemoveRespondent)
            .WithName("RemoveSurvey360Respondent")
            .WithSummary("HR removes a respondent before the links are issued (?version= the person's version).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        body.MapPost("/targets/{targetId:guid}/links", Issue)
            .WithName("IssueSurvey360Links")
            .WithSummary("HR issues the personal links of one person (3-7 respondents and the self-assessment). The links are in this answer only; with email=true each is also sent to the respondent's e-mail.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        body.MapPost("/rounds/{roundId:guid}/links", IssueMany)
            .WithName("IssueSurvey360LinksInBulk")
            .WithSummary("HR issues the links of the chosen persons (targetIds), or of every person of the round without links: each person through the single issue step in its own save. The answer counts the persons issued, names each refused one with its refusal, and holds the issued links (in this answer only).")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        body.MapGet("/targets/{targetId:guid}/report", Report)
            .WithName("GetSurvey360Report")
            .WithSummary("The individual report (model form 7), to the person and HR: averages of the others' answers, the self-assessment beside them; empty with status insufficient-respondents below 3 answers. The read is audited.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        body.MapGet("/targets/{targetId:guid}/report/document", ReportDocument)
            .WithName("GetSurvey360ReportDocument")
            .WithSummary("The individual report as a file: ?format=docx|pdf&lang=kk|ru. Refused below 3 answers.")
            .Produces(StatusCodes.Status200OK, contentType: DocumentService.DocxContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        body.MapGet("/targets/{targetId:guid}/feedback", Feedback)
            .WithName("GetSurvey360Feedback")
            .WithSummary("The feedback form (model form 8): the person, the direct supervisor and the least-shown competencies to discuss. Refused below 3 answers.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        body.MapGet("/targets/{targetId:guid}/feedback/document", FeedbackDocument)
            .WithName("GetSurvey360FeedbackDocument")
            .WithSummary("The feedback form as a file: ?format=docx|pdf&lang=kk|ru.")
            .Produces(StatusCodes.Status200OK, contentType: DocumentService.DocxContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static async Task<Results<Ok<Survey360FormDto>, ProblemHttpResult>> LinkForm(string token, Survey360Service service, HttpContext context)
    {
        var form = await service.LinkFormAsync(token, context.RequestAborted);
        if (form.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var f = form.Value!;
        return TypedResults.Ok(new Survey360FormDto(f.PersonName, f.IsSelf, f.ScaleMin, f.ScaleMax, [.. f.Competencies.Select(c => new Survey360CompetencyDto(c.Id, c.Title.In(ApiCaller.Language)))]));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Answer(string token, Survey360AnswerRequest? request, Survey360Service service, HttpContext context)
    {
        if (request?.Ratings is not { } ratings)
        {
            return ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "rating-missing", RatingsMissing.In(ApiCaller.Language));
        }

        var answered = await service.AnswerAsync(token, ratings, context.RequestAborted);
        return answered.Refusal is { } refusal ? ApiProblems.From(refusal) : TypedResults.NoContent();
    }

    private static readonly Domain.Packs.LocalizedText RatingsMissing = new("Бағалар берілмеген", "Оценки не переданы", "No ratings were sent");

    private static async Task<Ok<List<Survey360RoundDto>>> Rounds(Guid bodyId, Survey360Service service, HttpContext context)
    {
        var rounds = await service.RoundsAsync(bodyId, context.RequestAborted);
        return TypedResults.Ok(rounds.Select(ToDto).ToList());
    }

    private static Survey360RoundDto ToDto(Survey360Round r) => new(r.Id, r.PackId, r.VersionId, r.Year, r.LaunchedOn, r.Due, r.DueClause);

    private static async Task<Results<Created<Survey360RoundDto>, ProblemHttpResult>> Launch(Guid bodyId, LaunchSurvey360Request request, Survey360Service service, [AsParameters] ApiCaller caller)
    {
        var launched = await service.LaunchAsync(caller.UserId, bodyId, request.PackId ?? string.Empty, request.Year, caller.Cancelled);
        return launched.Refusal is { } refusal
            ? ApiProblems.From(refusal)
            : TypedResults.Created($"{ApiPaths.Prefix}/bodies/{bodyId}/survey360/rounds/{launched.Value!.Id}/targets", ToDto(launched.Value));
    }

    private static async Task<Results<Ok<List<Survey360TargetDto>>, ProblemHttpResult>> Targets(Guid bodyId, Guid roundId, Survey360Service service, [AsParameters] ApiCaller caller)
    {
        var targets = await service.TargetsAsync(caller.UserId, bodyId, roundId, caller.Cancelled);
        return targets.Refusal is { } refusal
            ? ApiProblems.From(refusal)
            : TypedResults.Ok(targets.Value!.Select(t => new Survey360TargetDto(
                t.Id, t.ServantId, t.Name, t.Role, t.Issued, t.Version, [.. t.Respondents.Select(r => new Survey360RespondentDto(r.ServantId, r.Name, r.Relation))], t.Answered)).ToList());
    }

    private static async Task<Results<Ok<List<TrainingNeedDto>>, ProblemHttpResult>> TrainingNeeds(Guid bodyId, Guid roundId, Survey360Service service, [AsParameters] ApiCaller caller)
    {
        var needs = await service.TrainingNeedsAsync(caller.UserId, bodyId, roundId, caller.Cancelled);
        return needs.Refusal is { } refusal
            ? ApiProblems.From(refusal)
            : TypedResults.Ok(needs.Value!.Select(n => new TrainingNeedDto(n.CompetencyId, n.Title.In(ApiCaller.Language), n.Average, n.People)).ToList());
    }

    private static async Task<Results<Ok<Survey360TargetDto>, ProblemHttpResult>> AddRespondent(
        Guid bodyId, Guid targetId, AddRespondentRequest request, Survey360Service service, [AsParameters] ApiCaller caller)
    {
        var userId = caller.UserId;
        var added = await service.AddRespondentAsync(userId, bodyId, targetId, request.Version, request.ServantId, request.Relation ?? string.Empty, caller.Cancelled);
        return added.Refusal is { } refusal ? ApiProblems.From(refusal) : await TargetAsync(service, userId, bodyId, added.Value!, caller.Context);
    }

    private static async Task<Results<Ok<Survey360TargetDto>, ProblemHttpResult>> RemoveRespondent(
        Guid bodyId, Guid targetId, Guid servantId, int version, Survey360Service service, [AsParameters] ApiCaller caller)
    {
        var userId = caller.UserId;
        var removed = await service.RemoveRespondentAsync(userId, bodyId, targetId, version, servantId, caller.Cancelled);
        return removed.Refusal is { } refusal ? ApiProblems.From(refusal) : await TargetAsync(service, userId, bodyId, removed.Value!, caller.Context);
    }

    private static async Task<Results<Ok<Survey360TargetDto>, ProblemHttpResult>> TargetAsync(Survey360Service service, string userId, Guid bodyId, Survey360Target target, HttpContext context)
    {
        var targets = await service.TargetsAsync(userId, bodyId, target.RoundId, context.RequestAborted);
        var t = targets.Value!.Single(x => x.Id == target.Id);
        return TypedResults.Ok(new Survey360TargetDto(t.Id, t.ServantId, t.Name, t.Role, t.Issued, t.Version, [.. t.Respondents.Select(r => new Survey360RespondentDto(r.ServantId, r.Name, r.Relation))], t.Answered));
    }

    private static async Task<Results<Ok<List<IssuedLinkDto>>, ProblemHttpResult>> Issue(
        Guid bodyId, Guid targetId, IssueLinksRequest request, Survey360Service service, ServantDirectory servants, IMailSender mail, [AsParameters] ApiCaller caller, ILoggerFactory logs)
    {
        var issued = await service.IssueAsync(caller.UserId, bodyId, targetId, request.Version, request.ExpiresAt, caller.Cancelled);
        if (issued.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        return TypedResults.Ok(await HandOutAsync(caller.Context.Request, issued.Value!, servants, mail, request.Email, request.ExpiresAt, logs, caller.Cancelled));
    }

    /// <summary>HR issues the links of the chosen persons, or of every person of the round without links, each in its own step.</summary>
    private static async Task<Results<Ok<BulkIssueDto>, ProblemHttpResult>> IssueMany(
        Guid bodyId, Guid roundId, IssueManyLinksRequest request, Survey360Issuing issuing, ServantDirectory servants, IMailSender mail, [AsParameters] ApiCaller caller, ILoggerFactory logs)
    {
        var issued = await issuing.IssueAsync(caller.UserId, bodyId, roundId, request.TargetIds, request.ExpiresAt, caller.Cancelled);
        if (issued.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var targets = new List<IssuedTargetDto>();
        foreach (var target in issued.Value!.Issued)
        {
            var links = await HandOutAsync(caller.Context.Request, target.Links, servants, mail, request.Email, request.ExpiresAt, logs, caller.Cancelled);
            targets.Add(new IssuedTargetDto(target.TargetId, target.ServantId, target.Name, links));
        }

        return TypedResults.Ok(new BulkIssueDto(BulkReportDto.Of(issued.Value.Report), targets));
    }

    /// <summary>The issued links as the person handing them out sees them: the respondent's name, the address, e-mailed when asked and possible.</summary>
    public static async Task<List<IssuedLinkDto>> HandOutAsync(
        HttpRequest request, IReadOnlyList<IssuedLink> links, ServantDirectory servants, IMailSender mail, bool email, DateTimeOffset expires, ILoggerFactory logs, CancellationToken ct)
    {
        var people = await servants.ContactsAsync(links.Select(l => l.RespondentId), ct);
        var result = new List<IssuedLinkDto>();
        foreach (var link in links)
        {
            var url = $"{request.Scheme}://{request.Host}{request.PathBase}{LinkPagePath}{link.Token}";
            var (name, address) = people.GetValueOrDefault(link.RespondentId, ("?", string.Empty));
            var emailed = email && mail.Enabled && !string.IsNullOrWhiteSpace(address) && await SendAsync(mail, address, url, expires, logs, ct);
            result.Add(new IssuedLinkDto(link.RespondentId, name, link.Relation, url, link.Token, emailed));
        }

        return result;
    }

    /// <summary>E-mails one link (Kazakh and Russian in one message); a failed send leaves the link to be handed out.</summary>
    public static async Task<bool> SendAsync(IMailSender mail, string email, string url, DateTimeOffset expires, ILoggerFactory logs, CancellationToken ct)
    {
        var until = expires.ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
        var body = $"Сізді 360 сауалнамасына қатысуға шақырамыз. Жеке сілтеме (бір рет қолданылады, {until} дейін жарамды):\n{url}\n\n" +
            $"Приглашаем вас принять участие в опросе 360. Персональная ссылка (одноразовая, действует до {until}):\n{url}\n";
        try
        {
            await mail.SendAsync(new MailMessage(email, "360 сауалнамасы / Опрос 360", body), ct);
            return true;
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or IOException or MailKit.CommandException or MailKit.ProtocolException or InvalidOperationException or FormatException)
        {
            logs.CreateLogger(typeof(Survey360Endpoints)).LogWarning(e, "A 360 link could not be e-mailed");
            return false;
        }
    }

    private static async Task<Results<Ok<Survey360ReportDto>, ProblemHttpResult>> Report(Guid bodyId, Guid targetId, Survey360Service service, [AsParameters] ApiCaller caller)
    {
        var report = await service.ReportAsync(caller.UserId, bodyId, targetId, caller.Cancelled);
        if (report.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var r = report.Value!;
        return TypedResults.Ok(new Survey360ReportDto(
            r.TargetId, r.Name, r.Role, r.Respondents, r.Status, r.Overall,
            [.. r.Competencies.Select(c => new Survey360ReportLineDto(c.Id, c.Title.In(ApiCaller.Language), c.Average, c.Self))], r.Weakest, r.Clause));
    }

    private static async Task<Results<Ok<Survey360FeedbackDto>, ProblemHttpResult>> Feedback(Guid bodyId, Guid targetId, Survey360Service service, [AsParameters] ApiCaller caller)
    {
        var form = await service.FeedbackDocumentAsync(caller.UserId, bodyId, targetId, caller.Cancelled);
        if (form.Refusal is { } refusal)
        {
            return ApiProblems.From(refusal);
        }

        var f = form.Value!;
        return TypedResults.Ok(new Survey360FeedbackDto(f.ServantName, f.ServantPosition, f.EvaluatorName, f.EvaluatorPosition, f.Year, [.. f.Topics.Select(t => new Survey360FeedbackTopicDto(t.Topic.In(ApiCaller.Language), t.Notes))], f.Clause));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ReportDocument(
        Guid bodyId, Guid targetId, string? format, string? lang, Survey360Service service, DocumentService documents, [AsParameters] ApiCaller caller)
    {
        if (!TryFile(format, lang, out var fileFormat, out var language, out var problem))
        {
            return problem!;
        }

        var form = await service.ReportDocumentAsync(caller.UserId, bodyId, targetId, caller.Cancelled);
        return form.Refusal is { } refusal ? ApiProblems.From(refusal) : File(documents.Render(form.Value!, language, fileFormat));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FeedbackDocument(
        Guid bodyId, Guid targetId, string? format, string? lang, Survey360Service service, DocumentService documents, [AsParameters] ApiCaller caller)
    {
        if (!TryFile(format, lang, out var fileFormat, out var language, out var problem))
        {
            return problem!;
        }

        var form = await service.FeedbackDocumentAsync(caller.UserId, bodyId, targetId, caller.Cancelled);
        return form.Refusal is { } refusal ? ApiProblems.From(refusal) : File(documents.Render(form.Value!, language, fileFormat));
    }

    private static FileContentHttpResult File(RenderedDocument file) => TypedResults.File(file.Content, file.ContentType, file.FileName);

    private static bool TryFile(string? format, string? lang, out DocumentFileFormat fileFormat, out DocumentLanguage language, out ProblemHttpResult? problem)
    {
        var f = DocumentService.ParseFormat(format ?? "docx");
        var l = DocumentService.ParseLanguage(lang ?? (ApiCaller.Language == "ru" ? "ru" : "kk"));
        fileFormat = f ?? DocumentFileFormat.Docx;
        language = l ?? DocumentLanguage.Kk;
        problem = f is null || l is null
            ? ApiProblems.Problem(StatusCodes.Status400BadRequest, "bad-document-request", BadFile.In(ApiCaller.Language))
            : null;
        return problem is null;
    }

    private static readonly Domain.Packs.LocalizedText BadFile = new(
        "Құжат пішімі docx немесе pdf, тілі kk немесе ru болуы тиіс",
        "Формат документа: docx или pdf, язык: kk или ru",
        "The document format must be docx or pdf and the language kk or ru");
}
