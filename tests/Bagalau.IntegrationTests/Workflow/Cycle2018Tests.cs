using Bagalau.Application.Acquaintance;
using Bagalau.Application.Evaluation2018;
using Bagalau.Application.Organisation;
using Bagalau.Application.Packs;
using Bagalau.Application.Persistence;
using Bagalau.Application.Tasks;
using Bagalau.Domain.Acquaintance;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Evaluation2018;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bagalau.IntegrationTests.Workflow;

public class Cycle2018Tests
{
    private static readonly DateOnly Opened = new(2022, 1, 4);

    public static TheoryData<string, string, string> ProvidersAndPacks
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var provider in TestDatabases.Providers)
            {
                data.Add(provider, "almaty-akimat", "dept");
                data.Add(provider, "mdai", "dept");

                // SJC: the working body is the apparatus's Administrative Department.
                data.Add(provider, "sjc-apparatus", "administrative-department");
            }

            return data;
        }
    }

    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static KpiInput Kpi(int n) => new($"НМИ {n}", "%", "100", new DateOnly(2022, 11, 30), $"Күтілетін нәтиже {n}");

    [Theory]
    [MemberData(nameof(ProvidersAndPacks))]
    public async Task AnnualCycle_PlanReturnedOnceThenApproved_SheetFourOfFive_SentToCommission_Acknowledged(string provider, string pack, string unit)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app, unit);

        var refused = await app.WithAsync<Evaluation2018Service, Outcome<OpenedCycle>>(s => s.OpenCycleAsync(world.User("supervisor"), world.BodyId, pack, 2022, Opened));
        Assert.Equal("not-allowed", refused.Refusal?.Code);
        var opened = await app.WithAsync<Evaluation2018Service, Outcome<OpenedCycle>>(s => s.OpenCycleAsync(world.User("hr"), world.BodyId, pack, 2022, Opened));
        Assert.False(opened.IsRefused, opened.Refusal?.ToString());
        var entry = opened.Value!.Eligibility.Single(e => e.ServantId == world.Servant);
        Assert.Equal(("yes", "eligible"), (entry.Evaluate, entry.Reason));
        Assert.Equal("4", entry.Clause);

        var plan = await app.WithAsync<BagalauDbContext, WorkPlan>(db => db.WorkPlans.AsNoTracking().SingleAsync(p => p.ServantId == world.Servant));
        Assert.Equal((world.Servants["supervisor"], world.Servants["superior"]), (plan.DirectSupervisorId, plan.ApproverId));
        var myTasks = await app.WithAsync<TaskService, Page<TaskView>>(t => t.MyTasksAsync(world.User("supervisor"), Opened, PageRequest.First));
        var draftTask = Assert.Single(myTasks.Items, t => t.SubjectId == plan.Id);
        Assert.Equal(("plan-draft", "9"), (draftTask.Kind, draftTask.Clause));

        // Fourth KPI missing: the engine's kpi-plan decision refuses the submission.
        Assert.False((await Plan(app, s => s.SetKpisAsync(world.User("supervisor"), plan.Id, plan.Version, Enumerable.Range(1, 4).Select(Kpi).ToList()))).IsRefused);
        plan = await PlanOf(app, plan.Id);
        Assert.Equal("kpi-plan-invalid", (await Plan(app, s => s.SubmitPlanAsync(world.User("supervisor"), plan.Id, plan.Version, Opened))).Refusal?.Code);

        Assert.False((await Plan(app, s => s.SetKpisAsync(world.User("supervisor"), plan.Id, plan.Version, Enumerable.Range(1, 5).Select(Kpi).ToList()))).IsRefused);
        plan = await PlanOf(app, plan.Id);
        Assert.False((await Plan(app, s => s.SubmitPlanAsync(world.User("supervisor"), plan.Id, plan.Version, Opened))).IsRefused);
        plan = await PlanOf(app, plan.Id);
        Assert.False((await Plan(app, s => s.ReturnPlanAsync(world.User("superior"), plan.Id, plan.Version, "3-НМИ өлшенбейді", Opened.AddDays(1)))).IsRefused);
        plan = await PlanOf(app, plan.Id);
        Assert.Equal(WorkPlanState.Returned, plan.State);
        Assert.NotNull(plan.ResubmitDue);
        Assert.False((await Plan(app, s => s.SetKpisAsync(world.User("supervisor"), plan.Id, plan.Version, [.. Enumerable.Range(1, 4).Select(Kpi), Kpi(5) with { Name = "Өлшенетін НМИ 5" }]))).IsRefused);
        plan = await PlanOf(app, plan.Id);
        Assert.False((await Plan(app, s => s.SubmitPlanAsync(world.User("supervisor"), plan.Id, plan.Version, Opened.AddDays(2)))).IsRefused);
        plan = await PlanOf(app, plan.Id);
        Assert.Equal("not-allowed", (await Plan(app, s => s.ApprovePlanAsync(world.User("servant"), plan.Id, plan.Version, Opened.AddDays(3)))).Refusal?.Code);
        Assert.False((await Plan(app, s => s.ApprovePlanAsync(world.User("superior"), plan.Id, plan.Version, Opened.AddDays(3)))).IsRefused);
        plan = await PlanOf(app, plan.Id);
        Assert.Equal((WorkPlanState.Approved, 1, "Өлшенетін НМИ 5"), (plan.State, plan.Revision, plan.Kpis[4].Name));

        // Plan edited after approval.
        Assert.Equal("plan-frozen", (await Plan(app, s => s.SetKpisAsync(world.User("supervisor"), plan.Id, plan.Version, Enumerable.Range(1, 5).Select(Kpi).ToList()))).Refusal?.Code);

        // KPI sheet: 4 of 5 achieved; signed only by the direct supervisor; grade from the engine.
        var sheet = (await app.WithAsync<Evaluation2018Service, Outcome<KpiSheet>>(s => s.OpenSheetAsync(world.User("supervisor"), plan.Id))).Value!;
        Assert.False((await Plan(app, s => s.FillSheetAsync(world.User("supervisor"), sheet.Id, sheet.Version, Enumerable.Range(1, 5).Select(n => new KpiResultInput(n, "факт " + n, n != 3)).ToList()))).IsRefused);
        sheet = await SheetOf(app, sheet.Id);
        Assert.Equal("not-allowed", (await Plan(app, s => s.SignSheetAsync(world.User("superior"), sheet.Id, sheet.Version, new DateOnly(2022, 12, 5)))).Refusal?.Code);
        Assert.False((await Plan(app, s => s.SignSheetAsync(world.User("supervisor"), sheet.Id, sheet.Version, new DateOnly(2022, 12, 5)))).IsRefused);
        sheet = await SheetOf(app, sheet.Id);
        var version = app.Services.GetRequiredService<PackCatalog>().Catalogue.Find(pack)!.VersionOn(new DateOnly(2022, 1, 1))!;
        Assert.Equal(KpiAnnualGradeDecision.Decide(version, [true, true, false, true, true]).Answer!.Grade, sheet.Grade);
        Assert.Equal(4, sheet.Achieved);
        Assert.False((await Plan(app, s => s.AgreeSheetAsync(world.User("superior"), sheet.Id, sheet.Version, new DateOnly(2022, 12, 6)))).IsRefused);
        sheet = await SheetOf(app, sheet.Id);
        Assert.False((await Plan(app, s => s.SendSheetToCommissionAsync(world.User("hr"), sheet.Id, sheet.Version, new DateOnly(2022, 12, 7)))).IsRefused);
        sheet = await SheetOf(app, sheet.Id);
        Assert.Equal((KpiSheetState.SentToCommission, false), (sheet.State, sheet.SentLate));

        // Acquaintance after the decision: the servant acknowledges; the service record has the entry.
        var acquaintance = (await app.WithAsync<AcquaintanceService, Outcome<ResultAcquaintance>>(s => s.OpenAsync(
            world.BodyId, pack, world.Servant, "evaluation-2018", sheet.Id, new LocalizedText(sheet.Grade!, sheet.Grade!, sheet.Grade!), new DateOnly(2022, 12, 22)))).Value!;
        Assert.False((await app.WithAsync<AcquaintanceService, Outcome>(s => s.AcknowledgeAsync(world.User("servant"), acquaintance.Id, acquaintance.Version, new DateOnly(2022, 12, 23)))).IsRefused);
        Assert.Equal(1, await app.WithAsync<BagalauDbContext, int>(db => db.ServiceRecordEntries.CountAsync(e => e.ServantId == world.Servant)));

        // Confidentiality: the outsider does not see the plan or the sheet; the servant does.
        Assert.Equal("not-found", (await app.WithAsync<Evaluation2018Service, Outcome<WorkPlan>>(s => s.GetPlanAsync(world.User("outsider"), plan.Id))).Refusal?.Code);
        Assert.Equal("not-found", (await app.WithAsync<Evaluation2018Service, Outcome<KpiSheet>>(s => s.GetSheetAsync(world.User("outsider"), sheet.Id))).Refusal?.Code);
        Assert.False((await app.WithAsync<Evaluation2018Service, Outcome<KpiSheet>>(s => s.GetSheetAsync(world.User("servant"), sheet.Id))).IsRefused);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FillSheet_FromTwoCopiesOfTheSameVersion_TheSecondIsAConflict(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);
        await app.WithAsync<Evaluation2018Service, Outcome<OpenedCycle>>(s => s.OpenCycleAsync(world.User("hr"), world.BodyId, "almaty-akimat", 2022, Opened));
        var plan = await app.WithAsync<BagalauDbContext, WorkPlan>(db => db.WorkPlans.AsNoTracking().SingleAsync(p => p.ServantId == world.Servant));
        await Plan(app, s => s.SetKpisAsync(world.User("supervisor"), plan.Id, plan.Version, Enumerable.Range(1, 5).Select(Kpi).ToList()));
        plan = await PlanOf(app, plan.Id);
        await Plan(app, s => s.SubmitPlanAsync(world.User("supervisor"), plan.Id, plan.Version, Opened));
        plan = await PlanOf(app, plan.Id);
        await Plan(app, s => s.ApprovePlanAsync(world.User("superior"), plan.Id, plan.Version, Opened));
        var sheet = (await app.WithAsync<Evaluation2018Service, Outcome<KpiSheet>>(s => s.OpenSheetAsync(world.User("supervisor"), plan.Id))).Value!;

        var first = await Plan(app, s => s.FillSheetAsync(world.User("supervisor"), sheet.Id, sheet.Version, [new KpiResultInput(1, "бірінші", true)]));
        var second = await Plan(app, s => s.FillSheetAsync(world.User("supervisor"), sheet.Id, sheet.Version, [new KpiResultInput(1, "екінші", false)]));

        Assert.False(first.IsRefused);
        Assert.Equal("concurrency-conflict", second.Refusal?.Code);
        Assert.Equal("бірінші", (await SheetOf(app, sheet.Id)).Rows[0].Actual);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task OpenCycle_UnderAlmatyForAYearAfterItsRepeal_IsRefused(string provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var world = await World.BuildAsync(app);

        var opened = await app.WithAsync<Evaluation2018Service, Outcome<OpenedCycle>>(s => s.OpenCycleAsync(world.User("hr"), world.BodyId, "almaty-akimat", 2024, new DateOnly(2024, 1, 4)));

        Assert.Equal("no-version-in-force", opened.Refusal?.Code);
    }

    private static Task<Outcome> Plan(TestApp app, Func<Evaluation2018Service, Task<Outcome>> action) => app.WithAsync(action);

    private static Task<WorkPlan> PlanOf(TestApp app, Guid id) => app.WithAsync<BagalauDbContext, WorkPlan>(db => db.WorkPlans.AsNoTracking().SingleAsync(p => p.Id == id));

    private static Task<KpiSheet> SheetOf(TestApp app, Guid id) => app.WithAsync<BagalauDbContext, KpiSheet>(db => db.KpiSheets.AsNoTracking().SingleAsync(s => s.Id == id));
}
