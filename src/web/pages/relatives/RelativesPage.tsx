import { Heading, Link, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api.ts';
import { useAuth } from '../../auth.tsx';
import { AppLink } from '../../components/AppLink.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Loading } from '../../components/Loading.tsx';
import { SelectField } from '../../components/SelectField.tsx';
import { useApi } from '../../hooks/useApi.ts';
import { useDocumentTitle } from '../../hooks/useDocumentTitle.ts';
import { formatDate } from '../../i18n/format.ts';
import { useI18n } from '../../i18n/index.tsx';

type PublicFacility = { code: string; name: string };
type PublicRules = {
  code: string;
  name: string;
  on: string;
  visits: string;
  leave: string[];
  video: string;
  hotline: { phone: string; text: string };
};

/** For relatives, without signing in: the rules in force today at a prison or office, and the hotline. */
export function RelativesPage() {
  const { t, locale } = useI18n();
  const { state } = useAuth();
  useDocumentTitle(t('relatives.title'));
  const headingId = useId();
  const [params, setParams] = useSearchParams();
  const code = params.get('facility') ?? '';
  const list = useApi((signal) => api.get<{ items: PublicFacility[] }>('/public/facilities', {}, signal), []);
  const rules = useApi(
    code
      ? (signal) => api.get<PublicRules>(`/public/facilities/${encodeURIComponent(code)}`, {}, signal)
      : null,
    [code, locale],
  );

  return (
    <div className="narrow">
      <Heading level={1} data-size="lg">
        {t('relatives.title')}
      </Heading>
      <Paragraph>{t('relatives.intro')}</Paragraph>
      {list.error !== undefined && <ErrorAlert error={list.error} />}
      {list.data && (
        <SelectField
          label={t('relatives.facility')}
          value={code}
          onChange={(value) => setParams(value ? { facility: value } : {}, { replace: true })}
        >
          <option value="">{t('relatives.choose')}</option>
          {list.data.items.map((f) => (
            <option key={f.code} value={f.code}>
              {f.name}
            </option>
          ))}
        </SelectField>
      )}
      {list.loading && !list.data && <Loading />}
      {rules.error !== undefined && <ErrorAlert error={rules.error} />}
      {rules.data && (
        <section aria-labelledby={headingId} className="section" aria-live="polite">
          <Heading level={2} data-size="md" id={headingId}>
            {t('relatives.rulesHeading', { name: rules.data.name, date: formatDate(rules.data.on, locale) })}
          </Heading>
          <Heading level={3} data-size="sm">
            {t('relatives.visits')}
          </Heading>
          <Paragraph>{rules.data.visits}</Paragraph>
          <Heading level={3} data-size="sm">
            {t('relatives.leave')}
          </Heading>
          {rules.data.leave.map((line) => (
            <Paragraph key={line}>{line}</Paragraph>
          ))}
          <Heading level={3} data-size="sm">
            {t('relatives.video')}
          </Heading>
          <Paragraph>{rules.data.video}</Paragraph>
        </section>
      )}
      <section className="section" aria-labelledby={`${headingId}-hotline`}>
        <Heading level={2} data-size="md" id={`${headingId}-hotline`}>
          {t('relatives.hotline')}
        </Heading>
        <Paragraph>
          <Link href="tel:+4740438888">(+47) 404 388 88</Link>
        </Paragraph>
        <Paragraph>{t('relatives.hotlineText')}</Paragraph>
      </section>
      {state.status === 'anonymous' && (
        <Paragraph>
          <AppLink to="/login">{t('relatives.signIn')}</AppLink>
        </Paragraph>
      )}
    </div>
  );
}
