using System.Data;
using Dapper;

namespace ECommerce.Postgres;

/// <summary>
/// How Dapper maps what the services store: Npgsql reads <c>timestamptz</c> as a UTC <see cref="DateTime"/>, the
/// records hold <see cref="DateTimeOffset"/>. Columns are aliased to the records' parameter names in the SQL itself.
/// </summary>
public static class DapperConventions
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 1) return;
        SqlMapper.AddTypeHandler(new UtcDateTimeOffsetHandler());
    }

    private sealed class UtcDateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value;

        public override DateTimeOffset Parse(object value) => value switch
        {
            DateTimeOffset offset => offset,
            DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
            _ => throw new DataException($"Cannot read {value.GetType().Name} as a DateTimeOffset."),
        };
    }
}
