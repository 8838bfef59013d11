namespace SharedHotline.Client.Contracts;

/// <summary>Where a waiting citizen stands: position 1 is next. The estimate is null when nobody is on duty.</summary>
public sealed record QueueStatus(Guid ChatId, int Position, int QueueLength, int? EstimatedWaitSeconds);
