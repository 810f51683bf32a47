namespace ECommerce.Order.Api.Analytics;

public sealed record SalesBucket(DateTimeOffset Bucket, int Orders, decimal Revenue);
