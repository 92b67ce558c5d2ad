// Security levels, the one scale that both sides of a placement are measured on: the level a
// convicted person's assessment says they need, and the level a unit's classification gives it
// (seed 004: every unit is classified by its static, dynamic and organisational security, and
// a person is placed no higher than the individual assessment justifies).
//
// Ordered from the least to the most restrictive.

export const SECURITY_LEVELS = ['halfway_house', 'lower', 'high', 'special_high'] as const;
export type SecurityLevel = (typeof SECURITY_LEVELS)[number];

export function securityRank(level: SecurityLevel): number {
  return SECURITY_LEVELS.indexOf(level);
}

export type SecurityMatch = 'match' | 'unit_too_low' | 'unit_higher_than_needed';

/**
 * Compare what a person needs with what a unit offers. A unit below the need is unsafe; a unit
 * above it is more restrictive than the assessment justifies (seed 004: "not more restrictive
 * than necessary"), which is allowed but must be said.
 */
export function securityMatch(need: SecurityLevel, unit: SecurityLevel): SecurityMatch {
  const d = securityRank(unit) - securityRank(need);
  if (d === 0) return 'match';
  return d < 0 ? 'unit_too_low' : 'unit_higher_than_needed';
}
