using Npgsql;
using SharedHotline.Infrastructure.Persistence;

namespace SharedHotline.Infrastructure.Tests.Persistence;

public sealed class PostgresConnectionTuningTests
{
    [Fact]
    public void The_message_path_defaults_are_added_to_a_plain_connection_string()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionTuning.Apply("Host=db;Database=hotline;Username=hotline;Password=pw"));

        tuned.NoResetOnClose.Should().BeTrue();
        tuned.MaxAutoPrepare.Should().Be(32);
        tuned.Host.Should().Be("db");
        tuned.Password.Should().Be("pw");
    }

    [Fact]
    public void What_the_operator_set_is_kept()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionTuning.Apply("Host=db;No Reset On Close=false;Max Auto Prepare=0"));

        tuned.NoResetOnClose.Should().BeFalse();
        tuned.MaxAutoPrepare.Should().Be(0);
    }
}
