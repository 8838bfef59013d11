namespace SharedHotline.Client.Contracts;

/// <summary>
/// A case the connection follows changed (taken, call recorded, moved, closed, cancelled): fetch its status again.
/// The signal carries only the reference and the new state, never the phone number or note.
/// </summary>
public sealed record CaseChanged(string Reference, string State);

/// <summary>The open telefonmøder and messages of the agent's kommune changed: fetch the task list again.</summary>
public sealed record TasksChanged(string Reference);
