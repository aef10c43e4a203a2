using Bagalau.Application.Documents;
using Bagalau.Application.Packs;
using Bagalau.Domain.Packs;
using static Bagalau.IntegrationTests.Documents.DocumentFiles;

namespace Bagalau.IntegrationTests.Documents;

public class DocumentServiceTests
{
    private static readonly PackCatalogue Packs = PackCatalog.LoadEmbedded().Catalogue;
    private static readonly DocumentService Service = new();

    public static TheoryData<string, string> FormsAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var form in SampleDocuments.FormIds)
        {
            data.Add(form, "kk");
            data.Add(form, "ru");
        }

        return data;
    }

    private static FormDocument Sample(string form) => SampleDocuments.Create(form, Packs)!;

    private static Docx Docx(FormDocument document, DocumentLanguage language = DocumentLanguage.Kk) =>
        ReadDocx(Service.Render(document, language, DocumentFileFormat.Docx).Content);

    private static byte[] Pdf(FormDocument document, DocumentLanguage language = DocumentLanguage.Kk) =>
        Service.Render(document, language, DocumentFileFormat.Pdf).Content;

    [Theory]
    [MemberData(nameof(FormsAndLanguages))]
    public void EveryForm_RendersAValidDocx_WithPageNumbersAndTheUnofficialNoteOnlyInRussian(string form, string lang)
    {
        var language = DocumentService.ParseLanguage(lang)!.Value;
        var rendered = Service.Render(Sample(form), language, DocumentFileFormat.Docx);
        var docx = ReadDocx(rendered.Content);

        Assert.Equal($"{form}-{lang}.docx", rendered.FileName);
        Assert.Equal(DocumentService.DocxContentType, rendered.ContentType);
        Assert.True(docx.Errors.Count == 0, string.Join("\n", docx.Errors));
        Assert.Contains(docx.Footer, f => f.StartsWith(lang == "kk" ? "бет" : "стр.", StringComparison.Ordinal));
        Assert.Equal(lang == "ru", docx.Footer.Any(f => f.Contains("Неофициальный перевод", StringComparison.Ordinal)));
        Assert.NotEmpty(docx.TableRows);
    }

    [Theory]
    [MemberData(nameof(FormsAndLanguages))]
    public void EveryForm_RendersAPdf_WithEmbeddedCyrillicText(string form, string lang)
    {
        var language = DocumentService.ParseLanguage(lang)!.Value;
        var rendered = Service.Render(Sample(form), language, DocumentFileFormat.Pdf);

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(rendered.Content, 0, 4));
        Assert.Equal(DocumentService.PdfContentType, rendered.ContentType);
        Assert.True(PdfPageCount(rendered.Content) >= 1);
        // The fonts are reduced to the forms' repertoire: whole DejaVu fonts made ~740 KiB files.
        Assert.True(rendered.Content.Length < 300_000, $"{rendered.Content.Length} bytes");
        var text = PdfText(rendered.Content);
        if (text is not null)
        {
            // Kazakh letters (ә і ң ғ ү ұ қ ө һ) survive: the sample names carry them in both languages.
            Assert.Matches("[әіңғүұқөһӘІҢҒҮҰҚӨҺ]", text);
            Assert.Contains(lang == "kk" ? "бет 1 /" : "стр. 1 /", text, StringComparison.Ordinal);
            Assert.Equal(lang == "ru", text.Contains("Неофициальный перевод", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void KpiSheet_ShowsEachKpiAchievedOrNot_TheEnginesGrade_AndBothSignatures()
    {
        var docx = Docx(Sample("kpi-sheet"));

        var third = docx.TableRows.Single(r => r[0] == "3");
        Assert.Equal(["3", "Ашық деректер жиынтықтарын жариялау", "жиынтық", "12", "9", "Көрсеткішке қол жетпеді"], third);
        Assert.Equal(4, docx.TableRows.Count(r => r.Count == 6 && r[5] == "Көрсеткішке қол жетті"));
        // Four of five achieved: "тиімді" (Almaty clause 18).
        Assert.Contains("Бағалау нәтижесі: тиімді", docx.Paragraphs);
        Assert.Contains("Негіз: Әдістеме, 18-тармақ", docx.Paragraphs);
        Assert.Contains("\"БЕКІТЕМІН\"", docx.Paragraphs);
        Assert.Contains("Жоғары тұрған басшы", docx.Paragraphs);
        Assert.Contains("Қызметші", docx.Paragraphs);
        Assert.Contains("Тікелей басшы", docx.Paragraphs);
        Assert.Contains("Нұрланов А.С.", docx.Paragraphs);
        Assert.Contains("күні 26.12.2022", docx.Paragraphs);
    }

    [Fact]
    public void KpiSheet_InRussian_UsesRussianLabels_AndThePacksRussianGrade()
    {
        var docx = Docx(Sample("kpi-sheet"), DocumentLanguage.Ru);

        Assert.Contains("Результат оценки: эффективно", docx.Paragraphs);
        Assert.Contains("«УТВЕРЖДАЮ»", docx.Paragraphs);
        Assert.Contains(docx.TableRows, r => r.Contains("Показатель не достигнут"));
        Assert.Contains("Непосредственный руководитель", docx.Paragraphs);
    }

    [Fact]
    public void WorkPlan_IsLandscape_WithTheFiveKpisAndAllAppendix1Columns()
    {
        var docx = Docx(Sample("work-plan"));

        Assert.True(docx.Landscape);
        Assert.Equal(7, docx.TableRows[0].Count);
        Assert.Equal("Түйінді нәтиже*", docx.TableRows[0][6]);
        Assert.Equal(5, docx.TableRows.Count(r => r.Count == 7 && int.TryParse(r[0], out _)));
        Assert.Contains(docx.TableRows, r => r.Contains("01.12.2022") && r.Contains("Әкімнің меморандумы, 3-көрсеткіш"));
        Assert.Contains("\"Б\" корпусы мемлекеттік әкімшілік қызметшісінің жеке жұмыс жоспары", docx.Paragraphs);
    }

    [Fact]
    public void CompetencySheet_ListsLevels_UnobservedIndicators_SkippedPublicServiceCompetencies_AndMarks()
    {
        var record = (CompetencySheetDocument)Sample("competency-sheet");
        var docx = Docx(record);

        var failing = record.Competencies.Single(c => !c.Meets && c.Title.Kk == "Ынтымақтастық");
        var row = docx.TableRows.Single(r => r.Count == 4 && r[1] == "Ынтымақтастық");
        Assert.Equal("күтілетін нәтижеге сәйкес емес", row[2]);
        Assert.Equal(string.Join("\n", failing.Unobserved.Select(u => "- " + u)), row[3]);
        Assert.Contains(docx.TableRows, r => r.Count == 4 && r[1] == "Қызметті тұтынушыға бағдарлану*" && r[2] == "бағаланбайды*");
        var meets = docx.TableRows.Single(r => r.Count == 4 && r[1] == "Адалдық");
        Assert.Equal(["күтілетін нәтижеге сәйкес", string.Empty], meets.Skip(2));
        // The indicator marks: every indicator of the sheet, observed or not.
        var marks = docx.TableRows.Where(r => r.Count == 3 && r[2] is "байқалды" or "байқалмады").ToList();
        Assert.Equal(record.Competencies.Sum(c => c.Indicators.Count), marks.Count);
        Assert.Contains(marks, m => m[1] == failing.Unobserved[0] && m[2] == "байқалмады");
    }

    [Fact]
    public void RatingSheet_ShowsScores_GuidanceVerbatim_AverageWithCap_CapReason_Grade_AndSignature()
    {
        var record = (RatingSheetDocument)Sample("rating-sheet-leader");
        var docx = Docx(record);
        var nhrc = Packs.Find("nhrc")!.VersionOn(new DateOnly(2026, 6, 30))!;
        var form = nhrc.Rules.Form("leader")!;

        Assert.Equal("Басшы лауазымды атқаратын адамның бағалау парағы", docx.Paragraphs.First(p => p.Contains("бағалау парағы", StringComparison.Ordinal)));
        foreach (var (parameter, i) in form.Parameters.Select((p, i) => (p, i)))
        {
            var row = docx.TableRows.Single(r => r[0] == $"{i + 1}. {parameter.Title.Kk}");
            Assert.Equal(parameter.GuidanceKk, row[3]);
        }

        Assert.Equal("4,50", docx.TableRows.Single(r => r[0].StartsWith("1. ", StringComparison.Ordinal))[1]);
        var average = docx.TableRows.Single(r => r[0] == "Орташа қорытынды баға");
        Assert.Equal("4,30 → 2,99", average[1]);
        Assert.Contains(docx.Paragraphs, p => p.StartsWith("Бағаны шектеу себебі: ", StringComparison.Ordinal) && p.Contains("2,99", StringComparison.Ordinal));
        Assert.Contains("Бағалау нәтижесі: " + record.Grade!.Kk, docx.Paragraphs);
        Assert.Contains("(электрондық цифрлық қолтаңба арқылы куәләндырылған)", docx.Paragraphs);
        Assert.Contains(docx.Paragraphs, p => p.Contains("5 баллдық шкала бойынша", StringComparison.Ordinal));
    }

    [Fact]
    public void DifferentiationSheet_HasNoSurveyIntro_AndTheOskemenParameters()
    {
        var docx = Docx(Sample("rating-sheet-differentiation"));

        Assert.DoesNotContain(docx.Paragraphs, p => p.Contains("5 баллдық шкала", StringComparison.Ordinal));
        Assert.Contains("Саралау әдісі бойынша бағалау парағы", docx.Paragraphs);
        Assert.Contains(docx.TableRows, r => r[0] == "4. еңбек тәртібі");
    }

    [Fact]
    public void CommissionProtocol_HasRows_Correction_AndSecretaryChairMemberSignatures()
    {
        var docx = Docx(Sample("commission-protocol"));

        Assert.True(docx.Landscape);
        var kim = docx.TableRows.Single(r => r[1] == "Ким Дмитрий Сергеевич");
        Assert.Equal("2.", kim[0]);
        Assert.Equal("НМИ: тиімді; құзыреттер: 9/11", kim[3]);
        Assert.Equal("Бағалау жөніндегі комиссия отырысының хаттамасы", docx.Paragraphs.First(p => p.Contains("хаттамасы", StringComparison.Ordinal)));
        Assert.Contains("Комиссияның хатшысы", docx.Paragraphs);
        Assert.Contains("Комиссияның төрағасы", docx.Paragraphs);
        Assert.Equal(3, docx.Paragraphs.Count(p => p == "Комиссияның мүшесі"));
        Assert.Contains("Лауазымды тұлға", docx.Paragraphs);
    }

    [Fact]
    public void CommissionProtocol_PrintsTheWorkingBodyAndTitleFromTheRecord()
    {
        var sample = (CommissionProtocolDocument)Sample("commission-protocol");
        var sjc = sample with
        {
            BodyName = new LocalizedText("Қазақстан Республикасы Жоғары Сот Кеңесінің аппараты", "Аппарат Высшего Судебного Совета Республики Казахстан", "SJC apparatus"),
            WorkingBody = new LocalizedText("Әкімшілік департамент", "Административный департамент", "Administrative Department"),
        };

        var docx = Docx(sjc);
        var pdf = PdfText(Pdf(sjc, DocumentLanguage.Ru));

        Assert.Contains("Жұмыс органы: Әкімшілік департамент", docx.Paragraphs);
        Assert.Contains("Қазақстан Республикасы Жоғары Сот Кеңесінің аппараты", docx.Paragraphs);
        Assert.DoesNotContain(docx.Paragraphs, p => p.Contains("Алматы қаласының әкімдігі", StringComparison.Ordinal));
        if (pdf is not null)
        {
            Assert.Contains("Административный департамент", pdf, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RefusalAct_NamesTheServant_AndHasThreeSignaturesWithPositions()
    {
        var docx = Docx(Sample("refusal-act"));

        Assert.Contains("Бағалау нәтижелерімен танысудан бас тарту туралы акт", docx.Paragraphs);
        Assert.Contains(docx.Paragraphs, p => p.Contains("Ким Дмитрий Сергеевич", StringComparison.Ordinal) && p.Contains("бас тартқанын", StringComparison.Ordinal));
        Assert.Contains("Персоналды басқару қызметі", docx.Paragraphs);
        Assert.Equal(2, docx.Paragraphs.Count(p => p == "Мемлекеттік органның қызметшісі"));
        Assert.Contains("Ли О.В., қаржы бөлімінің бас маманы", docx.Paragraphs);
    }

    [Fact]
    public void Report360_ShowsAveragesRespondentsAndWeakest_WithoutRespondentIdentities()
    {
        var record = (Report360Document)Sample("report-360");
        var docx = Docx(record);

        Assert.Contains("Сауалнамаға жауап бергендер саны: 5", docx.Paragraphs);
        Assert.Equal(record.Averages.Count, docx.TableRows.Count(r => r.Count == 3 && int.TryParse(r[0], out _)));
        Assert.Contains(docx.Paragraphs, p => p.StartsWith("Ең аз көрінетін құзыреттер: " + record.Weakest[0].Kk, StringComparison.Ordinal));
        Assert.DoesNotContain(typeof(Report360Document).GetProperties(), p => p.Name.Contains("Respondent", StringComparison.Ordinal) && p.Name != nameof(Report360Document.RespondentsCount));
    }

    [Fact]
    public void CalibrationProtocol_ShowsVotesAndFinalGrades_AndEveryMembersSignature()
    {
        var record = (CalibrationProtocolDocument)Sample("calibration-protocol");
        var docx = Docx(record);

        var first = docx.TableRows.Single(r => r[0] == "1");
        Assert.Equal("3 / 1", first[3]);
        Assert.Equal(record.Lines[0].FinalGrade.Kk, first[4]);
        Assert.Equal(record.Members.Count, docx.Paragraphs.Count(p => p is "Калибрлеу сессиясының төрағасы" or "Калибрлеу сессиясының мүшесі" or "Хатшы"));
    }

    [Fact]
    public void FeedbackForm_ListsTheThreeTopicsOfClause23()
    {
        var docx = Docx(Sample("feedback-form"));

        Assert.Contains(docx.TableRows, r => r[1] == "бағаланатын кезеңдегі жетістіктеріне шолу");
        Assert.Contains(docx.TableRows, r => r[1] == "қызметкердің әлеуетін шолу және мансаптық мақсатын талқылау");
        Assert.Contains("Бағалаушы адам", docx.Paragraphs);
    }

    [Fact]
    public void LongTables_BreakAcrossPdfPages_AndRepeatTheirHeader()
    {
        var sample = (WorkPlanDocument)Sample("work-plan");
        var many = sample with { Kpis = [.. Enumerable.Range(1, 40).Select(i => sample.Kpis[i % 5] with { Name = $"НМИ №{i}: " + sample.Kpis[i % 5].Name })] };

        var pdf = Pdf(many);
        var docx = Docx(many);

        var pages = PdfPageCount(pdf);
        Assert.True(pages >= 2, $"{pages} pages");
        Assert.Equal(41, docx.TableRows.Count(r => r.Count == 7));
        var text = PdfText(pdf);
        if (text is not null)
        {
            Assert.Contains("НМИ №40:", text, StringComparison.Ordinal);
            // The header is repeated on every page the table spans.
            var tablePages = text.Split('\f').Where(page => page.Contains("НМИ №", StringComparison.Ordinal)).ToList();
            Assert.True(tablePages.Count >= 2);
            Assert.All(tablePages, page => Assert.Contains("Түйінді нәтиже*", page, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void RatingSheetPdf_CarriesTheGuidanceAndTheGrade_AsText()
    {
        var record = (RatingSheetDocument)Sample("rating-sheet-non-leader");
        var text = PdfText(Pdf(record));
        if (text is null)
        {
            return;
        }

        var flat = Flat(text);
        Assert.Contains("Басшы лауазымды атқармайтын адамның бағалау парағы", flat, StringComparison.Ordinal);
        Assert.Contains("Бағалау нәтижесі: " + record.Grade!.Kk, flat, StringComparison.Ordinal);
        Assert.Contains("Тоқтарова Айгерім Маратқызы", flat, StringComparison.Ordinal);
        Assert.Contains("4,50", flat, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IsThreadSafe_AndDeterministicForDocxText()
    {
        var record = Sample("kpi-sheet");
        var texts = Enumerable.Range(0, 8).AsParallel().Select(_ => Docx(record).Text).Distinct().ToList();
        var pdfs = Enumerable.Range(0, 4).AsParallel().Select(_ => PdfPageCount(Pdf(record))).Distinct().ToList();

        Assert.Single(texts);
        Assert.Single(pdfs);
    }
}
