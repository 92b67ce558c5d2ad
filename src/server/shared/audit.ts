import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Principal } from './access.ts';

export type AuditAction =
  | 'person.read'
  | 'person.search'
  | 'person.create'
  | 'person.audit.read'
  | 'queue.list'
  | 'person.key_dates.read'
  | 'execution.event'
  | 'eligibility.list'
  | 'crisis.list'
  | 'rules.crisis.switch'
  | 'rules.crisis.end'
  | 'sentence.summon'
  | 'sentence.postpone'
  | 'placement.admit'
  | 'placement.move'
  | 'placement.cohort.read'
  | 'integration.import'
  | 'integration.message.list'
  | 'integration.message.read'
  | 'infection.enter'
  | 'infection.import'
  | 'infection.thresholds'
  | 'measure.create'
  | 'measure.update'
  | 'measure.end'
  | 'crisis.report'
  | 'outbreak.measures'
  | 'outbreak.queue.list'
  | 'outbreak.postpone'
  | 'outbreak.letter.read'
  | 'outbreak.inmates.list'
  | 'outbreak.interrupt'
  | 'visitor.list'
  | 'visitor.apply'
  | 'visitor.decide'
  | 'visit.list'
  | 'visit.assess'
  | 'visit.book'
  | 'visit.cancel'
  | 'visit.restriction'
  | 'visit.rooms'
  | 'visit.review'
  | 'visit.review.list'
  | 'visit.notice'
  | 'health.record'
  | 'health.end'
  | 'health.list'
  | 'health.read'
  | 'health.trace'
  | 'health.quarantine'
  | 'staff.create'
  | 'staff.list'
  | 'roster.list'
  | 'roster.add'
  | 'roster.remove'
  | 'leave.list'
  | 'leave.read'
  | 'leave.apply'
  | 'leave.decide'
  | 'leave.appeal'
  | 'leave.appeal.decide'
  | 'leave.return'
  | 'leave.victim_notified'
  | 'leave.review'
  | 'leave.review.list'
  | 'assessment.read'
  | 'assessment.create'
  | 'assessment.due.list'
  | 'plan.read'
  | 'plan.create'
  | 'plan.update'
  | 'plan.version.create'
  | 'plan.agreement'
  | 'plan.goal.status'
  | 'plan.review'
  | 'plan.due.list'
  | 'restriction.create'
  | 'restriction.lift'
  | 'non_association.create'
  | 'non_association.end'
  | 'incident.list'
  | 'incident.read'
  | 'incident.report'
  | 'incident.party.add'
  | 'incident.action.add'
  | 'incident.action.update'
  | 'incident.close'
  | 'incident.failure_to_return'
  | 'security.classify'
  | 'activity.create'
  | 'activity.read'
  | 'activity.enrol'
  | 'activity.unenrol'
  | 'activity.promote'
  | 'activity.attendance'
  | 'activity.inactive.list'
  | 'activity.threshold'
  | 'contact_officer.assign'
  | 'contact_officer.read'
  | 'caseload.read'
  | 'partner.create'
  | 'partner.contact.create'
  | 'referral.create'
  | 'referral.update'
  | 'referral.list'
  | 'release.checklist.list'
  | 'release.checklist.create'
  | 'release.checklist.read'
  | 'release.item.update'
  | 'release.decision.read'
  | 'release.decision.create'
  | 'followup.statistics';

export interface AuditEntry {
  action: AuditAction;
  personId?: string | null;
  purpose: string;
  details?: Record<string, unknown>;
}

/**
 * Appends one audit event. Called inside the same transaction as the change it records, so a
 * change is never without its audit row; the table refuses updates and deletes by trigger.
 */
export function audit(db: Kysely<Database>, principal: Principal, entry: AuditEntry): Promise<void> {
  return auditMany(db, principal, [entry]);
}

export async function auditMany(
  db: Kysely<Database>,
  principal: Principal,
  entries: AuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_event')
    .values(
      entries.map((entry) => ({
        user_id: principal.userId,
        username: principal.username,
        // A system principal (the message inbox) has no role of its own.
        role: principal.roles.join(',') || 'system',
        action: entry.action,
        person_id: entry.personId ?? null,
        purpose: entry.purpose,
        details: entry.details ? JSON.stringify(entry.details) : null,
      })),
    )
    .execute();
}
