using System.Reflection;
using Bagalau.Application.Persistence;
using Bagalau.Domain.Decisions;
using Bagalau.Web.Setup;

namespace Bagalau.IntegrationTests.Architecture;

/// <summary>
/// The layers of ADR 0001 as the build leaves them: the web layer reaches the database only
/// through the application's services and read models (its start-up aside), and the domain
/// needs nothing but the framework.
/// </summary>
public sealed class LayerTests
{
    private const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>Name prefixes of the runtime's own assemblies: anything else is a package or a project.</summary>
    private static readonly string[] Framework = ["System", "Microsoft.Win32", "netstandard", "mscorlib"];

    [Fact]
    public void Web_DoesNotUseTheDbContext_OutsideItsStartup()
    {
        var types = Types(typeof(DatabaseSetup).Assembly).ToList();
        var startup = types.Where(IsStartup).SelectMany(Uses).ToList();
        var offenders = types
            .Where(t => !IsStartup(t))
            .SelectMany(t => Uses(t).Select(use => $"{t.FullName}: {use}"))
            .ToList();

        // The start-up migrates and seeds through the context: seeing it proves the check sees compiler-made types.
        Assert.NotEmpty(startup);
        Assert.True(offenders.Count == 0, "the web layer reaches the context (use an application service or read model):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Domain_ReferencesNothingButTheFramework()
    {
        var references = typeof(Refusal).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var others = references.Where(name => !Framework.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal))).ToList();

        Assert.Contains(references, name => name.StartsWith("System.", StringComparison.Ordinal));
        Assert.True(others.Count == 0, "the domain references " + string.Join(", ", others));
    }

    /// <summary>Every type of the assembly, nested and compiler-made ones included (closures, async state machines).</summary>
    private static IEnumerable<Type> Types(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }

    /// <summary>The start-up composition and the types the compiler made for it (its async method's state machine).</summary>
    private static bool IsStartup(Type type)
    {
        var outer = type;
        while (outer.DeclaringType is { } declaring)
        {
            outer = declaring;
        }

        return outer == typeof(DatabaseSetup);
    }

    /// <summary>
    /// Where a type takes or keeps the context: constructor and method parameters (minimal-API
    /// handlers take it there), fields of any visibility (captured primary-constructor parameters
    /// and an async method's locals are fields), properties, and the locals of its methods.
    /// </summary>
    private static IEnumerable<string> Uses(Type type)
    {
        foreach (var constructor in type.GetConstructors(Declared))
        {
            foreach (var parameter in constructor.GetParameters().Where(p => IsContext(p.ParameterType)))
            {
                yield return $"constructor parameter {parameter.Name}";
            }
        }

        foreach (var field in type.GetFields(Declared).Where(f => IsContext(f.FieldType)))
        {
            yield return $"field {field.Name}";
        }

        foreach (var property in type.GetProperties(Declared).Where(p => IsContext(p.PropertyType)))
        {
            yield return $"property {property.Name}";
        }

        foreach (var method in type.GetMethods(Declared))
        {
            foreach (var parameter in method.GetParameters().Where(p => IsContext(p.ParameterType)))
            {
                yield return $"parameter {parameter.Name} of {method.Name}";
            }

            if (method.GetMethodBody()?.LocalVariables.Any(l => IsContext(l.LocalType)) == true)
            {
                yield return $"a local of {method.Name}";
            }
        }
    }

    /// <summary>The context itself, or a type built on it (a factory, a Func, a list of them).</summary>
    private static bool IsContext(Type type) =>
        typeof(BagalauDbContext).IsAssignableFrom(type)
        || (type.HasElementType && IsContext(type.GetElementType()!))
        || (type.IsGenericType && type.GetGenericArguments().Any(IsContext));
}
