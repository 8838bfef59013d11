import { type HotlineStatus, type KommuneSummary, officialName } from '../shared/contracts';
import { getJson } from '../shared/http';

/** Kommune names and colours, and each kommune's topic names (the hub sends codes). */
export class Lookups {
  private kommuner = new Map<string, KommuneSummary>();
  private topics = new Map<string, Promise<Map<string, string>>>();

  async load(): Promise<void> {
    const list = await getJson<KommuneSummary[]>('/api/kommuner');
    this.kommuner = new Map(list.map((k) => [k.slug, k]));
  }

  kommuneName(slug: string): string {
    return this.kommuner.get(slug)?.name ?? slug;
  }

  /** "Sorø Kommune", "Københavns Kommune". */
  officialName(slug: string): string {
    const k = this.kommuner.get(slug);
    return k ? officialName(k) : slug;
  }

  colour(slug: string): string | undefined {
    return this.kommuner.get(slug)?.colour;
  }

  /** The topic's name in the kommune's list; the code until it is known. */
  async topicName(kommune: string, code: string): Promise<string> {
    let topics = this.topics.get(kommune);
    if (!topics) {
      topics = getJson<HotlineStatus>(`/api/kommuner/${encodeURIComponent(kommune)}/status`)
        .then((s) => new Map(s.topics.map((x) => [x.code, x.name])))
        .catch(() => new Map<string, string>());
      this.topics.set(kommune, topics);
    }

    return (await topics).get(code) ?? code;
  }
}
