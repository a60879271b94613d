import { Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

import {
  APPRAISAL_RATING,
  EMPLOYER_KIND,
  GRASSROOTS_SERVICE,
  FACT_NAME,
  SKILL_CERTIFICATE,
} from '@titletrack/shared/domain';
import type { ApplicantFacts, GrassrootsServiceYear } from '@titletrack/shared/domain';

import { ApplicantGate } from '../../../../components/applicant-gate';
import { pressable } from '../../../../components/a11y';
import { PageRoot } from '../../../../components/page-root';
import { Button } from '../../../../components/ui';
import { useAsync } from '../../../../hooks/use-async';
import { useHome } from '../../../../hooks/use-home';
import { useMyProgress } from '../../../../hooks/use-my-progress';
import { useT } from '../../../../locales';
import { declareMyFacts, getMyFacts } from '../../../../services/facts';
import { notifyFactsChanged } from '../../../../services/facts-events';
import { toApiError } from '../../../../services/http-client';
import { formatDual } from '../../../../utils/format-time';
import { declarationFromForm, formFromFacts, isEditable } from '../../../../utils/facts-form';
import type { FactsForm, FactsFormField } from '../../../../utils/facts-form';
import { ROUTES } from '../../../../utils/routes';
import { Choice, FactRow, NumberField } from './fact-row';
import '../../applicant.scss';
import './index.scss';

const YES_NO = [true, false] as const;

// "我的信息": every fact the rules read, where it comes from, and the applicant's own ones to
// change. A change reaches the to-dos at once (the server re-plans).

// The facts answered by one choice (yes / no, an employer kind, a route).
type ChoiceFactName =
  | typeof FACT_NAME.CONTINUING_EDUCATION_EXEMPT
  | typeof FACT_NAME.FIRST_APPLICATION
  | typeof FACT_NAME.EMPLOYER_KIND
  | typeof FACT_NAME.ROUTE_THIS_YEAR;

export default function FactsPage(): JSX.Element {
  const t = useT();
  const mine = useMyProgress();
  // The counting years and hours of my round's notice (this year's, or the latest earlier one).
  const round = useHome(undefined).data?.round ?? null;
  const rules = (round?.calendar ?? round?.previous ?? null)?.rules ?? null;
  const loaded = useAsync(() => getMyFacts(), [mine.isSignedIn]);
  const [facts, setFacts] = useState<ApplicantFacts>({});
  const [form, setForm] = useState<FactsForm | null>(null);
  const [changed, setChanged] = useState<Set<FactsFormField>>(new Set());
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const countingYears = rules?.continuingEducation.countingYears ?? [];

  useEffect(() => {
    if (!loaded.data) return;
    setFacts(loaded.data.facts);
    setForm(formFromFacts(loaded.data.facts, countingYears));
    setChanged(new Set());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded.data, countingYears.join(',')]);

  const edit = <K extends FactsFormField>(name: K, value: FactsForm[K]): void => {
    setForm((before) => (before ? { ...before, [name]: value } : before));
    setChanged((before) => new Set(before).add(name));
    setMessage(null);
  };
  const locked = (name: keyof ApplicantFacts): boolean => !isEditable(facts, name);
  const errorText = (key: string): string | null => {
    const code = errors[key];
    return code ? t(`guide.facts.invalid.${code as 'hoursNotANumber'}`) : null;
  };

  const save = (): void => {
    if (!form) return;
    const result = declarationFromForm(form, changed);
    if (!result.isValid) {
      setErrors(result.errors);
      setMessage(t('guide.facts.fixErrors'));
      return;
    }
    setErrors({});
    setBusy(true);
    declareMyFacts(result.request)
      .then((answer) => {
        setFacts(answer.facts);
        setForm(formFromFacts(answer.facts, countingYears));
        setChanged(new Set());
        setMessage(t('guide.facts.saved'));
        notifyFactsChanged();
      })
      .catch((failure: unknown) => setMessage(t(`errors.${toApiError(failure).code}`)))
      .finally(() => setBusy(false));
  };

  const yesNo = YES_NO.map((value) => ({
    value,
    label: value ? t('guide.facts.yes') : t('guide.facts.no'),
  }));
  const defence = facts.defenceScheduledAt;

  // A fact answered by choosing one option: the form field and the fact share their name.
  const choiceFact = <N extends ChoiceFactName>(
    id: string,
    name: N,
    options: readonly { value: NonNullable<FactsForm[N]>; label: string }[],
  ): JSX.Element => (
    <FactRow id={id} title={t(`guide.facts.name.${name}`)} fact={facts[name]}>
      <Choice
        id={`${id}-choice`}
        value={form?.[name] ?? null}
        options={options}
        isDisabled={locked(name)}
        onChange={(value) => edit(name, value as FactsForm[N])}
      />
    </FactRow>
  );

  return (
    <PageRoot id="facts-page" title="guide.facts.title">
      <View className="tt-screen tt-facts">
        <ApplicantGate
          isSignedIn={mine.isSignedIn}
          isLoading={loaded.isLoading}
          hasData={form !== null}
          hasApplication
          error={loaded.error}
          onRetry={loaded.reload}
          onGoToMe={() => void Taro.navigateTo({ url: ROUTES.me })}
        >
          {() =>
            form ? (
              <>
                <View className="tt-screen__card tt-screen__muted">{t('guide.facts.intro')}</View>
                <FactRow
                  id="ce"
                  title={t('guide.facts.name.continuingEducation')}
                  fact={facts.continuingEducation}
                >
                  {rules ? (
                    <View className="tt-screen__muted">
                      {t('guide.facts.ceRule', {
                        minHours: rules.continuingEducation.minHoursPerYear,
                        minProfessional: rules.continuingEducation.minProfessionalHours,
                      })}
                    </View>
                  ) : null}
                  {form.continuingEducation.map((row, index) => {
                    const update = (patch: Partial<typeof row>): void =>
                      edit(
                        'continuingEducation',
                        form.continuingEducation.map((r, i) =>
                          i === index ? { ...r, ...patch } : r,
                        ),
                      );
                    return (
                      <View key={row.year} className="tt-facts__year" id={`ce-${row.year}`}>
                        <View className="tt-facts__year-title">
                          {t('guide.facts.ceYear', { year: row.year })}
                        </View>
                        <NumberField
                          id={`ce-${row.year}-public`}
                          label={t('guide.facts.cePublic')}
                          value={row.publicHours}
                          error={errorText(`continuingEducation.${row.year}.public`)}
                          isDisabled={locked(FACT_NAME.CONTINUING_EDUCATION)}
                          onChange={(value) => update({ publicHours: value })}
                        />
                        <NumberField
                          id={`ce-${row.year}-professional`}
                          label={t('guide.facts.ceProfessional')}
                          value={row.professionalHours}
                          error={errorText(`continuingEducation.${row.year}.professional`)}
                          isDisabled={locked(FACT_NAME.CONTINUING_EDUCATION)}
                          onChange={(value) => update({ professionalHours: value })}
                        />
                      </View>
                    );
                  })}
                </FactRow>
                {choiceFact('exempt', FACT_NAME.CONTINUING_EDUCATION_EXEMPT, yesNo)}
                {choiceFact('first', FACT_NAME.FIRST_APPLICATION, yesNo)}
                {choiceFact(
                  'employer',
                  FACT_NAME.EMPLOYER_KIND,
                  Object.values(EMPLOYER_KIND).map((value) => ({
                    value,
                    label: t(`guide.facts.employer.${value}`),
                  })),
                )}
                {choiceFact(
                  'route',
                  FACT_NAME.ROUTE_THIS_YEAR,
                  (['prefecture_directed', 'region'] as const).map((value) => ({
                    value,
                    label: t(`guide.facts.route.${value}`),
                  })),
                )}
                <GrassrootsEditor
                  rows={form.grassrootsService}
                  fact={facts.grassrootsService}
                  isDisabled={locked(FACT_NAME.GRASSROOTS_SERVICE)}
                  error={Object.keys(errors).some((k) => k.startsWith('grassrootsService'))}
                  onChange={(rows) => edit('grassrootsService', rows)}
                />
                <FactRow
                  id="skilled"
                  title={t('guide.facts.name.skilledWorkerCertificate')}
                  fact={facts.skilledWorkerCertificate}
                >
                  <Choice
                    id="skilled-choice"
                    value={form.skilledWorkerCertificate?.certificate ?? null}
                    options={Object.values(SKILL_CERTIFICATE).map((value) => ({
                      value,
                      label: t(`guide.facts.skill.${value}`),
                    }))}
                    isDisabled={locked(FACT_NAME.SKILLED_WORKER_CERTIFICATE)}
                    onChange={(certificate) =>
                      edit('skilledWorkerCertificate', {
                        obtainedOn: '',
                        yearsOfSkilledWork: 0,
                        ...form.skilledWorkerCertificate,
                        certificate,
                      })
                    }
                  />
                  {form.skilledWorkerCertificate ? (
                    <>
                      <View className="tt-facts__label">{t('guide.facts.skillObtainedOn')}</View>
                      <Input
                        className="tt-facts__input"
                        id="skilled-date"
                        value={form.skilledWorkerCertificate.obtainedOn}
                        placeholder="2019-06-30"
                        aria-label={t('guide.facts.skillObtainedOn')}
                        disabled={locked(FACT_NAME.SKILLED_WORKER_CERTIFICATE)}
                        onInput={(event) => {
                          const current = form.skilledWorkerCertificate;
                          if (current)
                            edit('skilledWorkerCertificate', {
                              ...current,
                              obtainedOn: event.detail.value.trim(),
                            });
                        }}
                      />
                      {errorText('skilledWorkerCertificate.obtainedOn') ? (
                        <View className="tt-facts__error">
                          {errorText('skilledWorkerCertificate.obtainedOn')}
                        </View>
                      ) : null}
                      <NumberField
                        id="skilled-years"
                        label={t('guide.facts.skillYears')}
                        value={String(form.skilledWorkerCertificate.yearsOfSkilledWork)}
                        error={errorText('skilledWorkerCertificate.years')}
                        isDisabled={locked(FACT_NAME.SKILLED_WORKER_CERTIFICATE)}
                        onChange={(value) => {
                          const current = form.skilledWorkerCertificate;
                          if (current)
                            edit('skilledWorkerCertificate', {
                              ...current,
                              yearsOfSkilledWork: Number(value),
                            });
                        }}
                      />
                    </>
                  ) : null}
                </FactRow>
                <FactRow
                  id="defence"
                  title={t('guide.facts.name.defenceScheduledAt')}
                  fact={defence}
                >
                  <View className="tt-screen__line" id="defence-at">
                    {defence
                      ? formatDual(t, new Date(defence.value), true)
                      : t('guide.facts.defenceUnknown')}
                  </View>
                </FactRow>
                {message ? (
                  <View className="tt-screen__card" id="facts-message" role="status">
                    {message}
                  </View>
                ) : null}
                <Button
                  className="tt-screen__button"
                  id="facts-save"
                  type="primary"
                  block
                  loading={busy}
                  disabled={changed.size === 0}
                  onClick={save}
                >
                  {t('guide.facts.save')}
                </Button>
              </>
            ) : null
          }
        </ApplicantGate>
      </View>
    </PageRoot>
  );
}

function GrassrootsEditor({
  rows,
  fact,
  isDisabled,
  error,
  onChange,
}: {
  rows: GrassrootsServiceYear[];
  fact: ApplicantFacts['grassrootsService'];
  isDisabled: boolean;
  error: boolean;
  onChange: (rows: GrassrootsServiceYear[]) => void;
}): JSX.Element {
  const t = useT();
  const [year, setYear] = useState('');
  const [service, setService] = useState<GrassrootsServiceYear['service']>(
    GRASSROOTS_SERVICE.FANG_HUI_JU,
  );
  const [rating, setRating] = useState<GrassrootsServiceYear['rating']>(APPRAISAL_RATING.COMPETENT);
  return (
    <FactRow id="grassroots" title={t('guide.facts.name.grassrootsService')} fact={fact}>
      {rows.map((row, index) => (
        <View key={`${row.year}-${row.service}`} className="tt-facts__service">
          <View>
            {t('guide.facts.serviceRow', {
              year: row.year,
              service: t(`service.${row.service}`),
              rating: t(`guide.facts.rating.${row.rating}`),
            })}
          </View>
          {isDisabled ? null : (
            <View
              className="tt-facts__remove"
              {...pressable('button', () => onChange(rows.filter((_, i) => i !== index)))}
            >
              {t('guide.facts.remove')}
            </View>
          )}
        </View>
      ))}
      {isDisabled ? null : (
        <View className="tt-facts__add" id="grassroots-add">
          <NumberField
            id="grassroots-year"
            label={t('guide.facts.serviceYear')}
            value={year}
            error={error ? t('guide.facts.invalid.yearOutOfRange') : null}
            isDisabled={false}
            onChange={setYear}
          />
          <Choice
            id="grassroots-service"
            value={service}
            options={Object.values(GRASSROOTS_SERVICE).map((value) => ({
              value,
              label: t(`service.${value}`),
            }))}
            isDisabled={false}
            onChange={setService}
          />
          <Choice
            id="grassroots-rating"
            value={rating}
            options={Object.values(APPRAISAL_RATING).map((value) => ({
              value,
              label: t(`guide.facts.rating.${value}`),
            }))}
            isDisabled={false}
            onChange={setRating}
          />
          <View
            className="tt-screen__tab tt-facts__choice"
            id="grassroots-add-button"
            {...pressable('button', () => {
              if (year.trim() === '') return;
              onChange([...rows, { year: Number(year), service, rating }]);
              setYear('');
            })}
          >
            {t('guide.facts.addService')}
          </View>
        </View>
      )}
    </FactRow>
  );
}
