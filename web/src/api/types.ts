import type { Definition, ScoreResult } from '@chiso/criteria';

// The API's response shapes this app reads (see /api/openapi.json); only the fields it uses.

export interface LocalizedPair {
  vi: string;
  en: string;
}

export interface Account {
  id: string;
  login: string;
  name: string;
  position: string | null;
  version: number;
}

export interface GrantView {
  unitId: string;
  role: string;
  roleLabel: LocalizedPair;
  unit: { id: string; name: string; kind: string; path: string };
}

export interface Session {
  token: string;
  expiresAt: string;
  account: Account;
  grants: GrantView[];
}

export interface Me {
  account: Account;
  grants: GrantView[];
  roles: { role: string; label: LocalizedPair }[];
}

export interface CriteriaPin {
  setKey: string;
  number: number;
  label: string;
  contentHash: string;
}

export interface Campaign {
  id: string;
  name: string;
  schoolYear: string;
  status: string;
  criteria: (CriteriaPin & { kinds: string[] })[];
  deadlines: { selfAssessment: string };
}

export interface CampaignPage {
  items: Campaign[];
}

export type SubmissionStatus = 'draft' | 'submitted' | 'in-review' | 'returned' | 'accepted' | 'recognised' | 'published';

export interface Submission {
  campaignId: string;
  unitId: string;
  unitKind: string;
  status: SubmissionStatus;
  criteria: CriteriaPin;
  answers: Record<string, unknown>;
  awards: Record<string, number>;
  evidence: Record<string, Record<string, unknown[]>>;
  version: number;
  updatedAt: string;
}

export interface SubmissionView {
  submission: Submission;
  score: ScoreResult;
  definition: CriteriaPin;
  deadline: { selfAssessment: string; extendedUntil: string | null; passed: boolean };
  allowedActions: string[];
}

export interface CriteriaVersionView {
  definition: Definition;
}

/** An incremental change for autosave: only what changed; null removes. */
export interface SubmissionPatch {
  version: number;
  answers?: Record<string, unknown>;
  awards?: Record<string, number | null>;
}
