using ECommerce.DevHost;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ECommerce.AppHost.Tests;

/// <summary>
/// Reads the resources of an Aspire AppHost's top-level Program.cs from its syntax: the verbs it knows
/// (Add*, WithReference, WaitFor, WithEnvironment, ...) are recorded, any other call passes its resource through.
/// </summary>
public static class AppHostProgramReader
{
    private static readonly Dictionary<string, ResourceKind> Servers = new()
    {
        ["AddPostgres"] = ResourceKind.Postgres,
        ["AddRedis"] = ResourceKind.Redis,
        ["AddRabbitMQ"] = ResourceKind.RabbitMQ,
    };

    private sealed record Builder;
    private sealed record Parameter(string Name, string? Value);

    public static IReadOnlyList<AppHostResource> Read(string source, IReadOnlyDictionary<string, string> parameters)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetCompilationUnitRoot();
        var errors = root.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0) throw new FormatException($"Program.cs does not parse: {errors[0]}");

        var reader = new Reader(parameters);
        foreach (var statement in root.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement))
        {
            switch (statement)
            {
                case LocalDeclarationStatementSyntax local:
                    foreach (var variable in local.Declaration.Variables.Where(v => v.Initializer is not null))
                        reader.Variables[variable.Identifier.Text] = reader.Evaluate(variable.Initializer!.Value);
                    break;
                case ExpressionStatementSyntax expression:
                    reader.Evaluate(expression.Expression);
                    break;
            }
        }
        return reader.Resources;
    }

    private sealed class Reader(IReadOnlyDictionary<string, string> parameters)
    {
        public Dictionary<string, object?> Variables { get; } = [];
        public List<AppHostResource> Resources { get; } = [];

        public object? Evaluate(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => Variables.GetValueOrDefault(identifier.Identifier.Text),
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax call } invocation =>
                Apply(Evaluate(call.Expression), call.Name, invocation.ArgumentList.Arguments),
            _ => null,
        };

        private object? Apply(object? target, SimpleNameSyntax method, SeparatedSyntaxList<ArgumentSyntax> args)
        {
            var verb = method.Identifier.Text;
            if (verb == "CreateBuilder") return new Builder();
            if (target is Builder)
            {
                if (Servers.TryGetValue(verb, out var kind)) return Add(new AppHostResource(Name(args, method), kind, null, null));
                if (verb == "AddProject" && method is GenericNameSyntax generic)
                    return Add(new AppHostResource(Name(args, method), ResourceKind.Project, null, generic.TypeArgumentList.Arguments[0].ToString()));
                if (verb == "AddParameter")
                {
                    var name = Name(args, method);
                    var literal = args.Skip(1).FirstOrDefault(a => a.NameColon is null && a.Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression });
                    return new Parameter(name, literal is null ? parameters.GetValueOrDefault(name) : Literal(literal.Expression));
                }
                return target;
            }
            if (target is Parameter) return target; // WithDescription(...) and the like
            if (target is not AppHostResource resource) return null; // Build(), Run(), or something this reader does not model

            resource.Calls.Add($"{verb}({string.Join(", ", args)})");
            switch (verb)
            {
                case "AddDatabase": return Add(new AppHostResource(Name(args, method), ResourceKind.Database, resource.Name, null));
                case "WithReference": AddOnce(resource.References, Dependency(args, method)); break;
                case "WaitFor": AddOnce(resource.WaitsFor, Dependency(args, method)); break;
                case "WithEnvironment" when args.Count == 2: resource.Environment[Name(args, method)] = Value(args[1].Expression); break;
                case "WithExternalHttpEndpoints": resource.ExternalHttpEndpoint = true; break;
                case "WithManagementPlugin": resource.ManagementPlugin = true; break;
                case "WithHttpHealthCheck": resource.HealthCheckPath = args.Count > 0 ? Literal(args[0].Expression) : "/"; break;
            }
            return resource;
        }

        private AppHostResource Add(AppHostResource resource)
        {
            Resources.Add(resource);
            return resource;
        }

        private string Dependency(SeparatedSyntaxList<ArgumentSyntax> args, SimpleNameSyntax method) =>
            args.Count > 0 && Evaluate(args[0].Expression) is AppHostResource dependency
                ? dependency.Name
                : throw Unreadable(method, "expects a resource declared earlier in the file");

        private string Value(ExpressionSyntax expression) => expression switch
        {
            // resource.GetEndpoint("http"): written as Aspire's manifest expression, as DevHost's topology records it.
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.Text: "GetEndpoint" } access } call
                when Evaluate(access.Expression) is AppHostResource owner && call.ArgumentList.Arguments.Count == 1 =>
                $"{{{owner.Name}.bindings.{Literal(call.ArgumentList.Arguments[0].Expression)}.url}}",
            _ => Evaluated(expression),
        };

        private string Evaluated(ExpressionSyntax expression) => Evaluate(expression) switch
        {
            Parameter { Value: { } value } => value,
            Parameter parameter => $"(parameter '{parameter.Name}' with no value in appsettings.json)",
            _ => Literal(expression),
        };

        private static string Name(SeparatedSyntaxList<ArgumentSyntax> args, SimpleNameSyntax method) =>
            args.Count > 0 && args[0].Expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } name
                ? Literal(name)
                : throw Unreadable(method, "needs a string literal as its first argument, so the name can be read");

        private static string Literal(ExpressionSyntax expression) =>
            expression is LiteralExpressionSyntax literal ? literal.Token.ValueText : expression.ToString();

        private static void AddOnce(List<string> list, string name)
        {
            if (!list.Contains(name)) list.Add(name);
        }

        private static FormatException Unreadable(SyntaxNode node, string problem) =>
            new($"Program.cs line {node.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: {node} {problem}.");
    }
}
