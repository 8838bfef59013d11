import { ApiError, api, getJson } from '../shared/http';
import type { AuditEntry } from './history';
import type { Refusal } from './refusals';
import type { ClosedDayView, ConflictView, PartnerAgent, RotaDocument, SlotView } from './rota-types';

export type EditOutcome =
  | { ok: true; body: unknown }
  | { ok: false; stale: true; currentVersion: number | null }
  | { ok: false; stale: false; refusal: Refusal };

/**
 * The partnership's rota over HTTP with the sign-in cookie. Every edit names the version it was made
 * against (If-Match with the ETag of the last read or edit), so a stale edit is refused (412), never applied.
 */
export class RotaClient {
  private etag: string | null = null;
  private readonly base: string;

  constructor(readonly partnershipId: string) {
    this.base = `/api/partnerships/${encodeURIComponent(partnershipId)}`;
  }

  get version(): string | null {
    return this.etag;
  }

  async rota(): Promise<RotaDocument> {
    const response = await api<RotaDocument>(`${this.base}/rota`);
    this.etag = response.etag;
    return response.body;
  }

  slots = (from: string, to: string) => getJson<SlotView[]>(`${this.base}/slots?from=${from}&to=${to}`);
  conflicts = (from: string, to: string) => getJson<ConflictView[]>(`${this.base}/conflicts?from=${from}&to=${to}`);
  closedDays = (from: string, to: string) => getJson<ClosedDayView[]>(`${this.base}/closed-days?from=${from}&to=${to}`);
  agents = () => getJson<PartnerAgent[]>(`${this.base}/agents`);
  audit = (take: number) => getJson<AuditEntry[]>(`${this.base}/audit?take=${take}`);
  readonly csvUrl = () => `${this.base}/rota/export.csv`;

  async edit(method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<EditOutcome> {
    try {
      const response = await api<unknown>(`${this.base}${path}`, {
        method,
        body: body === undefined ? undefined : JSON.stringify(body),
        headers: { 'If-Match': this.etag ?? '' },
      });
      this.etag = response.etag ?? this.etag;
      return { ok: true, body: response.body };
    } catch (error) {
      if (error instanceof ApiError && (error.status === 412 || error.status === 428)) {
        return { ok: false, stale: true, currentVersion: error.problem.currentVersion ?? null };
      }

      if (error instanceof ApiError) {
        const errors = error.problem.errors ?? {};
        const rules = (error.problem as { rules?: string[] }).rules ?? [];
        const detail = Object.values(errors).flat().join(' ') || (error.problem.detail ?? error.message);
        return { ok: false, stale: false, refusal: { status: error.status, rules, fields: Object.keys(errors), detail } };
      }

      return { ok: false, stale: false, refusal: { status: 0, rules: [], fields: [], detail: error instanceof Error ? error.message : String(error) } };
    }
  }
}
