namespace ECommerce.Redis;

/// <summary>Condition of a SET (NX / XX).</summary>
public enum When
{
    Always,

    /// <summary>Only when the key does not exist yet (NX).</summary>
    NotExists,

    /// <summary>Only when the key exists already (XX).</summary>
    Exists,
}
