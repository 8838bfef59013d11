namespace SharedHotline.Domain.Routing;

/// <summary>
/// The live state (<see cref="ILiveState"/>) could not be reached or did not answer in time. The call may have been
/// carried out halfway or not at all; the store's own exception is the inner exception.
/// </summary>
public sealed class LiveStateUnavailableException : Exception
{
    public LiveStateUnavailableException()
        : base("The live state is unreachable.")
    {
    }

    public LiveStateUnavailableException(string message)
        : base(message)
    {
    }

    public LiveStateUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
