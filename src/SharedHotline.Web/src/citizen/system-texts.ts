import { lang } from '../shared/i18n';

/**
 * The server writes the chat's system messages (receipt, who answers, ended) in Danish and stores them as written.
 * In English the citizen's face shows them in English, by their known Danish form; anything else stays as it is.
 */
const english: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Vi har modtaget dit spørgsmål om (.+)\. Din reference er (\S+)\.$/u, (m) => `We have received your question about ${m[1]}. Your reference is ${m[2]}.`],
  [/^(.+) fra (.+) er klar til at hjælpe dig\.$/u, (m) => `${m[1]} from ${m[2]} is ready to help you.`],
  [/^Borgeren har afsluttet chatten\.$/u, () => 'You ended the chat.'],
  [/^Chatten er afsluttet\.$/u, () => 'The chat has ended.'],
];

/** The text as the citizen reads it; `topic` is the chat's topic in the page's language, for the receipt. */
export function systemText(text: string, topic?: string): string {
  if (lang !== 'en') {
    return text;
  }

  for (const [pattern, render] of english) {
    const match = text.match(pattern);
    if (match) {
      if (pattern === english[0][0]) {
        match[1] = topic ?? match[1];
      }

      return render(match);
    }
  }

  return text;
}
