namespace ECommerce.Product.Api.Catalog;

/// <summary>The paging shape of every list in API.md.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);
