using Npgsql;
using Xunit;

namespace ECommerce.TestInfrastructure.HealthTests;

/// <summary>Readiness follows the service's own database: stopped under the running service, then started again.</summary>
public abstract class DatabaseHealthTests<TEntryPoint>(ServiceFixture<TEntryPoint> fixture) where TEntryPoint : class
{
    [Fact]
    public async Task Database_outage_makes_the_service_unhealthy_until_the_database_returns()
    {
        var (whileDown, afterReturn) = await fixture.OutageAsync(fixture.Postgres, fixture.Database!, "Unhealthy");

        Assert.Equal("Unhealthy", whileDown.GetProperty("status").GetString());
        Assert.StartsWith("Database unreachable",
            whileDown.GetProperty("checks").GetProperty(fixture.Database!).GetProperty("description").GetString());
        Assert.Equal("Healthy", afterReturn.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Schema_is_created_by_the_first_migration_and_recorded()
    {
        await fixture.Service.WaitForCheckAsync(fixture.Database!, "Healthy");

        await using var connection = new NpgsqlConnection(fixture.Postgres.GetConnectionString(fixture.Database!));
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT version, name FROM schema_migrations ORDER BY version", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((1, "initial"), (reader.GetInt32(0), reader.GetString(1)));
    }
}
