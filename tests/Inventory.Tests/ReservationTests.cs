using ECommerce.Contracts;
using ECommerce.Inventory.Api.Reservations;

namespace ECommerce.Inventory.Tests;

/// <summary>The reservation store in real transactions, as the message handlers call it.</summary>
[Collection(InventoryCollection.Name)]
public sealed class ReservationTests(InventoryFixture fixture)
{
    private readonly StockClient _stock = new(fixture);

    private Task<object?> ReserveAsync(ReserveStock command) =>
        fixture.InTransactionAsync(tx => fixture.Reservations.ReserveAsync(command, tx, default));

    private Task<ReservationStep> ReleaseAsync(Guid orderId) =>
        fixture.InTransactionAsync(tx => fixture.Reservations.ReleaseAsync(orderId, tx, default));

    private Task<ReservationStep> CommitAsync(Guid orderId) =>
        fixture.InTransactionAsync(tx => fixture.Reservations.CommitAsync(orderId, tx, default));

    private async Task<(int OnHand, int Reserved)> LevelAsync(string productId)
    {
        var stock = await _stock.GetAsync(productId);
        return (stock.GetProperty("onHand").GetInt32(), stock.GetProperty("reserved").GetInt32());
    }

    [Fact]
    public async Task Three_units_and_twelve_concurrent_reservations_reserve_exactly_three()
    {
        var productId = StockClient.NewProductId();
        await _stock.SetOnHandAsync(productId, 3);

        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            Task.Run(() => ReserveAsync(Commands.Reserve(Guid.NewGuid(), (productId, 1))))));

        Assert.Equal(3, replies.OfType<StockReserved>().Count());
        Assert.All(replies.OfType<StockReservationFailed>(), f => Assert.Equal([productId], f.ShortProductIds));
        Assert.Equal(9, replies.OfType<StockReservationFailed>().Count());
        Assert.Equal((3, 3), await LevelAsync(productId));
    }

    [Fact]
    public async Task Concurrent_multi_line_reservations_in_opposite_orders_neither_deadlock_nor_oversell()
    {
        var a = StockClient.NewProductId();
        var b = StockClient.NewProductId();
        await _stock.SetOnHandAsync(a, 5);
        await _stock.SetOnHandAsync(b, 5);

        var replies = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => ReserveAsync(
            i % 2 == 0 ? Commands.Reserve(Guid.NewGuid(), (a, 1), (b, 1)) : Commands.Reserve(Guid.NewGuid(), (b, 1), (a, 1))))));

        Assert.Equal(5, replies.OfType<StockReserved>().Count());
        Assert.Equal((5, 5), await LevelAsync(a));
        Assert.Equal((5, 5), await LevelAsync(b));
    }

    [Fact]
    public async Task A_short_line_reserves_nothing_and_names_the_short_product()
    {
        var plenty = StockClient.NewProductId();
        var scarce = StockClient.NewProductId();
        await _stock.SetOnHandAsync(plenty, 10);
        await _stock.SetOnHandAsync(scarce, 1);

        var reply = await ReserveAsync(Commands.Reserve(Guid.NewGuid(), (plenty, 2), (scarce, 2)));

        var failed = Assert.IsType<StockReservationFailed>(reply);
        Assert.Equal([scarce], failed.ShortProductIds);
        Assert.Equal((10, 0), await LevelAsync(plenty));
        Assert.Equal((1, 0), await LevelAsync(scarce));
    }

    [Fact]
    public async Task A_duplicate_reserve_has_one_effect_and_the_same_answer()
    {
        var productId = StockClient.NewProductId();
        var command = Commands.Reserve(Guid.NewGuid(), (productId, 2));

        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ReserveAsync(command))));
        var again = await ReserveAsync(command);

        var first = Assert.IsType<StockReserved>(replies[0]);
        Assert.Equal(command.ExpiresAt, first.ExpiresAt, TimeSpan.FromMilliseconds(1));
        Assert.All(replies.Append(again), r => Assert.Equal(first, r));
        Assert.Equal((100, 2), await LevelAsync(productId));
    }

    [Fact]
    public async Task A_duplicate_of_a_failed_reserve_fails_the_same_way_even_after_restock()
    {
        var productId = StockClient.NewProductId();
        await _stock.SetOnHandAsync(productId, 1);
        var command = Commands.Reserve(Guid.NewGuid(), (productId, 2));
        Assert.IsType<StockReservationFailed>(await ReserveAsync(command));

        await _stock.SetOnHandAsync(productId, 5);
        var again = Assert.IsType<StockReservationFailed>(await ReserveAsync(command));
        Assert.Equal([productId], again.ShortProductIds);
        Assert.Equal((5, 0), await LevelAsync(productId));
    }

    [Fact]
    public async Task Release_gives_the_units_back_once()
    {
        var productId = StockClient.NewProductId();
        var orderId = Guid.NewGuid();
        await ReserveAsync(Commands.Reserve(orderId, (productId, 3)));

        Assert.Equal(ReservationStep.Apply, await ReleaseAsync(orderId));
        Assert.Equal(ReservationStep.AlreadyDone, await ReleaseAsync(orderId));
        Assert.Equal((100, 0), await LevelAsync(productId));
        Assert.Equal(ReservationStep.Refused, await CommitAsync(orderId));
        Assert.Equal((100, 0), await LevelAsync(productId));
    }

    [Fact]
    public async Task Commit_takes_the_units_off_on_hand_once_and_cannot_be_released()
    {
        var productId = StockClient.NewProductId();
        var orderId = Guid.NewGuid();
        await ReserveAsync(Commands.Reserve(orderId, (productId, 3)));

        Assert.Equal(ReservationStep.Apply, await CommitAsync(orderId));
        Assert.Equal(ReservationStep.AlreadyDone, await CommitAsync(orderId));
        Assert.Equal(ReservationStep.Refused, await ReleaseAsync(orderId));
        Assert.Equal((97, 0), await LevelAsync(productId));
        Assert.Equal("Committed", await fixture.ScalarAsync<string>("SELECT status FROM reservations WHERE order_id = $1", orderId));
    }

    [Fact]
    public async Task A_release_before_the_reserve_makes_the_late_reserve_hold_nothing()
    {
        var productId = StockClient.NewProductId();
        var orderId = Guid.NewGuid();

        Assert.Equal(ReservationStep.Tombstone, await ReleaseAsync(orderId));
        Assert.Null(await ReserveAsync(Commands.Reserve(orderId, (productId, 1))));
        Assert.Equal((100, 0), await LevelAsync(productId));
    }

    [Fact]
    public async Task An_expired_reservation_is_released_by_the_sweeper()
    {
        var productId = StockClient.NewProductId();
        var orderId = Guid.NewGuid();
        await ReserveAsync(Commands.Reserve(orderId, DateTimeOffset.UtcNow.AddMilliseconds(300), (productId, 4)));

        await Eventually.UntilAsync(() => fixture.ScalarAsync<string>("SELECT status FROM reservations WHERE order_id = $1", orderId),
            s => s == "Released", "the sweeper to release the reservation");
        Assert.Equal((100, 0), await LevelAsync(productId));
    }
}
