using System.Globalization;
using System.Net;
using System.Resources;
using Bagalau.Application.Evaluation2023;
using Bagalau.Domain.Evaluation2023;
using Bagalau.IntegrationTests.Infrastructure;
using Bagalau.IntegrationTests.Web.Infrastructure;

namespace Bagalau.IntegrationTests.Web;

/// <summary>The KTI pages (own resource class KtiText): HR's list, the plan editor, the permitted-score table.</summary>
public class KtiPagesTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Fact]
    public void KtiTexts_ExistInKazakhRussianAndEnglish_WithNoEmptyValue()
    {
        var manager = new ResourceManager("Bagalau.Web.Resources.KtiText", typeof(Bagalau.Web.KtiText).Assembly);
        var kk = Texts(manager, CultureInfo.InvariantCulture);
        var ru = Texts(manager, CultureInfo.GetCultureInfo("ru"));
        var en = Texts(manager, CultureInfo.GetCultureInfo("en"));

        Assert.True(kk.Count > 50, "The Kazakh (neutral) KTI texts look empty.");
        Assert.Equal(kk.Keys.Order(StringComparer.Ordinal), ru.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(kk.Keys.Order(StringComparer.Ordinal), en.Keys.Order(StringComparer.Ordinal));
        Assert.All(kk.Values.Concat(ru.Values).Concat(en.Values), v => Assert.False(string.IsNullOrWhiteSpace(v)));
    }

    private static Dictionary<string, string> Texts(ResourceManager manager, CultureInfo culture)
    {
        var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Pages_HrOpensAndAgreesAPlan_TheEvaluatorSeesThatNoTableIsEntered_AndHrEntersOne(string provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (bodyId, roundId, head, chair) = await ApiKtiTests.OskemenBodyAsync(host);
        var hr = host.Client();
        await Forms.SignInAsync(hr, "hr@kti.kz");
        var evaluator = host.Client();
        await Forms.SignInAsync(evaluator, "chair@kti.kz");
        var index = $"/bodies/{bodyId}/kti?round={roundId}";

        var list = await hr.GetStringAsync(index);
        var opened = await Forms.PostAsync(hr, index, new Dictionary<string, string> { ["ServantId"] = head.ToString(), ["EvaluatorId"] = chair.ToString() }, $"/bodies/{bodyId}/kti?round={roundId}&handler=Open");
        var planPath = opened.Headers.Location!.OriginalString;
        var editor = await evaluator.GetStringAsync(planPath);
        var version = (await host.WithDbAsync(db => Task.FromResult(db.KtiPlans.Single()))).Version;
        var fields = new Dictionary<string, string> { ["Version"] = version.ToString(CultureInfo.InvariantCulture) };
        for (var i = 0; i < 2; i++)
        {
            fields[$"Rows[{i}].Name"] = $"ТНИ {i + 1}";
            fields[$"Rows[{i}].Unit"] = "%";
            fields[$"Rows[{i}].Planned"] = "100";
            fields[$"Rows[{i}].Due"] = "2024-06-20";
            fields[$"Rows[{i}].Result"] = "Нәтиже";
        }

        var tooFew = await Forms.PostAsync(evaluator, planPath, fields, planPath + "?handler=Ktis");
        var tooFewHtml = await tooFew.Content.ReadAsStringAsync();
        fields["Rows[2].Name"] = "ТНИ 3";
        fields["Rows[2].Unit"] = "%";
        fields["Rows[2].Planned"] = "100";
        fields["Rows[2].Due"] = "2024-06-20";
        fields["Rows[2].Result"] = "Нәтиже";
        var saved = await Forms.PostAsync(evaluator, planPath, fields, planPath + "?handler=Ktis");
        var plan = await hr.GetStringAsync(planPath);
        var table = await hr.GetStringAsync($"/bodies/{bodyId}/kti/table/oskemen-maslikhat");
        var tableSaved = await Forms.PostAsync(hr, $"/bodies/{bodyId}/kti/table/oskemen-maslikhat", new Dictionary<string, string>
        {
            ["Revision"] = "0", ["Source"] = "3-қосымша",
            ["Rows[0].FromPercent"] = "0", ["Rows[0].ToPercent"] = "89,99", ["Rows[0].MinScore"] = "0", ["Rows[0].MaxScore"] = "3",
            ["Rows[1].FromPercent"] = "90", ["Rows[1].ToPercent"] = "1000", ["Rows[1].MinScore"] = "4", ["Rows[1].MaxScore"] = "5",
        });
        var tableAfter = await evaluator.GetStringAsync($"/bodies/{bodyId}/kti/table/oskemen-maslikhat");

        Assert.Contains("data-test=\"kti-heads\"", list);
        Assert.Contains("data-test=\"kti-open\"", list);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Contains("data-test=\"kti-editor\"", editor);
        Assert.Contains("kti-plan-invalid", tooFewHtml);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("data-test=\"kti-agree\"", plan);
        Assert.Contains("27-тармақ", table);
        Assert.Contains("data-test=\"kti-table-editor\"", table);
        Assert.Equal(HttpStatusCode.Redirect, tableSaved.StatusCode);
        Assert.Contains("data-test=\"kti-table\"", tableAfter);
        Assert.DoesNotContain("data-test=\"kti-table-editor\"", tableAfter);
    }
}
