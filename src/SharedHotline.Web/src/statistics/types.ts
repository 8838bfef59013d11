/** The statistics API's JSON (src/SharedHotline.Server/Statistics/StatisticsViews.cs), camelCase on the wire. Shares are 0..1, times seconds. */

export interface ScopeKommune {
  kode: number;
  slug: string;
  name: string;
}

export interface ScopePartnership {
  id: string;
  name: string;
  thresholdSeconds: number;
  target: number;
  members: ScopeKommune[];
}

export interface StatisticsScope {
  partnerships: ScopePartnership[];
  kommuner: ScopeKommune[];
}

export interface KommuneRef {
  slug: string;
  name: string;
}

export interface Figures {
  offered: number;
  answered: number;
  abandoned: number;
  abandonRate: number | null;
  serviceLevel: number | null;
  waitP50Seconds: number | null;
  waitP90Seconds: number | null;
  handleP50Seconds: number | null;
  handleP90Seconds: number | null;
  abandonedAfterP50Seconds: number | null;
  shareOwn: number | null;
  shareShared: number | null;
  shareOverflow: number | null;
  meetingsBooked: number;
  meetingsHeld: number;
  messagesLeft: number;
}

/** `day` 1 = Monday … 7 = Sunday, `hour` 0-23, Copenhagen wall clock. */
export interface HourOfWeekFigures {
  day: number;
  hour: number;
  figures: Figures;
}

/** A bin of the wait histogram, named by its upper edge in seconds (null: over an hour). */
export interface WaitBin {
  upToSeconds: number | null;
  answered: number;
  abandoned: number;
}

/** Invitations to chat on the kommune's website: shown, and how they ended. */
export interface InvitationFigures {
  shown: number;
  accepted: number;
  declined: number;
  expired: number;
  acceptRate: number | null;
}

export interface KommuneStatistics {
  kommune: KommuneRef;
  total: Figures;
  days: { date: string; figures: Figures; invitations: InvitationFigures }[];
  hoursOfWeek: HourOfWeekFigures[];
  topics: { topic: string; name: string; chats: number }[];
  waits: WaitBin[];
  invitations: InvitationFigures;
}

export interface StatisticsReport {
  from: string;
  to: string;
  thresholdSeconds: number;
  kommuner: KommuneStatistics[];
}

export interface SettlementEntry {
  /** The citizens' kommune's slug. */
  citizen: string;
  chats: number;
  handledMinutes: number;
}

export interface SettlementRow {
  answeredBy: KommuneRef;
  cells: SettlementEntry[];
  chats: number;
  handledMinutes: number;
}

export interface SettlementView {
  from: string;
  to: string;
  citizens: KommuneRef[];
  rows: SettlementRow[];
  columnTotals: SettlementEntry[];
  chats: number;
  handledMinutes: number;
}

export interface PartnershipStatistics {
  partnershipId: string;
  name: string;
  report: StatisticsReport;
  settlement: SettlementView;
}

export type StaffingLevel = 'under' | 'well' | 'over';

export interface SlotStaffing {
  start: string;
  end: string;
  responsibleKommune: number;
  rostered: number;
  needed: number;
  level: StaffingLevel;
  forecastChatsPerHour: number;
  forecastServiceLevel: number;
}

export interface StaffingView {
  partnershipId: string;
  from: string;
  to: string;
  weeks: number;
  thresholdSeconds: number;
  target: number;
  concurrency: number;
  slots: SlotStaffing[];
}
