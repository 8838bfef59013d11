// SharedHotline's widget loader, for a kommune's own website. One tag:
//   <script src="https://hotline.example/widget.js" data-kommune="soroe" async></script>
// (or widget.js?kommune=soroe; data-lang="en" for English). It adds the kommune's chat in a frame from the
// hotline's server, which shows a launcher button and, once opened, the chat; the frame tells this script
// how big to be. Browsers may refuse storage to the third-party frame, so this script keeps the chat's
// session token and the panel's state in the page's own session storage for the frame, and hands them back
// after the citizen moves to another page of the website. A classic script on purpose
// (document.currentScript): it imports nothing.

interface FrameMessage {
  source: 'sharedhotline';
  type: 'ready' | 'open' | 'close' | 'size' | 'session';
  width?: number;
  height?: number;
  token?: string | null;
}

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
      frame.contentWindow?.postMessage({ source: 'sharedhotline-host', type: 'restore', token: kept.get('token'), open: kept.get('open') === '1' }, source.origin);
      return;
    }

    if (message.type === 'session') {
      kept.set('token', typeof message.token === 'string' ? message.token : null);
      return;
    }

    if (message.type === 'size' && message.width && message.height) {
      closedSize = { width: Math.min(message.width, 480), height: Math.min(message.height, 200) };
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
