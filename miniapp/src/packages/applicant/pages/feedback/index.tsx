import { Input, Picker, Textarea, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';

import { FEEDBACK_CATEGORIES, FEEDBACK_LIMITS } from '@titletrack/shared/contract';
import type { MyFeedbackResponse } from '@titletrack/shared/contract';

import { ApplicantGate } from '../../../../components/applicant-gate';
import { pressable } from '../../../../components/a11y';
import { PageRoot } from '../../../../components/page-root';
import { Quotation } from '../../../../components/quotation';
import { Button } from '../../../../components/ui';
import { useAsync } from '../../../../hooks/use-async';
import { usePreferences } from '../../../../hooks/use-preferences';
import { useSession } from '../../../../hooks/use-session';
import { useIsRtl, useT } from '../../../../locales';
import { ApiError } from '../../../../services/api-error';
import { getMyFeedback, submitFeedback } from '../../../../services/feedback-api';
import { formatBeijingMinute } from '../../../../utils/format-time';
import { REGION_CHOICES, regionName } from '../../../../utils/region-name';
import { ROUTES } from '../../../../utils/routes';
import { EMPTY_FEEDBACK_FORM, checkFeedbackForm, typedLength } from './feedback-form';
import type { FeedbackForm, FeedbackFormProblems } from './feedback-form';
import '../../applicant.scss';
import './index.scss';

const classPrefix = 'tt-feedback';

// 投诉建议: write to the title office of a region (the one I follow, unless I choose another),
// and read my submissions with the office's replies (which also arrive in my inbox).
export default function FeedbackPage(): JSX.Element {
  const t = useT();
  const isRtl = useIsRtl();
  const isSignedIn = useSession() !== null;
  const [prefs] = usePreferences();
  const mine = useAsync(
    () => (isSignedIn ? getMyFeedback() : Promise.resolve({ items: [] })),
    [isSignedIn],
  );
  const [regionCode, setRegionCode] = useState(prefs.regionCode);
  const [form, setForm] = useState<FeedbackForm>(EMPTY_FEEDBACK_FORM);
  const [problems, setProblems] = useState<FeedbackFormProblems>({});
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  usePullDownRefresh(() => {
    mine.reload();
    void Taro.stopPullDownRefresh();
  });

  const change = (patch: Partial<FeedbackForm>): void => setForm({ ...form, ...patch });
  const submit = (): void => {
    const check = checkFeedbackForm(t, form, regionCode);
    setMessage(null);
    if (!check.isValid) {
      setProblems(check.problems);
      return;
    }
    setProblems({});
    setIsBusy(true);
    submitFeedback(check.request)
      .then(() => {
        setForm(EMPTY_FEEDBACK_FORM);
        setMessage(t('feedback.submitted'));
        mine.reload();
      })
      .catch((error: unknown) =>
        setMessage(t(`errors.${error instanceof ApiError ? error.code : 'INTERNAL_ERROR'}`)),
      )
      .finally(() => setIsBusy(false));
  };
  // Phone numbers and other Latin contacts keep their order inside Uyghur text.
  const isolated = (value: string): string => (isRtl ? `\u2066${value}\u2069` : value);

  const item = (feedback: MyFeedbackResponse): JSX.Element => (
    <View key={feedback.id} className={`${classPrefix}__item`} id={`feedback-${feedback.id}`}>
      <View className={`${classPrefix}__head`}>
        {t(`feedback.category.${feedback.category}`)} · {t(`feedback.state.${feedback.state}`)}
      </View>
      <View className="tt-screen__muted">
        {t('feedback.submittedAt', { time: isolated(formatBeijingMinute(feedback.createdAt)) })}
      </View>
      <View className={`${classPrefix}__text`}>{feedback.text}</View>
      {feedback.contact ? (
        <View className="tt-screen__muted">{isolated(feedback.contact)}</View>
      ) : null}
      {feedback.reply ? (
        <View className={`${classPrefix}__reply`} id={`feedback-${feedback.id}-reply`}>
          {/* The office's own words: quoted in Uyghur. */}
          {isRtl ? (
            <Quotation lead="feedback.replyQuoted">{feedback.reply}</Quotation>
          ) : (
            <View>{t('feedback.reply', { reply: feedback.reply })}</View>
          )}
          {feedback.repliedAt ? (
            <View className="tt-screen__muted">
              {t('feedback.repliedAt', { time: isolated(formatBeijingMinute(feedback.repliedAt)) })}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );

  return (
    <PageRoot id="feedback-page" title="nav.feedback">
      <View className="tt-screen">
        <ApplicantGate
          isSignedIn={isSignedIn}
          isLoading={mine.isLoading}
          hasData={mine.data !== null}
          hasApplication
          error={mine.error}
          onRetry={mine.reload}
          onGoToMe={() => void Taro.navigateTo({ url: ROUTES.me })}
        >
          {() => (
            <>
              <View className="tt-screen__card" id="feedback-intro">
                {t('feedback.intro', { regionName: regionName(t, regionCode) })}
                <Picker
                  mode="selector"
                  range={REGION_CHOICES.map((region) => regionName(t, region.code))}
                  value={Math.max(
                    0,
                    REGION_CHOICES.findIndex((region) => region.code === regionCode),
                  )}
                  onChange={(event) => {
                    const region = REGION_CHOICES[Number(event.detail.value)];
                    if (region) setRegionCode(region.code);
                  }}
                >
                  <View className="tt-tap" id="feedback-change-region">
                    {t('round.changeRegion')}
                  </View>
                </Picker>
              </View>
              {message ? (
                <View className="tt-screen__card" id="feedback-message" role="status">
                  {message}
                </View>
              ) : null}
              <View className={`${classPrefix}__label`}>{t('feedback.categoryLabel')}</View>
              <View className="tt-screen__tabs" id="feedback-category">
                {FEEDBACK_CATEGORIES.map((category) => (
                  <View
                    key={category}
                    id={`feedback-category-${category}`}
                    className={`tt-screen__tab${form.category === category ? ' tt-screen__tab--active' : ''}`}
                    aria-pressed={form.category === category}
                    {...pressable('button', () => change({ category }))}
                  >
                    {t(`feedback.category.${category}`)}
                  </View>
                ))}
              </View>
              <View className={`${classPrefix}__field`}>
                <View className={`${classPrefix}__label`}>{t('feedback.text')}</View>
                <Textarea
                  id="feedback-text"
                  className={`${classPrefix}__textarea`}
                  value={form.text}
                  maxlength={-1}
                  aria-label={t('feedback.text')}
                  placeholder={t('feedback.textPlaceholder', {
                    max: FEEDBACK_LIMITS.textMaxLength,
                  })}
                  onInput={(event) => change({ text: event.detail.value })}
                />
                <View className={`${classPrefix}__count`}>
                  {t('feedback.count', {
                    count: typedLength(form.text),
                    max: FEEDBACK_LIMITS.textMaxLength,
                  })}
                </View>
                {problems.text ? (
                  <View className="tt-screen__error" id="feedback-text-error" role="alert">
                    {problems.text}
                  </View>
                ) : null}
              </View>
              <View className={`${classPrefix}__field`}>
                <View className={`${classPrefix}__label`}>{t('feedback.contact')}</View>
                <Input
                  id="feedback-contact"
                  className={`${classPrefix}__input`}
                  value={form.contact}
                  aria-label={t('feedback.contact')}
                  placeholder={t('feedback.contactPlaceholder')}
                  onInput={(event) => change({ contact: event.detail.value })}
                />
                {problems.contact ? (
                  <View className="tt-screen__error" id="feedback-contact-error" role="alert">
                    {problems.contact}
                  </View>
                ) : null}
              </View>
              <Button
                className="tt-screen__button"
                id="feedback-submit"
                type="primary"
                block
                loading={isBusy}
                disabled={isBusy}
                onClick={submit}
              >
                {t('feedback.submit')}
              </Button>

              <View className="tt-screen__title" role="heading" aria-level={2}>
                {t('feedback.mine')}
              </View>
              <View id="feedback-mine">
                {(mine.data?.items ?? []).length === 0 ? (
                  <View className="tt-screen__card" id="feedback-empty">
                    {t('feedback.empty')}
                  </View>
                ) : (
                  (mine.data?.items ?? []).map(item)
                )}
              </View>
            </>
          )}
        </ApplicantGate>
      </View>
    </PageRoot>
  );
}
