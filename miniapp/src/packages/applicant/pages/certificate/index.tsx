import { Image, Input, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';

import type {
  MyCertificate,
  ShareLinkView,
  VerificationLogEntry,
} from '@titletrack/shared/contract';
import {
  CERTIFICATE_STATE,
  SHAREABLE_FIELD,
  SHARE_LINK_RULES,
  TITLE_LEVEL,
  TITLE_SERIES,
  checkShareLinkRequest,
} from '@titletrack/shared/domain';
import type { ShareableField } from '@titletrack/shared/domain';
import { isolate } from '@titletrack/shared/locales';

import { pressable } from '../../../../components/a11y';
import { ApplicantGate } from '../../../../components/applicant-gate';
import { PageRoot } from '../../../../components/page-root';
import { PrivacySheet } from '../../../../components/privacy-sheet';
import { Quotation, ZhSentence, ZhText, zhSlot } from '../../../../components/quotation';
import { Button, Tag } from '../../../../components/ui';
import { useMyCertificates } from '../../../../hooks/use-my-certificates';
import { useMyProgress } from '../../../../hooks/use-my-progress';
import { useIsRtl, useT } from '../../../../locales';
import { toApiError } from '../../../../services/http-client';
import {
  createShareLink,
  getShareLinks,
  getVerifications,
  revokeShareLink,
} from '../../../../services/certificates';
import { isOneOf } from '../../../../utils/closed-set';
import { ROUTES } from '../../../../utils/routes';
import { saveQrImage } from './save-qr';
import '../../applicant.scss';
import './index.scss';

const EXPIRY_CHOICES = [7, 30, SHARE_LINK_RULES.maxDays] as const;
const FIELDS = Object.values(SHAREABLE_FIELD);

function ShareLinks({ certificate }: { certificate: MyCertificate }): JSX.Element {
  const t = useT();
  const isRtl = useIsRtl();
  const [links, setLinks] = useState<ShareLinkView[]>([]);
  const [isOpen, setIsOpen] = useState(false);
  const [log, setLog] = useState<VerificationLogEntry[] | null>(null);
  const [purpose, setPurpose] = useState('');
  const [days, setDays] = useState<number>(30);
  const [fields, setFields] = useState<ShareableField[]>([SHAREABLE_FIELD.FULL_NAME]);
  const [created, setCreated] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = async (): Promise<void> => {
    const [shareLinks, verifications] = await Promise.all([
      getShareLinks(certificate.id),
      getVerifications(certificate.id),
    ]);
    setLinks(shareLinks.items);
    setLog(verifications.items);
    setIsOpen(true);
  };
  const fail = (error: unknown): void => setProblem(t(`errors.${toApiError(error).code}`));
  const create = async (): Promise<void> => {
    // The shared rule answers at once, in the user's language; the server checks it again.
    const check = checkShareLinkRequest({
      purpose,
      expiresInDays: days,
      fields,
      activeLinks: links.map((link) => ({
        expiresAt: new Date(link.expiresAt),
        revokedAt: link.revokedAt ? new Date(link.revokedAt) : null,
      })),
      certificateState: certificate.state,
      now: new Date(),
    });
    if (!check.isAllowed) {
      setProblem(t(`certificate.refused.${check.reason}`));
      return;
    }
    setProblem(null);
    try {
      const link = await createShareLink(certificate.id, { purpose, expiresInDays: days, fields });
      setPurpose('');
      // The list first, then the banner: both show the new link together.
      await load();
      setCreated(link.url);
    } catch (error) {
      fail(error);
    }
  };
  const revoke = async (shareId: string): Promise<void> => {
    try {
      await revokeShareLink(certificate.id, shareId);
      await load();
    } catch (error) {
      fail(error);
    }
  };
  const toggle = (field: ShareableField): void =>
    setFields((current) =>
      current.includes(field) ? current.filter((f) => f !== field) : [...current, field],
    );

  if (!isOpen) {
    return (
      <Button id="certificate-open-sharing" onClick={() => void load().catch(fail)}>
        {t('certificate.manageSharing')}
      </Button>
    );
  }
  return (
    <View className="tt-screen__card" id="certificate-sharing">
      <View className="tt-screen__title" role="heading" aria-level={2}>
        {t('certificate.shareTitle')}
      </View>
      <View className="tt-screen__muted">
        {t('certificate.shareHint', {
          max: SHARE_LINK_RULES.maxActive,
          days: SHARE_LINK_RULES.maxDays,
        })}
      </View>
      {certificate.state === CERTIFICATE_STATE.VALID ? (
        <View id="certificate-share-form">
          <Input
            className="tt-screen__input"
            value={purpose}
            maxlength={SHARE_LINK_RULES.maxPurposeLength}
            placeholder={t('certificate.purposePlaceholder')}
            aria-label={t('certificate.purposePlaceholder')}
            onInput={(event) => setPurpose(event.detail.value)}
          />
          <View className="tt-screen__line">
            {EXPIRY_CHOICES.map((choice) => (
              // NutUI's Tag drops role and aria attributes: the view around it is the control.
              <View
                key={choice}
                style={{ display: 'inline-block' }}
                aria-pressed={days === choice}
                {...pressable('button', () => setDays(choice))}
              >
                <Tag type={days === choice ? 'primary' : 'default'}>
                  {t('certificate.days', { days: choice })}
                </Tag>
              </View>
            ))}
          </View>
          <View className="tt-screen__line">
            {FIELDS.map((field) => (
              <View
                key={field}
                style={{ display: 'inline-block' }}
                aria-pressed={fields.includes(field)}
                {...pressable('button', () => toggle(field))}
              >
                <Tag type={fields.includes(field) ? 'primary' : 'default'}>
                  {t(`certificate.field.${field}`)}
                </Tag>
              </View>
            ))}
          </View>
          <Button type="primary" id="certificate-create-share" onClick={() => void create()}>
            {t('certificate.createShare')}
          </Button>
        </View>
      ) : null}
      {problem ? <View className="tt-screen__error">{problem}</View> : null}
      {created ? (
        <View className="tt-screen__line" id="certificate-share-created">
          {t('certificate.shareCreated')}
          <Button onClick={() => void Taro.setClipboardData({ data: created })}>
            {t('certificate.copyLink')}
          </Button>
        </View>
      ) : null}
      {links.map((link) => (
        <View key={link.id} className="tt-screen__line" id={`share-${link.id}`}>
          <Tag type={link.isActive ? 'success' : 'default'}>
            {link.isActive ? t('certificate.active') : t('certificate.inactive')}
          </Tag>{' '}
          {link.purpose} · {t('certificate.until', { date: link.expiresAt.slice(0, 10) })}
          {link.isActive ? (
            <Button onClick={() => void revoke(link.id)}>{t('certificate.revokeShare')}</Button>
          ) : null}
        </View>
      ))}
      <View className="tt-screen__title" role="heading" aria-level={2}>
        {t('certificate.logTitle')}
      </View>
      {log !== null && log.length === 0 ? (
        <View className="tt-screen__muted">{t('certificate.logEmpty')}</View>
      ) : null}
      {(log ?? []).map((entry) => (
        <View key={entry.id} className="tt-screen__line" id={`verification-${entry.id}`}>
          {isolate(`${entry.verifiedAt.slice(0, 16).replace('T', ' ')} UTC`, isRtl)} ·{' '}
          {entry.channel === 'share'
            ? t('certificate.viaShare', { purpose: entry.sharePurpose ?? '' })
            : t('certificate.viaQr')}{' '}
          · {t('certificate.verifier', { tag: entry.verifierTag.slice(0, 6) })}
        </View>
      ))}
    </View>
  );
}

export default function CertificatePage(): JSX.Element {
  const t = useT();
  const mine = useMyCertificates();
  usePullDownRefresh(() => {
    mine.reload();
    void Taro.stopPullDownRefresh();
  });
  const certificates = mine.data?.items ?? [];
  // Bound but no certificate yet is a different answer from not bound: it comes after the
  // qualification document, and binding again would not help.
  const progress = useMyProgress();
  const isBound = (progress.data?.summaries.length ?? 0) > 0;
  return (
    <PageRoot
      id="certificate-page"
      title="nav.certificate"
      isOffline={mine.isOffline}
      asOf={mine.asOf}
    >
      <View className="tt-screen">
        <ApplicantGate
          isSignedIn={mine.isSignedIn}
          isLoading={mine.isLoading}
          hasData={mine.data !== null}
          hasApplication={certificates.length > 0 || isBound}
          error={mine.error}
          onRetry={mine.reload}
          onGoToMe={() => void Taro.navigateTo({ url: ROUTES.me })}
        >
          {() =>
            certificates.length === 0 ? (
              <View className="tt-screen__card" id="no-certificate-yet">
                <View className="tt-screen__big">{t('guide.certificate.notYet')}</View>
                <View className="tt-screen__line">{t('guide.certificate.whenItComes')}</View>
                <Button
                  className="tt-screen__button"
                  id="open-application"
                  fill="outline"
                  block
                  onClick={() => void Taro.navigateTo({ url: ROUTES.application() })}
                >
                  {t('guide.certificate.seeProgress')}
                </Button>
              </View>
            ) : (
              certificates.map((certificate) => (
                <View key={certificate.id}>
                  <View
                    className="tt-screen__card tt-certificate"
                    id={`certificate-${certificate.id}`}
                  >
                    <View className="tt-screen__title" role="heading" aria-level={2}>
                      {t('certificate.heading')}
                    </View>
                    <Tag
                      type={certificate.state === CERTIFICATE_STATE.VALID ? 'success' : 'danger'}
                    >
                      {certificate.state === CERTIFICATE_STATE.VALID
                        ? t('certificate.valid')
                        : t('certificate.revoked')}
                    </Tag>
                    {certificate.revokedReason ? (
                      <Quotation className="tt-screen__error" lead="notice.quoted">
                        {certificate.revokedReason}
                      </Quotation>
                    ) : null}
                    <View className="tt-screen__big" id="certificate-holder">
                      <ZhText>{certificate.holderName}</ZhText>
                    </View>
                    <View className="tt-screen__line">
                      {isOneOf(TITLE_LEVEL, certificate.level)
                        ? t(`level.${certificate.level}`)
                        : certificate.level}{' '}
                      ·{' '}
                      {isOneOf(TITLE_SERIES, certificate.series)
                        ? t(`series.${certificate.series}`)
                        : certificate.series}{' '}
                      · <ZhText>{certificate.specialty}</ZhText>
                    </View>
                    <View className="tt-screen__line">
                      {t('certificate.number', { no: certificate.certificateNo })}
                    </View>
                    {certificate.qualificationDocumentNo ? (
                      <View className="tt-screen__line">
                        <ZhSentence
                          text={t('certificate.document', {
                            no: zhSlot('no'),
                            date: certificate.qualificationDocumentDate ?? '',
                          })}
                          zh={{ no: certificate.qualificationDocumentNo }}
                        />
                      </View>
                    ) : null}
                    <View className="tt-screen__line">
                      <ZhSentence
                        text={t('certificate.issued', {
                          date: certificate.issuedOn,
                          committee: zhSlot('committee'),
                        })}
                        zh={{ committee: certificate.issuingCommittee }}
                      />
                    </View>
                    <Image
                      className="tt-certificate__qr"
                      src={certificate.qrPngDataUrl}
                      mode="aspectFit"
                      id="certificate-qr"
                    />
                    <View className="tt-screen__muted">{t('certificate.qrHint')}</View>
                    <Button
                      onClick={() =>
                        void saveQrImage(certificate.qrPngDataUrl, certificate.certificateNo).catch(
                          () => undefined,
                        )
                      }
                    >
                      {t('certificate.saveQr')}
                    </Button>
                    <Button
                      id="certificate-copy-verify-link"
                      onClick={() => void Taro.setClipboardData({ data: certificate.verifyUrl })}
                    >
                      {t('certificate.shareVerifyLink')}
                    </Button>
                  </View>
                  <ShareLinks certificate={certificate} />
                </View>
              ))
            )
          }
        </ApplicantGate>
      </View>
      {/* Saving the QR to the album is a privacy-scoped call on weapp: WeChat asks consent here. */}
      <PrivacySheet />
    </PageRoot>
  );
}
