using ECommerce.Postgres;
using ECommerce.ServiceDefaults.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ECommerce.Identity.Api.Users;

/// <summary>
/// Creates the administrator (<c>Identity:AdminEmail</c>, password <c>Identity:AdminPassword</c>) once the schema exists,
/// if no account has that email yet. An existing account is left as it is, password included.
/// </summary>
public sealed class AdminSeeder(
    UserStore users, IPasswordHasher<User> hasher, IOptions<AdminOptions> options, MigrationState migrations,
    TimeProvider time, ILogger<AdminSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var admin = options.Value;
        if (string.IsNullOrEmpty(admin.AdminPassword))
        {
            logger.LogWarning("Identity:AdminPassword is not configured: no administrator account is seeded");
            return;
        }
        await migrations.WhenCompleteAsync(time, stoppingToken);
        for (var delay = TimeSpan.FromMilliseconds(250); ; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks)))
        {
            try
            {
                await SeedAsync(admin, stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                logger.LogWarning("Could not seed the administrator, retrying in {Delay}: {Reason}", delay, ex.Message);
                await Task.Delay(delay, time, stoppingToken);
            }
        }
    }

    private async Task SeedAsync(AdminOptions admin, CancellationToken ct)
    {
        if (await users.ExistsAsync(admin.AdminEmail, ct)) return;
        var user = new User(Guid.CreateVersion7(), admin.AdminEmail, admin.AdminName, "", Roles.Admin, 0, null, time.GetUtcNow());
        user = user with { PasswordHash = hasher.HashPassword(user, admin.AdminPassword!) };
        if (await users.TryCreateAsync(user, ct)) logger.LogInformation("Administrator {Email} created", admin.AdminEmail);
    }
}
