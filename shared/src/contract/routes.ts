// Paths relative to the API base (`/api`); both the server's controllers and the mini-app's
// services use these so a renamed route fails to compile on both sides.
export const API_PREFIX = 'api';

export const API_ROUTES = {
  health: '/health',
  notices: '/notices',
  notice: (id: string): string => `/notices/${encodeURIComponent(id)}`,
  calendars: '/calendars',
  authWechat: '/auth/wechat',
  authDev: '/auth/dev',
  authDemo: '/auth/demo',
  authStaff: '/auth/staff',
  authLogout: '/auth/logout',
  me: '/me',
  staffUsers: '/staff/users',
  staffImports: '/staff/imports',
  // Every bad cell of a refused import (text/csv), for the account that uploaded it, for a day.
  staffImportReport: (reportId: string): string =>
    `/staff/imports/reports/${encodeURIComponent(reportId)}`,
  staffApplications: '/staff/applications',
  platformEvents: '/platform/events',
  myApplications: '/me/applications',
  myApplication: (id: string): string => `/me/applications/${encodeURIComponent(id)}`,
  myApplicationProgress: (id: string): string =>
    `/me/applications/${encodeURIComponent(id)}/progress`,
  myBindings: '/me/bindings',
  myBinding: (applicationId: string): string => `/me/bindings/${encodeURIComponent(applicationId)}`,
  calendar: (year: number): string => `/calendars/${year}`,
  // iCalendar files (text/calendar) for "add to my phone's calendar".
  calendarIcs: (year: number): string => `/calendars/${year}/ics`,
  myCalendarIcs: '/me/calendar.ics',
  myCertificates: '/me/certificates',
  myCertificateShares: (certificateId: string): string =>
    `/me/certificates/${encodeURIComponent(certificateId)}/shares`,
  myCertificateShare: (certificateId: string, shareId: string): string =>
    `/me/certificates/${encodeURIComponent(certificateId)}/shares/${encodeURIComponent(shareId)}`,
  myCertificateVerifications: (certificateId: string): string =>
    `/me/certificates/${encodeURIComponent(certificateId)}/verifications`,
  verifyCertificate: (code: string): string => `/certificates/verify/${encodeURIComponent(code)}`,
  verifyShare: (token: string): string => `/certificates/verify/share/${encodeURIComponent(token)}`,
  certificatePublicKey: '/certificates/public-key',
  staffCertificates: '/staff/certificates',
  // The office turns a pasted or uploaded notice into a calendar draft; nothing is stored.
  officeNoticeDrafts: '/office/notice-drafts',
  officeNoticeDraftFile: '/office/notice-drafts/file',
  officeNotices: '/office/notices',
  officeNotice: (id: string): string => `/office/notices/${encodeURIComponent(id)}`,
  officeNoticePublish: (id: string): string => `/office/notices/${encodeURIComponent(id)}/publish`,
  officeNoticeCorrections: (id: string): string =>
    `/office/notices/${encodeURIComponent(id)}/corrections`,
  officeNoticeWithdraw: (id: string): string =>
    `/office/notices/${encodeURIComponent(id)}/withdraw`,
  // The applicant's current round of a region (query: regionCode, year, route).
  calendarRound: '/calendars/round',
  myNoticeWatches: '/me/notice-watches',
  myFacts: '/me/facts',
  myEligibility: '/me/eligibility',
  myApplicationChecklist: (id: string): string =>
    `/me/applications/${encodeURIComponent(id)}/checklist`,
  staffApplicationFacts: (id: string): string =>
    `/staff/applications/${encodeURIComponent(id)}/facts`,
  myNoticeWatch: (regionCode: string, year: number): string =>
    `/me/notice-watches/${encodeURIComponent(regionCode)}/${year}`,
  staffCertificateRevoke: (certificateId: string): string =>
    `/staff/certificates/${encodeURIComponent(certificateId)}/revoke`,
  myInbox: '/me/inbox',
  myInboxUnreadCount: '/me/inbox/unread-count',
  myInboxRead: (messageId: string): string => `/me/inbox/${encodeURIComponent(messageId)}/read`,
  myInboxReadAll: '/me/inbox/read-all',
  // 投诉建议: the applicant writes and reads their own; the region's office lists and replies.
  myFeedback: '/me/feedback',
  staffFeedback: '/staff/feedback',
  staffFeedbackItem: (id: string): string => `/staff/feedback/${encodeURIComponent(id)}`,
  staffFeedbackReply: (id: string): string => `/staff/feedback/${encodeURIComponent(id)}/reply`,
  staffFeedbackHandled: (id: string): string => `/staff/feedback/${encodeURIComponent(id)}/handled`,
  subscriptionTemplates: '/subscriptions/templates',
  mySubscriptions: '/me/subscriptions',
  wechatPush: '/wechat/push',
} as const;

// The human pages behind a certificate's QR and its share links: served by the server outside
// the API prefix, short, and what the QR encodes (after PUBLIC_BASE_URL).
export const VERIFY_PAGES = {
  certificate: (code: string): string => `/verify/${encodeURIComponent(code)}`,
  share: (token: string): string => `/verify/share/${encodeURIComponent(token)}`,
} as const;
