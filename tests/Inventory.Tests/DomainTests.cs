using ECommerce.Contracts;
using ECommerce.Inventory.Api.Reservations;
using ECommerce.Inventory.Api.Stock;

namespace ECommerce.Inventory.Tests;

/// <summary>The reservation rules with no database: all or nothing, one line per product, the state machine.</summary>
public sealed class DomainTests
{
    private static OrderLine Line(string productId, int quantity) => new(productId, productId, quantity, 1m);

    [Fact]
    public void Lines_for_the_same_product_are_combined_and_sorted_by_product_id()
    {
        var lines = ReservationDecision.Normalize([Line("b", 1), Line("a", 2), Line("b", 3)]);
        Assert.Equal([new ReservationLine("a", 2), new ReservationLine("b", 4)], lines);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_line_without_a_positive_quantity_is_rejected(int quantity) =>
        Assert.Throws<ArgumentException>(() => ReservationDecision.Normalize([Line("a", quantity)]));

    [Fact]
    public void An_order_without_lines_is_rejected() =>
        Assert.Throws<ArgumentException>(() => ReservationDecision.Normalize([]));

    [Fact]
    public void Every_short_product_is_named_and_nothing_is_reserved()
    {
        var stock = new Dictionary<string, StockLevel>
        {
            ["a"] = new("a", 5, 0),
            ["b"] = new("b", 5, 4),
            ["c"] = new("c", 2, 0),
        };
        var verdict = ReservationDecision.Decide(ReservationDecision.Normalize([Line("a", 5), Line("b", 2), Line("c", 3)]), stock);
        Assert.False(verdict.CanReserve);
        Assert.Equal(["b", "c"], verdict.ShortProductIds);
    }

    [Fact]
    public void Exactly_the_available_units_can_be_reserved()
    {
        var stock = new Dictionary<string, StockLevel> { ["a"] = new("a", 3, 1) };
        Assert.True(ReservationDecision.Decide([new ReservationLine("a", 2)], stock).CanReserve);
        Assert.False(ReservationDecision.Decide([new ReservationLine("a", 3)], stock).CanReserve);
    }

    [Fact]
    public void A_product_without_a_stock_row_is_short() =>
        Assert.Equal(["x"], ReservationDecision.Decide([new ReservationLine("x", 1)], new Dictionary<string, StockLevel>()).ShortProductIds);

    [Theory]
    [InlineData(null, ReservationStep.Tombstone)]
    [InlineData(ReservationStatus.Reserved, ReservationStep.Apply)]
    [InlineData(ReservationStatus.Released, ReservationStep.AlreadyDone)]
    [InlineData(ReservationStatus.Failed, ReservationStep.AlreadyDone)]
    [InlineData(ReservationStatus.Committed, ReservationStep.Refused)]
    public void Release_follows_the_state_machine(ReservationStatus? current, ReservationStep expected) =>
        Assert.Equal(expected, ReservationTransitions.Release(current));

    [Theory]
    [InlineData(null, ReservationStep.Refused)]
    [InlineData(ReservationStatus.Reserved, ReservationStep.Apply)]
    [InlineData(ReservationStatus.Committed, ReservationStep.AlreadyDone)]
    [InlineData(ReservationStatus.Released, ReservationStep.Refused)]
    [InlineData(ReservationStatus.Failed, ReservationStep.Refused)]
    public void Commit_follows_the_state_machine(ReservationStatus? current, ReservationStep expected) =>
        Assert.Equal(expected, ReservationTransitions.Commit(current));
}
