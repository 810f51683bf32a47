using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ECommerce.Order.Tests.Integration;

[Collection(SagaCollection.Name)]
public sealed class CheckoutTests(SagaFixture fixture)
{
    private OrderClient NewCustomer(params Api.Checkout.CartLine[] cart)
    {
        var customer = new OrderClient(fixture, $"customer-{Guid.NewGuid():N}");
        fixture.Cart.Put(customer.UserId, cart.Length > 0 ? cart : [CartStub.Line("p-1", 9.50m, 2), CartStub.Line("p-2", 4.00m, 1)]);
        return customer;
    }

    [Fact]
    public async Task Checkout_accepts_the_cart_as_a_pending_order_at_its_location()
    {
        var customer = NewCustomer();

        using var response = await customer.CheckoutAsync(OrderClient.ValidBody, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = body.GetProperty("orderId").GetGuid();
        Assert.Equal("Pending", body.GetProperty("status").GetString());
        Assert.Equal($"/api/orders/{orderId}", response.Headers.Location?.ToString());
        var order = await customer.OrderAsync(orderId);
        Assert.Equal(23.00m, order.GetProperty("total").GetDecimal());
        Assert.Equal("EUR", order.GetProperty("currency").GetString());
        var items = order.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["p-1", "p-2"], items.Select(i => i.GetProperty("productId").GetString()));
        Assert.Equal(19.00m, items[0].GetProperty("lineTotal").GetDecimal());
    }

    [Fact]
    public async Task Same_idempotency_key_twice_answers_the_same_and_places_one_order()
    {
        var customer = NewCustomer();
        var key = Guid.NewGuid().ToString();

        using var first = await customer.CheckoutAsync(OrderClient.ValidBody, key);
        using var second = await customer.CheckoutAsync(OrderClient.ValidBody, key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var (_, mine) = await customer.GetAsync("/api/orders");
        Assert.Equal(1, mine.GetArrayLength());
    }

    [Fact]
    public async Task Concurrent_checkouts_with_one_key_place_one_order()
    {
        var customer = NewCustomer();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => customer.CheckoutAsync(OrderClient.ValidBody, key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        var (_, mine) = await customer.GetAsync("/api/orders");
        Assert.Equal(1, mine.GetArrayLength());
    }

    [Fact]
    public async Task Same_key_with_another_request_is_refused_with_422()
    {
        var customer = NewCustomer();
        var key = Guid.NewGuid().ToString();
        using var first = await customer.CheckoutAsync(OrderClient.ValidBody, key);

        using var reused = await customer.CheckoutAsync(OrderClient.Body("tok_declined"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Checkout_without_an_idempotency_key_is_a_400_problem()
    {
        using var response = await NewCustomer().CheckoutAsync(OrderClient.ValidBody, idempotencyKey: null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Checkout_of_an_empty_cart_is_a_400_problem_and_places_nothing()
    {
        var customer = new OrderClient(fixture, $"customer-{Guid.NewGuid():N}");

        using var response = await customer.CheckoutAsync(OrderClient.ValidBody, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Empty cart", await response.Content.ReadAsStringAsync());
        var (_, mine) = await customer.GetAsync("/api/orders");
        Assert.Equal(0, mine.GetArrayLength());
    }

    [Fact]
    public async Task Checkout_with_missing_address_and_card_lists_each_error()
    {
        var body = new { shippingAddress = new { name = "Ada", line1 = "", city = "London" }, payment = new { } };

        using var response = await NewCustomer().CheckoutAsync(body, Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["payment.cardToken", "shippingAddress.country", "shippingAddress.line1", "shippingAddress.postalCode"],
            errors.EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Checkout_with_a_malformed_body_is_a_400_problem()
    {
        var customer = NewCustomer();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders/checkout")
        {
            Content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await customer.Http().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Checkout_while_the_cart_service_is_down_is_a_503_problem()
    {
        var customer = NewCustomer();
        fixture.Cart.Down = true;
        try
        {
            using var response = await customer.CheckoutAsync(OrderClient.ValidBody, Guid.NewGuid().ToString());

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            fixture.Cart.Down = false;
        }
    }

    [Fact]
    public async Task Checkout_without_a_token_is_401()
    {
        using var response = await fixture.Service.CreateClient().PostAsJsonAsync("/api/orders/checkout", OrderClient.ValidBody);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
