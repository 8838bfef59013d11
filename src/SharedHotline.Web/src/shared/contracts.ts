import type { ChatStateReason } from './codes';
// The wire contracts of docs/protocol.md and the HTTP API, as the JSON the server sends (enums as strings).
import type { ChatRemovedReason } from './codes';

export type ChatStatus = 'Queued' | 'Assigned' | 'Active' | 'Ended' | 'Abandoned';
export type Sender = 'Citizen' | 'Agent' | 'System';
export type Presence = 'Offline' | 'Away' | 'Available';
export type OpeningMode = 'Closed' | 'Own' | 'Shared';

export interface ChatMessage {
  messageId: string;
  chatId: string;
  seq: number;
  clientMessageId: string;
  sender: Sender;
  senderName: string | null;
  text: string;
  sentAt: string;
  /** The text looks like it holds a CPR number: the console warns the agent (docs/protocol.md). */
  containsCpr: boolean;
}

export interface MessageAck {
  messageId: string;
  chatId: string;
  seq: number;
  clientMessageId: string;
  sentAt: string;
  duplicate: boolean;
}

export interface QueueStatus {
  chatId: string;
  position: number;
  queueLength: number;
  estimatedWaitSeconds: number | null;
}

export interface CitizenChat {
  chatId: string;
  reference: string;
  sessionToken: string;
  kommune: string;
  topic: string;
  status: ChatStatus;
  agentName: string | null;
  queue: QueueStatus | null;
  messages: ChatMessage[];
}

export interface OpeningInfo {
  start: string;
  end: string;
  mode: OpeningMode;
  responsibleKommune: KommuneRef;
  text: string;
}

export interface StartChatResult {
  chat: CitizenChat | null;
  nextOpening: OpeningInfo | null;
  /** True when the hotline was closed and no chat started (then nextOpening says when it opens). */
  isClosed: boolean;
}

export interface ChatStateChanged {
  chatId: string;
  status: ChatStatus;
  agentName: string | null;
  at: string;
  /** Set when the change needs explaining: the hotline closed, the citizen was gone too long, the agent's console dropped. */
  reason?: ChatStateReason | null;
}

/** A followed case changed (citizen hub `CaseChanged`): fetch its status again. */
export interface CaseChanged {
  reference: string;
  state: CaseStatus['state'];
}

/** The agent's kommune's tasks changed (agent hub `TasksChanged`): fetch the task list again. */
export interface TasksChanged {
  reference: string;
}

export interface TypingSignal {
  chatId: string;
  sender: Sender;
  isTyping: boolean;
}

export interface KommuneRef {
  slug: string;
  name: string;
  /** "Sorø Kommune", "Københavns Kommune". */
  officialName?: string | null;
}

/** How a page names a kommune: its official name, with its genitive where it has one. */
export function officialName(kommune: { name: string; officialName?: string | null }): string {
  return kommune.officialName ?? `${kommune.name} Kommune`;
}

export interface Topic {
  code: string;
  name: string;
  nameEn: string;
}

export interface HotlineStatus {
  kommune: KommuneRef;
  open: boolean;
  mode: OpeningMode;
  responsibleKommune: KommuneRef | null;
  queueLength: number;
  estimatedWaitSeconds: number | null;
  nextOpening: OpeningInfo | null;
  topics: Topic[];
  /** Who is there to answer now: free (answered at once), busy (all full: see the estimate), unstaffed (open, nobody signed in yet), closed. */
  staffing: 'free' | 'busy' | 'unstaffed' | 'closed';
  /** In own hours, when the partnership's rostered staff answer too: who is on duty and after how long a wait (0: when all own staff are busy). */
  sharedFallback: { responsibleKommune: KommuneRef; afterSeconds: number } | null;
  /** When closed for a holiday or a closed day: its Danish name ("Juleaften"), else null. */
  closedFor: string | null;
}

export interface KommuneSummary {
  slug: string;
  name: string;
  kommunekode: number;
  colour: string;
  officialName: string;
}

export interface CallbackReceipt {
  reference: string;
  kommune: string;
  topic: string;
  receivedAt: string;
  text: string;
}

/** A telefonmøde topic a kommune books (`GET /api/kommuner/{k}/meetings`). */
export interface MeetingTopic {
  code: string;
  name: string;
  nameEn: string;
  minutes: number;
}

export interface FreeTime {
  start: string;
  end: string;
}

/** The answer to `POST /api/kommuner/{k}/cases`: reference, private status link and, for a meeting, its calendar file. */
export interface CaseReceipt {
  reference: string;
  kommune: string;
  topic: string;
  receivedAt: string;
  start: string | null;
  statusUrl: string;
  calendarUrl: string | null;
  text: string;
}

export interface CaseStep {
  at: string;
  step: 'received' | 'taken' | 'reached' | 'not-reached' | 'moved' | 'closed' | 'cancelled';
  meetingStart: string | null;
}

/** A case as its citizen follows it (`GET /api/kommuner/{k}/cases/{reference}?t=`). */
export interface CaseStatus {
  reference: string;
  kommune: string;
  kommuneName: string;
  kind: 'meeting' | 'message';
  topic: string;
  topicName: string;
  state: 'received' | 'assigned' | 'reached' | 'not-reached' | 'closed' | 'cancelled';
  start: string | null;
  minutes: number;
  changeable: boolean;
  steps: CaseStep[];
}

export interface CannedAnswer {
  title: string;
  text: string;
}

export interface Link {
  title: string;
  url: string;
}

export interface AgentChat {
  chatId: string;
  reference: string;
  kommune: string;
  kommuneName: string;
  topic: string;
  citizenName: string | null;
  status: ChatStatus;
  createdAt: string;
  messages: ChatMessage[];
  cannedAnswers: CannedAnswer[];
  selfServiceLinks: Link[];
  /** The page of the kommune's website whose invitation the citizen accepted. */
  invitedFrom: InvitedFrom | null;
}

export interface InvitedFrom {
  url: string;
  title: string | null;
}

/** Sent with StartChat when the citizen accepted an invitation. */
export interface InvitationContext {
  invitationId: string;
  pageUrl: string;
  pageTitle: string | null;
}

/** When the widget may ask whether to invite (GET /api/kommuner/{k}/invitations/rules). */
export interface InvitationRulesView {
  enabled: boolean;
  pages: InvitationPageRule[];
  onFailedStep: boolean;
}

export interface InvitationPageRule {
  pattern: string;
  delaySeconds: number;
}

/** The server's answer to "invite now?": an invitation holding a place for a while, or why not. */
export interface InvitationAnswer {
  invite: boolean;
  reason: string | null;
  invitationId: string | null;
  text: string | null;
  topic: string | null;
  expiresInSeconds: number;
}

export interface AgentSession {
  agentId: string;
  displayName: string;
  homeKommune: string;
  presence: Presence;
  capacity: number;
  servingKommuner: string[];
  chats: AgentChat[];
}

export interface ChatRemoved {
  chatId: string;
  reason: ChatRemovedReason;
  /** Who ended it (`citizen`, `agent`, `admin`, ...) when `reason` is `ended`. */
  endedBy: string | null;
}

export interface QueuedChatSummary {
  chatId: string;
  kommune: string;
  topic: string;
  queuedAt: string;
}

export interface QueueOverview {
  waiting: number;
  longestWaitSeconds: number | null;
  chats: QueuedChatSummary[];
}

export interface ChatNote {
  noteId: string;
  chatId: string;
  agentId: string;
  authorName: string;
  text: string;
  createdAt: string;
}

/** A colleague a chat may be handed to now (GetTransferTargets). */
export interface TransferTarget {
  agentId: string;
  name: string;
  homeKommune: string;
  onSlot: boolean;
  canTakeChat: boolean;
}

/** A stored chat as staff read it (GET /api/chats/{id}/transcript, /api/transcripts/by-reference/{reference}). */
export interface TranscriptView {
  chatId: string;
  reference: string;
  kommune: string;
  topic: string;
  citizenName: string | null;
  status: ChatStatus;
  createdAt: string;
  endedAt: string | null;
  containsCpr: boolean;
  messages: ChatMessage[];
}

export interface StaffMe {
  id: string;
  displayName: string;
  userName: string;
  kommune: string;
  roles: string[];
  coordinatorOf: string[];
}

export interface RotaKommune {
  kode: number;
  slug: string;
  name: string;
}

export interface RotaAgent {
  id: string;
  name: string;
}

export interface ShiftView {
  partnershipId: string;
  partnershipName: string;
  date: string;
  start: string;
  end: string;
  responsible: RotaKommune;
  agents: RotaAgent[];
  notes: string[];
}

/** The `Reconnect` event: this node is going away; close and connect again through the load balancer, then resume. */
export interface ReconnectAdvice {
  /** Why: `draining` (the node drains before it stops). */
  reason: string;
}
