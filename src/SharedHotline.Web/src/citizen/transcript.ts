import type { ChatMessage } from '../shared/contracts';
import { maskCpr } from '../shared/cpr';
import { clock, shortDate } from '../shared/time';
import { page } from './page';
import { systemText } from './system-texts';
import { t } from './texts';

/**
 * The whole stored conversation as a plain-text file the citizen keeps. CPR numbers are masked in it, as in the
 * logs: a file in a downloads folder should not carry one; the kommune's stored record keeps what was written.
 */
export function downloadTranscript(reference: string, topicName: string, messages: ChatMessage[]): void {
  const lines = [
    t('transcriptTitle', { kommune: page.officialName }),
    t('reference', { reference }),
    t('transcriptTopic', { topic: topicName }),
    '',
    ...messages.map((m) => {
      const who = m.sender === 'Citizen' ? t('you') : m.sender === 'Agent' ? (m.senderName ?? t('staff')) : t('system', { kommune: page.officialName });
      return `[${shortDate(m.sentAt)} ${clock(m.sentAt)}] ${who}: ${m.sender === 'System' ? systemText(m.text, topicName) : maskCpr(m.text)}`;
    }),
    '',
  ];
  const blob = new Blob([lines.join('\r\n')], { type: 'text/plain;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `chat-${reference}.txt`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
