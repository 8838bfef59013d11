// The wire's code lists, kept equal to the server's and the .NET client's by WireCodesTests
// (HotlineErrorCode and HubErrorCodes, ChatRemovedReasons): a code added on one side fails that test.

/** The typed error of a refused hub call: the part before the colon of its HubException message. */
export const hubErrorCodes = [
  'kommune_not_found',
  'topic_not_found',
  'hotline_closed',
  'message_empty',
  'message_too_long',
  'message_invalid',
  'invalid_argument',
  'session_invalid',
  'chat_not_found',
  'chat_not_accessible',
  'chat_ended',
  'agent_unavailable',
  'agent_at_capacity',
  'not_authorized',
  'rate_limited',
  'agent_unknown',
  'transfer_to_self',
  'agent_has_chats',
  'chat_not_accepted',
  'case_not_found',
  'case_conflict',
  'meeting_time_taken',
  'service_unavailable',
  'internal_error',
] as const;

export type HubErrorCode = (typeof hubErrorCodes)[number];

/** Why a chat left an agent (`ChatRemoved.reason`); `ended` names who ended it in `endedBy`. */
export const chatRemovedReasons = ['transferred', 'returned_to_queue', 'reclaimed', 'ended'] as const;

export type ChatRemovedReason = (typeof chatRemovedReasons)[number];

/** Why a chat's status changed by itself (`ChatStateChanged.reason`), as `ChatStateReasons` in the .NET client. */
export const chatStateReasons = ['closing', 'held_over', 'citizen_gone', 'agent_away'] as const;

export type ChatStateReason = (typeof chatStateReasons)[number];
