import { FACT_NAME, mergeFactSources } from '@titletrack/shared/domain';
import type { ApplicantFacts, FactName, SourcedFact } from '@titletrack/shared/domain';

import type { ApplicationStoredFacts, StoredFact } from './fact.repository';

const FACT_NAMES: ReadonlySet<string> = new Set(Object.values(FACT_NAME));

// Stored rows of one source as ApplicantFacts; a row whose name or JSON no longer reads is
// skipped rather than guessed at.
export function factsOfRows(rows: readonly StoredFact[]): ApplicantFacts {
  const facts: Partial<Record<FactName, SourcedFact<unknown>>> = {};
  for (const row of rows) {
    if (!FACT_NAMES.has(row.name)) continue;
    try {
      facts[row.name as FactName] = {
        value: JSON.parse(row.value) as unknown,
        source: row.source as SourcedFact<unknown>['source'],
        recordedAt: row.recordedAt.toISOString(),
      };
    } catch {
      continue;
    }
  }
  return facts as ApplicantFacts;
}

// The platform's facts as the mirror stored them on the application row (JSON, or null).
export function platformFactsOf(json: string | null | undefined): ApplicantFacts {
  if (!json) return {};
  try {
    return JSON.parse(json) as ApplicantFacts;
  } catch {
    return {};
  }
}

// Every source of one application's facts, merged by the shared precedence.
export function mergeStoredFacts(
  platformJson: string | null | undefined,
  office: readonly StoredFact[],
  declared: readonly StoredFact[],
): ApplicantFacts {
  return mergeFactSources({
    platform: platformFactsOf(platformJson),
    office: factsOfRows(office),
    declared: factsOfRows(declared),
  });
}

// The merged facts of each application of a chunk, from its row (platform) and the stored
// office and declared facts read for the chunk (FactRepository.getByApplications).
export function factsByApplication(
  rows: ReadonlyArray<{ id: number; platformFacts?: string | null }>,
  stored: ReadonlyMap<number, ApplicationStoredFacts>,
): Map<number, ApplicantFacts> {
  const merged = new Map<number, ApplicantFacts>();
  for (const row of rows) {
    const { office = [], declared = [] } = stored.get(row.id) ?? {};
    merged.set(row.id, mergeStoredFacts(row.platformFacts, office, declared));
  }
  return merged;
}
