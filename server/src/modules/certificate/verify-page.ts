import {
  SHAREABLE_FIELD,
  TITLE_LEVEL_LABEL,
  TITLE_SERIES_LABEL,
  VERIFY_RESULT,
} from '@titletrack/shared/domain';
import type {
  ShareableField,
  TitleLevel,
  TitleSeries,
  VerifyResult,
} from '@titletrack/shared/domain';

import { escapeHtml } from '../../common/html';
import type { VerifyCertificateResponseDto } from './certificate.dto';

// The page a verifier's phone opens from the QR: plain HTML, no script, a few kilobytes, so it
// shows at once in WeChat's browser on a weak network. Chinese first, Uyghur beside it.
const HEADLINE: Record<VerifyResult | 'rate_limited', { zh: string; ug: string }> = {
  [VERIFY_RESULT.VALID]: { zh: '✓ 证书有效', ug: 'گۇۋاھنامە كۈچكە ئىگە' },
  [VERIFY_RESULT.REVOKED]: { zh: '✗ 证书已撤销', ug: 'گۇۋاھنامە بىكار قىلىنغان' },
  [VERIFY_RESULT.INVALID]: { zh: '不是有效的证书', ug: 'ئىناۋەتلىك گۇۋاھنامە ئەمەس' },
  rate_limited: { zh: '查询过于频繁，请稍后再试', ug: 'سۈرۈشتۈرۈش بەك كۆپ، سەل تۇرۇپ قايتا سىناڭ' },
};

const SHARED_LABEL: Record<ShareableField, string> = {
  [SHAREABLE_FIELD.FULL_NAME]: '姓名',
  [SHAREABLE_FIELD.SERIES]: '系列',
  [SHAREABLE_FIELD.CERTIFICATE_NO]: '证书编号',
  [SHAREABLE_FIELD.QUALIFICATION_DOCUMENT]: '任职资格文件',
  [SHAREABLE_FIELD.ISSUING_COMMITTEE]: '评审委员会',
};

const COLOR: Record<VerifyResult | 'rate_limited', string> = {
  [VERIFY_RESULT.VALID]: '#0b6e2e',
  [VERIFY_RESULT.REVOKED]: '#a4000f',
  [VERIFY_RESULT.INVALID]: '#5c5c5c',
  rate_limited: '#5c5c5c',
};

function row(label: string, value: string | undefined): string {
  return value ? `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>` : '';
}

export function renderVerifyPage(answer: VerifyCertificateResponseDto | 'rate_limited'): string {
  const result = answer === 'rate_limited' ? answer : answer.result;
  const headline = HEADLINE[result];
  const details =
    answer === 'rate_limited' || answer.result === VERIFY_RESULT.INVALID
      ? ''
      : [
          row('持证人', answer.holderNameMasked),
          row('级别', TITLE_LEVEL_LABEL[answer.level as TitleLevel] ?? answer.level),
          row('专业', answer.specialty),
          row('发证日期', answer.issuedOn),
          ...Object.entries(answer.shared ?? {}).map(([field, value]) =>
            row(
              SHARED_LABEL[field as ShareableField],
              field === SHAREABLE_FIELD.SERIES
                ? (TITLE_SERIES_LABEL[value as TitleSeries] ?? value)
                : value,
            ),
          ),
          row('分享用途', answer.sharePurpose),
          row('分享有效期至', answer.shareExpiresAt?.slice(0, 10)),
        ].join('');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>职称电子证书核验 · TitleTrack</title>
<style>
body{margin:0;font:18px/1.6 -apple-system,"PingFang SC","Noto Sans CJK SC",sans-serif;color:#1a1a1a;background:#f4f5f7}
main{max-width:480px;margin:0 auto;padding:24px 16px}
h1{font-size:26px;margin:8px 0 0;color:${COLOR[result]}}
.ug{direction:rtl;text-align:right;color:${COLOR[result]};margin:0 0 16px}
table{width:100%;border-collapse:collapse;background:#fff;border-radius:8px}
th,td{padding:12px;border-bottom:1px solid #e5e6eb;text-align:left;vertical-align:top}
th{color:#4e5969;font-weight:normal;white-space:nowrap;width:7em}
footer{margin-top:24px;font-size:14px;color:#4e5969}
</style>
</head>
<body>
<main data-result="${result}">
<p>和田地区职称电子证书核验</p>
<h1>${escapeHtml(headline.zh)}</h1>
<p class="ug" lang="ug" dir="rtl">${escapeHtml(headline.ug)}</p>
${details ? `<table>${details}</table>` : ''}
<footer>证书信息来自新疆专业技术人员管理平台的签发记录；核验码由 Ed25519 签名，公钥见 /api/certificates/public-key。</footer>
</main>
</body>
</html>
`;
}
