import { API_ROUTES } from '@titletrack/shared/contract';
import type {
  CalendarYearResponse,
  CorrectOfficeNoticeRequest,
  CorrectOfficeNoticeResponse,
  CreateOfficeNoticeRequest,
  CreateStaffUserRequest,
  ImportResult,
  NoticeDraftResponse,
  OfficeNoticeListResponse,
  OfficeNoticeResponse,
  PublishOfficeNoticeResponse,
  StaffApplicationAlerts,
  StaffApplicationDetail,
  StaffApplicationPage,
  StaffCertificateListResponse,
  StaffCertificateView,
  StaffReminderSummary,
  StaffUserListResponse,
  StaffUserResponse,
  UpdateOfficeNoticeRequest,
  WithdrawOfficeNoticeResponse,
} from '@titletrack/shared/contract';
import type { EvaluationRoute } from '@titletrack/shared/calendar';

import { officeHttp } from './office-http';
import type { PickedFile } from './office-http-client';
import { officeSession } from './office-session';
import type { StoredSession } from './session-store';

// On H5 the answer holds no token (it came as an HttpOnly cookie).
export async function signInStaff(username: string, password: string): Promise<StoredSession> {
  const session = await officeHttp.post<StoredSession>(API_ROUTES.authStaff, {
    username,
    password,
  });
  officeSession.save(session);
  return session;
}

export async function signOutStaff(): Promise<void> {
  // The local session ends whatever the server says: a lost answer must not keep staff signed in.
  await officeHttp.post(API_ROUTES.authLogout).catch(() => undefined);
  officeSession.clear();
}

export const getOfficeNotices = (
  regionCode: string,
  year: number,
): Promise<OfficeNoticeListResponse> =>
  officeHttp.get(API_ROUTES.officeNotices, { regionCode, year });

export const getOfficeNotice = (id: string): Promise<OfficeNoticeResponse> =>
  officeHttp.get(API_ROUTES.officeNotice(id));

export const draftNoticeFromText = (
  regionCode: string,
  year: number,
  text: string,
): Promise<NoticeDraftResponse> =>
  officeHttp.post(API_ROUTES.officeNoticeDrafts, { regionCode, year, text });

export const draftNoticeFromFile = (
  regionCode: string,
  year: number,
  file: PickedFile,
  onProgress?: (percent: number) => void,
): Promise<NoticeDraftResponse> =>
  officeHttp.upload(
    API_ROUTES.officeNoticeDraftFile,
    file,
    { regionCode, year: String(year) },
    onProgress,
  );

export const createOfficeNotice = (
  request: CreateOfficeNoticeRequest,
): Promise<OfficeNoticeResponse> => officeHttp.post(API_ROUTES.officeNotices, request);

export const updateOfficeNotice = (
  id: string,
  request: UpdateOfficeNoticeRequest,
): Promise<OfficeNoticeResponse> => officeHttp.put(API_ROUTES.officeNotice(id), request);

export const publishOfficeNotice = (id: string): Promise<PublishOfficeNoticeResponse> =>
  officeHttp.post(API_ROUTES.officeNoticePublish(id));

export const correctOfficeNotice = (
  id: string,
  request: CorrectOfficeNoticeRequest,
): Promise<CorrectOfficeNoticeResponse> =>
  officeHttp.post(API_ROUTES.officeNoticeCorrections(id), request);

export const withdrawOfficeNotice = (
  id: string,
  note: string,
): Promise<WithdrawOfficeNoticeResponse> =>
  officeHttp.post(API_ROUTES.officeNoticeWithdraw(id), { note });

export const getPublishedCalendar = (
  year: number,
  regionCode: string,
  route: EvaluationRoute,
): Promise<CalendarYearResponse> =>
  officeHttp.get(API_ROUTES.calendar(year), { regionCode, route });

export const importExport = (
  file: PickedFile,
  year: number | null,
  onProgress: (percent: number) => void,
): Promise<ImportResult> =>
  officeHttp.upload(
    year === null ? API_ROUTES.staffImports : `${API_ROUTES.staffImports}?year=${year}`,
    file,
    {},
    onProgress,
  );

export const searchApplications = (query: {
  q?: string;
  status?: string;
  page: number;
}): Promise<StaffApplicationPage> =>
  officeHttp.get(API_ROUTES.staffApplications, { ...query, pageSize: 20 });

export const getApplication = (id: string): Promise<StaffApplicationDetail> =>
  officeHttp.get(`${API_ROUTES.staffApplications}/${encodeURIComponent(id)}`);

export const getApplicationAlerts = (id: string): Promise<StaffApplicationAlerts> =>
  officeHttp.get(`${API_ROUTES.staffApplications}/${encodeURIComponent(id)}/alerts`);

export const getReminderSummary = (): Promise<StaffReminderSummary> =>
  officeHttp.get('/staff/reminders');

export const getCertificates = (number?: string): Promise<StaffCertificateListResponse> =>
  officeHttp.get(API_ROUTES.staffCertificates, { number: number || undefined });

export const revokeCertificate = (id: string, reason: string): Promise<StaffCertificateView> =>
  officeHttp.post(API_ROUTES.staffCertificateRevoke(id), { reason });

export const getStaffUsers = (): Promise<StaffUserListResponse> =>
  officeHttp.get(API_ROUTES.staffUsers);

export const createStaffUser = (request: CreateStaffUserRequest): Promise<StaffUserResponse> =>
  officeHttp.post(API_ROUTES.staffUsers, request);
