using Npgsql;

namespace SharedHotline.Infrastructure.Persistence;

/// <summary>
/// Defaults for the PostgreSQL connection string that the message path needs, unless the operator set them:
/// every hub call borrows a pooled connection for a lookup and an insert, and by default Npgsql sends
/// <c>DISCARD ALL</c> each time a connection goes back to the pool (the hotline keeps no session state on a
/// connection) and plans every statement anew. <c>Max Auto Prepare</c> lets the server keep the plans of the
/// statements run on every message.
/// </summary>
public static class PostgresConnectionTuning
{
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "No Reset On Close", "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Mentions(connectionString, "Max Auto Prepare", "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 32;
        }

        return builder.ConnectionString;
    }

    private static bool Mentions(string connectionString, params string[] keys) =>
        connectionString.Split(';').Select(part => part.Split('=')[0].Trim())
            .Any(key => keys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)));
}
