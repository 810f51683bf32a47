using ECommerce.TestInfrastructure;

namespace ECommerce.Identity.Tests;

/// <summary>Readiness follows the real dependencies: each is stopped and started again under the running service.</summary>
public sealed class HealthTests(HealthTests.Fixture fixture) : IClassFixture<HealthTests.Fixture>
{
    public sealed class Fixture() : ServiceFixture<Program>("identitydb", redis: false, broker: false);

    [Fact]
    public async Task Database_outage_makes_the_service_unhealthy_until_the_database_returns()
    {
        var (whileDown, afterReturn) = await fixture.OutageAsync(fixture.Postgres, fixture.Database!, "Unhealthy");

        Assert.Equal("Unhealthy", whileDown.GetProperty("status").GetString());
        Assert.StartsWith("Database unreachable", whileDown.GetProperty("checks").GetProperty(fixture.Database!).GetProperty("description").GetString());
        Assert.Equal("Healthy", afterReturn.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Schema_is_created_by_the_first_migration_and_recorded()
    {
        await fixture.Service.WaitForCheckAsync(fixture.Database!, "Healthy");

        await using var connection = new Npgsql.NpgsqlConnection(fixture.Postgres.GetConnectionString(fixture.Database!));
        await connection.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT version, name FROM schema_migrations ORDER BY version", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal((1, "initial"), (reader.GetInt32(0), reader.GetString(1)));
    }

}
