import { createPublicKey, verify } from 'node:crypto';

import jsQR from 'jsqr';
import { PNG } from 'pngjs';

import {
  exportCsv,
  exportRow,
  EXPORT_HEADERS,
} from '../../src/modules/mirror/import/export.fixture';
import { newCertificatePublicId } from '../../src/modules/certificate/certificate-code';
import { QrImageRenderer } from '../../src/modules/certificate/qr-image.store';
import { ShareLinkRepository } from '../../src/modules/certificate/share-link.repository';
import { PlannerService } from '../../src/modules/reminders/planner.service';
import { ID_BOB, certificateIssuedEvent } from '../support/factories';
import { callerFrom, deliverPlatformEvent } from '../support/requests';
import { createTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const SECRET = 'c'.repeat(40);
const ADMIN = { username: 'admin', password: 'correct horse battery staple' };
const run = Date.now().toString(36).toUpperCase();
const PUBLIC_BASE_URL = 'https://titletrack.example.cn';

function decodeQr(dataUrl: string): string | null {
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return (
    jsQR(
      new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength),
      png.width,
      png.height,
    )?.data ?? null
  );
}

describe('e-certificates: mirror, my certificate, verification, share links, revocation', () => {
  let t: TestApp;
  let staff: string;
  let holder: string;
  let stranger: string;
  const from = callerFrom('203.0.113');
  const deliver = (body: unknown) => deliverPlatformEvent(t.api, SECRET, body);
  const issue = (
    applicationNo: string,
    certificateNo: string,
    extra: Record<string, unknown> = {},
  ) =>
    deliver(
      certificateIssuedEvent(`evt-${certificateNo}`, applicationNo, certificateNo, extra),
    ).expect(200);
  const pathOf = (url: string) => url.slice(PUBLIC_BASE_URL.length);
  const myCertificate = async (token: string) =>
    (await t.api.get('/api/me/certificates').set(from(token)).expect(200)).body.items[0];
  // A holder of their own, with one certificate, so limits and caps start from nothing.
  const newHolder = async (label: string): Promise<{ token: string; id: string }> => {
    await issue(`CERT${run}-${label}`, `HTZC-${run}-${label}`);
    const token = (
      await t.api
        .post('/api/auth/dev')
        .send({ devUserId: `holder-${label}-${run}` })
        .expect(200)
    ).body.token;
    await t.api
      .post('/api/me/bindings')
      .set(from(token))
      .send({ name: '王建国', idCardNumber: ID_BOB, applicationNo: `CERT${run}-${label}` })
      .expect(200);
    return { token, id: (await myCertificate(token)).id };
  };
  const share = (token: string, id: string, purpose = '入职审核') =>
    t.api
      .post(`/api/me/certificates/${id}/shares`)
      .set(from(token))
      .send({ purpose, expiresInDays: 30, fields: ['series'] });
  const activeLinks = async (id: string): Promise<number> =>
    Number(
      (
        await t.dataSource.query(
          'SELECT COUNT(*) AS n FROM certificate_share_link WHERE certificateId = ? AND revokedAt IS NULL',
          [id],
        )
      )[0].n,
    );

  beforeAll(async () => {
    t = await createTestApp({
      PLATFORM_WEBHOOK_SECRETS: SECRET,
      PUBLIC_BASE_URL,
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    });
    staff = (await t.api.post('/api/auth/staff').send(ADMIN).expect(200)).body.token;
    holder = (
      await t.api
        .post('/api/auth/dev')
        .send({ devUserId: `holder-${run}` })
        .expect(200)
    ).body.token;
    stranger = (
      await t.api
        .post('/api/auth/dev')
        .send({ devUserId: `stranger-${run}` })
        .expect(200)
    ).body.token;
    await issue(`CERT${run}-1`, `HTZC-${run}-1`);
    await t.api
      .post('/api/me/bindings')
      .set(from(holder))
      .send({ name: '王建国', idCardNumber: ID_BOB, applicationNo: `CERT${run}-1` })
      .expect(200);
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('mirrors an issued certificate once, with its holder encrypted, and records that it is ready', async () => {
    await issue(`CERT${run}-1`, `HTZC-${run}-1`); // the platform says it again
    const rows = await t.dataSource.query(
      'SELECT holderIdCipher, state FROM certificate WHERE certificateNo = ?',
      [`HTZC-${run}-1`],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].holderIdCipher).not.toContain(ID_BOB);
    const events = await t.dataSource.query(
      "SELECT e.kind FROM domain_event e JOIN application a ON a.id = e.applicationId WHERE a.applicationNo = ? AND e.kind = 'certificate_ready'",
      [`CERT${run}-1`],
    );
    expect(events).toHaveLength(1);
  });

  it('shows the holder their certificate in full, with a QR that decodes to its verify link', async () => {
    const certificate = await myCertificate(holder);

    expect(certificate).toMatchObject({
      certificateNo: `HTZC-${run}-1`,
      holderName: '王建国',
      level: 'intermediate',
      specialty: '临床医学',
      issuedOn: '2023-12-05',
      qualificationDocumentNo: '和地职改字〔2023〕12号',
      state: 'valid',
    });
    expect(certificate.verifyUrl).toMatch(
      new RegExp(`^${PUBLIC_BASE_URL}/verify/[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{86}$`),
    );
    expect(decodeQr(certificate.qrPngDataUrl)).toBe(certificate.verifyUrl);
    expect(
      (await t.api.get('/api/me/certificates').set(from(stranger)).expect(200)).body.items,
    ).toEqual([]);
    await t.api
      .get(`/api/me/certificates/${certificate.id}/shares`)
      .set(from(stranger))
      .expect(404);
  });

  it('tells the holder the e-certificate is ready, in the inbox', async () => {
    await t.app
      .get(PlannerService)
      .runOnce(new Date('2023-12-06T04:00:00Z'), { isFullScan: false });

    const inbox = (await t.api.get('/api/me/inbox').set(from(holder)).expect(200)).body;
    expect(inbox.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'certificate_ready', readAt: null }),
      ]),
    );
  });

  it('lets anyone verify the QR without signing in: valid, with the holder masked', async () => {
    const { verifyUrl } = await myCertificate(holder);
    const api = await t.api
      .get(`/api/certificates${pathOf(verifyUrl)}`)
      .set(from())
      .expect(200);
    expect(api.body).toEqual({
      result: 'valid',
      holderNameMasked: '王**',
      level: 'intermediate',
      specialty: '临床医学',
      issuedOn: '2023-12-05',
    });

    const page = await t.api
      .get(pathOf(verifyUrl))
      .set(from())
      .expect(200)
      .expect('Content-Type', /html/);
    expect(page.text).toContain('data-result="valid"');
    expect(page.text).toContain('王**');
    expect(page.text).toContain('中级');
    expect(page.text).not.toContain('王建国');
  });

  it('answers "not a valid certificate" for tampered, unknown and malformed codes alike', async () => {
    const { verifyUrl } = await myCertificate(holder);
    const code = pathOf(verifyUrl).slice('/verify/'.length);
    const flipped = `${code.slice(0, 5)}${code[5] === 'A' ? 'B' : 'A'}${code.slice(6)}`;
    const unknown = `${'A'.repeat(21)}A.${code.split('.')[1]}`;
    for (const bad of [flipped, unknown, 'nonsense', `${code}x`]) {
      expect(
        (
          await t.api
            .get(`/api/certificates/verify/${encodeURIComponent(bad)}`)
            .set(from())
            .expect(200)
        ).body,
      ).toEqual({ result: 'invalid' });
      const page = await t.api
        .get(`/verify/${encodeURIComponent(bad)}`)
        .set(from())
        .expect(200);
      expect(page.text).toContain('data-result="invalid"');
      expect(page.text).toContain('不是有效的证书');
    }
  });

  it('publishes the public key that checks the codes', async () => {
    const { verifyUrl } = await myCertificate(holder);
    const [publicId = '', signature = ''] = pathOf(verifyUrl).slice('/verify/'.length).split('.');
    const { body } = await t.api.get('/api/certificates/public-key').expect(200);
    expect(body.algorithm).toBe('Ed25519');
    expect(
      verify(
        null,
        Buffer.from(`titletrack-certificate-v1:${publicId}`),
        createPublicKey(body.publicKeyPem),
        Buffer.from(signature, 'base64url'),
      ),
    ).toBe(true);
  });

  it('lets the holder share chosen details for a purpose, at most 3 links at once, and revoke them', async () => {
    const { id } = await myCertificate(holder);
    const created = await t.api
      .post(`/api/me/certificates/${id}/shares`)
      .set(from(holder))
      .send({ purpose: '入职审核', expiresInDays: 30, fields: ['fullName', 'certificateNo'] })
      .expect(201);
    expect(created.body).toMatchObject({
      purpose: '入职审核',
      isActive: true,
      fields: ['fullName', 'certificateNo'],
    });
    const shared = await t.api
      .get(`/api/certificates${pathOf(created.body.url)}`)
      .set(from())
      .expect(200);
    expect(shared.body).toMatchObject({
      result: 'valid',
      shared: { fullName: '王建国', certificateNo: `HTZC-${run}-1` },
      sharePurpose: '入职审核',
    });
    expect(shared.body.shared).not.toHaveProperty('issuingCommittee');
    const page = await t.api.get(pathOf(created.body.url)).set(from()).expect(200);
    expect(page.text).toContain('王建国');

    for (const purpose of ['职称聘任', '人才引进']) {
      await t.api
        .post(`/api/me/certificates/${id}/shares`)
        .set(from(holder))
        .send({ purpose, expiresInDays: 90, fields: ['series'] })
        .expect(201);
    }
    const fourth = await t.api
      .post(`/api/me/certificates/${id}/shares`)
      .set(from(holder))
      .send({ purpose: '其他', expiresInDays: 7, fields: ['series'] })
      .expect(422);
    expect(fourth.body).toMatchObject({
      code: 'SHARE_LINK_REFUSED',
      details: { reason: 'too_many_active' },
    });
    await t.api
      .post(`/api/me/certificates/${id}/shares`)
      .set(from(holder))
      .send({ purpose: '其他', expiresInDays: 91, fields: ['series'] })
      .expect(400);

    await t.api
      .delete(`/api/me/certificates/${id}/shares/${created.body.id}`)
      .set(from(holder))
      .expect(204);
    expect(
      (
        await t.api
          .get(`/api/certificates${pathOf(created.body.url)}`)
          .set(from())
          .expect(200)
      ).body,
    ).toEqual({ result: 'invalid' });
    const links = (
      await t.api.get(`/api/me/certificates/${id}/shares`).set(from(holder)).expect(200)
    ).body.items;
    expect(links.map((link: { isActive: boolean }) => link.isActive)).toEqual([true, true, false]);
    expect(links.every((link: { url: string | null }) => link.url === null)).toBe(true);
  });

  it('keeps at most 3 active links when 10 creations arrive at once', async () => {
    const { token, id } = await newHolder('C');
    // Each creation pauses between counting the active links and writing its own, so without
    // the certificate's lock the creations would all count the same links and all write.
    const links = t.app.get(ShareLinkRepository);
    const count = links.getByCertificate.bind(links);
    jest.spyOn(links, 'getByCertificate').mockImplementation(async (certificateId) => {
      const counted = await count(certificateId);
      await new Promise((resolve) => setTimeout(resolve, 20));
      return counted;
    });

    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) => share(token, id, `并发 ${index}`)),
    );

    const created = answers.filter((answer) => answer.status === 201);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(created).toHaveLength(3);
    expect(refused).toHaveLength(7);
    for (const answer of refused) {
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({
        code: 'SHARE_LINK_REFUSED',
        details: { reason: 'too_many_active' },
      });
    }
    expect(await activeLinks(id)).toBe(3);
  });

  it('limits share links per holder: 10 creations and 20 revocations an hour', async () => {
    const { token, id } = await newHolder('R');
    // Fixed windows: within twice the limit plus one, one window must overflow, wherever the hour
    // boundary falls. Refused creations (past the cap of 3) count as attempts too.
    const firstRefusal = async (
      attempt: () => Promise<{ status: number; body: Record<string, unknown> }>,
      limit: number,
    ) => {
      for (let index = 1; index <= 2 * limit + 1; index += 1) {
        const answer = await attempt();
        if (answer.status === 429) return { index, body: answer.body };
        expect([201, 204, 422]).toContain(answer.status);
      }
      return { index: -1, body: {} };
    };

    const firstLink = (await share(token, id).expect(201)).body.id;
    const creations = await firstRefusal(() => share(token, id), 10);
    expect(creations.index).toBeGreaterThan(9);
    expect(creations.body).toMatchObject({
      code: 'RATE_LIMITED',
      details: { retryAfterSeconds: expect.any(Number) },
    });
    const { retryAfterSeconds } = creations.body.details as { retryAfterSeconds: number };
    expect(retryAfterSeconds).toBeGreaterThan(0);
    expect(retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(await activeLinks(id)).toBe(3);

    // Revoking a revoked link again is an attempt as well.
    const revocations = await firstRefusal(
      () => t.api.delete(`/api/me/certificates/${id}/shares/${firstLink}`).set(from(token)),
      20,
    );
    expect(revocations.index).toBeGreaterThan(20);
    expect(revocations.body).toMatchObject({ code: 'RATE_LIMITED' });
    // Another holder is not held back by this one.
    await share(holder, (await myCertificate(holder)).id, '评审').expect((res) => {
      expect(res.status).not.toBe(429);
    });
  });

  it('renders a QR once and keeps it, and never shows the image of an old code', async () => {
    const { token, id } = await newHolder('Q');
    const first = await myCertificate(token);
    const render = jest.spyOn(t.app.get(QrImageRenderer), 'render');

    const second = await myCertificate(token);
    expect(render).not.toHaveBeenCalled();
    expect(second.qrPngDataUrl).toBe(first.qrPngDataUrl);

    // The certificate's code changes (its public id is drawn again): a new image for the new URL.
    await t.unitOfWork.write((manager) =>
      manager.query('UPDATE certificate SET publicId = ? WHERE id = ?', [
        newCertificatePublicId(),
        id,
      ]),
    );
    const changed = await myCertificate(token);
    expect(changed.verifyUrl).not.toBe(first.verifyUrl);
    expect(decodeQr(changed.qrPngDataUrl)).toBe(changed.verifyUrl);
    expect(render).toHaveBeenCalledTimes(1);

    // Revoked: the holder sees the state at once, and the QR still leads to the live answer.
    await t.api
      .post(`/api/staff/certificates/${id}/revoke`)
      .set(from(staff))
      .send({ reason: '提供虚假材料' })
      .expect(200);
    const revoked = await myCertificate(token);
    expect(revoked.state).toBe('revoked');
    expect(decodeQr(revoked.qrPngDataUrl)).toBe(revoked.verifyUrl);
    expect(
      (
        await t.api
          .get(`/api/certificates${pathOf(revoked.verifyUrl)}`)
          .set(from())
          .expect(200)
      ).body.result,
    ).toBe('revoked');
  });

  it('shows the holder who checked the certificate, and how, never an address', async () => {
    const { id } = await myCertificate(holder);
    const log = (
      await t.api.get(`/api/me/certificates/${id}/verifications`).set(from(holder)).expect(200)
    ).body.items;
    expect(log.length).toBeGreaterThanOrEqual(3);
    expect(new Set(log.map((entry: { channel: string }) => entry.channel))).toEqual(
      new Set(['qr', 'share']),
    );
    expect(log.find((entry: { channel: string }) => entry.channel === 'share')).toMatchObject({
      sharePurpose: '入职审核',
    });
    expect(JSON.stringify(log)).not.toMatch(/203\.0\.113/);
    const stored = await t.dataSource.query('SELECT verifierTag FROM certificate_verification');
    expect(JSON.stringify(stored)).not.toMatch(/203\.0\.113/);
  });

  it('lets staff revoke with a reason, audit-logged; the holder and every verifier then see 已撤销', async () => {
    const { id, verifyUrl } = await myCertificate(holder);
    const share = await t.api
      .post(`/api/me/certificates/${id}/shares`)
      .set(from(holder))
      .send({ purpose: '复核', expiresInDays: 1, fields: ['fullName'] });
    await t.api
      .post(`/api/staff/certificates/${id}/revoke`)
      .set(from(holder))
      .send({ reason: '提供虚假材料（R19）' })
      .expect(403);

    const revoked = await t.api
      .post(`/api/staff/certificates/${id}/revoke`)
      .set(from(staff))
      .send({ reason: '提供虚假材料，取消任职资格（R19）' })
      .expect(200);

    expect(revoked.body).toMatchObject({
      state: 'revoked',
      holderNameMasked: '王**',
      revokedReason: '提供虚假材料，取消任职资格（R19）',
    });
    const [audit] = await t.dataSource.query(
      "SELECT action, targetId, detail FROM audit_log WHERE targetType = 'certificate' AND targetId = ?",
      [id],
    );
    expect(audit).toMatchObject({ action: 'certificate.revoke', targetId: id });
    expect(JSON.parse(audit.detail)).toMatchObject({ reason: '提供虚假材料，取消任职资格（R19）' });
    expect(await myCertificate(holder)).toMatchObject({ state: 'revoked' });
    expect(
      (
        await t.api
          .get(`/api/certificates${pathOf(verifyUrl)}`)
          .set(from())
          .expect(200)
      ).body,
    ).toMatchObject({ result: 'revoked', holderNameMasked: '王**' });
    expect((await t.api.get(pathOf(verifyUrl)).set(from()).expect(200)).text).toContain('已撤销');
    if (share.status === 201) {
      const viaShare = (
        await t.api
          .get(`/api/certificates${pathOf(share.body.url)}`)
          .set(from())
          .expect(200)
      ).body;
      expect(viaShare.result).toBe('revoked');
      expect(viaShare).not.toHaveProperty('shared');
    }
  });

  it('limits verifications per verifier, in the page as in the API', async () => {
    const { verifyUrl } = await myCertificate(holder);
    const same = { 'X-Forwarded-For': '198.18.0.77' };
    // 30 a minute in fixed windows: within 61 requests one window must overflow, however slow
    // the machine is and wherever the minute boundary falls.
    const firstRefusal = async (
      path: string,
    ): Promise<{ index: number; status: number; text: string; code?: string }> => {
      for (let index = 1; index <= 61; index += 1) {
        const res = await t.api.get(path).set(same);
        if (res.status !== 200)
          return { index, status: res.status, text: res.text, code: res.body?.code };
      }
      return { index: -1, status: 200, text: '' };
    };
    const api = await firstRefusal(`/api/certificates${pathOf(verifyUrl)}`);
    expect(api).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(api.index).toBeGreaterThan(30);
    const page = await firstRefusal(pathOf(verifyUrl));
    expect(page.status).toBe(429);
    expect(page.text).toContain('查询过于频繁');
  });

  it('takes certificates from an export file too', async () => {
    const headers = [...EXPORT_HEADERS, '证书编号', '发证日期', '评审委员会'];
    const csv = exportCsv(
      [
        exportRow(1, {
          申报编号: `CERT${run}-9`,
          状态: '电子证书已签发',
          状态时间: '2023-12-05 10:00:00',
          证书编号: `HTZC-${run}-9`,
          发证日期: '2023/12/5',
          评审委员会: '和田地区卫生系列中级评审委员会',
        }),
      ],
      headers,
    );
    await t.api
      .post('/api/staff/imports')
      .set(from(staff))
      // The rows carry no 年度 and their times fall after the application window: the office says.
      .field('year', '2023')
      .attach('file', Buffer.from(csv), 'certs.csv')
      .expect(200);
    const found = (
      await t.api.get(`/api/staff/certificates?number=HTZC-${run}-9`).set(from(staff)).expect(200)
    ).body.items;
    expect(found).toEqual([
      expect.objectContaining({
        certificateNo: `HTZC-${run}-9`,
        applicationNo: `CERT${run}-9`,
        issuedOn: '2023-12-05',
        state: 'valid',
      }),
    ]);
  });
});
