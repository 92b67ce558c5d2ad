import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useI18n } from '../../i18n/index.tsx';
import { levelName } from './SecurityLevels.tsx';
import type { UnitLevels } from './types.ts';

type AssessmentOverview = { current: { securityLevel: UnitLevels['need'] } | null };

/**
 * Placement against the assessment (seed 004): the person's assessed security need beside the
 * chosen department's level, saying when they do not match, with the departments that do.
 * Shown only to users who may read both the assessment and the classification.
 */
export function SecurityFit({
  personId,
  facilityId,
  departmentId,
}: {
  personId: string;
  facilityId: string;
  departmentId: string;
}) {
  const { t } = useI18n();
  const { user } = useAuth();
  const allowed =
    !!user?.permissions.includes('assessment.read') && !!user.permissions.includes('security.read');
  const assessment = useApi(
    allowed
      ? (signal) =>
          api.get<AssessmentOverview>(`/people/${encodeURIComponent(personId)}/assessments`, {}, signal)
      : null,
    [allowed, personId],
  );
  const need = assessment.data?.current?.securityLevel ?? null;
  const levels = useApi(
    allowed && facilityId && assessment.data
      ? (signal) =>
          api.get<UnitLevels>(
            `/facilities/${encodeURIComponent(facilityId)}/security`,
            need ? { need } : {},
            signal,
          )
      : null,
    [allowed, facilityId, need, assessment.data],
  );
  if (!allowed || !assessment.data || !levels.data || levels.data.facility.id !== facilityId) return null;
  const department = levels.data.departments.find((d) => d.id === departmentId);
  if (!department) return null;
  const level = (l: string | null) => levelName(t, l);
  if (!need)
    return (
      <Paragraph data-size="sm">{t('securityFit.noNeed', { level: level(department.level) })}</Paragraph>
    );
  const better = (levels.data.suggestions ?? [])
    .filter((s) => s.match === 'match' && s.departmentId !== departmentId)
    .map((s) => levels.data?.departments.find((d) => d.id === s.departmentId)?.name)
    .filter((name): name is string => !!name)
    .slice(0, 3);
  const facts = t('securityFit.facts', { need: level(need), level: level(department.level) });
  if (department.match === 'match')
    return <Paragraph data-size="sm">{`${facts} ${t('securityFit.match')}`}</Paragraph>;
  const color = department.match === 'unit_too_low' ? 'danger' : 'warning';
  return (
    <Alert data-color={color} data-size="sm">
      <Paragraph data-size="sm">
        {`${facts} ${t(department.match === 'unit_too_low' ? 'securityFit.tooLow' : department.match === 'unit_higher_than_needed' ? 'securityFit.higher' : 'securityFit.unclassified')}`}
      </Paragraph>
      {better.length > 0 && (
        <Paragraph data-size="sm">{t('securityFit.suggest', { departments: better.join(', ') })}</Paragraph>
      )}
    </Alert>
  );
}
