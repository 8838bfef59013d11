import { HubConnectionState } from '@microsoft/signalr';
import type { AgentChat, AgentSession, ChatMessage, ChatNote, ChatRemoved, MessageAck, Presence, QueueOverview, TasksChanged, TransferTarget, TypingSignal } from '../shared/contracts';
import { createHub, startHub } from '../shared/hub';

/** The agent's line to the server: the agent hub (docs/protocol.md) over the sign-in cookie, reconnecting by itself. */
export class AgentLine {
  private readonly connection = createHub(document.body.dataset.agentHub ?? '/hubs/agent');

  onOffered: (chat: AgentChat) => void = () => {};
  onRemoved: (removed: ChatRemoved) => void = () => {};
  onMessage: (message: ChatMessage) => void = () => {};
  onTyping: (signal: TypingSignal) => void = () => {};
  onQueue: (queue: QueueOverview) => void = () => {};
  onTasks: (change: TasksChanged) => void = () => {};
  onResync: () => void = () => {};
  onLine: (state: 'reconnecting' | 'connected') => void = () => {};

  constructor() {
    this.connection.on('ChatOffered', (c: AgentChat) => this.onOffered(c));
    this.connection.on('ChatRemoved', (r: ChatRemoved) => this.onRemoved(r));
    this.connection.on('MessageReceived', (m: ChatMessage) => this.onMessage(m));
    this.connection.on('Typing', (s: TypingSignal) => this.onTyping(s));
    this.connection.on('QueueChanged', (q: QueueOverview) => this.onQueue(q));
    this.connection.on('TasksChanged', (c: TasksChanged) => this.onTasks(c));
    this.connection.on('Resync', () => this.onResync());
    this.connection.onreconnecting(() => this.onLine('reconnecting'));
    this.connection.onreconnected(() => this.onLine('connected'));
    this.connection.onclose(() => {
      this.onLine('reconnecting');
      void startHub(this.connection, () => {}).then(() => this.onLine('connected'));
    });
  }

  get connected(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  start(): Promise<void> {
    return startHub(this.connection, (waiting) => this.onLine(waiting ? 'reconnecting' : 'connected'));
  }

  stop(): Promise<void> {
    this.connection.onclose(() => {});
    return this.connection.stop();
  }

  setPresence = (presence: Presence) => this.connection.invoke<AgentSession>('SetPresence', presence);
  session = () => this.connection.invoke<AgentSession>('GetSession');
  accept = (chatId: string) => this.connection.invoke<AgentChat>('AcceptChat', chatId);
  chat = (chatId: string) => this.connection.invoke<AgentChat>('GetChat', chatId);
  send = (chatId: string, clientMessageId: string, text: string) => this.connection.invoke<MessageAck>('SendMessage', chatId, clientMessageId, text);
  typing = (chatId: string, isTyping: boolean) => (this.connected ? this.connection.invoke('SetTyping', chatId, isTyping) : Promise.resolve());
  end = (chatId: string) => this.connection.invoke('EndChat', chatId);
  transfer = (chatId: string, toAgentId: string | null) => this.connection.invoke('TransferChat', chatId, toAgentId);
  transferWithNote = (chatId: string, toAgentId: string | null, note: string) => this.connection.invoke('TransferChatWithNote', chatId, toAgentId, note);
  transferTargets = (chatId: string) => this.connection.invoke<TransferTarget[]>('GetTransferTargets', chatId);
  queue = () => this.connection.invoke<QueueOverview>('GetQueue');
  addNote = (chatId: string, text: string) => this.connection.invoke<ChatNote>('AddNote', chatId, text);
  notes = (chatId: string) => this.connection.invoke<ChatNote[]>('GetNotes', chatId);
}
