namespace ECommerce.AppHost.Tests;

/// <summary>
/// Container settings DevHost has no counterpart for (it runs local servers), so the pinning comparison cannot
/// cover them: they are checked on AppHost/Program.cs alone.
/// </summary>
public sealed class AppHostContainerTests
{
    private static AppHostResource Resource(string name) =>
        AppHostModel.Load(RepositoryRoot.AppHostDirectory).Resources.Single(r => r.Name == name);

    [Fact]
    public void PostgreSQL_keeps_its_data_in_a_volume_across_AppHost_runs()
    {
        var calls = Resource("postgres").Calls;

        Assert.Contains("WithDataVolume()", calls);
        Assert.Contains("WithLifetime(ContainerLifetime.Persistent)", calls);
    }

    [Fact]
    public void Redis_is_served_over_plain_TCP_so_its_connection_string_stays_in_the_contract()
    {
        // Aspire 13.1 enables TLS on Redis when a developer certificate exists (",ssl=true"); the RESP client speaks plain TCP.
        Assert.Contains("WithoutHttpsCertificate()", Resource("redis").Calls);
    }
}
