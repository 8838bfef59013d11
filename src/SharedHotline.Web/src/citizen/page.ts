/** The kommune this chat page belongs to, as the server rendered it. */
const data = document.body.dataset;

export const page = {
  slug: data.kommune ?? '',
  name: data.kommuneName ?? '',
  /** "Sorø Kommune", "Københavns Kommune": how every text names the kommune. */
  officialName: data.kommuneOfficialName ?? `${data.kommuneName ?? ''} Kommune`,
  colour: data.colour,
  embedded: data.embedded === 'true',
};

const key = `sharedhotline:chat:${page.slug}`;

function read(): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    // Storage is blocked in some frames (third-party storage); the widget's host page keeps the token then.
    return null;
  }
}

function write(token: string | null): void {
  try {
    if (token) {
      sessionStorage.setItem(key, token);
    } else {
      sessionStorage.removeItem(key);
    }
  } catch {
    // See read().
  }
}

let current = read();
const listeners: ((token: string | null) => void)[] = [];

/**
 * The chat's session token, kept in this tab's session storage: a reload or a drop resumes the chat, and it
 * is gone when the tab is closed (a shared computer keeps nothing). In the widget's frame, where the browser
 * may refuse storage to a third-party frame, the host page keeps a copy (see embed.ts and widget/loader.ts).
 */
export const session = {
  get token(): string | null {
    return current;
  },
  save(token: string): void {
    current = token;
    write(token);
    listeners.forEach((listener) => listener(token));
  },
  clear(): void {
    current = null;
    write(null);
    listeners.forEach((listener) => listener(null));
  },
  /** A token the host page kept, used when this frame has none of its own. */
  adopt(token: string | null): void {
    current ??= token;
  },
  onChange(listener: (token: string | null) => void): void {
    listeners.push(listener);
  },
};

const replyListeners: (() => void)[] = [];

/** Replies from staff as they arrive live, for the minimised widget to show that one waits (embed.ts). */
export const replies = {
  arrived(): void {
    replyListeners.forEach((listener) => listener());
  },
  onArrived(listener: () => void): void {
    replyListeners.push(listener);
  },
};
