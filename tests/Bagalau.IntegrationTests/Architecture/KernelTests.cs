using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Bagalau.Application.Workflow;
using Bagalau.Domain.Decisions;
using Bagalau.Domain.Packs;
using Bagalau.Domain.Workflow;
using Bagalau.Web.Api;

namespace Bagalau.IntegrationTests.Architecture;

/// <summary>
/// The workflow kernel's promises (ADR 0017): every refusal has a code, a kind that maps to one
/// HTTP status, and a text in kk, ru and en with no English word in the Kazakh or Russian one.
/// </summary>
public sealed partial class KernelTests
{
    private static readonly Assembly DomainAssembly = typeof(Refusal).Assembly;
    private static readonly Assembly ApplicationLayer = typeof(WorkflowActors).Assembly;

    /// <summary>Abbreviations and names that are the same in every language of the product.</summary>
    private static readonly HashSet<string> SameInEveryLanguage = new(StringComparer.Ordinal)
    {
        "HR", "KPI", "KTI", "PDF", "DOCX", "XLSX", "CSV", "IIN", "YAML", "URL", "SMTP", "SMS", "Bagalau",
    };

    [Fact]
    public void EveryRefusalFactory_GivesACode_AKindWithOneStatus_AndTextInThreeLanguages()
    {
        var produced = new List<(string Where, Refusal Refusal)>();
        foreach (var (where, factory) in Factories())
        {
            var args = factory.GetParameters().Select(p => Sample(p.ParameterType)).ToArray();
            if (args.Any(a => a is null))
            {
                continue;
            }

            if (factory.Invoke(null, args) is Refusal refusal)
            {
                produced.Add((where, refusal));
            }
        }

        Assert.True(produced.Count >= 15, $"only {produced.Count} refusal factories were found");
        Assert.All(produced, p =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", p.Refusal.Code);
            Assert.True(Enum.IsDefined(p.Refusal.Kind), p.Where);
            Assert.Contains(ApiProblems.StatusOf(p.Refusal.Kind), new[] { 400, 403, 404, 409, 410, 422 });
            Assert.False(string.IsNullOrWhiteSpace(p.Refusal.Message.Kk), p.Where);
            Assert.False(string.IsNullOrWhiteSpace(p.Refusal.Message.Ru), p.Where);
            Assert.False(string.IsNullOrWhiteSpace(p.Refusal.Message.En), p.Where);
            Assert.True(EnglishWords(p.Refusal.Message.Kk).Count == 0, $"{p.Where} kk: {p.Refusal.Message.Kk}");
            Assert.True(EnglishWords(p.Refusal.Message.Ru).Count == 0, $"{p.Where} ru: {p.Refusal.Message.Ru}");
        });
    }

    [Fact]
    public void RefusalKinds_MapToDistinctStatuses_NotFoundForbiddenConflictInvalidRuleGone()
    {
        Assert.Equal(404, ApiProblems.StatusOf(RefusalKind.NotFound));
        Assert.Equal(403, ApiProblems.StatusOf(RefusalKind.Forbidden));
        Assert.Equal(409, ApiProblems.StatusOf(RefusalKind.Conflict));
        Assert.Equal(400, ApiProblems.StatusOf(RefusalKind.InvalidInput));
        Assert.Equal(422, ApiProblems.StatusOf(RefusalKind.Rule));
        Assert.Equal(410, ApiProblems.StatusOf(RefusalKind.Gone));
    }

    /// <summary>
    /// Reads every refusal written in the source (<c>Refusal.Of</c>, <c>Refusals.InvalidInput</c>,
    /// the kernel's vocabulary) and checks its Kazakh and Russian texts, holes left out, for
    /// English words: a refusal built inline cannot be reached by reflection.
    /// </summary>
    [Fact]
    public void NoKazakhOrRussianRefusalText_InTheSource_CarriesAnEnglishWord()
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoRoot(), "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (var call in Calls(text))
            {
                // Refusal.Of(code, kk, ru, en) / Refusal.Of(kind, code, kk, ru, en) / InvalidInput(kk, ru, en) / new LocalizedText(kk, ru, en)
                var strings = call.Strings;
                var (kk, ru) = call.Name switch
                {
                    "Refusal.Of" when strings.Count >= 4 => (strings[^3], strings[^2]),
                    "InvalidInput" or "LocalizedText" when strings.Count >= 3 => (strings[0], strings[1]),
                    _ => (null, null),
                };
                foreach (var (language, literal) in new[] { ("kk", kk), ("ru", ru) })
                {
                    if (literal is not null && EnglishWords(literal) is { Count: > 0 } words)
                    {
                        found.Add($"{Path.GetRelativePath(RepoRoot(), file)} {language}: {string.Join(", ", words)} in \"{literal}\"");
                    }
                }
            }
        }

        Assert.True(found.Count == 0, "English in kk/ru refusal texts:\n" + string.Join('\n', found));
    }

    [Fact]
    public void TheVocabularyRefusalsAreBuiltFrom_HasKazakhAndRussianWithoutEnglish()
    {
        var words = new[] { typeof(Actions), typeof(ActorNames), typeof(Records), typeof(Fields), typeof(StateNames) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(LocalizedText))
            .Select(f => (Name: $"{f.DeclaringType!.Name}.{f.Name}", Text: (LocalizedText)f.GetValue(null)!))
            .ToList();
        Assert.True(words.Count > 50);
        Assert.All(words, w =>
        {
            Assert.True(EnglishWords(w.Text.Kk).Count == 0, $"{w.Name} kk: {w.Text.Kk}");
            Assert.True(EnglishWords(w.Text.Ru).Count == 0, $"{w.Name} ru: {w.Text.Ru}");
            Assert.NotEqual(w.Text.Kk, w.Text.En);
        });
    }

    [Fact]
    public void EveryWorkflowState_HasANameInThreeLanguages()
    {
        var stateTypes = DomainAssembly.GetTypes().Where(t => t.IsEnum && t.Name.EndsWith("State", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(stateTypes);
        foreach (var type in stateTypes)
        {
            foreach (Enum value in Enum.GetValues(type))
            {
                Assert.True(StateNames.Has(value), $"{type.Name}.{value} has no name");
                var name = StateNames.Of(value);
                Assert.True(name.Kk.Length > 0 && name.Ru.Length > 0 && name.En.Length > 0, $"{type.Name}.{value}");
                Assert.Empty(EnglishWords(name.Kk));
                Assert.Empty(EnglishWords(name.Ru));
            }
        }
    }

    [Fact]
    public void WrongActorAndNotAllowed_AreOneCode_ForbiddenInBothFamilies()
    {
        var who = WorkflowRefusals.NotAllowed(ActorNames.Hr);
        var what = WorkflowRefusals.NotAllowed(Actions.CloseQuarter, ActorNames.Hr);
        Assert.Equal("not-allowed", who.Code);
        Assert.Equal(who.Code, what.Code);
        Assert.Equal(RefusalKind.Forbidden, what.Kind);
        Assert.Contains("тоқсанды жабу", what.Message.Kk, StringComparison.Ordinal);
        Assert.Contains("закрыть квартал", what.Message.Ru, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongState_NamesTheActionAndTheState_InTheReadersLanguage()
    {
        var refusal = WorkflowRefusals.WrongState(Actions.Submit, Bagalau.Domain.Evaluation2018.WorkPlanState.Approved);
        Assert.Equal("wrong-state", refusal.Code);
        Assert.Equal(RefusalKind.Conflict, refusal.Kind);
        Assert.Equal("«бекітілген» күйінде «жіберу» әрекеті мүмкін емес", refusal.Message.Kk);
        Assert.Equal("В состоянии «утверждён» действие «отправить» невозможно", refusal.Message.Ru);
    }

    [Fact]
    public void Dates_InRefusals_AreWrittenAsPeopleInKazakhstanWriteThem()
    {
        var late = WorkflowRefusals.Late(new LocalizedText("өтініш", "заявление", "the application"), new DateOnly(2026, 11, 30), "18");
        Assert.Contains("30.11.2026", late.Message.Kk, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-11-30", late.Message.Ru, StringComparison.Ordinal);
    }

    /// <summary>
    /// Words of three or more Latin letters outside the holes and outside «quotes» (an identifier
    /// the user typed or must type, such as an API field or a vote value), less the shared abbreviations.
    /// </summary>
    internal static List<string> EnglishWords(string text) =>
        LatinWord().Matches(Quoted().Replace(text, " ")).Select(m => m.Value).Where(w => !SameInEveryLanguage.Contains(w)).ToList();

    private static IEnumerable<(string Where, MethodInfo Factory)> Factories()
    {
        foreach (var type in DomainAssembly.GetTypes().Concat(ApplicationLayer.GetTypes()))
        {
            if (type.ContainsGenericParameters)
            {
                continue;
            }

            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(flags))
            {
                if (method.ReturnType == typeof(Refusal) && !method.IsGenericMethod && !method.Name.StartsWith('<')
                    && method.DeclaringType != typeof(Refusal))
                {
                    yield return ($"{type.Name}.{method.Name}", method);
                }
            }
        }
    }

    private static object? Sample(Type type) =>
        type == typeof(string) ? "x"
        : type == typeof(LocalizedText) ? new LocalizedText("сынақ", "проверка", "test")
        : type == typeof(DateOnly) ? new DateOnly(2026, 3, 31)
        : type == typeof(DateOnly?) ? new DateOnly(2026, 3, 31)
        : type == typeof(int) ? 3
        : type == typeof(decimal) ? 2.5m
        : type == typeof(bool) ? true
        : type == typeof(Enum) ? Bagalau.Domain.Evaluation2023.SheetState.Open
        : type.IsEnum ? Enum.GetValues(type).GetValue(0)
        : null;

    private sealed record Call(string Name, List<string> Strings);

    /// <summary>The string literals (holes removed) of each call of interest, from C# source.</summary>
    private static IEnumerable<Call> Calls(string source)
    {
        foreach (Match m in CallStart().Matches(source))
        {
            var name = m.Groups["name"].Value.Replace("Refusals.", string.Empty, StringComparison.Ordinal).Replace("new ", string.Empty, StringComparison.Ordinal);
            var strings = new List<string>();
            var i = m.Index + m.Length;
            var depth = 1;
            while (i < source.Length && depth > 0)
            {
                var c = source[i];
                if (c == '"' || (c == '$' && i + 1 < source.Length && source[i + 1] == '"'))
                {
                    var (literal, next) = ReadString(source, i);
                    if (depth == 1)
                    {
                        strings.Add(literal);
                    }

                    i = next;
                    continue;
                }

                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                i++;
            }

            yield return new Call(name, strings);
        }
    }

    private static (string Literal, int Next) ReadString(string source, int i)
    {
        var interpolated = source[i] == '$';
        i += interpolated ? 2 : 1;
        var text = new StringBuilder();
        while (i < source.Length && source[i] != '"')
        {
            if (source[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (interpolated && source[i] == '{' && i + 1 < source.Length && source[i + 1] != '{')
            {
                // A hole: code, not text; skip to its matching brace (strings inside are skipped too).
                var depth = 1;
                i++;
                while (i < source.Length && depth > 0)
                {
                    if (source[i] == '"')
                    {
                        i = ReadString(source, i).Next;
                        continue;
                    }

                    depth += source[i] == '{' ? 1 : source[i] == '}' ? -1 : 0;
                    i++;
                }

                text.Append(' ');
                continue;
            }

            text.Append(source[i]);
            i++;
        }

        return (text.ToString(), i + 1);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bagalau.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Bagalau.slnx not found");
    }

    [GeneratedRegex(@"\b[A-Za-z]{3,}\b")]
    private static partial Regex LatinWord();

    [GeneratedRegex("«[^«»]*»")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?<name>Refusal\.Of|Refusals\.InvalidInput|new LocalizedText)\(")]
    private static partial Regex CallStart();
}
