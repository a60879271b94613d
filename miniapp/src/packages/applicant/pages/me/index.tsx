import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';

import { DEMO_PERSONA } from '@titletrack/shared/contract';
import type { BindApplicationRequest, DemoPersona } from '@titletrack/shared/contract';
import { isApplicationStatus } from '@titletrack/shared/domain';
import { isolate } from '@titletrack/shared/locales';

import { pressable } from '../../../../components/a11y';
import { BindForm } from '../../../../components/bind-form';
import { PageRoot } from '../../../../components/page-root';
import { RuleSource, ZhSentence, ZhText, zhSlot } from '../../../../components/quotation';
import { Button, Cell, Switch } from '../../../../components/ui';
import { useCached } from '../../../../hooks/use-cached';
import { useHome } from '../../../../hooks/use-home';
import { useUnreadCount } from '../../../../hooks/use-inbox';
import { useMyProgress } from '../../../../hooks/use-my-progress';
import { usePreferences } from '../../../../hooks/use-preferences';
import { useSubscriptions } from '../../../../hooks/use-subscriptions';
import { LOCALE, useIsRtl, useT } from '../../../../locales';
import { ApiError } from '../../../../services/api-error';
import { signIn, signOut } from '../../../../services/auth';
import { bindApplication, unbindApplication } from '../../../../services/bindings';
import { signInAsDemo } from '../../../../services/demo';
import { getHealth } from '../../../../services/health';
import { notifySessionChanged } from '../../../../services/session-events';
import { taroStorage } from '../../../../services/taro-storage';
import { appNow } from '../../../../utils/clock';
import { validateBindForm } from '../../../../utils/bind-validation';
import { ROUTES } from '../../../../utils/routes';
import { rememberTextSizeChoice } from '../../../../utils/system-font-size';
import '../../applicant.scss';

const PERSONAS = Object.values(DEMO_PERSONA);

export default function MePage(): JSX.Element {
  const t = useT();
  const isRtl = useIsRtl();
  const mine = useMyProgress();
  const health = useCached('health', getHealth, []);
  const [prefs, setPrefs] = usePreferences();
  const subscriptions = useSubscriptions();
  const unread = useUnreadCount();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [bindError, setBindError] = useState<string | null>(null);
  // Contacts and templates of the notice of my current round (this year's, or while it is not
  // out the latest earlier one): an office's phone numbers rarely change between years.
  const round = useHome(undefined).data?.round ?? null;
  const rules = (round?.calendar ?? round?.previous ?? null)?.rules ?? null;

  const explain = (error: unknown): string =>
    t(`errors.${error instanceof ApiError ? error.code : 'INTERNAL_ERROR'}`);
  const run = (action: () => Promise<unknown>, done?: string): void => {
    setBusy(true);
    setMessage(null);
    action()
      .then(() => {
        if (done) setMessage(done);
        notifySessionChanged();
      })
      .catch((error: unknown) => setMessage(explain(error)))
      .finally(() => setBusy(false));
  };
  const tryDemo = (persona: DemoPersona): void =>
    run(async () => {
      await signInAsDemo(persona);
      await Taro.navigateTo({ url: ROUTES.application() });
    });
  const bind = (form: BindApplicationRequest): void => {
    setBusy(true);
    setBindError(null);
    bindApplication({ ...form, name: form.name.trim(), applicationNo: form.applicationNo.trim() })
      .then(() => {
        setMessage(t('me.bind.bound'));
        mine.reload();
      })
      .catch((error: unknown) => setBindError(explain(error)))
      .finally(() => setBusy(false));
  };
  const unbind = (id: string): void => {
    void Taro.showModal({ content: t('me.unbindConfirm') }).then(({ confirm }) => {
      if (confirm) run(() => unbindApplication(id).then(mine.reload));
    });
  };
  // The session, every cached answer about this applicant and a demo clock all go (services/auth.ts).
  const leave = (): void => run(signOut);

  return (
    <PageRoot id="me-page" title="nav.me" tab="me" unread={unread}>
      <View className="tt-screen">
        {message ? (
          <View className="tt-screen__card" id="me-message" role="status">
            {message}
          </View>
        ) : null}
        <View className="tt-screen__title" role="heading" aria-level={2}>
          {isRtl ? (
            <ZhSentence
              text={t('me.language', { other: zhSlot('other') })}
              zh={{ other: t('me.languageOther') }}
            />
          ) : (
            t('me.language', { other: t('me.languageOther') })
          )}
        </View>
        <View className="tt-screen__tabs" id="language-switch">
          <View
            id="lang-zh-CN"
            className={`tt-screen__tab${prefs.locale === LOCALE.ZH_CN ? ' tt-screen__tab--active' : ''}`}
            aria-pressed={prefs.locale === LOCALE.ZH_CN}
            // Each language's name is written in that language.
            {...{ lang: LOCALE.ZH_CN }}
            {...pressable('button', () => setPrefs({ locale: LOCALE.ZH_CN }))}
          >
            {t('me.languageName.zh-CN')}
          </View>
          <View
            id="lang-ug"
            className={`tt-screen__tab${prefs.locale === LOCALE.UG ? ' tt-screen__tab--active' : ''}`}
            aria-pressed={prefs.locale === LOCALE.UG}
            {...{ lang: LOCALE.UG }}
            {...pressable('button', () => setPrefs({ locale: LOCALE.UG }))}
          >
            {t('me.languageName.ug')}
          </View>
        </View>
        <Cell
          title={t('me.largeText')}
          extra={
            <Switch
              id="large-text"
              checked={prefs.isLargeText}
              // NutUI writes its own aria props under names H5 ignores (ariaRole); these are real.
              {...{
                role: 'switch',
                'aria-checked': prefs.isLargeText,
                'aria-label': t('me.largeText'),
              }}
              onChange={(value: boolean) => {
                rememberTextSizeChoice(taroStorage);
                setPrefs({ isLargeText: value });
              }}
            />
          }
        />

        <View className="tt-screen__title" role="heading" aria-level={2}>
          {mine.isSignedIn ? t('me.signedIn') : t('me.notSignedIn')}
        </View>
        {mine.isSignedIn ? (
          <Button
            className="tt-screen__button"
            id="sign-out"
            fill="outline"
            block
            disabled={busy}
            onClick={leave}
          >
            {t('me.signOut')}
          </Button>
        ) : (
          <Button
            className="tt-screen__button"
            id="sign-in"
            type="primary"
            block
            loading={busy}
            onClick={() => run(signIn)}
          >
            {t('me.signIn')}
          </Button>
        )}

        {health.data?.isClockOverrideAllowed ? (
          <View className="tt-screen__card" id="demo-sign-in">
            <View className="tt-screen__big">{t('me.demo.title')}</View>
            <View className="tt-screen__muted">{t('me.demo.hint')}</View>
            {PERSONAS.map((persona) => (
              <Button
                key={persona}
                className="tt-screen__button"
                id={`demo-${persona}`}
                fill="outline"
                block
                disabled={busy}
                onClick={() => tryDemo(persona)}
              >
                {t(`me.demo.persona.${persona}`)}
              </Button>
            ))}
          </View>
        ) : null}

        {mine.isSignedIn ? (
          <>
            <View
              id="facts-entry"
              {...pressable('link', () => void Taro.navigateTo({ url: ROUTES.facts }))}
            >
              <Cell title={t('guide.facts.title')} description={t('guide.facts.entryHint')} />
            </View>
            <View
              id="eligibility-entry"
              {...pressable('link', () => void Taro.navigateTo({ url: ROUTES.eligibility }))}
            >
              <Cell
                title={t('guide.eligibility.title')}
                description={t('guide.eligibility.entryHint')}
              />
            </View>
            <View className="tt-screen__title" role="heading" aria-level={2}>
              {t('me.myApplications')}
            </View>
            {(mine.data?.summaries ?? []).map((summary) => (
              <Cell
                key={summary.id}
                title={isolate(summary.applicationNo, isRtl)}
                description={
                  <>
                    <ZhText>{summary.applicantName}</ZhText> ·{' '}
                    {isolate(summary.idCardNumberMasked, isRtl)} ·{' '}
                    {isApplicationStatus(summary.status)
                      ? t(`status.label.${summary.status}`)
                      : summary.status}
                  </>
                }
                extra={
                  <Button
                    size="small"
                    fill="outline"
                    id={`unbind-${summary.id}`}
                    onClick={() => unbind(summary.id)}
                  >
                    {t('me.unbind')}
                  </Button>
                }
                onClick={() => void Taro.navigateTo({ url: ROUTES.application(summary.id) })}
              />
            ))}
            <View className="tt-screen__title" role="heading" aria-level={2}>
              {t('me.bind.title')}
            </View>
            <BindForm
              isSubmitting={busy}
              serverError={bindError}
              validate={(form) => validateBindForm(form, appNow())}
              onSubmit={bind}
            />
            <View className="tt-screen__title" role="heading" aria-level={2}>
              {t('subscribe.title')}
            </View>
            <View className="tt-screen__card" id="subscriptions">
              <View className="tt-screen__muted">
                {subscriptions.isAvailable ? t('subscribe.hint') : t('subscribe.unavailable')}
              </View>
              <Button
                className="tt-screen__button"
                id="subscribe"
                type="primary"
                block
                onClick={subscriptions.request}
              >
                {t('subscribe.ask')}
              </Button>
              {subscriptions.note ? (
                <View className="tt-screen__line" id="subscribe-note" role="status">
                  {subscriptions.note}
                </View>
              ) : null}
            </View>
          </>
        ) : null}

        {/* 投诉建议 is offered to everyone (国办函〔2026〕12号); the page asks for sign-in itself. */}
        <View
          id="feedback-entry"
          {...pressable('link', () => void Taro.navigateTo({ url: ROUTES.feedback }))}
        >
          <Cell title={t('me.feedbackEntry')} description={t('me.feedbackEntryHint')} />
        </View>

        {rules ? (
          <>
            <View className="tt-screen__title" role="heading" aria-level={2}>
              {t('me.contacts.title')}
            </View>
            <View id="contacts">
              {rules.contacts.map((contact) => (
                <View
                  key={contact.phone}
                  {...pressable(
                    'button',
                    () =>
                      void Taro.makePhoneCall({ phoneNumber: contact.phone }).catch(
                        () => undefined,
                      ),
                  )}
                >
                  <Cell
                    title={
                      contact.role === 'supervision' ? (
                        t('me.contacts.supervision')
                      ) : (
                        <ZhSentence
                          text={t('me.contacts.contact', { name: zhSlot('name') })}
                          zh={{ name: contact.name ?? '' }}
                        />
                      )
                    }
                    extra={
                      <View className="tt-phone">
                        {t('me.contacts.call', { phone: contact.phone })}
                      </View>
                    }
                  />
                </View>
              ))}
            </View>
            <View className="tt-screen__muted tt-screen__line">
              <RuleSource
                notice={rules.noticeDocumentNumber}
                section={rules.sections.R20}
                rule="R20"
              />
            </View>

            <View className="tt-screen__title" role="heading" aria-level={2}>
              {t('me.templates.title')}
            </View>
            <View id="templates">
              {rules.attachmentTemplates.map((name) => (
                <Cell key={name} title={<ZhText>{name}</ZhText>} />
              ))}
            </View>
            <View className="tt-screen__muted tt-screen__line">{t('me.templates.hint')}</View>
          </>
        ) : null}
        <View
          id="office-entry"
          className="tt-screen__muted tt-screen__line"
          {...pressable('link', () => void Taro.navigateTo({ url: ROUTES.officeSignIn }))}
        >
          {t('me.officeEntry')}
        </View>
      </View>
    </PageRoot>
  );
}
