using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace FitnessClients.Tests.Shared;

/// <summary>
/// Writes a package's public surface as sorted text, one member per line, so that a checked-in baseline
/// (src/&lt;Package&gt;/PublicAPI.txt) makes every API change visible in review. PublicApiAnalyzers and
/// PublicApiGenerator are not obtainable here, hence this small reflection walk.
/// </summary>
internal static class PublicApiListing
{
    /// <summary>Set this variable to 1 to rewrite the baselines instead of comparing with them.</summary>
    public const string UpdateVariable = "UPDATE_PUBLIC_API";

    public static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            lines.Add(DescribeType(type));
            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var members = type.GetMembers(flags)
                .Where(IsVisible)
                .Where(m => m is not MethodInfo { IsSpecialName: true } || m.Name.StartsWith("op_", StringComparison.Ordinal))
                .Where(m => !IsCompilerGenerated(m) && m.Name != "<Clone>$")
                .Select(m => "  " + DescribeMember(m))
                .Distinct()
                .OrderBy(s => s, StringComparer.Ordinal);
            lines.AddRange(members);
        }

        return string.Join('\n', lines) + "\n";
    }

    public static void AssertMatchesBaseline(Assembly assembly, string packageName)
    {
        var baselinePath = Path.Combine(FindRepositoryRoot(), "src", packageName, "PublicAPI.txt");
        var actual = Describe(assembly);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(baselinePath, actual);
            Assert.Pass($"Baseline rewritten: {baselinePath}");
        }

        Assert.That(File.Exists(baselinePath), Is.True, $"No baseline at {baselinePath}; run the tests once with {UpdateVariable}=1 and review the file.");
        var expected = File.ReadAllText(baselinePath).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n').ToHashSet(StringComparer.Ordinal);
        var actualLines = actual.Split('\n').ToHashSet(StringComparer.Ordinal);
        var report = new StringBuilder($"The public API of {packageName} differs from {baselinePath}. If the change is deliberate, run the tests with {UpdateVariable}=1 and commit the file.\n");
        foreach (var removed in expectedLines.Except(actualLines))
        {
            report.Append("- ").AppendLine(removed);
        }

        foreach (var added in actualLines.Except(expectedLines))
        {
            report.Append("+ ").AppendLine(added);
        }

        Assert.Fail(report.ToString());
    }

    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FitnessClients.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("FitnessClients.sln not found above " + AppContext.BaseDirectory);
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily),
        Type t => t.IsNestedPublic || t.IsNestedFamily,
        _ => false,
    };

    private static bool IsCompilerGenerated(MemberInfo member) =>
        member.IsDefined(typeof(CompilerGeneratedAttribute)) && member is not PropertyInfo && member is not MethodInfo { Name: "ToString" or "Equals" or "GetHashCode" or "Deconstruct" };

    private static string DescribeType(Type type)
    {
        var kind = type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsSubclassOf(typeof(Delegate)) ? "delegate" : "class";
        var modifiers = type switch
        {
            { IsInterface: true } or { IsValueType: true } => string.Empty,
            { IsAbstract: true, IsSealed: true } => "static ",
            { IsAbstract: true } => "abstract ",
            { IsSealed: true } => "sealed ",
            _ => string.Empty,
        };
        var bases = new List<string>();
        if (type.BaseType is { } b && b != typeof(object) && b != typeof(ValueType) && b != typeof(Enum) && b != typeof(MulticastDelegate))
        {
            bases.Add(Name(b));
        }

        bases.AddRange(type.GetInterfaces().Where(i => i.IsPublic || i.IsNestedPublic).Select(Name).OrderBy(n => n, StringComparer.Ordinal));
        return $"{modifiers}{kind} {Name(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : string.Empty);
    }

    private static string DescribeMember(MemberInfo member) => member switch
    {
        ConstructorInfo c => $"{Access(c)}ctor({Parameters(c)})",
        MethodInfo m => $"{Access(m)}{Modifiers(m)}{Name(m.ReturnType)} {m.Name}{Generic(m)}({Parameters(m)})",
        PropertyInfo p => $"{PropertyModifiers(p)}{Name(p.PropertyType)} {p.Name}{Indexer(p)} {{ {Accessors(p)}}}",
        FieldInfo f => $"{(f.IsLiteral ? "const " : f.IsStatic ? "static " : string.Empty)}{(f.IsInitOnly ? "readonly " : string.Empty)}{Name(f.FieldType)} {f.Name}",
        EventInfo e => $"event {Name(e.EventHandlerType!)} {e.Name}",
        Type t => $"nested {DescribeType(t)}",
        _ => member.ToString() ?? member.Name,
    };

    private static string Access(MethodBase m) => m.IsFamily ? "protected " : string.Empty;

    private static string Modifiers(MethodInfo m) =>
        m.IsStatic ? "static " : m.IsAbstract && !m.DeclaringType!.IsInterface ? "abstract " : m.IsVirtual && !m.IsFinal && !m.DeclaringType!.IsInterface ? (m.GetBaseDefinition() != m ? "override " : "virtual ") : string.Empty;

    private static string PropertyModifiers(PropertyInfo p) =>
        (p.GetMethod ?? p.SetMethod) is { } accessor ? Modifiers(accessor) : string.Empty;

    private static string Generic(MethodInfo m) => m.IsGenericMethodDefinition ? "<" + string.Join(", ", m.GetGenericArguments().Select(a => a.Name)) + ">" : string.Empty;

    private static string Indexer(PropertyInfo p) => p.GetIndexParameters() is { Length: > 0 } ps ? "[" + string.Join(", ", ps.Select(x => Name(x.ParameterType))) + "]" : string.Empty;

    private static string Accessors(PropertyInfo p)
    {
        var text = new StringBuilder();
        if (p.GetMethod is { } g && (g.IsPublic || g.IsFamily))
        {
            text.Append("get; ");
        }

        if (p.SetMethod is { } s && (s.IsPublic || s.IsFamily))
        {
            var isInit = s.ReturnParameter.GetRequiredCustomModifiers().Any(t => t.FullName == "System.Runtime.CompilerServices.IsExternalInit");
            text.Append(isInit ? "init; " : "set; ");
        }

        return text.ToString();
    }

    private static string Parameters(MethodBase method) => string.Join(", ", method.GetParameters().Select(p =>
        (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : string.Empty) + Name(p.ParameterType) + " " + p.Name + (p.HasDefaultValue ? " = " + (p.DefaultValue?.ToString() ?? "null") : string.Empty)));

    private static string Name(Type type)
    {
        if (type.IsByRef)
        {
            return Name(type.GetElementType()!);
        }

        if (type.IsArray)
        {
            return Name(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericParameter)
        {
            return type.Name;
        }

        var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
        if (type.IsGenericType)
        {
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            if (tick >= 0)
            {
                name = name[..tick];
            }

            name += "<" + string.Join(", ", type.GetGenericArguments().Select(Name)) + ">";
        }

        return name;
    }
}
