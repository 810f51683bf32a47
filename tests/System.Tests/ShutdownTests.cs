namespace ECommerce.System.Tests;

/// <summary>Runs after every test of the shared system, once the system collection's fixture has stopped it.</summary>
[Collection(ShutdownCollection.Name)]
public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_the_AppHost_leaves_no_process_and_nothing_listening()
    {
        var stopped = SystemFixture.Stopped;
        Assert.True(stopped is not null, "The shared system never ran: run this test together with the system tests.");

        // The stop checks every pid the resources ever had (restarts included) and every port their endpoints used.
        var failure = await Record.ExceptionAsync(() => stopped);

        Assert.Null(failure);
    }
}
