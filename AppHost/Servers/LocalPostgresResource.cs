namespace ECommerce.AppHost.Servers;

/// <summary>
/// PostgreSQL 15 from the Debian binaries, its cluster under the state folder. PostgreSQL refuses to run as root, so
/// as root the command is <c>setpriv</c> dropping to the postgres user.
/// </summary>
public sealed class LocalPostgresResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    public const string UserName = "postgres";

    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");
}
