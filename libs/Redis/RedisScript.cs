using System.Security.Cryptography;
using System.Text;

namespace ECommerce.Redis;

/// <summary>
/// A Lua script prepared once (StackExchange.Redis's LuaScript): its SHA1 is computed locally so calls send
/// EVALSHA with the hash only; a server that does not know it (restarted, SCRIPT FLUSH) answers NOSCRIPT and the
/// call is repeated once with EVAL, which also caches it there again.
/// </summary>
public sealed class RedisScript
{
    public RedisScript(string source)
    {
        Source = source;
        Sha1 = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(source)));
    }

    public string Source { get; }

    /// <summary>The hash Redis knows the script by (what SCRIPT LOAD would return).</summary>
    public string Sha1 { get; }
}
