using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace ECommerce.EventStore.Tests;

public sealed class RegistrationTests(StoreDatabase database) : IClassFixture<StoreDatabase>
{
    [Fact]
    public async Task The_store_shares_the_services_data_source_when_it_points_at_the_same_database()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:events"] = database.ConnectionString;
        await using var shared = NpgsqlDataSource.Create(database.ConnectionString);
        builder.Services.AddSingleton(shared);
        builder.AddEventStore("events", TestEvents.Register);
        using var host = builder.Build();

        await host.Services.GetRequiredService<IEventStore>().AppendAsync("shared-1", ExpectedVersion.Any, [new AccountOpened("ada")]);

        Assert.Same(shared, host.Services.GetRequiredService<EventStoreDataSource>().Value);
    }

    [Fact]
    public void A_data_source_for_another_database_is_not_borrowed()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:events"] = database.ConnectionString;
        var other = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "somewhere_else" };
        using var otherSource = NpgsqlDataSource.Create(other.ConnectionString);
        builder.Services.AddSingleton(otherSource);
        builder.AddEventStore("events", TestEvents.Register);
        using var host = builder.Build();

        var store = host.Services.GetRequiredService<EventStoreDataSource>();

        Assert.True(store.Owned);
        Assert.Equal(new NpgsqlConnectionStringBuilder(database.ConnectionString).Database, new NpgsqlConnectionStringBuilder(store.Value.ConnectionString).Database);
    }

    [Fact]
    public void A_missing_connection_string_fails_at_registration_naming_the_key()
    {
        var builder = Host.CreateApplicationBuilder();

        var error = Assert.Throws<InvalidOperationException>(() => builder.AddEventStore("orderdb"));

        Assert.Contains("ConnectionStrings__orderdb", error.Message);
    }
}
