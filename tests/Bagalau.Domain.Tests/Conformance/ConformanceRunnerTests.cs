using Bagalau.Application.Conformance;
using Bagalau.Domain.Conformance;
using static Bagalau.Domain.Tests.TestData;

namespace Bagalau.Domain.Tests.Conformance;

public class ConformanceRunnerTests
{
    private static readonly ConformanceRunner Runner = new(Catalogue, D("2026-11-23"));

    private static ConformanceReport RunYaml(string yaml)
    {
        var dir = Directory.CreateTempSubdirectory("bagalau-cases-");
        try
        {
            var file = Path.Combine(dir.FullName, "case.yaml");
            File.WriteAllText(file, yaml);
            return Runner.Run(CaseFiles.Find([file]));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string FixtureDir => Path.Combine(RepoRoot(), "tests", "Bagalau.Domain.Tests", "Conformance", "Fixtures");

    [Fact]
    public void Fixtures_AllPass_AndTheLastLineCountsThem()
    {
        var report = Runner.Run(CaseFiles.Find([FixtureDir]));
        Assert.Equal(3, report.Passed);
        Assert.Equal(0, report.ExitCode);
        var lines = ConformanceRunner.Format(report).TrimEnd('\n').Split('\n');
        Assert.Equal("PASS fixture nhrc capped quarter", lines[0]);
        Assert.Equal("3 passed, 0 failed", lines[^1]);
    }

    [Fact]
    public void WrongExpectation_FailsWithExpectedAndGot()
    {
        var report = RunYaml("""
            - name: wrong grade
              pack: nhrc
              as-of: "2026-07-10"
              decision: annual-score
              input: {year: 2026, quarters: {Q1: 3.0, Q2: 3.4, Q3: 2.8, Q4: 3.2}}
              expect: {score: 3.1, grade: effective}
            """);
        Assert.Equal("FAIL wrong grade: expected grade: effective, got grade: proper", report.Results.Single().Line);
        Assert.Equal(1, report.ExitCode);
    }

    [Theory]
    [InlineData("pack: atyrau\n  decision: deadline", "Unknown pack 'atyrau'")]
    [InlineData("pack: nhrc\n  decision: bonus", "bonus")]
    public void UnknownPackOrDecision_FailsWithAClearMessage(string packAndDecision, string message)
    {
        var line = RunYaml($"- name: c\n  {packAndDecision}\n  as-of: \"2026-06-01\"\n  input: {{deadline: acquaint, from: \"2026-06-01\"}}\n  expect: {{due: \"2026-06-03\"}}\n").Results.Single().Line;
        Assert.StartsWith("FAIL c: ", line);
        Assert.Contains(message, line);
    }

    [Fact]
    public void NoVersionInForce_IsARefusalTheCaseSees()
    {
        var line = RunYaml("- name: c\n  pack: almaty-akimat\n  decision: deadline\n  as-of: \"2026-06-01\"\n  input: {deadline: acquaint, from: \"2026-06-01\"}\n  expect: {due: \"2026-06-03\"}\n").Results.Single().Line;
        Assert.StartsWith("FAIL c: expected {due: 2026-06-03}, got error no-version-in-force (", line);
    }

    [Theory]
    [InlineData("pack: atyrau\n  decision: deadline\n  input: {}\n  expect: {error: unknown-pack}")]
    [InlineData("pack: nhrc\n  decision: bonus\n  input: {}\n  expect: {error: unknown-decision}")]
    [InlineData("pack: nhrc\n  as-of: \"2026-06-01\"\n  decision: deadline\n  input: {deadline: acquaint, from: \"2026-06-01\", colour: red}\n  expect: {error: unknown-key}")]
    public void UnknownPackDecisionOrKey_FailsEvenWhenTheCaseExpectsIt(string body)
    {
        var result = RunYaml($"- name: c\n  {body}\n").Results.Single();
        Assert.False(result.Passed);
    }

    [Fact]
    public void UnknownInputKey_FailsNamingTheKey()
    {
        var report = RunYaml("- name: c\n  pack: nhrc\n  as-of: \"2026-06-01\"\n  decision: deadline\n  input: {deadline: acquaint, from: \"2026-06-01\", colour: red}\n  expect: {due: \"2026-06-03\"}\n");
        Assert.Equal("FAIL c: Unknown key 'colour' in input", report.Results.Single().Line.Split(" (", 2)[0]);
    }

    [Fact]
    public void UnknownCaseKeyAndMissingExpect_AreFailuresWithAMessage()
    {
        var report = RunYaml("- name: a\n  pack: nhrc\n  decision: deadline\n  inputs: {}\n  expect: {}\n- name: b\n  pack: nhrc\n  decision: deadline\n  input: {}\n");
        Assert.Equal("FAIL a: unknown key 'inputs' in the case (known: name, pack, as-of, decision, input, expect)", report.Results[0].Line);
        Assert.Equal("FAIL b: missing required key 'expect'", report.Results[1].Line);
    }

    [Fact]
    public void YamlSyntaxError_IsAFailureNamingTheLine()
    {
        var result = RunYaml("- name: a\n  input: {from: [\n").Results.Single();
        Assert.False(result.Passed);
        Assert.Matches(@"case\.yaml:\d+:\d+: YAML error", result.Failure);
    }

    [Fact]
    public void MissingFile_IsAFailureNotACrash()
    {
        var report = Runner.Run(CaseFiles.Find(["/nonexistent/cases.yaml"]));
        Assert.Equal("FAIL /nonexistent/cases.yaml: cannot read '/nonexistent/cases.yaml': no such file or directory", report.Results.Single().Line);
        Assert.Equal("0 passed, 1 failed", report.Summary);
    }

    [Fact]
    public void WrongTypedInput_IsInvalidInput()
    {
        var report = RunYaml("- name: c\n  pack: nhrc\n  as-of: \"2026-06-01\"\n  decision: deadline\n  input: {deadline: acquaint, from: tomorrow}\n  expect: {error: invalid-input}\n");
        Assert.True(report.Results.Single().Passed);
    }

    [Fact]
    public void PackAndExampleCases_AllPass()
    {
        var root = RepoRoot();
        var shared = Environment.GetEnvironmentVariable("BAGALAU_SHARED") ?? Path.Combine(root, "..", "shared");
        var paths = new List<string> { Path.Combine(root, "packs") };
        var examples = Path.Combine(shared, "spec", "examples");
        if (Directory.Exists(examples))
        {
            paths.Add(examples);
        }

        var report = new ConformanceRunner(Catalogue, D("2026-11-23")).Run(CaseFiles.Find(paths));
        Assert.True(report.Passed > 0);
        Assert.Equal([], report.Results.Where(r => !r.Passed).Select(r => r.Line));
    }
}

public class DocsExamplePackTests
{
    private static string ExampleDir => Path.Combine(RepoRoot(), "docs", "example-pack");

    [Fact]
    public void DocsExamplePack_IsValid() =>
        Assert.Empty(Bagalau.Application.Packs.PackCatalog.ValidateDirectory(ExampleDir));

    [Fact]
    public void DocsExamplePack_CasesPassAgainstThePackFromDisk()
    {
        var catalogue = Bagalau.Application.Packs.PackCatalog.LoadDirectory(ExampleDir).Catalogue;
        var report = new ConformanceRunner(catalogue, D("2026-11-23")).Run(CaseFiles.Find([ExampleDir]));
        Assert.Equal(5, report.Passed);
        Assert.Equal(0, report.Failed);
    }
}
