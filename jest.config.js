/** @type {import('jest').Config} */
module.exports = {
  // npm test runs each project separately (scripts/test.mjs); this file lets `npx jest` run the unit suites.
  projects: ['<rootDir>/shared', '<rootDir>/server', '<rootDir>/miniapp'],
};
