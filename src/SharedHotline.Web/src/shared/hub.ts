import { HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import type { HubErrorCode } from './codes';
import type { ReconnectAdvice } from './contracts';

/** Retries at once, then after 1, 2 and 5 seconds, then every 10 seconds: the page never gives up by itself. */
const retryDelays = [0, 1000, 2000, 5000];

export function createHub(url: string): HubConnection {
  const connection = new HubConnectionBuilder()
    .withUrl(url)
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => retryDelays[context.previousRetryCount] ?? 10_000 })
    .configureLogging(LogLevel.Warning)
    .build();
  // The node drains (docs/protocol.md, `Reconnect`): close, and each page's onclose starts again through the load
  // balancer, which picks another node; the page then resumes as after any reconnect (by sequence number).
  connection.on('Reconnect', (_advice: ReconnectAdvice) => void connection.stop());
  return connection;
}

/** Starts the connection, trying again until it succeeds; `waiting` tells the page while it waits. */
export async function startHub(connection: HubConnection, waiting: (isWaiting: boolean) => void): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await connection.start();
      waiting(false);
      return;
    } catch {
      waiting(true);
      await new Promise((resolve) => window.setTimeout(resolve, retryDelays[attempt] ?? 10_000));
    }
  }
}

/**
 * The typed error code of a refused hub call ("message_empty" …): the server's HubException message is
 * "<code>: <text>". Null for a transport failure (no answer from the server).
 */
export function hubErrorCode(error: unknown): HubErrorCode | null {
  const message = error instanceof Error ? error.message : String(error);
  const match = /HubException: ([a-z_]+):/.exec(message);
  return match ? (match[1] as HubErrorCode) : null;
}

/** The human text of a refused hub call, after its code. */
export function hubErrorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const match = /HubException: [a-z_]+: (.*)$/s.exec(message);
  return match ? match[1] : message;
}

/** Codes that mean "try again later", as opposed to a refusal that will not change. */
export function isTransient(code: HubErrorCode | null): boolean {
  return code === null || code === 'service_unavailable' || code === 'internal_error';
}

/** A client message id: unique per message, reused when resending so that the server stores it once. */
export function newClientMessageId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return 'web-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
