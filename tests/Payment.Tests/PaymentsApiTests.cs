using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ECommerce.Contracts;

namespace ECommerce.Payment.Tests;

[Collection(PaymentCollection.Name)]
public sealed class PaymentsApiTests(PaymentFixture fixture)
{
    private HttpClient Client(string? role)
    {
        var http = fixture.Service.CreateClient();
        if (role is not null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Identity.Token(role));
        return http;
    }

    [Fact]
    public async Task An_admin_lists_an_orders_payment()
    {
        var command = Charges.For("tok_visa");
        var authorized = Assert.IsType<PaymentAuthorized>(
            await fixture.InTransactionAsync(tx => fixture.Workflow.ChargeAsync(command, tx, default)));

        using var http = Client("admin");
        var payments = await http.GetFromJsonAsync<JsonElement>($"/api/payments?orderId={command.OrderId}");

        var payment = Assert.Single(payments.EnumerateArray());
        Assert.Equal(authorized.PaymentId, payment.GetProperty("paymentId").GetGuid());
        Assert.Equal(command.OrderId, payment.GetProperty("orderId").GetGuid());
        Assert.Equal(42.50m, payment.GetProperty("amount").GetDecimal());
        Assert.Equal("USD", payment.GetProperty("currency").GetString());
        Assert.Equal("Authorized", payment.GetProperty("status").GetString());
        Assert.True(payment.TryGetProperty("createdAt", out _));

        var all = await http.GetFromJsonAsync<JsonElement>("/api/payments");
        Assert.Contains(all.EnumerateArray(), p => p.GetProperty("orderId").GetGuid() == command.OrderId);
    }

    [Fact]
    public async Task An_order_without_a_payment_lists_nothing()
    {
        using var http = Client("admin");
        var payments = await http.GetFromJsonAsync<JsonElement>($"/api/payments?orderId={Guid.NewGuid()}");
        Assert.Equal(0, payments.GetArrayLength());
    }

    [Fact]
    public async Task Listing_payments_needs_a_token_and_the_admin_role()
    {
        using var anonymous = Client(null);
        var response = await anonymous.GetAsync("/api/payments");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");

        using var customer = Client("customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/api/payments")).StatusCode);
    }

    [Fact]
    public async Task An_order_id_that_is_not_a_guid_is_a_validation_problem()
    {
        using var http = Client("admin");
        var response = await http.GetAsync("/api/payments?orderId=nope");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("orderId", out _));
    }
}
