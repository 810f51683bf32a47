namespace ECommerce.Redis;

/// <summary>Direction of a sorted-set range (ascending scores, or descending as ZREVRANGE).</summary>
public enum Order
{
    Ascending,
    Descending,
}
