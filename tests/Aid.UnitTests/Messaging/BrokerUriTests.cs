using Aid.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace Aid.UnitTests.Messaging;

public sealed class BrokerUriTests
{
    private static IConfiguration Settings(string rabbitMq, string? passwordFile = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = rabbitMq,
            ["Bus:PasswordFile"] = passwordFile,
        })
        .Build();

    [Fact]
    public void The_password_comes_from_the_password_file_when_one_is_named()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "s3cret/+=\n");
            var uri = BusSetup.BrokerUri(Settings("amqp://security@rabbitmq:5672/aid", file));
            Assert.Equal("security:s3cret/+=", Uri.UnescapeDataString(uri.UserInfo));
            Assert.Equal("/aid", uri.AbsolutePath);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Without_a_password_file_the_connection_string_is_used_as_it_is() =>
        Assert.Equal("security:pw", BusSetup.BrokerUri(Settings("amqp://security:pw@rabbitmq:5672/aid")).UserInfo);
}
