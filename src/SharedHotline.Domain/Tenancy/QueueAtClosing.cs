namespace SharedHotline.Domain.Tenancy;

/// <summary>What becomes of a kommune's citizens still waiting in the chat queue when the hotline closes.</summary>
public enum QueueAtClosing
{
    /// <summary>Their chats end; each is told the hotline has closed, when it opens again, and offered a telefonmøde or a message.</summary>
    End,

    /// <summary>Their chats wait through the closed hours and are answered first when it opens again; each is told so.</summary>
    WaitForOpening,
}
