/** The kommune this chat page belongs to, as the server rendered it. */
const data = document.body.dataset;

export const page = {
  slug: data.kommune ?? '',
  name: data.kommuneName ?? '',
  colour: data.colour,
  embedded: data.embedded === 'true',
};

const key = `sharedhotline:chat:${page.slug}`;

/**
 * The chat's session token lives in this tab's session storage: a reload or a drop resumes the chat, and
 * it is gone when the tab is closed (a shared computer keeps nothing).
 */
export const session = {
  get token(): string | null {
    try {
      return sessionStorage.getItem(key);
    } catch {
      return null;
    }
  },
  save(token: string): void {
    try {
      sessionStorage.setItem(key, token);
    } catch {
      // Storage may be blocked (e.g. some embedded frames): the chat works, it just cannot survive a reload.
    }
  },
  clear(): void {
    try {
      sessionStorage.removeItem(key);
    } catch {
      // See save().
    }
  },
};
