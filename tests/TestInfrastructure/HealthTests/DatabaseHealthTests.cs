using Npgsql;
using Xunit;

namespace ECommerce.TestInfrastructure.HealthTests;

/// <summary>
/// Readiness follows the service's own database: stopped under the running service, then started again.
/// "PostgreSql" is Aspire.Npgsql's reachability check; "schema" is the service's own (migrations applied).
/// </summary>
public abstract class DatabaseHealthTests<TEntryPoint>(ServiceFixture<TEntryPoint> fixture) where TEntryPoint : class
{
    [Fact]
    public async Task Database_outage_makes_the_service_unhealthy_until_the_database_returns()
    {
        var (whileDown, afterReturn) = await fixture.OutageAsync(fixture.Postgres, "PostgreSql", "Unhealthy");

        Assert.Equal("Unhealthy", whileDown.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(
            whileDown.GetProperty("checks").GetProperty("PostgreSql").GetProperty("description").GetString()), "the check says why");
        Assert.Equal("Healthy", afterReturn.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Schema_is_created_by_the_first_migration_and_recorded()
    {
        await fixture.Service.WaitForCheckAsync("schema", "Healthy");

        await using var connection = new NpgsqlConnection(fixture.Postgres.GetConnectionString(fixture.Database!));
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT version, name FROM schema_migrations ORDER BY version", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((1, "initial"), (reader.GetInt32(0), reader.GetString(1)));
    }
}
