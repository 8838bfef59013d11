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
  [
    /^Chatten er lukket for i dag, og ingen nåede at tage dit spørgsmål\. (.+?) Du kan booke et telefonmøde eller skrive til os, så vender vi tilbage\.$/u,
    (m) => `The chat has closed for today and nobody reached your question. ${opening(m[1])} You can book a phone meeting or write to us, and we will get back to you.`,
  ],
  [
    /^Chatten er lukket for i dag\. Dit spørgsmål venter, og vi svarer dig først, når vi åbner igen\. (.+?) Du kan også booke et telefonmøde\.$/u,
    (m) => `The chat has closed for today. Your question waits, and we answer you first when we open again. ${opening(m[1])} You can also book a phone meeting.`,
  ],
  [/^Din plads i køen er opgivet, fordi du ikke var på siden i et stykke tid\. Start en ny chat, eller book et telefonmøde\.$/u, () => 'Your place in the queue was given up because you were away from the page for a while. Start a new chat, or book a phone meeting.'],
];

const days: Record<string, string> = {
  'i dag': 'today',
  'i morgen': 'tomorrow',
  mandag: 'on Monday',
  tirsdag: 'on Tuesday',
  onsdag: 'on Wednesday',
  torsdag: 'on Thursday',
  fredag: 'on Friday',
  lørdag: 'on Saturday',
  søndag: 'on Sunday',
};

/** "Vi åbner igen mandag kl. 09.00." in English; a date further ahead keeps its Danish day and month. */
function opening(sentence: string): string {
  const match = /^Vi åbner igen (.+) kl\. (\d\d)\.(\d\d)\.$/u.exec(sentence);
  if (!match) {
    return sentence === 'Vi ved endnu ikke, hvornår vi åbner igen.' ? 'We do not know yet when we open again.' : sentence;
  }

  return `We open again ${days[match[1]] ?? match[1]} at ${match[2]}:${match[3]}.`;
}

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
