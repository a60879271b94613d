// The console's pages, in their own subpackage so the applicant's main package does not grow.
export const OFFICE_ROUTES = {
  signIn: '/packages/office/pages/sign-in/index',
  console: '/packages/office/pages/console/index',
} as const;
