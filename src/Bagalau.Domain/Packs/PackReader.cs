using System.Globalization;

namespace Bagalau.Domain.Packs;

/// <summary>The files of one pack as trees: pack.yaml, and clauses.yaml / indicators.yaml when present.</summary>
public sealed record PackSource(string Id, Node Pack, Node? Clauses, Node? Indicators);

/// <summary>
/// Turns a pack's trees into a <see cref="Pack"/>, reporting every problem with its file and path.
/// Returns null when anything is wrong: a bad pack never half-loads.
/// </summary>
public sealed class PackReader
{
    private readonly Problems _problems;
    private readonly List<(string Clause, Node Where)> _cited = [];

    private PackReader(Problems problems) => _problems = problems;

    public static Pack? Read(PackSource source, Problems problems)
    {
        var before = problems.Items.Count;
        var pack = new PackReader(problems).ReadPack(source);
        return problems.Items.Count > before ? null : pack;
    }

    private Pack? ReadPack(PackSource source)
    {
        var root = MapReader.Of(source.Pack, _problems, "pack.yaml");
        if (root is null)
        {
            return null;
        }

        root.Skip("note", "notes");
        var id = root.String("id");
        if (id is not null && id != source.Id)
        {
            _problems.Add(root.Map["id"]!, $"pack id '{id}' differs from its folder name '{source.Id}'");
        }

        var familyText = root.String("family");
        PackFamily? family = familyText switch
        {
            null => null,
            "kpi-competency-2018" => PackFamily.KpiCompetency2018,
            "quarterly-2023" => PackFamily.Quarterly2023,
            _ => null,
        };
        if (familyText is not null && family is null)
        {
            _problems.Add(root.Map["family"]!, $"unknown family '{familyText}' (kpi-competency-2018 or quarterly-2023)");
        }

        var title = LocalizedText.Read(root, "title");
        var act = ReadAct(root.Child("act"));
        var baseRules = root.Child("rules", required: false);
        baseRules?.Skip(baseRules.Map.Keys.ToArray());
        var versionList = root.List("versions");
        root.Done();

        var clauses = ReadClauses(source.Clauses);
        var versions = new List<PackVersion>();
        if (versionList is not null)
        {
            for (var i = 0; i < versionList.Items.Count; i++)
            {
                var v = ReadVersion(versionList.Items[i], baseRules?.Map, family ?? PackFamily.KpiCompetency2018);
                if (v is not null)
                {
                    versions.Add(v);
                }
            }

            if (versionList.Items.Count == 0)
            {
                _problems.Add(versionList, $"a pack needs at least one version");
            }
        }

        CheckVersions(versions, versionList);
        var indicators = ReadIndicators(source.Indicators, versions);
        CheckCitedClauses(clauses);

        return id is null || family is null || title is null || act is null
            ? null
            : new Pack(id, family.Value, title, act, versions, clauses, indicators);
    }

    private ActInfo? ReadAct(MapReader? m)
    {
        if (m is null)
        {
            return null;
        }

        m.Skip("note");
        var title = LocalizedText.Read(m, "title");
        var number = m.String("number");
        var adopted = m.Date("adopted");
        var registered = m.Date("registered", required: false);
        var regNumber = m.String("registration-number", required: false);
        var source = m.String("source");
        var amendments = m.String("amendments", required: false);
        var repeal = m.String("repeal", required: false);
        var assumptions = m.Strings("assumptions", required: false);
        var repealedBy = m.Has("repealed-by") ? LocalizedText.Read(m, "repealed-by") : null;
        var readings = m.Items("readings", ReadReading, required: false);
        m.Done();
        return title is null || number is null || adopted is null || source is null
            ? null
            : new ActInfo(title, number, adopted.Value, registered, regNumber, source, amendments, repeal, assumptions) { RepealedBy = repealedBy, Readings = readings };
    }

    private PackReading? ReadReading(MapReader r)
    {
        var clause = Clause(r);
        var text = LocalizedText.Read(r, "text");
        return clause is null || text is null ? null : new PackReading(clause, text);
    }

    private ClauseTexts? ReadClauses(Node? node)
    {
        var m = MapReader.Of(node, _problems, "clauses.yaml");
        if (m is null)
        {
            return null;
        }

        var source = m.String("source");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var map = m.Child("clauses");
        if (map is not null)
        {
            foreach (var entry in map.Map.Entries)
            {
                if (entry.Value is ScalarNode { IsNull: false } s && s.Value.Trim().Length > 0)
                {
                    texts[entry.Key] = s.Value;
                }
                else
                {
                    _problems.Add(entry.Value, $"clause '{entry.Key}' must be a non-empty text");
                }
            }

            map.Skip(map.Map.Keys.ToArray());
        }

        m.Done();
        return source is null ? null : new ClauseTexts(source, texts);
    }

    private PackVersion? ReadVersion(Node node, MapNode? baseRules, PackFamily family)
    {
        var m = MapReader.Of(node, _problems, "a version");
        if (m is null)
        {
            return null;
        }

        var id = m.String("id");
        var from = m.Date("effective-from");
        var to = m.Date("effective-to", required: false);
        var notes = new List<string>();
        foreach (var key in new[] { "assumption", "note" })
        {
            if (m.Has(key))
            {
                var text = m.String(key);
                if (text is not null)
                {
                    notes.Add(text);
                }
            }
        }

        var own = m.Child("rules", required: baseRules is null);
        own?.Skip(own.Map.Keys.ToArray());
        m.Done();

        if (from is not null && to is not null && to < from)
        {
            _problems.Add(node, $"version '{id}' ends ({TreeValues.Format(to.Value)}) before it starts ({TreeValues.Format(from.Value)})");
        }

        if (own is null && baseRules is null)
        {
            return null;
        }

        // A version's own rule sections replace the pack-level sections of the same name.
        var entries = new List<KeyValuePair<string, Node>>();
        var ownMap = own?.Map;
        if (baseRules is not null)
        {
            entries.AddRange(baseRules.Entries.Where(e => ownMap is null || !ownMap.Has(e.Key)));
        }

        if (ownMap is not null)
        {
            entries.AddRange(ownMap.Entries);
        }

        var span = ownMap?.Span ?? baseRules!.Span;
        var rules = ReadRules(new MapReader(new MapNode(span, entries), _problems), family);
        return id is null || from is null ? null : new PackVersion(id, from.Value, to, notes, rules);
    }

    private void CheckVersions(List<PackVersion> versions, ListNode? where)
    {
        if (where is null)
        {
            return;
        }

        foreach (var dup in versions.GroupBy(v => v.Id).Where(g => g.Count() > 1))
        {
            _problems.Add(where, $"duplicate version id '{dup.Key}'");
        }

        var ordered = versions.OrderBy(v => v.EffectiveFrom).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var prev = ordered[i - 1];
            var next = ordered[i];
            if (prev.EffectiveTo is null || prev.EffectiveTo >= next.EffectiveFrom)
            {
                _problems.Add(where, $"versions '{prev.Id}' and '{next.Id}' overlap");
            }
            else if (prev.EffectiveTo.Value.AddDays(1) != next.EffectiveFrom)
            {
                _problems.Add(where, $"gap between versions '{prev.Id}' (to {TreeValues.Format(prev.EffectiveTo.Value)}) and '{next.Id}' (from {TreeValues.Format(next.EffectiveFrom)})");
            }
        }

        if (!ordered.SequenceEqual(versions))
        {
            _problems.Add(where, $"versions must be listed in date order");
        }
    }

    private string? Clause(MapReader m, string key = "clause", bool required = true)
    {
        var clause = m.String(key, required);
        if (clause is not null)
        {
            _cited.Add((clause, m.Map[key]!));
        }

        return clause;
    }

    private void CheckCitedClauses(ClauseTexts? clauses)
    {
        if (clauses is null)
        {
            return;
        }

        foreach (var (clause, where) in _cited.DistinctBy(c => (c.Clause, c.Where.Span)))
        {
            if (clauses[clause] is null)
            {
                _problems.Add(where, $"clause '{clause}' is not in clauses.yaml");
            }
        }
    }

    private PackRules ReadRules(MapReader m, PackFamily family)
    {
        var rules = new PackRules
        {
            Period = Section(m, "period", ReadPeriod),
            Roles = m.Items("roles", ReadRole, required: false),
            Forms = m.Items("forms", ReadForm, required: false),
            KpiPlan = Section(m, "kpi-plan", ReadKpiPlan),
            KpiAnnualGrade = Section(m, "kpi-annual-grade", ReadKpiAnnualGrade),
            Competencies = Section(m, "competencies", ReadCompetencies),
            CompetencyLevel = Section(m, "competency-level", ReadCompetencyLevel),
            GradeBands = Section(m, "grade-bands", ReadGradeBands),
            Rounding = Section(m, "rounding", ReadRounding) ?? Rounding.Default,
            QuarterScore = Section(m, "quarter-score", ReadQuarterScore),
            SanctionCaps = Section(m, "sanction-caps", ReadSanctionCaps),
            AnnualScore = Section(m, "annual-score", r => Clause(r) is { } c ? new AnnualScoreRule(c) : null),
            Survey360 = Section(m, "survey-360", ReadSurvey360),
            Eligibility = Section(m, "eligibility", ReadEligibility),
            Commission = Section(m, "commission", ReadCommission),
            Calibration = Section(m, "calibration", ReadCalibration),
            EvaluationMethod = Section(m, "evaluation-method", ReadEvaluationMethod),
            Deadlines = ReadDeadlines(m.Child("deadlines", required: false)),
            Retention = Section(m, "retention", ReadRetention),
            Confidentiality = Section(m, "confidentiality", ReadConfidentiality),
        };
        m.Done();
        CheckRules(rules, m, family);

        // One source for "who is evaluated by KTIs" (oskemen 3): the evaluation-method rules.
        if (rules.KpiPlan is { } plan && rules.EvaluationMethod?.Rules.FirstOrDefault(r => r.Method == "kti") is { } kti)
        {
            rules = rules with { KpiPlan = plan with { EvaluatedCategories = kti.Categories, EvaluatedClause = kti.Clause } };
        }

        return rules;
    }

    private void CheckRules(PackRules rules, MapReader m, PackFamily family)
    {
        foreach (var dup in rules.Roles.GroupBy(r => r.Id).Where(g => g.Count() > 1))
        {
            _problems.Add(m.Map, $"duplicate role id '{dup.Key}'");
        }

        foreach (var dup in rules.Forms.GroupBy(f => f.Id).Where(g => g.Count() > 1))
        {
            _problems.Add(m.Map, $"duplicate form id '{dup.Key}'");
        }

        if (rules.QuarterScore is not null && !rules.Forms.Any(f => f.Parameters.Count > 0))
        {
            _problems.Add(m.Map, $"quarter-score needs at least one form with parameters");
        }

        if ((rules.QuarterScore is not null || rules.AnnualScore is not null || rules.Calibration is not null) && rules.GradeBands is null)
        {
            _problems.Add(m.Map, $"quarter-score, annual-score and calibration need grade-bands");
        }

        if (rules.SanctionCaps is { } caps && !rules.Forms.Any(f => f.Parameters.Any(p => p.Id == caps.Parameter)))
        {
            _problems.Add(m.Map["sanction-caps"]!, $"sanction-caps parameter '{caps.Parameter}' is not a parameter of any form");
        }

        if (rules.EvaluationMethod is { } method)
        {
            foreach (var r in method.Rules)
            {
                if (r.Method == "rating-sheet" && !rules.Forms.Any(f => f.Id == r.Form && f.Parameters.Count > 0))
                {
                    _problems.Add(m.Map["evaluation-method"]!, $"evaluation-method form '{r.Form}' is not a rating form of the pack");
                }

                if (r.Method == "kti" && rules.KpiPlan is null)
                {
                    _problems.Add(m.Map["evaluation-method"]!, $"evaluation-method 'kti' needs kpi-plan");
                }
            }
        }

        if (rules.CompetencyLevel is not null && rules.Competencies is null)
        {
            _problems.Add(m.Map["competency-level"]!, $"competency-level needs competencies");
        }

        if (family == PackFamily.KpiCompetency2018 && (rules.QuarterScore is not null || rules.Survey360 is not null))
        {
            _problems.Add(m.Map, $"quarter-score and survey-360 belong to the quarterly-2023 family");
        }

        if (family == PackFamily.Quarterly2023 && (rules.KpiAnnualGrade is not null || rules.CompetencyLevel is not null || rules.Commission is not null))
        {
            _problems.Add(m.Map, $"kpi-annual-grade, competency-level and commission belong to the kpi-competency-2018 family");
        }
    }

    private static T? Section<T>(MapReader m, string key, Func<MapReader, T?> read)
        where T : class
    {
        var child = m.Child(key, required: false);
        if (child is null)
        {
            return null;
        }

        child.Skip("interpretation", "assumption", "note");
        var value = read(child);
        child.Done();
        return value;
    }

    private EvaluationPeriodRule? ReadPeriod(MapReader m)
    {
        var kind = PeriodKindOf(m, "kind");
        var clause = Clause(m);
        return kind is null || clause is null ? null : new EvaluationPeriodRule(kind.Value, clause);
    }

    private static PeriodKind? PeriodKindOf(MapReader m, string key)
    {
        var text = m.String(key);
        switch (text)
        {
            case null:
                return null;
            case "year":
                return PeriodKind.Year;
            case "quarter":
                return PeriodKind.Quarter;
            default:
                m.Problems.Add(m.Map[key]!, $"'{key}' must be year or quarter, found '{text}'");
                return null;
        }
    }

    private Role? ReadRole(MapReader m)
    {
        m.Skip("note");
        var id = m.String("id");
        var title = LocalizedText.Read(m, "title");
        var clause = Clause(m);
        var body = m.Bool("working-body", required: false) ?? false;
        return id is null || title is null || clause is null ? null : new Role(id, title, clause, body);
    }

    private Form? ReadForm(MapReader m)
    {
        m.Skip("note");
        var id = m.String("id");
        var clause = Clause(m);
        var title = LocalizedText.Read(m, "title");
        var fields = m.Items("fields", f =>
        {
            var fid = f.String("id");
            var ftitle = LocalizedText.Read(f, "title");
            return fid is null || ftitle is null ? null : new FormField(fid, ftitle);
        }, required: false);
        var parameters = m.Items("parameters", p =>
        {
            p.Skip("note");
            var pid = p.String("id");
            var ptitle = LocalizedText.Read(p, "title");
            var guidance = p.String("guidance-kk", required: false);
            var pclause = Clause(p);
            return pid is null || ptitle is null || pclause is null ? null : new Parameter(pid, ptitle, guidance, pclause);
        }, required: false);
        foreach (var dup in parameters.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            _problems.Add(m.Map, $"form '{id}': duplicate parameter id '{dup.Key}'");
        }

        foreach (var dup in fields.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            _problems.Add(m.Map, $"form '{id}': duplicate field id '{dup.Key}'");
        }

        return id is null || clause is null || title is null ? null : new Form(id, clause, title, fields, parameters);
    }

    private KpiPlanRule? ReadKpiPlan(MapReader m)
    {
        var clause = Clause(m);
        var count = m.Child("count");
        var min = count?.Int("min");
        var max = count?.Int("max");
        count?.Done();
        var periods = new List<PeriodKind>();
        foreach (var p in m.Strings("periods"))
        {
            switch (p)
            {
                case "year":
                    periods.Add(PeriodKind.Year);
                    break;
                case "quarter":
                    periods.Add(PeriodKind.Quarter);
                    break;
                default:
                    _problems.Add(m.Map["periods"]!, $"unknown period kind '{p}'");
                    break;
            }
        }

        var fields = m.Strings("fields");
        if (min is not null && max is not null && (min < 1 || max < min))
        {
            _problems.Add(m.Map["count"]!, $"count min {min} / max {max} is not a range");
        }

        return clause is null || min is null || max is null
            ? null
            : new KpiPlanRule(clause, min.Value, max.Value, periods, fields);
    }

    private KpiAnnualGradeRule? ReadKpiAnnualGrade(MapReader m)
    {
        var clause = Clause(m);
        var size = m.Int("plan-size");
        var steps = m.Items("grades", g =>
        {
            var grade = g.String("grade");
            var atLeast = g.Int("achieved-at-least");
            var title = LocalizedText.Read(g, "title");
            return grade is null || atLeast is null || title is null ? null : new KpiGradeStep(grade, atLeast.Value, title);
        });
        if (steps.Count > 0 && steps.Min(s => s.AchievedAtLeast) != 0)
        {
            _problems.Add(m.Map["grades"]!, $"grades must include a step with achieved-at-least 0 (every count gets a grade)");
        }

        foreach (var dup in steps.GroupBy(s => s.AchievedAtLeast).Where(g => g.Count() > 1))
        {
            _problems.Add(m.Map["grades"]!, $"two grades start at {dup.Key}");
        }

        if (size is not null && steps.Any(s => s.AchievedAtLeast > size))
        {
            _problems.Add(m.Map["grades"]!, $"a grade needs more achieved KPIs than the plan's {size}");
        }

        return clause is null || size is null || steps.Count == 0 ? null : new KpiAnnualGradeRule(clause, size.Value, steps);
    }

    private CompetencyList? ReadCompetencies(MapReader m)
    {
        var clause = Clause(m);
        var items = m.Items("items", ReadCompetency);
        foreach (var dup in items.GroupBy(c => c.Id).Where(g => g.Count() > 1))
        {
            _problems.Add(m.Map["items"]!, $"duplicate competency id '{dup.Key}'");
        }

        return clause is null ? null : new CompetencyList(clause, items);
    }

    private static Competency? ReadCompetency(MapReader c)
    {
        c.Skip("statement-kk", "note");
        var id = c.String("id");
        var title = LocalizedText.Read(c, "title");
        var ps = c.Bool("public-service", required: false) ?? false;
        return id is null || title is null ? null : new Competency(id, title, ps);
    }

    private CompetencyLevelRule? ReadCompetencyLevel(MapReader m)
    {
        var clause = Clause(m);
        var notCovered = Clause(m, "not-covered-clause");
        var threshold = m.Child("threshold");
        var num = threshold?.Int("numerator");
        var den = threshold?.Int("denominator");
        threshold?.Done();
        var max = m.Int("max-indicators");
        var maxClause = Clause(m, "max-indicators-clause");
        if (num is not null && den is not null && (den <= 0 || num <= 0 || num > den))
        {
            _problems.Add(m.Map["threshold"]!, $"threshold {num}/{den} is not a fraction between 0 and 1");
        }

        return clause is null || notCovered is null || num is null || den is null || max is null || maxClause is null
            ? null
            : new CompetencyLevelRule(clause, notCovered, num.Value, den.Value, max.Value, maxClause);
    }

    private GradeBands? ReadGradeBands(MapReader m)
    {
        var clause = Clause(m);
        var bands = m.Items("bands", b =>
        {
            var grade = b.String("grade");
            var from = b.Decimal("from");
            var to = b.Decimal("to");
            var title = LocalizedText.Read(b, "title");
            if (from is not null && to is not null && to < from)
            {
                _problems.Add(b.Map, $"band '{grade}' ends ({TreeValues.Format(to.Value)}) below its start ({TreeValues.Format(from.Value)})");
            }

            return grade is null || from is null || to is null || title is null ? null : new GradeBand(grade, from.Value, to.Value, title);
        });
        var where = m.Map["bands"] ?? m.Map;
        foreach (var dup in bands.GroupBy(b => b.Grade).Where(g => g.Count() > 1))
        {
            _problems.Add(where, $"duplicate grade '{dup.Key}'");
        }

        // Bands written to two decimals must tile the scale: each starts 0.01 after the previous ends.
        var ordered = bands.OrderBy(b => b.From).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            var gap = ordered[i].From - ordered[i - 1].To;
            if (gap <= 0)
            {
                _problems.Add(where, $"bands '{ordered[i - 1].Grade}' and '{ordered[i].Grade}' overlap");
            }
            else if (gap != 0.01m)
            {
                _problems.Add(where, $"gap between bands '{ordered[i - 1].Grade}' (to {TreeValues.Format(ordered[i - 1].To)}) and '{ordered[i].Grade}' (from {TreeValues.Format(ordered[i].From)})");
            }
        }

        return clause is null || bands.Count == 0 ? null : new GradeBands(clause, bands);
    }

    private Rounding? ReadRounding(MapReader m)
    {
        var decimals = m.Int("decimals");
        var mode = m.String("mode");
        MidpointRounding? midpoint = mode switch
        {
            "half-away-from-zero" => MidpointRounding.AwayFromZero,
            "half-even" => MidpointRounding.ToEven,
            _ => null,
        };
        if (mode is not null && midpoint is null)
        {
            _problems.Add(m.Map["mode"]!, $"unknown rounding mode '{mode}' (half-away-from-zero or half-even)");
        }

        if (decimals is < 0 or > 6)
        {
            _problems.Add(m.Map["decimals"]!, $"decimals must be between 0 and 6");
        }

        return decimals is null || midpoint is null ? null : new Rounding(decimals.Value, midpoint.Value);
    }

    private (decimal Min, decimal Max)? ReadScale(MapReader m)
    {
        var scale = m.Child("scale");
        var min = scale?.Decimal("min");
        var max = scale?.Decimal("max");
        scale?.Done();
        if (min is not null && max is not null && max <= min)
        {
            _problems.Add(m.Map["scale"]!, $"scale max must be above min");
        }

        return min is null || max is null ? null : (min.Value, max.Value);
    }

    private QuarterScoreRule? ReadQuarterScore(MapReader m)
    {
        var clause = Clause(m);
        var scale = ReadScale(m);
        return clause is null || scale is null ? null : new QuarterScoreRule(clause, scale.Value.Min, scale.Value.Max);
    }

    private SanctionCaps? ReadSanctionCaps(MapReader m)
    {
        var clauses = m.Strings("clauses");
        foreach (var c in clauses)
        {
            _cited.Add((c, m.Map["clauses"]!));
        }

        var appliesTo = m.String("applies-to");
        CapTarget? target = appliesTo switch
        {
            "score" => CapTarget.Score,
            "parameter" => CapTarget.Parameter,
            _ => null,
        };
        if (appliesTo is not null && target is null)
        {
            _problems.Add(m.Map["applies-to"]!, $"applies-to must be score or parameter, found '{appliesTo}'");
        }

        var parameter = m.String("parameter");
        var caps = m.Items("caps", c =>
        {
            var kinds = c.Strings("kinds");
            foreach (var k in kinds.Where(k => !Vocabulary.SanctionKinds.ContainsKey(k)))
            {
                _problems.Add(c.Map["kinds"]!, $"unknown sanction kind '{k}'");
            }

            var max = c.Decimal("max");
            return max is null ? null : new SanctionCap(kinds, max.Value);
        });
        foreach (var dup in caps.SelectMany(c => c.Kinds).GroupBy(k => k).Where(g => g.Count() > 1))
        {
            _problems.Add(m.Map["caps"]!, $"sanction kind '{dup.Key}' has more than one cap");
        }

        if (clauses.Count == 0)
        {
            _problems.Add(m.Map, $"sanction-caps must cite at least one clause");
        }

        return target is null || parameter is null || clauses.Count == 0 ? null : new SanctionCaps(clauses, target.Value, parameter, caps);
    }

    private Survey360Rule? ReadSurvey360(MapReader m)
    {
        var clause = Clause(m);
        var scale = ReadScale(m);
        var respondents = m.Child("respondents");
        var min = respondents?.Int("min");
        var max = respondents?.Int("max");
        respondents?.Done();
        var competencies = m.Items("competencies", ReadCompetency);
        var roles = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var rolesMap = m.Child("roles");
        if (rolesMap is not null)
        {
            foreach (var key in rolesMap.Map.Keys.ToList())
            {
                var ids = rolesMap.Strings(key);
                foreach (var unknown in ids.Where(i => competencies.All(c => c.Id != i)))
                {
                    _problems.Add(rolesMap.Map[key]!, $"role '{key}' lists unknown competency '{unknown}'");
                }

                roles[key] = ids;
            }

            rolesMap.Done();
        }

        if (min is not null && max is not null && (min < 1 || max < min))
        {
            _problems.Add(m.Map["respondents"]!, $"respondents min {min} / max {max} is not a range");
        }

        return clause is null || scale is null || min is null || max is null
            ? null
            : new Survey360Rule(clause, scale.Value.Min, scale.Value.Max, min.Value, max.Value, roles, competencies);
    }

    private EligibilityRules? ReadEligibility(MapReader m)
    {
        var clause = Clause(m);
        var rules = m.Items<EligibilityRule>("rules", ReadEligibilityRule);
        return clause is null ? null : new EligibilityRules(clause, rules);
    }

    private EligibilityRule? ReadEligibilityRule(MapReader r)
    {
        r.Skip("interpretation", "assumption", "note");
        var kind = r.String("rule");
        var clause = Clause(r);
        List<string> Kinds(string key)
        {
            var kinds = r.Strings(key);
            foreach (var k in kinds.Where(k => !Vocabulary.AbsenceKinds.Contains(k)))
            {
                _problems.Add(r.Map[key]!, $"unknown absence kind '{k}'");
            }

            return kinds;
        }

        EligibilityRule? rule;
        switch (kind)
        {
            case "tenure":
                var months = r.Int("min-months");
                var reason = r.String("reason");
                var resetBy = r.Has("reset-by") ? Kinds("reset-by") : [];
                rule = months is null || reason is null ? null : new TenureRule(clause ?? "", months.Value, reason, resetBy);
                break;
            case "probation":
                rule = new ProbationRule(clause ?? "");
                break;
            case "absence-after-return":
                var kinds = Kinds("kinds");
                var days = r.Int("working-days");
                rule = days is null ? null : new AbsenceAfterReturnRule(clause ?? "", kinds, days.Value);
                break;
            case "absence-without-participation":
                rule = new AbsenceWithoutParticipationRule(clause ?? "", Kinds("kinds"));
                break;
            case "worked-days":
                var min = r.Int("min-working-days");
                var notWorked = Kinds("not-worked");
                rule = min is null ? null : new WorkedDaysRule(clause ?? "", min.Value, notWorked);
                break;
            case "dismissed":
                rule = new DismissedRule(clause ?? "");
                break;
            case null:
                rule = null;
                break;
            default:
                _problems.Add(r.Map["rule"]!, $"unknown eligibility rule '{kind}' (tenure, probation, absence-after-return, absence-without-participation, worked-days, dismissed)");
                rule = null;
                break;
        }

        return clause is null ? null : rule;
    }

    private CommissionRule? ReadCommission(MapReader m)
    {
        var clause = Clause(m);
        var minMembers = m.Int("min-members", required: false);
        var minClause = Clause(m, "min-members-clause", required: minMembers is not null);
        var quorum = m.Child("quorum");
        var num = quorum?.Int("numerator");
        var den = quorum?.Int("denominator");
        var quorumClause = quorum is null ? null : Clause(quorum);
        quorum?.Done();
        var secretaryVotes = m.Bool("secretary-votes");
        Clause(m, "secretary-clause", required: false);
        var majority = Majority(m, MajorityOf.Present, MajorityOf.Members);
        if (num is not null && den is not null && (den <= 0 || num <= 0 || num > den))
        {
            _problems.Add(m.Map["quorum"]!, $"quorum {num}/{den} is not a fraction between 0 and 1");
        }

        return clause is null || (minMembers is not null && minClause is null) || num is null || den is null || quorumClause is null || secretaryVotes is null
            ? null
            : new CommissionRule(clause, minMembers, minClause, num.Value, den.Value, quorumClause, secretaryVotes.Value) { MajorityOf = majority ?? MajorityOf.Present };
    }

    private EvaluationMethodRules? ReadEvaluationMethod(MapReader m)
    {
        var clause = Clause(m);
        var rules = m.Items("rules", r =>
        {
            r.Skip("interpretation", "note");
            var categories = r.Has("categories") ? r.Strings("categories") : [];
            foreach (var c in categories.Where(c => !Organisation.CategoryCodeRule.IsValid(c)))
            {
                _problems.Add(r.Map["categories"]!, $"'{c}' is not a category of the \"B\" corps register");
            }

            var leadership = r.Has("leadership") ? r.Bool("leadership") : null;
            var method = r.String("method", required: false) ?? "rating-sheet";
            if (method is not ("rating-sheet" or "kti"))
            {
                _problems.Add(r.Map["method"]!, $"method '{method}' is not rating-sheet or kti");
            }

            var form = r.String("form");
            var evaluator = r.String("evaluator");
            if (evaluator is not null and not ("direct-supervisor" or "unit-head"))
            {
                _problems.Add(r.Map["evaluator"]!, $"evaluator '{evaluator}' is not direct-supervisor or unit-head");
            }

            var own = r.Has("clause") ? Clause(r) : clause;
            return form is null || evaluator is null || own is null ? null : new EvaluationMethodRule(categories, leadership, method, form, evaluator, own);
        });
        return clause is null ? null : new EvaluationMethodRules(clause, rules);
    }

    private CalibrationRule? ReadCalibration(MapReader m)
    {
        var decision = Clause(m, "decision-clause");
        CalibrationComposition? composition = null;
        var c = m.Child("composition", required: false);
        if (c is not null)
        {
            c.Skip("note", "interpretation");
            var clause = Clause(c);
            var min = c.Int("min-members");
            var odd = c.Bool("odd-count");
            var exApplicant = c.Bool("excludes-applicant");
            var exEvaluator = c.Bool("excludes-evaluator");
            var hr = c.Bool("requires-hr");
            c.Done();
            if (clause is not null && min is not null && odd is not null && exApplicant is not null && exEvaluator is not null && hr is not null)
            {
                composition = new CalibrationComposition(clause, min.Value, odd.Value, exApplicant.Value, exEvaluator.Value, hr.Value);
            }
        }

        var majority = Majority(m, MajorityOf.Members, MajorityOf.Participants);
        return decision is null ? null : new CalibrationRule(composition, decision) { MajorityOf = majority ?? MajorityOf.Members };
    }

    /// <summary>Reads an optional <c>majority-of</c> among the values the section allows.</summary>
    private MajorityOf? Majority(MapReader m, params MajorityOf[] allowed)
    {
        var text = m.String("majority-of", required: false);
        if (text is null)
        {
            return null;
        }

        var names = allowed.ToDictionary(a => a switch
        {
            MajorityOf.Present => "present",
            MajorityOf.Members => "members",
            _ => "participants",
        });
        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        _problems.Add(m.Map["majority-of"]!, $"majority-of '{text}' is not one of {string.Join(", ", names.Keys)}");
        return null;
    }

    private Dictionary<string, DeadlineRule> ReadDeadlines(MapReader? m)
    {
        var result = new Dictionary<string, DeadlineRule>(StringComparer.Ordinal);
        if (m is null)
        {
            return result;
        }

        foreach (var key in m.Map.Keys.ToList())
        {
            if (!Vocabulary.Deadlines.ContainsKey(key))
            {
                _problems.Add(m.Map[key]!, $"unknown deadline id '{key}'");
            }

            var d = m.Child(key);
            if (d is null)
            {
                continue;
            }

            d.Skip("interpretation", "assumption", "note");
            var kindText = d.String("kind");
            DeadlineKind? kind = kindText switch
            {
                "working-days-after" => DeadlineKind.WorkingDaysAfter,
                "working-days-before" => DeadlineKind.WorkingDaysBefore,
                "day-of-next-month" => DeadlineKind.DayOfNextMonth,
                "date-of-next-year" => DeadlineKind.DateOfNextYear,
                _ => null,
            };
            if (kindText is not null && kind is null)
            {
                d.Skip("days", "day", "month");
                _problems.Add(d.Map["kind"]!, $"unknown deadline kind '{kindText}' (working-days-after, working-days-before, day-of-next-month, date-of-next-year)");
            }

            var clause = Clause(d);
            int? days = kind switch
            {
                DeadlineKind.WorkingDaysAfter or DeadlineKind.WorkingDaysBefore => d.Int("days"),
                DeadlineKind.DayOfNextMonth or DeadlineKind.DateOfNextYear => d.Int("day"),
                _ => null,
            };
            var month = kind == DeadlineKind.DateOfNextYear ? d.Int("month") : 0;
            d.Done();
            if (days is < 0 || (kind is DeadlineKind.DayOfNextMonth or DeadlineKind.DateOfNextYear && days is < 1 or > 31) || month is < 0 or > 12)
            {
                _problems.Add(d.Map, $"deadline '{key}' has an impossible day or month");
                continue;
            }

            if (kind is not null && clause is not null && days is not null && month is not null)
            {
                result[key] = new DeadlineRule(key, kind.Value, days.Value, month.Value, clause);
            }
        }

        return result;
    }

    private RetentionRule? ReadRetention(MapReader m)
    {
        var clause = Clause(m);
        var years = m.Int("years");
        var keeper = m.String("keeper");
        return clause is null || years is null || keeper is null ? null : new RetentionRule(clause, years.Value, keeper);
    }

    private ConfidentialityRule? ReadConfidentiality(MapReader m)
    {
        var clause = Clause(m);
        var who = m.Strings("visible-to");
        return clause is null ? null : new ConfidentialityRule(clause, who);
    }

    private IndicatorTable? ReadIndicators(Node? node, List<PackVersion> versions)
    {
        var m = MapReader.Of(node, _problems, "indicators.yaml");
        if (m is null)
        {
            return null;
        }

        m.Skip("note", "notes");
        var source = m.String("source");
        var appendix = m.String("appendix");
        if (appendix is not null)
        {
            _cited.Add((appendix, m.Map["appendix"]!));
        }

        var groups = m.Items("groups", g =>
        {
            var group = g.Int("group");
            var positions = g.Items("positions", p =>
            {
                var category = p.String("category");
                var qualifier = p.String("qualifier", required: false);
                if (qualifier is not null && !Vocabulary.Qualifiers.Contains(qualifier))
                {
                    _problems.Add(p.Map["qualifier"]!, $"unknown qualifier '{qualifier}' (unit-head, deputy-director, division-head)");
                }

                return category is null ? null : new Position(category, qualifier);
            });
            return group is null ? null : new IndicatorGroup(group.Value, positions);
        });
        var groupsWhere = m.Map["groups"] ?? m.Map;
        foreach (var dup in groups.GroupBy(g => g.Group).Where(g => g.Count() > 1))
        {
            _problems.Add(groupsWhere, $"duplicate group {dup.Key}");
        }

        foreach (var dup in groups.SelectMany(g => g.Positions).GroupBy(p => p).Where(g => g.Count() > 1))
        {
            _problems.Add(groupsWhere, $"position {dup.Key.Category}{(dup.Key.Qualifier is null ? "" : " (" + dup.Key.Qualifier + ")")} is in more than one group");
        }

        var competencies = versions.Select(v => v.Rules.Competencies).FirstOrDefault(c => c is not null);
        var level = versions.Select(v => v.Rules.CompetencyLevel).FirstOrDefault(c => c is not null);
        var cells = new List<IndicatorCell>();
        var list = m.List("competencies");
        m.Done();
        if (list is not null)
        {
            foreach (var item in list.Items)
            {
                var c = MapReader.Of(item, _problems, "a competency of indicators.yaml");
                if (c is null)
                {
                    continue;
                }

                var id = c.String("id");
                if (id is not null && competencies is not null && competencies.Find(id) is null)
                {
                    _problems.Add(c.Map["id"]!, $"unknown competency '{id}' (not in the pack's competencies)");
                }

                var cellList = c.List("cells");
                c.Done();
                foreach (var cellNode in cellList?.Items ?? [])
                {
                    var cell = MapReader.Of(cellNode, _problems, "a cell");
                    if (cell is null)
                    {
                        continue;
                    }

                    var group = cell.Int("group");
                    var effective = cell.Strings("effective");
                    var ineffective = cell.Strings("ineffective", required: false);
                    var repairs = cell.Strings("repairs", required: false);
                    cell.Done();
                    if (group is not null && groups.All(g => g.Group != group))
                    {
                        _problems.Add(cellNode, $"competency '{id}': group {group} is not defined in groups");
                    }

                    var max = level?.MaxIndicators ?? 10;
                    if (effective.Count > max)
                    {
                        _problems.Add(cellNode, $"competency '{id}' group {group}: {effective.Count} effective indicators, more than {max} (clause {level?.MaxIndicatorsClause ?? "26"})");
                    }

                    if (effective.Count == 0)
                    {
                        _problems.Add(cellNode, $"competency '{id}' group {group}: no effective indicators");
                    }

                    if (id is not null && group is not null)
                    {
                        cells.Add(new IndicatorCell(id, group.Value, effective, ineffective, repairs));
                    }
                }
            }
        }

        foreach (var dup in cells.GroupBy(c => (c.Competency, c.Group)).Where(g => g.Count() > 1))
        {
            _problems.Add((Node?)list ?? m.Map, $"competency '{dup.Key.Competency}' has group {dup.Key.Group} twice");
        }

        if (competencies is not null && list is not null)
        {
            foreach (var comp in competencies.Items)
            {
                foreach (var g in groups.Where(g => cells.All(c => c.Competency != comp.Id || c.Group != g.Group)))
                {
                    _problems.Add(list, $"competency '{comp.Id}' has no cell for group {g.Group.ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }

        return source is null || appendix is null ? null : new IndicatorTable(source, appendix, groups, cells);
    }
}
