namespace ECommerce.Redis;

/// <summary>A member of a sorted set with its score.</summary>
public readonly record struct SortedSetEntry(string Element, double Score);
