// The coordinator API's JSON (src/SharedHotline.Server/Rota): the rota document and its views.
import type { RotaAgent, RotaKommune } from '../shared/contracts';

export type RotaExceptionKind = 'Cancelled' | 'ExtraSlot' | 'Swap' | 'OpenOnHoliday';

export interface RotationTurn {
  kommuneKode: number;
  agentIds: string[];
  day: string | null;
}

export interface ShiftPattern {
  id: string;
  days: string[];
  start: string;
  end: string;
  validFrom: string;
  validTo: string | null;
  rotation: { kind: 'ByIsoWeek' | 'ByWeekday'; anchor: string; turns: RotationTurn[] };
  minAgents: number;
}

export interface RotaException {
  id: string;
  kind: RotaExceptionKind;
  date: string;
  patternId: string | null;
  start: string | null;
  end: string | null;
  responsibleKommune: number | null;
  agentIds: string[];
  fromAgentId: string | null;
  toAgentId: string | null;
  note: string | null;
}

export interface Partnership {
  id: string;
  name: string;
  members: number[];
  patterns: ShiftPattern[];
  exceptions: RotaException[];
  closedDays: { month: number; day: number; name: string; closedFrom: string | null }[];
}

export interface RotaDocument {
  id: string;
  version: number;
  updatedAt: string;
  rota: Partnership;
}

export interface SlotView {
  date: string;
  start: string;
  end: string;
  patternId: string | null;
  extraSlotId: string | null;
  responsible: RotaKommune;
  agents: RotaAgent[];
  minAgents: number;
  holiday: string | null;
  openedOnHoliday: boolean;
  notes: string[];
  /** The slot against the forecast demand of the last weeks; absent for an edit not yet published. */
  staffing?: { level: 'under' | 'well' | 'over'; needed: number } | null;
}

export interface SlotRef {
  partnershipId: string;
  patternId: string | null;
  extraSlotId: string | null;
  start: string;
  end: string;
  responsibleKommune: number;
}

export interface ConflictView {
  kind: 'DoubleBooked' | 'Unstaffed' | 'AgentOutsidePartnership' | 'UnderStaffed' | 'BelowForecast';
  date: string;
  slot: SlotRef;
  agent: RotaAgent | null;
  other: SlotRef | null;
  message: string;
  /** For BelowForecast: the agents the last weeks' demand needs on the slot for the service level. */
  needed?: number | null;
}

export interface ClosedDayView {
  date: string;
  name: string;
  closedFrom: string | null;
  publicHoliday: boolean;
}

export interface PartnerAgent {
  id: string;
  name: string;
  kommune: RotaKommune;
}
