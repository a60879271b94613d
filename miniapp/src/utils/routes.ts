// The pages' paths. Secondary screens live in the `applicant` subpackage to keep the weapp main
// package small (see docs/miniapp.md).
const SUB = '/packages/applicant/pages';

export const ROUTES = {
  home: '/pages/index/index',
  notice: (id: string): string => `/pages/notice/index?id=${encodeURIComponent(id)}`,
  application: (id?: string): string =>
    `${SUB}/application/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  todo: `${SUB}/todo/index`,
  fee: `${SUB}/fee/index`,
  inbox: `${SUB}/inbox/index`,
  calendar: `${SUB}/calendar/index`,
  me: `${SUB}/me/index`,
  certificate: `${SUB}/certificate/index`,
  facts: `${SUB}/facts/index`,
  feedback: `${SUB}/feedback/index`,
  eligibility: `${SUB}/eligibility/index`,
  // The office console's door, in its own subpackage (packages/office).
  officeSignIn: '/packages/office/pages/sign-in/index',
} as const;
