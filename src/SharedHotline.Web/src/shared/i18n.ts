/** The page's language: Danish by default, English when the server rendered the page with ?lang=en. */
export type Lang = 'da' | 'en';

export const lang: Lang = document.documentElement.lang === 'en' ? 'en' : 'da';

export const locale = lang === 'en' ? 'en-GB' : 'da-DK';

export type Params = Record<string, string | number>;

/**
 * A translator over one page's dictionary. Both languages must have every key (the English dictionary is
 * typed by the Danish one); `{name}` placeholders are filled from the parameters.
 */
export function translator<D extends Record<string, string>>(da: D, en: { [K in keyof D]: string }) {
  const words: Record<keyof D, string> = lang === 'en' ? en : da;
  return (key: keyof D, params?: Params): string => {
    const text = words[key];
    return params ? text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match)) : text;
  };
}

/** Adds the page's language to a site-relative address, so navigation stays in the chosen language. */
export function withLang(path: string): string {
  if (lang !== 'en') {
    return path;
  }

  return path + (path.includes('?') ? '&' : '?') + 'lang=en';
}

/** A topic's name in the page's language. */
export function topicName(topic: { name: string; nameEn?: string }): string {
  return lang === 'en' && topic.nameEn ? topic.nameEn : topic.name;
}
