import type { Plugin } from 'vite';

const virtualPrefix = 'fullcalendar-css:';
const injected = /var css_248z = ("(?:[^"\\]|\\.)*");\s*injectStyles\(css_248z\);/;
const styleRoot = 'function registerStylesRoot(rootNode) {';
// The icon font (a data: URL) draws the prev/next chevrons, which the editor replaces with words.
const iconFont = /@font-face\{font-family:fcicons;[^}]*\}/;

/**
 * FullCalendar 6 carries its CSS inside its JavaScript and injects it into a <style> element at run time,
 * which a strict Content-Security-Policy (style-src 'self', no 'unsafe-inline') refuses. This moves that CSS
 * into the page's stylesheet file at build time instead: each FullCalendar module's injectStyles(css) call
 * becomes an import of a CSS module holding the same text, and the calendar no longer adds its (now empty)
 * <style> element. If a FullCalendar update changes what this relies on, the build fails rather than ship
 * an unstyled calendar.
 */
export function fullCalendarCssFiles(): Plugin {
  const styles = new Map<string, string>();
  return {
    name: 'sharedhotline:fullcalendar-css-files',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(virtualPrefix) ? `\0${id}` : null;
    },
    load(id) {
      return id.startsWith(`\0${virtualPrefix}`) ? styles.get(id.slice(virtualPrefix.length + 1)) : null;
    },
    transform(code, id) {
      const [, module] = id.split(/[\\/]node_modules[\\/]@fullcalendar[\\/]/);
      if (!module) {
        return null;
      }

      let result = code;
      if (module.replace(/\\/g, '/') === 'core/internal-common.js') {
        if (!result.includes(styleRoot)) {
          this.error(`FullCalendar changed: "${styleRoot}" not found in ${module}`);
        }

        result = result.replace(styleRoot, `${styleRoot}\n    return; // its CSS is in the page's stylesheet (fullcalendar-css.ts)`);
      }

      const match = injected.exec(result);
      if (match) {
        const name = `${module.replace(/[^a-z0-9]+/gi, '-')}.css`;
        styles.set(name, (JSON.parse(match[1]) as string).replace(iconFont, ''));
        result = result.replace(match[0], `import "${virtualPrefix}${name}";`);
      } else if (/\binjectStyles\(/.test(result) && !/function injectStyles\(/.test(result)) {
        this.error(`FullCalendar changed: ${module} injects styles in a way fullcalendar-css.ts does not know`);
      }

      return result === code ? null : { code: result, map: null };
    },
  };
}
