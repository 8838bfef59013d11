namespace SharedHotline.Client.Contracts;

public enum ChatStatus
{
    Queued,
    Assigned,
    Active,
    Ended,
    Abandoned,
}

public enum Sender
{
    Citizen,
    Agent,
    System,
}

public enum Presence
{
    Offline,
    Away,
    Available,
}

public enum OpeningModeDto
{
    Closed,
    Own,
    Shared,
}
