namespace ECommerce.DevHost;

/// <summary>What a topology resource is; decides how DevHost runs it and what a reference to it passes.</summary>
public enum ResourceKind
{
    Postgres,
    Database,
    Redis,
    RabbitMQ,
    Project,
}
