import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import type { EligibilityResponse } from '@titletrack/shared/contract';
import { ELIGIBILITY_VERDICT, TITLE_LEVEL, TITLE_SERIES } from '@titletrack/shared/domain';
import type { TitleLevel, TitleSeries } from '@titletrack/shared/domain';

import { ApplicantGate } from '../../../../components/applicant-gate';
import { PageRoot } from '../../../../components/page-root';
import { Quotation, RuleSource, ZhSentence, zhSlot } from '../../../../components/quotation';
import { Button } from '../../../../components/ui';
import { useMyProgress } from '../../../../hooks/use-my-progress';
import { usePreferences } from '../../../../hooks/use-preferences';
import { useT } from '../../../../locales';
import { checkMyEligibility } from '../../../../services/facts';
import { toApiError } from '../../../../services/http-client';
import { appNow } from '../../../../utils/clock';
import { reasonText } from '../../../../utils/eligibility-text';
import { ROUTES } from '../../../../utils/routes';
import { Choice, NumberField } from '../facts/fact-row';
import '../../applicant.scss';
import '../facts/index.scss';
import './index.scss';

const LEVELS = Object.values(TITLE_LEVEL);
const SERIES = Object.values(TITLE_SERIES);

// "我能不能报": a level and series against the facts I have stated, rule by rule, each answer
// with the notice's own words. No bound application needed.
export default function EligibilityPage(): JSX.Element {
  const t = useT();
  const mine = useMyProgress();
  const [{ regionCode }] = usePreferences();
  const [level, setLevel] = useState<TitleLevel>(TITLE_LEVEL.INTERMEDIATE);
  const [series, setSeries] = useState<TitleSeries>(TITLE_SERIES.ENGINEERING);
  const [currentLevel, setCurrentLevel] = useState<TitleLevel | null>(null);
  const [obtainedYear, setObtainedYear] = useState('');
  const [answer, setAnswer] = useState<EligibilityResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = (): void => {
    const year = obtainedYear.trim() === '' ? null : Number(obtainedYear);
    if (
      year !== null &&
      (!Number.isInteger(year) || year < 1980 || year > appNow().getFullYear())
    ) {
      setProblem(t('guide.facts.invalid.yearOutOfRange'));
      return;
    }
    setBusy(true);
    setProblem(null);
    checkMyEligibility({
      level,
      series,
      regionCode,
      currentLevel,
      titleObtainedYear: currentLevel ? year : null,
    })
      .then((response) => {
        setAnswer(response);
        // The answers come below a long form: bring them into view.
        setTimeout(() => {
          void Taro.pageScrollTo({ selector: '#eligibility-answers', duration: 0 }).catch(
            () => undefined,
          );
        }, 0);
      })
      .catch((failure: unknown) => {
        setAnswer(null);
        setProblem(t(`errors.${toApiError(failure).code}`));
      })
      .finally(() => setBusy(false));
  };
  const needsFacts =
    answer?.answers.some(
      (a) => a.verdict === ELIGIBILITY_VERDICT.UNKNOWN || a.verdict === ELIGIBILITY_VERDICT.MISSING,
    ) ?? false;

  return (
    <PageRoot id="eligibility-page" title="guide.eligibility.title">
      <View className="tt-screen tt-facts">
        <ApplicantGate
          isSignedIn={mine.isSignedIn}
          isLoading={false}
          hasData
          hasApplication
          error={null}
          onRetry={() => undefined}
          onGoToMe={() => void Taro.navigateTo({ url: ROUTES.me })}
        >
          {() => (
            <>
              <View className="tt-screen__card">
                <View className="tt-facts__label">{t('guide.eligibility.level')}</View>
                <Choice
                  id="eligibility-level"
                  value={level}
                  options={LEVELS.map((value) => ({ value, label: t(`level.${value}`) }))}
                  isDisabled={false}
                  onChange={setLevel}
                />
                <View className="tt-facts__label">{t('guide.eligibility.series')}</View>
                <Choice
                  id="eligibility-series"
                  value={series}
                  options={SERIES.map((value) => ({ value, label: t(`series.${value}`) }))}
                  isDisabled={false}
                  onChange={setSeries}
                />
                <View className="tt-facts__label">{t('guide.eligibility.currentLevel')}</View>
                <Choice<TitleLevel | 'none'>
                  id="eligibility-current"
                  value={currentLevel ?? 'none'}
                  options={[
                    { value: 'none', label: t('guide.eligibility.noTitle') },
                    ...LEVELS.map((value) => ({ value, label: t(`level.${value}`) })),
                  ]}
                  isDisabled={false}
                  onChange={(value) => setCurrentLevel(value === 'none' ? null : value)}
                />
                {currentLevel ? (
                  <NumberField
                    id="eligibility-obtained"
                    label={t('guide.eligibility.obtainedYear')}
                    value={obtainedYear}
                    error={null}
                    isDisabled={false}
                    onChange={setObtainedYear}
                  />
                ) : null}
                <Button
                  className="tt-screen__button"
                  id="eligibility-check"
                  type="primary"
                  block
                  loading={busy}
                  onClick={check}
                >
                  {t('guide.eligibility.check')}
                </Button>
              </View>
              {problem ? (
                <View
                  className="tt-screen__card tt-screen__error"
                  id="eligibility-problem"
                  role="alert"
                >
                  {problem}
                </View>
              ) : null}
              {answer ? (
                <View id="eligibility-answers">
                  <View className="tt-screen__muted tt-eligibility__notice">
                    <ZhSentence
                      text={t('guide.eligibility.against', {
                        notice: zhSlot('notice'),
                        year: answer.year,
                      })}
                      zh={{ notice: answer.noticeDocumentNumber }}
                    />
                  </View>
                  {answer.answers.map((item) => (
                    <View
                      key={item.ruleId}
                      className={`tt-screen__card tt-eligibility tt-eligibility--${item.verdict}`}
                      id={`answer-${item.ruleId}`}
                      data-verdict={item.verdict}
                    >
                      <View className="tt-eligibility__verdict">
                        {t(`guide.eligibility.verdict.${item.verdict}`)}
                      </View>
                      <View className="tt-screen__line">{reasonText(t, item)}</View>
                      <Quotation
                        className="tt-screen__line tt-eligibility__quote"
                        lead="notice.original"
                      >
                        “{item.quote}”
                      </Quotation>
                      <View className="tt-screen__muted">
                        <RuleSource
                          notice={answer.noticeDocumentNumber}
                          section={item.section}
                          rule={item.ruleId}
                        />
                      </View>
                    </View>
                  ))}
                  {needsFacts ? (
                    <Button
                      className="tt-screen__button"
                      id="go-facts"
                      block
                      onClick={() => void Taro.navigateTo({ url: ROUTES.facts })}
                    >
                      {t('guide.eligibility.completeFacts')}
                    </Button>
                  ) : null}
                </View>
              ) : null}
            </>
          )}
        </ApplicantGate>
      </View>
    </PageRoot>
  );
}
