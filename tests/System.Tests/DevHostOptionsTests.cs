using ECommerce.DevHost;

namespace ECommerce.System.Tests;

/// <summary>DevHost's command line, parsed without starting anything.</summary>
public sealed class DevHostOptionsTests
{
    [Fact]
    public void Env_settings_accumulate_per_project_and_keep_equals_signs_in_the_value()
    {
        var options = DevHostOptions.Parse(["--env", "order:Checkout__PaymentTimeout=00:00:03", "--env", "gateway:Key=a=b"]);

        Assert.Equal(
            [new SettingOverride("order", "Checkout__PaymentTimeout", "00:00:03"), new SettingOverride("gateway", "Key", "a=b")],
            options.Overrides);
    }

    [Theory]
    [InlineData("order")]
    [InlineData("order:KeyWithoutValue")]
    [InlineData(":Key=value")]
    [InlineData("order:=value")]
    public void A_malformed_env_setting_is_refused_with_the_expected_shape(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => DevHostOptions.Parse(["--env", text]));

        Assert.Contains("NAME:KEY=VALUE", error.Message);
    }
}
