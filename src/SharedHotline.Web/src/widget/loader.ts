// SharedHotline's widget loader, for a kommune's own website. One tag:
//   <script src="https://hotline.example/widget.js" data-kommune="soroe" async></script>
// (or widget.js?kommune=soroe; data-lang="en" for English). It adds the kommune's chat in a frame from the
// hotline's server, which shows a launcher button and, once opened, the chat; the frame tells this script
// how big to be. Browsers may refuse storage to the third-party frame, so this script keeps the chat's
// session token and the panel's state in the page's own session storage for the frame, and hands them back
// after the citizen moves to another page of the website. A classic script on purpose
// (document.currentScript): it imports nothing.
//
// Proactive chat: the frame is told this page's address (origin and path, never the query) and title, and may
// invite the citizen when the kommune's rules and a free agent allow. A page reports a failed self-service step with
//   (window.sharedhotline = window.sharedhotline || []).push(['selfServiceFailed', { topic: 'pas' }]);
// which works before and after this script has loaded. A declined or ignored invitation is remembered in this
// site's localStorage until the day ends; nothing of it is sent to the server, and no cookie is set.

interface FrameMessage {
  source: 'sharedhotline';
  type: 'ready' | 'open' | 'close' | 'size' | 'session' | 'invitation';
  width?: number;
  height?: number;
  token?: string | null;
  shown?: boolean;
  remember?: boolean;
}

type Command = [string, { topic?: string }?];

(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src) {
    return;
  }

  const source = new URL(script.src);
  const kommune = script.dataset.kommune ?? source.searchParams.get('kommune');
  if (!kommune || !/^[a-z0-9-]{1,64}$/i.test(kommune)) {
    console.warn('SharedHotline widget: name the kommune with data-kommune="slug" or widget.js?kommune=slug.');
    return;
  }

  const language = (script.dataset.lang ?? source.searchParams.get('lang') ?? document.documentElement.lang ?? 'da').toLowerCase().startsWith('en') ? 'en' : 'da';
  const frame = document.createElement('iframe');
  frame.src = `${source.origin}/${encodeURIComponent(kommune)}/chat?embed=1${language === 'en' ? '&lang=en' : ''}`;
  frame.title = language === 'en' ? 'Chat with citizen service' : 'Chat med borgerservice';
  frame.setAttribute('data-sharedhotline', kommune);
  const base: Partial<CSSStyleDeclaration> = {
    position: 'fixed',
    right: '0',
    bottom: '0',
    width: '320px',
    height: '96px',
    maxWidth: '100vw',
    maxHeight: '100vh',
    border: '0',
    margin: '0',
    padding: '0',
    background: 'transparent',
    colorScheme: 'normal',
    zIndex: '2147483000',
  };
  Object.assign(frame.style, base);

  const keyOf = (what: string) => `sharedhotline:${kommune.toLowerCase()}:${what}`;
  const kept = {
    get(what: string): string | null {
      try {
        return sessionStorage.getItem(keyOf(what));
      } catch {
        return null;
      }
    },
    set(what: string, value: string | null): void {
      try {
        if (value === null) {
          sessionStorage.removeItem(keyOf(what));
        } else {
          sessionStorage.setItem(keyOf(what), value);
        }
      } catch {
        // No storage here either: the chat then starts afresh on the next page.
      }
    },
  };

  const today = () => new Date().toLocaleDateString('sv');
  const declined = {
    today(): boolean {
      try {
        return localStorage.getItem(keyOf('invitation-declined')) === today();
      } catch {
        return false;
      }
    },
    remember(): void {
      try {
        localStorage.setItem(keyOf('invitation-declined'), today());
      } catch {
        // No storage: the next page may invite again, which is all that is lost.
      }
    },
  };
  let ready = false;
  let invitationShown = false;
  const pending: Command[] = [];
  const toFrame = (message: object) => frame.contentWindow?.postMessage({ source: 'sharedhotline-host', ...message }, source.origin);
  const run = (command: Command) => {
    if (!Array.isArray(command) || command[0] !== 'selfServiceFailed') {
      return;
    }

    if (!ready) {
      pending.push(command);
      return;
    }

    const topic = command[1]?.topic;
    toFrame({ type: 'failed-step', topic: typeof topic === 'string' ? topic : null });
  };
  const host = window as unknown as { sharedhotline?: Command[] | { push: (c: Command) => void } };
  const queued = Array.isArray(host.sharedhotline) ? host.sharedhotline : [];
  host.sharedhotline = { push: run };
  queued.forEach(run);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && invitationShown) {
      toFrame({ type: 'escape' });
    }
  });

  let open = false;
  let closedSize = { width: 320, height: 96 };
  const narrow = window.matchMedia('(max-width: 480px)');
  const layout = () => {
    if (!open) {
      Object.assign(frame.style, { right: '0', bottom: '0', width: `${closedSize.width}px`, height: `${closedSize.height}px` });
    } else if (narrow.matches) {
      Object.assign(frame.style, { right: '0', bottom: '0', width: '100vw', height: '100vh' });
    } else {
      Object.assign(frame.style, { right: '16px', bottom: '16px', width: 'min(420px, calc(100vw - 32px))', height: 'min(680px, calc(100vh - 32px))' });
    }
  };
  narrow.addEventListener('change', layout);

  window.addEventListener('message', (event: MessageEvent<FrameMessage>) => {
    if (event.source !== frame.contentWindow || event.origin !== source.origin || event.data?.source !== 'sharedhotline') {
      return;
    }

    const message = event.data;
    if (message.type === 'ready') {
      const page = { url: location.origin + location.pathname, title: document.title, declinedToday: declined.today() };
      toFrame({ type: 'restore', token: kept.get('token'), open: kept.get('open') === '1', page });
      ready = true;
      pending.splice(0).forEach(run);
      return;
    }

    if (message.type === 'invitation') {
      invitationShown = message.shown === true;
      if (message.remember) {
        declined.remember();
      }

      return;
    }

    if (message.type === 'session') {
      kept.set('token', typeof message.token === 'string' ? message.token : null);
      return;
    }

    if (message.type === 'size' && message.width && message.height) {
      closedSize = { width: Math.min(message.width, 480), height: Math.min(message.height, 420) };
    } else if (message.type === 'open' || message.type === 'close') {
      open = message.type === 'open';
      kept.set('open', open ? '1' : null);
    }

    layout();
  });

  const mount = () => document.body.appendChild(frame);
  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount);
  }
})();
