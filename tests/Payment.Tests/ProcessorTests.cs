using System.Net;
using System.Net.Http.Json;
using ECommerce.Payment.Api.Processor;

namespace ECommerce.Payment.Tests;

/// <summary>The simulated processor at its HTTP boundary, as the payment service's client calls it.</summary>
[Collection(PaymentCollection.Name)]
public sealed class ProcessorTests(PaymentFixture fixture)
{
    [Fact]
    public async Task The_same_idempotency_key_gets_the_same_charge_not_a_second_one()
    {
        using var http = fixture.Service.CreateClient();
        var key = Guid.NewGuid();
        var request = new ChargeRequest(10m, "USD", TestCards.Visa);

        var first = await (await http.PutAsJsonAsync($"/processor/charges/{key}", request)).Content.ReadFromJsonAsync<ChargeResponse>();
        var second = await (await http.PutAsJsonAsync($"/processor/charges/{key}", request)).Content.ReadFromJsonAsync<ChargeResponse>();

        Assert.Equal(first, second);
        Assert.Equal(2, await fixture.ProcessorCallsAsync(key));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM processor.charges WHERE idempotency_key = $1", key.ToString()));
    }

    [Fact]
    public async Task The_error_card_answers_503_and_a_decline_answers_402_with_its_code()
    {
        using var http = fixture.Service.CreateClient();

        var error = await http.PutAsJsonAsync($"/processor/charges/{Guid.NewGuid()}", new ChargeRequest(10m, "USD", TestCards.Error));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);

        var declined = await http.PutAsJsonAsync($"/processor/charges/{Guid.NewGuid()}", new ChargeRequest(10m, "USD", TestCards.Declined));
        Assert.Equal(HttpStatusCode.PaymentRequired, declined.StatusCode);
        Assert.Equal("card_declined", (await declined.Content.ReadFromJsonAsync<DeclineResponse>())!.Code);
    }

    [Fact]
    public async Task Refunding_a_charge_the_processor_never_made_is_404()
    {
        using var http = fixture.Service.CreateClient();
        var response = await http.PutAsync($"/processor/charges/{Guid.NewGuid()}/refund", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
