import { HubConnectionState } from '@microsoft/signalr';
import type { ChatMessage, ChatStateChanged, CitizenChat, InvitationContext, MessageAck, QueueStatus, StartChatResult, TypingSignal } from '../shared/contracts';
import { createHub, startHub } from '../shared/hub';

export type LineState = 'connecting' | 'reconnecting' | 'connected';

/** The citizen's line to the server: the citizen hub (docs/protocol.md) with its events, reconnecting by itself. */
export class CitizenLine {
  private readonly connection = createHub('/hubs/citizen');
  private starting: Promise<void> | null = null;
  private waiters: (() => void)[] = [];

  onMessage: (message: ChatMessage) => void = () => {};
  onQueue: (status: QueueStatus) => void = () => {};
  onState: (change: ChatStateChanged) => void = () => {};
  onTyping: (signal: TypingSignal) => void = () => {};
  onResync: () => void = () => {};
  onLine: (state: LineState) => void = () => {};

  constructor() {
    this.connection.on('MessageReceived', (m: ChatMessage) => this.onMessage(m));
    this.connection.on('QueueUpdated', (q: QueueStatus) => this.onQueue(q));
    this.connection.on('ChatStateChanged', (c: ChatStateChanged) => this.onState(c));
    this.connection.on('Typing', (t: TypingSignal) => this.onTyping(t));
    this.connection.on('Resync', () => this.onResync());
    this.connection.onreconnecting(() => this.onLine('reconnecting'));
    this.connection.onreconnected(() => {
      this.waiters.splice(0).forEach((resolve) => resolve());
      this.onLine('connected');
    });
    this.connection.onclose(() => {
      // The automatic reconnect never gives up, so a close means the server closed the connection: start again.
      this.onLine('reconnecting');
      void this.ready().then(() => this.onLine('connected'));
    });
  }

  get connected(): boolean {
    return this.connection.state === HubConnectionState.Connected;
  }

  /** Resolves once connected (starting the connection if needed). */
  ready(): Promise<void> {
    if (this.connected) {
      return Promise.resolve();
    }

    if (this.connection.state === HubConnectionState.Reconnecting) {
      return new Promise((resolve) => this.waiters.push(resolve));
    }

    this.starting ??= startHub(this.connection, (waiting) => this.onLine(waiting ? 'reconnecting' : 'connecting')).finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  async start(kommune: string, topic: string, firstName: string | null, invitation: InvitationContext | null = null): Promise<StartChatResult> {
    await this.ready();
    return this.connection.invoke<StartChatResult>('StartChat', { kommune, topic, firstName, invitation });
  }

  async resume(token: string, afterSeq: number): Promise<CitizenChat> {
    await this.ready();
    return this.connection.invoke<CitizenChat>('ResumeChat', token, afterSeq);
  }

  send(token: string, clientMessageId: string, text: string): Promise<MessageAck> {
    return this.connection.invoke<MessageAck>('SendMessage', token, clientMessageId, text);
  }

  typing(token: string, isTyping: boolean): Promise<void> {
    return this.connected ? this.connection.invoke('SetTyping', token, isTyping) : Promise.resolve();
  }

  end(token: string): Promise<void> {
    return this.connection.invoke('EndChat', token);
  }

  history(token: string): Promise<ChatMessage[]> {
    return this.connection.invoke<ChatMessage[]>('GetHistory', token);
  }
}
