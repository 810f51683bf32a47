namespace ECommerce.AppHost.Servers;

/// <summary>One database of a <see cref="LocalPostgresResource"/>, created when the server first answers.</summary>
public sealed class LocalPostgresDatabaseResource(string name, string databaseName, LocalPostgresResource parent)
    : Resource(name), IResourceWithParent<LocalPostgresResource>, IResourceWithConnectionString
{
    public string DatabaseName { get; } = databaseName;

    public LocalPostgresResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
